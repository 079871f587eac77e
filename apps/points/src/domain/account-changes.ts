import { addEntry, type Account, type Balances, type CheckoutRecord, type Entry, type Redemption } from './ledger-model';
import type { Lot } from './lots';

/**
 * The bridge between the reference model and the tables: the service loads the part of a
 * member's account an operation needs ({@link partialAccount}), lets `applyOperation` decide,
 * and persists what changed ({@link accountChanges}). The model only ever reads lots,
 * redemptions and checkouts it is given and appends entries, so a partial account that holds
 * every lot, redemption and checkout the operation can touch gives exactly the result the whole
 * account would.
 */

export interface AccountPart {
  readonly lots: readonly Lot[];
  readonly redemptions: readonly Redemption[];
  readonly checkouts: readonly CheckoutRecord[];
  readonly balances: Balances;
  readonly debt: number;
}

/** A model account from the loaded rows (lots loaded twice are kept once); no entries or operations. */
export function partialAccount(part: AccountPart): Account {
  const lots = [...new Map(part.lots.map((l) => [l.id, l])).values()];
  return {
    lots,
    redemptions: Object.fromEntries(part.redemptions.map((r) => [r.id, r])),
    checkouts: Object.fromEntries(part.checkouts.map((c) => [c.transactionId, c])),
    entries: [],
    balances: part.balances,
    debt: part.debt,
    applied: {},
  };
}

/** A lot that existed before: what changed (remaining as a difference, the rest as values). */
export interface LotChange {
  readonly id: string;
  readonly remainingDelta: number;
  readonly status: Lot['status'];
  readonly expiresAt: Date | null;
}

export interface AccountChanges {
  readonly newLots: readonly Lot[];
  readonly changedLots: readonly LotChange[];
  readonly newRedemptions: readonly Redemption[];
  readonly changedRedemptions: readonly Redemption[];
  readonly newCheckouts: readonly CheckoutRecord[];
  readonly changedCheckouts: readonly CheckoutRecord[];
  readonly balanceDelta: Balances;
  readonly debtDelta: number;
}

const time = (d: Date | null) => (d === null ? null : d.getTime());

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** What an operation changed between two accounts (the model never removes lots, redemptions or checkouts). */
export function accountChanges(before: Account, after: Account): AccountChanges {
  const old = new Map(before.lots.map((l) => [l.id, l]));
  const newLots: Lot[] = [];
  const changedLots: LotChange[] = [];
  for (const lot of after.lots) {
    const was = old.get(lot.id);
    if (!was) newLots.push(lot);
    else if (was.remaining !== lot.remaining || was.status !== lot.status || time(was.expiresAt) !== time(lot.expiresAt)) {
      changedLots.push({ id: lot.id, remainingDelta: lot.remaining - was.remaining, status: lot.status, expiresAt: lot.expiresAt });
    }
  }
  const redemptions = Object.values(after.redemptions);
  const checkouts = Object.values(after.checkouts);
  const b = before.balances;
  const a = after.balances;
  return {
    newLots,
    changedLots,
    newRedemptions: redemptions.filter((r) => !before.redemptions[r.id]),
    changedRedemptions: redemptions.filter((r) => before.redemptions[r.id] && !sameJson(before.redemptions[r.id], r)),
    newCheckouts: checkouts.filter((c) => !before.checkouts[c.transactionId]),
    changedCheckouts: checkouts.filter((c) => before.checkouts[c.transactionId] && !sameJson(before.checkouts[c.transactionId], c)),
    balanceDelta: {
      available: a.available - b.available,
      pending: a.pending - b.pending,
      held: a.held - b.held,
      lifetimeEarned: a.lifetimeEarned - b.lifetimeEarned,
      spent: a.spent - b.spent,
      expired: a.expired - b.expired,
    },
    debtDelta: after.debt - before.debt,
  };
}

/** The balances after each entry, starting from `start` (what each entry's event reports). */
export function runningBalances(start: Balances, entries: readonly Entry[]): Balances[] {
  const out: Balances[] = [];
  let b = start;
  for (const e of entries) {
    b = addEntry(b, e);
    out.push(b);
  }
  return out;
}

/** JSON with object keys sorted at every level: the canonical form an operation key is bound to. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
