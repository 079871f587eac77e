import pino from 'pino';
import { JobWorker, PeriodicTask } from './job-worker';

const logger = pino({ level: 'silent' });
const transient = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('JobWorker.settle', () => {
  const worker = () => new JobWorker<{ tenantId: string }>('test-job', async () => undefined, async () => undefined, logger);

  it.each([
    ['the body reached its end', async () => 'done' as const, 'completed', [['completed', null]]],
    ['the worker is stopping', async () => 'stopped' as const, 'stopped', []],
    ['the database went away (resumed after the lease)', async () => Promise.reject(transient), 'interrupted', []],
    ['the job itself failed', async () => Promise.reject(new Error('bad header')), 'failed', [['failed', 'bad header']]],
  ])('settles the job when %s', async (_, body, outcome, finished) => {
    const calls: unknown[][] = [];
    expect(await worker().settle(body, async (...args) => void calls.push(args))).toBe(outcome);
    expect(calls).toEqual(finished);
  });

  it('steps until a step says nothing is left', async () => {
    let n = 0;
    expect(await worker().steps(async () => ++n < 3)).toBe('done');
    expect(n).toBe(3);
  });
});

describe('PeriodicTask', () => {
  it('never overlaps a slow tick, keeps ticking after a failure, and stop waits for the tick in hand', async () => {
    let running = 0;
    let overlapped = false;
    let ticks = 0;
    const task = new PeriodicTask(
      'test',
      5,
      async () => {
        running++;
        overlapped ||= running > 1;
        ticks++;
        await new Promise((r) => setTimeout(r, 20));
        running--;
        if (ticks === 1) throw new Error('first tick fails');
      },
      logger,
    );
    task.start();
    await new Promise((r) => setTimeout(r, 120));
    await task.stop();
    expect(running).toBe(0);
    expect(overlapped).toBe(false);
    expect(ticks).toBeGreaterThan(1);
  });

  it('does nothing with an interval of 0', async () => {
    let ticks = 0;
    const task = new PeriodicTask('off', 0, async () => void ticks++, logger);
    task.start();
    await new Promise((r) => setTimeout(r, 20));
    await task.stop();
    expect(ticks).toBe(0);
  });
});
