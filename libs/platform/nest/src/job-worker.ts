import type { Logger } from 'pino';
import { isTransientDbError } from '@club/platform-db';
import { runWithTenant } from '@club/platform-observability';

/**
 * The background loop of a leased job table (tier reviews, imports): claim the oldest claimable
 * job, process it under its tenant's logging context, repeat until none is left; poll every
 * `pollMs` and on `kick()`. One job at a time per process; `stop()` lets the job in hand reach a
 * committed point (the job's own code checks `stopping` between batches) and the lease lets
 * another replica resume the rest.
 */
export class JobWorker<J extends { tenantId: string }> {
  private timer: NodeJS.Timeout | undefined;
  private working: Promise<void> | undefined;
  private started = false;
  stopping = false;

  constructor(
    private readonly name: string,
    private readonly claim: () => Promise<J | undefined>,
    private readonly process: (job: J) => Promise<void>,
    private readonly logger: Logger,
    private readonly pollMs = 2000,
  ) {}

  start(): void {
    this.started = true;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.working;
  }

  /** Starts draining now unless not started, already draining or stopping. */
  kick(): void {
    if (!this.started || this.working || this.stopping) return;
    this.working = this.drain()
      .catch((err: unknown) => this.logger.error({ err, worker: this.name }, 'job worker failed'))
      .finally(() => {
        this.working = undefined;
      });
  }

  /**
   * Runs a claimed job's body and settles the job: `finish('completed')` when the body reached
   * its end; nothing when the worker is stopping (the lease lets any replica resume from the last
   * commit); left running when the database is out (`isTransientDbError`: claimed again after
   * its lease, resumed from its cursor); `finish('failed', message)` on any other error.
   */
  async settle(
    body: () => Promise<'done' | 'stopped'>,
    finish: (status: 'completed' | 'failed', error: string | null) => Promise<void>,
    context: Record<string, unknown> = {},
  ): Promise<'completed' | 'stopped' | 'interrupted' | 'failed'> {
    try {
      if ((await body()) === 'stopped' || this.stopping) return 'stopped';
      await finish('completed', null);
      return 'completed';
    } catch (err) {
      if (isTransientDbError(err)) {
        this.logger.warn({ err, ...context, worker: this.name }, `${this.name} interrupted by the database; it resumes after its lease`);
        return 'interrupted';
      }
      this.logger.error({ err, ...context, worker: this.name }, `${this.name} failed`);
      await finish('failed', err instanceof Error ? err.message : String(err));
      return 'failed';
    }
  }

  /** Calls `step` (one transaction each) until it answers false (nothing left) or the worker stops. */
  async steps(step: () => Promise<boolean>): Promise<'done' | 'stopped'> {
    while (!this.stopping) if (!(await step())) return 'done';
    return 'stopped';
  }

  /** Processes claimable jobs until none is left (tests call it directly). */
  async drain(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const job = await this.claim();
      if (!job) return;
      await runWithTenant(job.tenantId, () => this.process(job));
    }
  }
}

/** At most one run per tenant at a time: a second request while one runs gets the same promise. */
export class PerTenantOnce<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(tenantId: string, work: () => Promise<T>): Promise<T> {
    const inFlight = this.running.get(tenantId);
    if (inFlight) return inFlight;
    const run = runWithTenant(tenantId, work).finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, run);
    return run;
  }
}

/**
 * A scheduler's heartbeat: `tick` every `everyMs` (0 = never), one tick at a time (a slow tick
 * is not overlapped by the next), failures logged and left to the next tick; `stop()` waits for
 * the tick in hand.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly tick: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.everyMs === 0) return;
    this.timer = setInterval(() => {
      if (this.ticking) return;
      this.ticking = this.tick()
        .catch((err: unknown) => this.logger.warn({ err, task: this.name }, `${this.name} tick failed; the next tick retries`))
        .finally(() => (this.ticking = undefined));
    }, this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }
}
