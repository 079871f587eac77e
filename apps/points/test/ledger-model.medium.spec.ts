import { status } from '@grpc/grpc-js';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { canonicalJson } from '../src/domain/account-changes';
import type { ExpiryPolicy } from '../src/domain/expiry';
import { type Account, applyOperation, emptyAccount, invariantViolations, type LedgerConfig, type LedgerError, type Operation } from '../src/domain/ledger-model';
import type { NegativeBalancePolicy } from '../src/domain/returns';
import { POINTS_MIGRATIONS } from '../src/migrations';
import type { LedgerService } from '../src/services/ledger.service';
import { accountRow, ledgerKit, rpcFailure, storedViolations, TestClock } from './ledger-kit';

/**
 * The Postgres ledger against the reference model: random sequences of earn / hold / capture /
 * release / redeem / return / adjust / accept (and replays of earlier requests) applied to the
 * service and to `applyOperation`, checking after every step the same outcome, the same entries,
 * lots, redemptions, checkouts and balances, and the stored invariants in SQL.
 */

const T0 = Date.parse('2024-03-01T08:00:00Z') - 200 * 86_400_000; // fixed-yearly expiry (Esfand) falls inside some runs
const DAY = 86_400_000;
const SKUS = ['A', 'B', 'C'];

type Line = { sku: string; quantity: number; unitPrice: number };
type Command =
  | { c: 'earn'; dt: number; points: number; lines: Line[]; redeem: number }
  | { c: 'hold' | 'redeem'; dt: number; points: number }
  | { c: 'capture' | 'release'; dt: number; ref: number }
  | { c: 'return'; dt: number; ref: number; items: { sku: number; quantity: number }[] | null; amount: number }
  | { c: 'adjust'; dt: number; points: number }
  | { c: 'accept'; dt: number; ref: number }
  | { c: 'replay'; dt: number; ref: number };

/** Time to the next operation: often none (a till's hold and capture), sometimes days (pending periods, expiry). */
const dt = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 4 * DAY }));
/** The `ref`-th latest of `xs` (small refs, which fast-check favours, pick recent ones). */
const latest = <T>(xs: readonly T[], ref: number): T => xs[xs.length - 1 - (ref % xs.length)];
/** Half the time the latest, else any. */
const ref = fc.oneof(fc.constant(0), fc.nat());
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      c: fc.constant('earn' as const),
      dt,
      points: fc.integer({ min: 0, max: 400 }),
      lines: fc.array(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 3 }), unitPrice: fc.integer({ min: 0, max: 5_000 }) }), { minLength: 1, maxLength: 3 }),
      redeem: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 150 })),
    }),
  },
  { weight: 4, arbitrary: fc.record({ c: fc.constantFrom('hold' as const, 'redeem' as const), dt, points: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 3, arbitrary: fc.record({ c: fc.constantFrom('capture' as const, 'release' as const), dt, ref }) },
  {
    weight: 4,
    arbitrary: fc.record({
      c: fc.constant('return' as const),
      dt,
      ref,
      items: fc.option(fc.array(fc.record({ sku: fc.nat(), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 2 }), { nil: null }),
      amount: fc.integer({ min: 1, max: 10_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('adjust' as const), dt, points: fc.integer({ min: -200, max: 200 }).filter((n) => n !== 0) }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('accept' as const), dt, ref }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('replay' as const), dt, ref: fc.nat() }) },
);

interface Scenario {
  readonly cfg: LedgerConfig;
  readonly holdTtlSeconds: number;
  readonly commands: Command[];
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  cfg: fc.record({
    timeZone: fc.constantFrom('Asia/Tehran', 'UTC'),
    expiry: fc.constantFrom<ExpiryPolicy>(
      { kind: 'never' },
      { kind: 'after', n: 5, unit: 'days' },
      { kind: 'after', n: 2, unit: 'days' },
      { kind: 'after', n: 1, unit: 'months', calendar: 'jalali', roundTo: 'month' },
      { kind: 'fixed-yearly', month: 12, day: 30, calendar: 'jalali' },
    ),
    pendingDays: fc.constantFrom(0, 0, 0, 3, null),
    negativeBalance: fc.constantFrom<NegativeBalancePolicy>('only-pending', 'within-balance', 'allow-negative'),
  }),
  holdTtlSeconds: fc.constantFrom(60, 2 * 86_400),
  commands: fc.array(command, { minLength: 1, maxLength: 40, size: 'max' }),
});

/** The gRPC code the service answers a model rejection with. */
function expectedCode(e: LedgerError): number {
  switch (e.code) {
    case 'invalid':
      return status.INVALID_ARGUMENT;
    case 'conflict':
      return status.ALREADY_EXISTS;
    case 'insufficient-points':
    case 'not-held':
    case 'hold-expired':
      return status.FAILED_PRECONDITION;
    case 'unknown-redemption':
    case 'unknown-checkout':
      return status.NOT_FOUND;
    case 'return-rejected':
      return ['empty-return', 'invalid-quantity', 'invalid-amount'].includes(e.error.code) ? status.INVALID_ARGUMENT : status.FAILED_PRECONDITION;
  }
}

type Outcome = { ok: true; body: Record<string, unknown> & { replayed: boolean } } | { ok: false; code: number };

interface Step {
  readonly op: Operation;
  readonly call: () => Promise<unknown>;
}

describe('points ledger against the reference model (real PostgreSQL, property-based)', () => {
  let db: TestDatabase;
  let ledger: LedgerService;
  const clock = new TestClock(new Date(T0));

  beforeAll(async () => {
    db = await createTestDatabase('points', POINTS_MIGRATIONS);
    ledger = ledgerKit(db.dataSource, clock);
  });

  afterAll(async () => {
    await db.drop();
  });

  /** The member's stored lots, redemptions and checkouts, shaped as the model's. */
  async function stored(tenantId: string, memberId: string) {
    const q = db.dataSource;
    const lots = await q.query<Record<string, unknown>[]>(
      `SELECT id, points::int, remaining::int, status, activates_at, expires_at, earned_at FROM lots WHERE tenant_id = $1 AND member_id = $2 ORDER BY id COLLATE "C"`,
      [tenantId, memberId],
    );
    const redemptions = await q.query<Record<string, unknown>[]>(
      `SELECT id, points::int, allocations, status, hold_expires_at, refunded FROM redemptions WHERE tenant_id = $1 AND member_id = $2 ORDER BY id COLLATE "C"`,
      [tenantId, memberId],
    );
    const checkouts = await q.query<Record<string, unknown>[]>(
      `SELECT transaction_id, lot_id, lines, redemption_id, returns, points_earned::int, points_reversed::int, points_refunded::int
       FROM checkouts WHERE tenant_id = $1 AND member_id = $2 ORDER BY transaction_id COLLATE "C"`,
      [tenantId, memberId],
    );
    return {
      lots: lots.map((l) => ({ id: l.id, points: l.points, remaining: l.remaining, status: l.status, activatesAt: l.activates_at, expiresAt: l.expires_at, earnedAt: l.earned_at })),
      redemptions: redemptions.map((r) => ({ id: r.id, points: r.points, allocations: r.allocations, status: r.status, holdExpiresAt: r.hold_expires_at, refunded: r.refunded })),
      checkouts: checkouts.map((c) => ({
        transactionId: c.transaction_id,
        lotId: c.lot_id,
        lines: c.lines,
        redemptionId: c.redemption_id,
        returns: c.returns,
        pointsEarned: c.points_earned,
        pointsReversed: c.points_reversed,
        pointsRefunded: c.points_refunded,
      })),
    };
  }

  const byId = <T extends { id: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  async function entriesOf(tenantId: string, memberId: string, operation: string) {
    return db.dataSource.query<{ kind: string; points: number; from: string | null; to: string | null; lotId: string | null }[]>(
      `SELECT kind, points::int, from_place AS "from", to_place AS "to", lot_id AS "lotId" FROM ledger_entries
       WHERE tenant_id = $1 AND member_id = $2 AND operation = $3 ORDER BY seq`,
      [tenantId, memberId, operation],
    );
  }

  async function entryCount(tenantId: string): Promise<number> {
    const [{ n }] = await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ledger_entries WHERE tenant_id = $1`, [tenantId]);
    return n;
  }

  /** What a step did, for the coverage check: `<kind>:<entry kinds>`, `replay`, or the rejection. */
  function tagOf(op: Operation, result: ReturnType<typeof applyOperation>['result'], replay: boolean): string[] {
    if (replay) return ['replay'];
    if (!result.ok) return [result.error.code === 'return-rejected' ? `rejected:${result.error.error.code}` : `rejected:${result.error.code}`];
    return result.entries.length === 0 ? [`${op.kind}:none`] : result.entries.map((e) => `${op.kind}/${e.kind}`);
  }

  async function runScenario({ cfg, holdTtlSeconds, commands }: Scenario, seen?: Map<string, number>): Promise<void> {
    const tenant = testTenant({ timezone: cfg.timeZone });
    const memberId = randomUUID();
    await ledger.setLedgerPolicy(tenant, { pendingDays: cfg.pendingDays, expiry: cfg.expiry, negativeBalance: cfg.negativeBalance, holdTtlSeconds }, 'property');
    await ledger.setEarnRate(tenant, { points: 1, perAmount: 1 });

    let t = T0;
    let account: Account = emptyAccount();
    const steps: Step[] = [];
    const checkouts: { id: string; skus: string[] }[] = [];
    const redemptions: string[] = [];

    const toStep = (cmd: Exclude<Command, { c: 'replay' }>, i: number, at: Date): Step => {
      switch (cmd.c) {
        case 'earn': {
          const id = `t${i}`;
          checkouts.push({ id, skus: cmd.lines.map((l) => l.sku) });
          return {
            op: { kind: 'earn', id, at, points: cmd.points, lines: cmd.lines, redeemPoints: cmd.redeem || undefined },
            call: () =>
              ledger.earnPoints(tenant, {
                transactionId: id,
                storeId: 'store-1',
                memberId,
                amount: cmd.points,
                currency: tenant.currency,
                requestHash: 'x'.repeat(32),
                items: cmd.lines,
                redeemPoints: cmd.redeem,
              }),
          };
        }
        case 'hold':
        case 'redeem': {
          const id = `r${i}`;
          redemptions.push(id);
          const hold = cmd.c === 'hold';
          return {
            op: hold ? { kind: 'hold', id, at, points: cmd.points, ttlMs: holdTtlSeconds * 1000 } : { kind: 'redeem', id, at, points: cmd.points },
            call: () => ledger.redeemPoints(tenant, { memberId, redemptionId: id, points: cmd.points, hold }),
          };
        }
        case 'capture':
        case 'release': {
          const id = redemptions.length ? latest(redemptions, cmd.ref) : 'unknown';
          return {
            op: { kind: cmd.c, id, at },
            call: () => (cmd.c === 'capture' ? ledger.captureRedemption(tenant, id) : ledger.releaseRedemption(tenant, id)),
          };
        }
        case 'return': {
          const co = checkouts.length ? latest(checkouts, cmd.ref) : { id: 'unknown', skus: ['A'] };
          const request = cmd.items ? { items: cmd.items.map((it) => ({ sku: co.skus[it.sku % co.skus.length], quantity: it.quantity })) } : { amount: cmd.amount };
          const id = `ret${i}`;
          return {
            op: { kind: 'return', id, at, transactionId: co.id, request },
            call: () => ledger.recordReturn(tenant, { transactionId: co.id, returnId: id, ...request }),
          };
        }
        case 'adjust': {
          const id = `adj${i}`;
          return {
            op: { kind: 'adjust', id, at, points: cmd.points, reason: 'test', operator: 'op' },
            call: () => ledger.adjustPoints(tenant, { memberId, adjustmentId: id, points: cmd.points, reason: 'test', operator: 'op' }),
          };
        }
        case 'accept': {
          const id = checkouts.length ? latest(checkouts, cmd.ref).id : 'unknown';
          return { op: { kind: 'activate', id, at, transactionId: id }, call: () => ledger.acceptPending(tenant, id) };
        }
      }
    };

    for (const [i, cmd] of commands.entries()) {
      t += cmd.dt;
      const at = new Date(t);
      clock.t = at;
      const replay = cmd.c === 'replay';
      if (replay && steps.length === 0) continue;
      const step = replay ? steps[cmd.ref % steps.length] : toStep(cmd, i, at);
      if (!replay) steps.push(step);
      const op: Operation = { ...step.op, at };
      const key = `${op.kind}:${op.id}`;
      const seenByModel = Boolean(account.applied[key]);
      const entriesBefore = await entryCount(tenant.tenantId);

      const model = applyOperation(account, cfg, op);
      const outcome: Outcome = await step.call().then(
        (body) => ({ ok: true as const, body: body as Record<string, unknown> & { replayed: boolean } }),
        (err: unknown) => ({ ok: false as const, code: rpcFailure(err).code }),
      );
      const where = `step ${i} ${key}${replay ? ' (replay)' : ''}`;
      for (const tag of tagOf(op, model.result, seenByModel)) seen?.set(tag, (seen.get(tag) ?? 0) + 1);

      // The same outcome.
      if (model.result.ok) {
        expect([where, outcome.ok]).toEqual([where, true]);
        if (outcome.ok) {
          const balance = op.kind === 'activate' ? (({ replayed: _r, ...b }) => b)(outcome.body) : outcome.body.balance;
          expect([where, balance]).toEqual([where, model.result.balances]);
          expect([where, outcome.body.replayed]).toEqual([where, seenByModel]);
        }
      } else {
        expect([where, outcome.ok ? 'ok' : outcome.code]).toEqual([where, expectedCode(model.result.error)]);
      }

      // The same entries, written once.
      if (seenByModel) {
        expect([where, await entryCount(tenant.tenantId)]).toEqual([where, entriesBefore]);
      } else if (model.result.ok) {
        const written = await entriesOf(tenant.tenantId, memberId, key);
        expect([where, written]).toEqual([where, model.result.entries.map((e) => ({ kind: e.kind, points: e.points, from: e.from, to: e.to, lotId: e.lotId }))]);
      } else {
        expect([where, await entryCount(tenant.tenantId)]).toEqual([where, entriesBefore]);
      }
      account = model.account;

      // The same state, and the stored invariants.
      const row = await accountRow(db.dataSource, tenant.tenantId, memberId);
      expect([where, row ?? { ...account.balances, debt: 0 }]).toEqual([where, { ...account.balances, debt: account.debt }]);
      const s = await stored(tenant.tenantId, memberId);
      expect([where, canonicalJson(s.lots)]).toEqual([where, canonicalJson(byId(account.lots))]);
      expect([where, canonicalJson(s.redemptions)]).toEqual([where, canonicalJson(byId(Object.values(account.redemptions)))]);
      expect([where, canonicalJson(s.checkouts)]).toEqual([
        where,
        canonicalJson(Object.values(account.checkouts).sort((a, b) => (a.transactionId < b.transactionId ? -1 : a.transactionId > b.transactionId ? 1 : 0))),
      ]);
      expect([where, await storedViolations(db.dataSource, tenant.tenantId, memberId, cfg.negativeBalance === 'allow-negative')]).toEqual([where, []]);
      expect([where, invariantViolations(account, cfg.negativeBalance)]).toEqual([where, []]);
    }
  }

  it('agrees with the model after every operation; cached = sum of entries, no lot negative, available ≥ 0 unless allowed, replays change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, (s) => runScenario(s)),
      { numRuns: 25 },
    );
  });

  // Paths random sequences reach only now and then, played through the same comparison.
  const UTC_NEVER: LedgerConfig = { timeZone: 'UTC', expiry: { kind: 'never' }, pendingDays: 0, negativeBalance: 'within-balance' };
  const TWO_DAYS: ExpiryPolicy = { kind: 'after', n: 2, unit: 'days' };
  const line = (sku: string, quantity: number, unitPrice: number): Line => ({ sku, quantity, unitPrice });
  const earn = (points: number, lines: Line[], redeem = 0, wait = 0): Command => ({ c: 'earn', dt: wait, points, lines, redeem });

  it.each<[string, Scenario, string[]]>([
    [
      'a hold captured in time, one captured too late and released, a capture replayed',
      {
        cfg: UTC_NEVER,
        holdTtlSeconds: 60,
        commands: [
          earn(100, [line('A', 1, 100)]),
          { c: 'hold', dt: 0, points: 30 },
          { c: 'capture', dt: 1_000, ref: 0 },
          { c: 'hold', dt: 0, points: 20 },
          { c: 'capture', dt: 61_000, ref: 0 },
          { c: 'release', dt: 0, ref: 0 },
          { c: 'replay', dt: 5_000, ref: 2 },
        ],
      },
      ['hold/hold', 'capture/capture', 'rejected:hold-expired', 'release/release', 'replay'],
    ],
    [
      'a return beyond the balance (allow-negative) paid off by the next earn and adjustment',
      {
        cfg: { ...UTC_NEVER, negativeBalance: 'allow-negative' },
        holdTtlSeconds: 60,
        commands: [
          earn(40, [line('A', 4, 100)]),
          { c: 'redeem', dt: 0, points: 30 },
          { c: 'return', dt: 0, ref: 0, items: [{ sku: 0, quantity: 4 }], amount: 1 },
          earn(20, [line('B', 1, 100)]),
          { c: 'adjust', dt: 0, points: 50 },
        ],
      },
      ['return/reverse', 'earn/settle', 'adjust/settle'],
    ],
    [
      'a hold released after its lot expired gives the points back as expired',
      {
        cfg: { ...UTC_NEVER, expiry: TWO_DAYS },
        holdTtlSeconds: 2 * 86_400,
        commands: [earn(100, [line('A', 1, 100)]), { c: 'hold', dt: DAY, points: 40 }, { c: 'release', dt: 2 * DAY, ref: 0 }],
      },
      ['release/release', 'release/expire'],
    ],
    [
      'a return refunding redeemed points whose lot has expired',
      {
        cfg: { ...UTC_NEVER, expiry: TWO_DAYS },
        holdTtlSeconds: 60,
        commands: [earn(100, [line('A', 1, 1_000)]), earn(50, [line('B', 2, 500)], 60, 3_600_000), { c: 'return', dt: 3 * DAY, ref: 0, items: [{ sku: 0, quantity: 2 }], amount: 1 }],
      },
      ['earn/redeem', 'return/refund', 'return/expire'],
    ],
    [
      'pending points (until accepted) under only-pending: reversed while pending, forgiven once active',
      {
        cfg: { ...UTC_NEVER, pendingDays: null, negativeBalance: 'only-pending' },
        holdTtlSeconds: 60,
        commands: [
          earn(100, [line('A', 3, 100)]),
          { c: 'redeem', dt: 0, points: 10 },
          { c: 'return', dt: 0, ref: 0, items: [{ sku: 0, quantity: 1 }], amount: 1 },
          { c: 'accept', dt: 0, ref: 0 },
          { c: 'redeem', dt: 0, points: 10 },
          { c: 'return', dt: 0, ref: 0, items: [{ sku: 0, quantity: 1 }], amount: 1 },
          { c: 'return', dt: 0, ref: 0, items: [{ sku: 0, quantity: 2 }], amount: 1 },
        ],
      },
      ['rejected:insufficient-points', 'return/reverse', 'activate/activate', 'redeem/redeem', 'return/forgive', 'rejected:exceeds-purchase'],
    ],
  ])('agrees on %s', async (_, s, reaches) => {
    const seen = new Map<string, number>();
    await runScenario(s, seen);
    expect(reaches.filter((tag) => !seen.has(tag))).toEqual([]);
  });
});
