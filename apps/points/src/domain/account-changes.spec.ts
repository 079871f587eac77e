import { accountChanges, canonicalJson, partialAccount, runningBalances } from './account-changes';
import { applyOperation, emptyAccount, type Balances, type LedgerConfig } from './ledger-model';
import type { Lot } from './lots';

const cfg: LedgerConfig = { timeZone: 'UTC', expiry: { kind: 'never' }, pendingDays: 0, negativeBalance: 'within-balance' };
const at = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));
const ZERO: Balances = { available: 0, pending: 0, held: 0, lifetimeEarned: 0, spent: 0, expired: 0 };
const lot = (id: string, points: number, remaining = points, earned = 0): Lot => ({
  id,
  points,
  remaining,
  status: 'active',
  activatesAt: at(earned),
  expiresAt: null,
  earnedAt: at(earned),
});

describe('account changes', () => {
  it('builds a partial account, keeping a lot loaded twice once', () => {
    const account = partialAccount({ lots: [lot('a', 10), lot('a', 10), lot('b', 5)], redemptions: [], checkouts: [], balances: ZERO, debt: 0 });
    expect(account.lots.map((l) => l.id)).toEqual(['a', 'b']);
    expect(account).toMatchObject({ entries: [], applied: {}, debt: 0 });
  });

  it('reports new lots, changed lots as a remaining difference, new and changed redemptions and checkouts, and the balance difference', () => {
    const balances = { ...ZERO, available: 15, lifetimeEarned: 15 };
    const before = partialAccount({ lots: [lot('lot:a', 10), lot('lot:b', 5, 5, 1)], redemptions: [], checkouts: [], balances, debt: 0 });
    const held = applyOperation(before, cfg, { kind: 'hold', id: 'h1', at: at(2), points: 12, ttlMs: 60_000 });
    const c1 = accountChanges(before, held.account);
    expect(c1.newLots).toEqual([]);
    expect(c1.changedLots).toEqual([
      { id: 'lot:a', remainingDelta: -10, status: 'active', expiresAt: null },
      { id: 'lot:b', remainingDelta: -2, status: 'active', expiresAt: null },
    ]);
    expect(c1.newRedemptions.map((r) => r.id)).toEqual(['h1']);
    expect(c1.changedRedemptions).toEqual([]);
    expect(c1.balanceDelta).toEqual({ ...ZERO, available: -12, held: 12 });

    const captured = applyOperation(held.account, cfg, { kind: 'capture', id: 'h1', at: at(2) });
    const c2 = accountChanges(held.account, captured.account);
    expect(c2.changedLots).toEqual([]);
    expect(c2.newRedemptions).toEqual([]);
    expect(c2.changedRedemptions.map((r) => [r.id, r.status])).toEqual([['h1', 'captured']]);

    const earned = applyOperation(captured.account, cfg, { kind: 'earn', id: 't1', at: at(3), points: 7, lines: [{ sku: 'A', quantity: 1, unitPrice: 100 }] });
    const c3 = accountChanges(captured.account, earned.account);
    expect(c3.newLots.map((l) => l.id)).toEqual(['lot:t1']);
    expect(c3.newCheckouts.map((c) => c.transactionId)).toEqual(['t1']);
    expect(c3.changedCheckouts).toEqual([]);

    const returned = applyOperation(earned.account, cfg, { kind: 'return', id: 'r1', at: at(4), transactionId: 't1', request: { amount: 100 } });
    const c4 = accountChanges(earned.account, returned.account);
    expect(c4.newCheckouts).toEqual([]);
    expect(c4.changedCheckouts.map((c) => [c.transactionId, c.pointsReversed])).toEqual([['t1', 7]]);
    expect(c4.changedLots).toEqual([{ id: 'lot:t1', remainingDelta: -7, status: 'active', expiresAt: null }]);
  });

  it('sees no change in rows that only differ in key order (jsonb reorders keys)', () => {
    const account = applyOperation(emptyAccount(), cfg, { kind: 'earn', id: 't1', at: at(0), points: 5, lines: [{ sku: 'A', quantity: 1, unitPrice: 10 }] }).account;
    const reordered = JSON.parse(canonicalJson(account.checkouts.t1)) as typeof account.checkouts.t1;
    const before = { ...account, checkouts: { t1: reordered } };
    expect(accountChanges(before, account).changedCheckouts).toEqual([]);
  });

  it('gives the balance after each entry', () => {
    const { result } = applyOperation(emptyAccount(), cfg, { kind: 'earn', id: 't1', at: at(0), points: 5, lines: [{ sku: 'A', quantity: 1, unitPrice: 10 }] });
    if (!result.ok) throw new Error('expected ok');
    expect(runningBalances({ ...ZERO, available: 3, lifetimeEarned: 3 }, result.entries)).toEqual([{ ...ZERO, available: 8, lifetimeEarned: 8 }]);
  });

  it('writes canonical JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });
});
