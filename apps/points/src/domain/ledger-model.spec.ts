import fc from 'fast-check';
import {
  type Account,
  applyOperation,
  balancesOf,
  emptyAccount,
  invariantViolations,
  type LedgerConfig,
  type Operation,
  type OperationResult,
} from './ledger-model';
import type { ExpiryPolicy } from './expiry';
import type { NegativeBalancePolicy } from './returns';

const T0 = Date.parse('2024-03-01T08:00:00Z');
const DAY = 86_400_000;
const day = (n: number) => new Date(T0 + n * DAY);
const LINES = [{ sku: 'A', quantity: 2, unitPrice: 5_000 }];

const config = (over: Partial<LedgerConfig> = {}): LedgerConfig => ({
  timeZone: 'Asia/Tehran',
  expiry: { kind: 'after', n: 30, unit: 'days' },
  pendingDays: 0,
  negativeBalance: 'within-balance',
  ...over,
});

/** Applies operations in order; returns the account and every result. */
function play(cfg: LedgerConfig, ops: Operation[], from: Account = emptyAccount()): { account: Account; results: OperationResult[] } {
  let account = from;
  const results: OperationResult[] = [];
  for (const op of ops) {
    const step = applyOperation(account, cfg, op);
    account = step.account;
    results.push(step.result);
  }
  return { account, results };
}

const earn = (id: string, at: Date, points: number, redeemPoints?: number): Operation => ({ kind: 'earn', id, at, points, lines: LINES, redeemPoints });

describe('ledger model: scenarios', () => {
  it('earns pending points, activates them when due, starts the expiry clock at activation, and expires them', () => {
    const cfg = config({ pendingDays: 14 });
    const { account, results } = play(cfg, [
      earn('t1', day(0), 100),
      { kind: 'activate', id: 'job-1', at: day(13) },
      { kind: 'activate', id: 'job-2', at: day(15) },
      { kind: 'expire', id: 'exp-1', at: day(44) },
      { kind: 'expire', id: 'exp-2', at: day(45) },
    ]);
    expect(results.map((r) => r.ok && r.balances)).toEqual([
      { available: 0, pending: 100, held: 0, lifetimeEarned: 100, spent: 0, expired: 0 },
      { available: 0, pending: 100, held: 0, lifetimeEarned: 100, spent: 0, expired: 0 },
      { available: 100, pending: 0, held: 0, lifetimeEarned: 100, spent: 0, expired: 0 },
      { available: 100, pending: 0, held: 0, lifetimeEarned: 100, spent: 0, expired: 0 },
      { available: 0, pending: 0, held: 0, lifetimeEarned: 100, spent: 0, expired: 100 },
    ]);
    // Activated 2024-03-15 08:00Z (11:30 Tehran): 30 days → through 2024-04-14, expires 2024-04-15 00:00 +03:30.
    expect(account.lots[0].expiresAt).toEqual(new Date('2024-04-14T20:30:00Z'));
  });

  it('waits for an explicit accept when pendingDays is null', () => {
    const cfg = config({ pendingDays: null });
    const { account } = play(cfg, [earn('t1', day(0), 100), { kind: 'activate', id: 'job', at: day(400) }, { kind: 'activate', id: 'accept-t1', at: day(2), transactionId: 't1' }]);
    expect(account.balances).toMatchObject({ available: 100, pending: 0 });
  });

  it('spends soonest-expiring first and records which lots a spend used', () => {
    const { account, results } = play(config(), [earn('t1', day(0), 50), earn('t2', day(5), 50), { kind: 'redeem', id: 'r1', at: day(6), points: 70 }]);
    expect(results[2]).toMatchObject({
      ok: true,
      entries: [
        { kind: 'redeem', points: 50, from: 'available', to: 'spent', lotId: 'lot:t1' },
        { kind: 'redeem', points: 20, from: 'available', to: 'spent', lotId: 'lot:t2' },
      ],
    });
    expect(account.balances).toMatchObject({ available: 30, spent: 70 });
  });

  it('refuses to overspend and records the refusal for the redemption id', () => {
    const cfg = config();
    const { account, results } = play(cfg, [earn('t1', day(0), 50), { kind: 'redeem', id: 'r1', at: day(1), points: 51 }, earn('t2', day(2), 50)]);
    expect(results[1]).toEqual({ ok: false, error: { code: 'insufficient-points', shortfall: 1 } });
    expect(applyOperation(account, cfg, { kind: 'redeem', id: 'r1', at: day(1), points: 51 }).result).toEqual(results[1]);
    expect(applyOperation(account, cfg, { kind: 'redeem', id: 'r2', at: day(3), points: 51 }).result).toMatchObject({ ok: true });
  });

  it('holds, captures and releases; a hold expires on its own and cannot be captured after', () => {
    const cfg = config();
    const { account, results } = play(cfg, [
      earn('t1', day(0), 100),
      { kind: 'hold', id: 'h1', at: day(1), points: 30, ttlMs: DAY },
      { kind: 'capture', id: 'h1', at: day(1) },
      { kind: 'hold', id: 'h2', at: day(1), points: 20, ttlMs: DAY },
      { kind: 'release', id: 'h2', at: day(1) },
      { kind: 'hold', id: 'h3', at: day(1), points: 10, ttlMs: DAY },
      { kind: 'capture', id: 'h3', at: day(2) },
      { kind: 'expire', id: 'exp', at: day(2) },
      { kind: 'release', id: 'h1', at: day(3) },
    ]);
    expect(results.map((r) => (r.ok ? r.balances.held : r.error))).toEqual([0, 30, 0, 20, 0, 10, { code: 'hold-expired' }, 0, { code: 'not-held', status: 'captured' }]);
    expect(account.balances).toMatchObject({ available: 70, spent: 30, held: 0 });
    expect(account.redemptions.h3.status).toBe('expired');
  });

  it('returns a released hold to a lot that expired meanwhile as expired points', () => {
    const { account, results } = play(config(), [
      earn('t1', day(0), 100),
      { kind: 'hold', id: 'h1', at: day(29), points: 40, ttlMs: 11 * DAY },
      { kind: 'release', id: 'h1', at: day(35) },
    ]);
    expect(results[2]).toMatchObject({ ok: true, entries: [{ kind: 'release', points: 40 }, { kind: 'expire', points: 40, from: 'available', to: 'expired' }] });
    expect(account.balances).toMatchObject({ available: 60, expired: 40, held: 0 });
  });

  describe('returns', () => {
    const lines = [
      { sku: 'A', quantity: 2, unitPrice: 1_000 },
      { sku: 'B', quantity: 1, unitPrice: 2_000 },
    ];
    const checkout = (at: Date, redeemPoints?: number): Operation => ({ kind: 'earn', id: 'tx', at, points: 40, lines, redeemPoints });
    const returnAll = (at: Date): Operation => ({ kind: 'return', id: 'ret', at, transactionId: 'tx', request: { items: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }] } });

    it.each<[string, NegativeBalancePolicy, number | null, Operation[], object, string[]]>([
      ['only-pending, still pending: taken back from the pending lot', 'only-pending', 7, [checkout(day(0)), returnAll(day(1))], { pending: 0, available: 0, lifetimeEarned: 0 }, ['reverse']],
      ['only-pending, already active: forgiven', 'only-pending', 7, [checkout(day(0)), { kind: 'activate', id: 'job', at: day(8) }, returnAll(day(9))], { available: 40, lifetimeEarned: 40 }, ['forgive']],
      ['within-balance, spent meanwhile: the rest forgiven', 'within-balance', 0, [checkout(day(0)), { kind: 'redeem', id: 'r', at: day(1), points: 30 }, returnAll(day(2))], { available: 0, spent: 30, lifetimeEarned: 30 }, ['reverse', 'forgive']],
      ['within-balance, other points cover it', 'within-balance', 0, [checkout(day(0)), earn('new', day(1), 100), { kind: 'redeem', id: 'r', at: day(2), points: 30 }, returnAll(day(3))], { available: 70, spent: 30, lifetimeEarned: 100 }, ['reverse', 'reverse']],
      ['allow-negative: the balance goes negative', 'allow-negative', 0, [checkout(day(0)), { kind: 'redeem', id: 'r', at: day(1), points: 30 }, returnAll(day(2))], { available: -30, spent: 30, lifetimeEarned: 0 }, ['reverse', 'reverse']],
    ])('%s', (_, negativeBalance, pendingDays, ops, balances, kinds) => {
      const cfg = config({ negativeBalance, pendingDays });
      const { account, results } = play(cfg, ops);
      const last = results.at(-1)!;
      expect(last.ok && last.entries.map((e) => e.kind)).toEqual(kinds);
      expect(account.balances).toMatchObject(balances);
      expect(invariantViolations(account, negativeBalance)).toEqual([]);
    });

    it('pays a negative balance off from the next credit', () => {
      const cfg = config({ negativeBalance: 'allow-negative' });
      const { account, results } = play(cfg, [checkout(day(0)), { kind: 'redeem', id: 'r', at: day(1), points: 30 }, returnAll(day(2)), earn('t2', day(3), 50)]);
      expect(results[3]).toMatchObject({ ok: true, entries: [{ kind: 'earn', points: 50 }, { kind: 'settle', points: 30, lotId: 'lot:t2' }] });
      expect(account.balances.available).toBe(20);
      expect(account.debt).toBe(0);
      expect(account.lots.find((l) => l.id === 'lot:t2')?.remaining).toBe(20);
    });

    it('refunds redeemed points line by line, as expired points when their lot has expired', () => {
      const cfg = config();
      const { account, results } = play(cfg, [
        earn('old', day(0), 100),
        checkout(day(20), 60),
        { kind: 'return', id: 'ret1', at: day(21), transactionId: 'tx', request: { items: [{ sku: 'A', quantity: 1 }] } },
        { kind: 'return', id: 'ret2', at: day(40), transactionId: 'tx', request: { items: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }] } },
        { kind: 'return', id: 'ret3', at: day(41), transactionId: 'tx', request: { amount: 1 } },
        { kind: 'expire', id: 'exp', at: day(42) },
      ]);
      // 60 redeemed → lines A 30, B 30; 40 earned → A 20, B 20.
      expect(results[2]).toMatchObject({ ok: true, plan: { pointsReversed: 10, pointsRefunded: 15 } });
      expect(results[3]).toMatchObject({ ok: true, plan: { pointsReversed: 30, pointsRefunded: 45 } });
      expect(results[4]).toEqual({ ok: false, error: { code: 'return-rejected', error: { code: 'exceeds-amount', returnable: 0, requested: 1 } } });
      expect(results[3]).toMatchObject({ ok: true, entries: [{ kind: 'refund', points: 45 }, { kind: 'expire', points: 45 }, { kind: 'reverse', points: 30 }] });
      // The old lot: 100 − 60 redeemed + 15 refunded before it expired; the later 45 came back expired.
      expect(account.balances).toMatchObject({ spent: 0, expired: 100, lifetimeEarned: 100, available: 0 });
      expect(invariantViolations(account, 'within-balance')).toEqual([]);
    });

    it('answers an unknown checkout', () => {
      expect(play(config(), [returnAll(day(0))]).results[0]).toEqual({ ok: false, error: { code: 'unknown-checkout' } });
    });
  });

  it('adjusts both ways, never below zero', () => {
    const { account, results } = play(config(), [
      { kind: 'adjust', id: 'a1', at: day(0), points: 50, reason: 'goodwill', operator: 'op-1' },
      { kind: 'adjust', id: 'a2', at: day(1), points: -60, reason: 'fraud', operator: 'op-1' },
      { kind: 'adjust', id: 'a3', at: day(1), points: -20, reason: 'fraud', operator: 'op-1' },
    ]);
    expect(results[1]).toEqual({ ok: false, error: { code: 'insufficient-points', shortfall: 10 } });
    expect(account.balances).toMatchObject({ available: 30, lifetimeEarned: 30 });
  });

  it('replays an operation without change (a later retry too), refuses a different payload under the same id, and does not record malformed ones', () => {
    const cfg = config();
    const first = play(cfg, [earn('t1', day(0), 100)]);
    const replay = applyOperation(first.account, cfg, earn('t1', day(3), 100));
    expect(replay.account).toBe(first.account);
    expect(replay.result).toEqual(first.results[0]);
    expect(applyOperation(first.account, cfg, earn('t1', day(0), 101))).toEqual({ account: first.account, result: { ok: false, error: { code: 'conflict' } } });
    const bad = applyOperation(first.account, cfg, { kind: 'redeem', id: 'r1', at: day(1), points: 0 });
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(bad.account).toBe(first.account);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random operation sequences.

type Command =
  | { c: 'earn'; dt: number; points: number; lines: { sku: string; quantity: number; unitPrice: number }[]; redeem: number }
  | { c: 'hold'; dt: number; points: number; ttl: number }
  | { c: 'capture' | 'release'; dt: number; ref: number }
  | { c: 'redeem'; dt: number; points: number }
  | { c: 'return'; dt: number; ref: number; items: { sku: number; quantity: number }[] | null; amount: number }
  | { c: 'adjust'; dt: number; points: number }
  | { c: 'activate'; dt: number; accept: number | null }
  | { c: 'expire'; dt: number }
  | { c: 'replay'; ref: number };

const dt = fc.integer({ min: 0, max: 6 * DAY });
const SKUS = ['A', 'B', 'C'];
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
  { weight: 2, arbitrary: fc.record({ c: fc.constant('hold' as const), dt, points: fc.integer({ min: 1, max: 150 }), ttl: fc.integer({ min: 1, max: 3 * DAY }) }) },
  { weight: 2, arbitrary: fc.record({ c: fc.constantFrom('capture' as const, 'release' as const), dt, ref: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ c: fc.constant('redeem' as const), dt, points: fc.integer({ min: 1, max: 150 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      c: fc.constant('return' as const),
      dt,
      ref: fc.nat(),
      items: fc.option(fc.array(fc.record({ sku: fc.nat(), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 2 }), { nil: null }),
      amount: fc.integer({ min: 1, max: 10_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('adjust' as const), dt, points: fc.integer({ min: -200, max: 200 }).filter((n) => n !== 0) }) },
  { weight: 2, arbitrary: fc.record({ c: fc.constant('activate' as const), dt, accept: fc.option(fc.nat(), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ c: fc.constant('expire' as const), dt }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('replay' as const), ref: fc.nat() }) },
);
const sequence = fc.array(command, { minLength: 1, maxLength: 40, size: 'max' });

const expiry: fc.Arbitrary<ExpiryPolicy> = fc.constantFrom<ExpiryPolicy>(
  { kind: 'never' },
  { kind: 'after', n: 10, unit: 'days' },
  { kind: 'after', n: 1, unit: 'months', calendar: 'jalali', roundTo: 'month' },
  { kind: 'fixed-yearly', month: 12, day: 30, calendar: 'jalali' },
);
const ledgerConfig: fc.Arbitrary<LedgerConfig> = fc.record({
  timeZone: fc.constantFrom('Asia/Tehran', 'UTC'),
  expiry,
  pendingDays: fc.constantFrom(0, 3, null),
  negativeBalance: fc.constantFrom<NegativeBalancePolicy>('only-pending', 'within-balance', 'allow-negative'),
});

/** Turns abstract commands into operations, referring to earlier ids by index. */
function materialise(commands: Command[]): Operation[] {
  let t = T0 - 200 * DAY; // so fixed-yearly expiry (Esfand 30) falls inside some runs
  const ops: Operation[] = [];
  const checkouts: { id: string; skus: string[] }[] = [];
  const redemptions: string[] = [];
  commands.forEach((cmd, i) => {
    if (cmd.c === 'replay') {
      if (ops.length > 0) ops.push(ops[cmd.ref % ops.length]);
      return;
    }
    t += cmd.dt;
    const at = new Date(t);
    switch (cmd.c) {
      case 'earn':
        checkouts.push({ id: `t${i}`, skus: cmd.lines.map((l) => l.sku) });
        ops.push({ kind: 'earn', id: `t${i}`, at, points: cmd.points, lines: cmd.lines, redeemPoints: cmd.redeem || undefined });
        return;
      case 'hold':
      case 'redeem':
        redemptions.push(`r${i}`);
        ops.push(cmd.c === 'hold' ? { kind: 'hold', id: `r${i}`, at, points: cmd.points, ttlMs: cmd.ttl } : { kind: 'redeem', id: `r${i}`, at, points: cmd.points });
        return;
      case 'capture':
      case 'release':
        ops.push({ kind: cmd.c, id: redemptions.length ? redemptions[cmd.ref % redemptions.length] : 'unknown', at });
        return;
      case 'return': {
        const co = checkouts.length ? checkouts[cmd.ref % checkouts.length] : { id: 'unknown', skus: ['A'] };
        const request = cmd.items ? { items: cmd.items.map((it) => ({ sku: co.skus[it.sku % co.skus.length], quantity: it.quantity })) } : { amount: cmd.amount };
        ops.push({ kind: 'return', id: `ret${i}`, at, transactionId: co.id, request });
        return;
      }
      case 'adjust':
        ops.push({ kind: 'adjust', id: `adj${i}`, at, points: cmd.points, reason: 'test', operator: 'op' });
        return;
      case 'activate':
        ops.push({ kind: 'activate', id: `act${i}`, at, ...(cmd.accept !== null && checkouts.length ? { transactionId: checkouts[cmd.accept % checkouts.length].id } : {}) });
        return;
      case 'expire':
        ops.push({ kind: 'expire', id: `exp${i}`, at });
        return;
    }
  });
  return ops;
}

describe('ledger model: properties', () => {
  const scenario = fc.tuple(ledgerConfig, sequence);

  it('keeps every invariant after every operation: balances = sum of entries = lots, no lot negative, available ≥ 0 unless allowed, returns within what was earned', () => {
    fc.assert(
      fc.property(scenario, ([cfg, commands]) => {
        let account = emptyAccount();
        for (const op of materialise(commands)) {
          const before = account;
          const { account: after, result } = applyOperation(account, cfg, op);
          expect(invariantViolations(after, cfg.negativeBalance)).toEqual([]);
          if (before.applied[`${op.kind}:${op.id}`]) {
            expect(after).toBe(before);
          } else if (result.ok) {
            expect(result.balances).toEqual(after.balances);
            expect(after.entries.slice(0, before.entries.length)).toEqual(before.entries); // append-only
          } else {
            expect([after.entries, after.lots, after.balances]).toEqual([before.entries, before.lots, before.balances]);
          }
          account = after;
        }
        expect(balancesOf(account.entries)).toEqual(account.balances);
      }),
      { numRuns: 300 },
    );
  });

  it('replaying any earlier operation, at any later point and time, returns its first result and changes nothing', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 * DAY })), { minLength: 1, maxLength: 5 }), ([cfg, commands], picks) => {
        const ops = materialise(commands);
        if (ops.length === 0) return;
        const { account, results } = play(cfg, ops);
        for (const [p, later] of picks) {
          const i = p % ops.length;
          const replay = applyOperation(account, cfg, { ...ops[i], at: new Date(ops[i].at.getTime() + later) });
          expect(replay.account).toEqual(account);
          // The first application of this key answered it (a malformed operation is refused alike).
          const first = ops.findIndex((o) => o.kind === ops[i].kind && o.id === ops[i].id);
          expect(replay.result).toEqual(results[first]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never spends points the member did not have: spent + held + expired never exceed what was credited', () => {
    fc.assert(
      fc.property(scenario, ([cfg, commands]) => {
        const { account } = play(cfg, materialise(commands));
        const credited = account.entries.filter((e) => e.from === 'outside').reduce((s, e) => s + e.points, 0);
        const b = account.balances;
        expect(b.spent + b.held + b.expired).toBeLessThanOrEqual(credited);
        expect(Math.min(b.pending, b.held, b.spent, b.expired)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ledger model: the random sequences reach the interesting cases', () => {
  it('returns with refunds, debts paid off, holds expiring, refunds of expired points, forgiven reversals, replays, rejections', () => {
    const seen = new Map<string, number>();
    const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    for (const [cfg, commands] of fc.sample(fc.tuple(ledgerConfig, sequence), { numRuns: 300, seed: 42 })) {
      let account = emptyAccount();
      for (const op of materialise(commands)) {
        const replay = Boolean(account.applied[`${op.kind}:${op.id}`]);
        const { account: next, result } = applyOperation(account, cfg, op);
        if (replay) count('replay');
        if (!result.ok) count(result.error.code);
        if (result.ok && !replay) {
          result.entries.forEach((e) => count(e.kind === 'settle' ? 'settle' : `${op.kind}/${e.kind}`));
          if (next.balances.available < 0) count('negative available');
        }
        account = next;
      }
    }
    for (const what of ['return/refund', 'return/forgive', 'return/reverse', 'return/expire', 'settle', 'expire/release', 'release/expire', 'negative available', 'replay', 'insufficient-points', 'hold-expired', 'return-rejected', 'not-held']) {
      expect([what, (seen.get(what) ?? 0) > 0]).toEqual([what, true]);
    }
  });
});
