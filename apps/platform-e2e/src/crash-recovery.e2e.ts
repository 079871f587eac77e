import type { Stack } from '@club/local-stack';
import { eventually } from '@club/platform-testing';
import { readTopic } from './kafka-reader';
import { api, bootStack, type Api } from './stack.fixture';

const MEMBERS = 8;
const CHECKOUTS = 240;
const CONCURRENCY = 12;

/**
 * Points are money: the points service is SIGKILLed in the middle of a burst of checkouts (tills
 * keep retrying what failed, as tills do, with the same transaction id) and started again.
 * Afterwards every checkout is credited exactly once, its events are on Kafka once per event id
 * (a relay killed between publishing and marking may publish again; consumers deduplicate), and
 * the downstream inbox holds exactly one "points earned" message per checkout.
 */
describe('crash recovery: the points service killed mid-burst', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let tenantId: string;
  const members: string[] = [];

  beforeAll(async () => {
    stack = await bootStack();
    call = api(stack);
    const t = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Crash chain', calendar: 'gregorian', currency: 'EUR' } })).json;
    key = t.apiKey;
    tenantId = t.id;
    for (let i = 0; i < MEMBERS; i++) {
      members.push((await call('POST', '/v1/members', { key, body: { phone: `0937${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` } })).json.id);
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('credits every checkout exactly once and publishes each event once per id', async () => {
    const body = (i: number) => ({ transactionId: `crash-${i}`, storeId: 's1', member: { memberId: members[i % MEMBERS] }, amount: 100 * (1 + (i % 7)), currency: 'EUR' });
    const statuses = new Map<number, number>();
    let failures = 0;
    let acknowledged = 0;
    let killed: Promise<void> | undefined;
    /** A till: sends, and on anything but 201/200 waits a little and sends the same request again. */
    const till = async (i: number) => {
      for (;;) {
        const res = await call('POST', '/v1/checkouts', { key, body: body(i) }).catch(() => ({ status: 0 }));
        if (res.status === 201 || res.status === 200) {
          statuses.set(i, res.status);
          acknowledged++;
          if (acknowledged === CHECKOUTS / 3 && !killed) {
            killed = (async () => {
              await stack.stopService('points', 'SIGKILL');
              await new Promise((r) => setTimeout(r, 500));
              await stack.startService('points');
            })();
          }
          return;
        }
        failures++;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < CHECKOUTS) await till(next++);
      }),
    );
    await killed;
    expect(statuses.size).toBe(CHECKOUTS);
    expect(failures).toBeGreaterThan(0); // the kill really interrupted the burst

    const earned = (i: number) => 1 + (i % 7); // 1 point per 100 cents
    for (let k = 0; k < MEMBERS; k++) {
      const mine = [...Array(CHECKOUTS).keys()].filter((i) => i % MEMBERS === k);
      const points = (await call('GET', `/v1/members/${members[k]}/points`, { key })).json;
      expect(points.available).toBe(mine.reduce((sum, i) => sum + earned(i), 0));
    }

    const recorded = await eventually(
      async () => {
        const events = (await readTopic('points.checkout.recorded.v1')).filter((e) => e.tenantId === tenantId);
        const ids = new Set(events.map((e) => e.data.transactionId));
        if (ids.size < CHECKOUTS) throw new Error(`${ids.size} of ${CHECKOUTS} checkouts on Kafka`);
        return events;
      },
      { timeoutMs: 60_000 },
    );
    const byTransaction = new Map<unknown, Set<string>>();
    for (const e of recorded) byTransaction.set(e.data.transactionId, (byTransaction.get(e.data.transactionId) ?? new Set()).add(e.id));
    expect([...byTransaction.values()].every((ids) => ids.size === 1)).toBe(true); // one event per checkout, however often published

    for (let k = 0; k < MEMBERS; k++) {
      const expected = [...Array(CHECKOUTS).keys()].filter((i) => i % MEMBERS === k).length;
      await eventually(
        async () => {
          const inbox = (await call('GET', `/v1/members/${members[k]}/inbox`, { key })).json.items as { kind: string }[];
          const earnedMessages = inbox.filter((m) => m.kind === 'points-earned').length;
          if (earnedMessages !== expected) throw new Error(`${earnedMessages} of ${expected} messages`);
        },
        { timeoutMs: 60_000 },
      );
    }
  });
});
