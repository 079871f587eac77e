/**
 * Lots: every credit of points (an earn, a positive adjustment) is a lot, and every debit (a
 * spend, a hold, an expiry, a reversal) is recorded as allocations against lots, so expiry and
 * refunds always know which points they touch. Points are integers; a lot's `remaining` is never
 * negative and never above its `points`.
 */

export type LotStatus = 'pending' | 'active';

export interface Lot {
  readonly id: string;
  /** Credited when the lot was created. */
  readonly points: number;
  /** Not yet spent, held, expired or reversed: 0 ≤ remaining ≤ points. */
  readonly remaining: number;
  readonly status: LotStatus;
  /** When a pending lot activates; null: it waits for an explicit accept. */
  readonly activatesAt: Date | null;
  /** Exclusive: spendable while `at < expiresAt`; null: never expires (or pending, not yet known). */
  readonly expiresAt: Date | null;
  readonly earnedAt: Date;
}

/** `points` taken from (or given back to) the lot `lotId`. */
export interface Allocation {
  readonly lotId: string;
  readonly points: number;
}

export type AllocationResult = { ok: true; allocations: Allocation[] } | { ok: false; shortfall: number };

/**
 * What happened to points given back to a lot: credited to it (`expired` false), or — the lot
 * having expired by then — credited and expired at once (`expired` true), so a refund never
 * revives points past their expiry and the member ends up as if they had never been spent.
 */
export interface Restoration extends Allocation {
  readonly expired: boolean;
}

function assertPoints(points: number, what: string): void {
  if (!Number.isSafeInteger(points) || points < 0) throw new RangeError(`${what} must be a non-negative integer, got ${points}`);
}

export function sumPoints(items: readonly { points: number }[]): number {
  return items.reduce((sum, a) => sum + a.points, 0);
}

/** Whether a lot's expiry instant has been reached at `at` (it may still have remaining points). */
export function isExpired(lot: Lot, at: Date): boolean {
  return lot.expiresAt !== null && lot.expiresAt.getTime() <= at.getTime();
}

/**
 * Whether points can be taken from a lot at `at`: active (by status: a pending lot must be
 * activated first, even when its activatesAt has passed), not expired by time (even when the
 * expiry job has not recorded it yet) and with points remaining.
 */
export function isSpendable(lot: Lot, at: Date): boolean {
  return lot.status === 'active' && lot.remaining > 0 && !isExpired(lot, at);
}

/** Points that can be spent at `at`. */
export function spendableTotal(lots: readonly Lot[], at: Date): number {
  return lots.reduce((sum, l) => (isSpendable(l, at) ? sum + l.remaining : sum), 0);
}

const time = (d: Date | null) => (d === null ? Number.POSITIVE_INFINITY : d.getTime());

/**
 * Spending order (FEFO): the soonest expiry first, never-expiring lots last, ties by earnedAt,
 * then by id compared by code unit (in SQL: `ORDER BY expires_at NULLS LAST, earned_at,
 * id COLLATE "C"`).
 */
export function compareLots(a: Lot, b: Lot): number {
  return time(a.expiresAt) - time(b.expiresAt) || a.earnedAt.getTime() - b.earnedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Takes `points` from the lots spendable at `at`, soonest-expiring first ({@link compareLots}):
 * one allocation per lot touched, in that order, summing to `points`, none above the lot's
 * remaining. When the spendable points do not suffice, nothing is allocated and the result says
 * how many are missing. 0 points allocate nothing.
 */
export function allocate(lots: readonly Lot[], points: number, at: Date): AllocationResult {
  assertPoints(points, 'points');
  const allocations: Allocation[] = [];
  let left = points;
  for (const lot of lots.filter((l) => isSpendable(l, at)).sort(compareLots)) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    allocations.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return left === 0 ? { ok: true, allocations } : { ok: false, shortfall: left };
}

function byId(lots: readonly Lot[]): Map<string, Lot> {
  return new Map(lots.map((l) => [l.id, l]));
}

/** Adds `sign` × each allocation to its lot's remaining; throws if a lot is unknown or leaves [0, points]. */
function shift(lots: readonly Lot[], allocations: readonly Allocation[], sign: 1 | -1): Lot[] {
  const delta = new Map<string, number>();
  const known = byId(lots);
  for (const a of allocations) {
    assertPoints(a.points, 'allocation points');
    if (!known.has(a.lotId)) throw new RangeError(`unknown lot ${a.lotId}`);
    delta.set(a.lotId, (delta.get(a.lotId) ?? 0) + sign * a.points);
  }
  return lots.map((lot) => {
    const d = delta.get(lot.id);
    if (d === undefined) return lot;
    const remaining = lot.remaining + d;
    if (remaining < 0 || remaining > lot.points) throw new RangeError(`lot ${lot.id} would hold ${remaining} of ${lot.points} points`);
    return { ...lot, remaining };
  });
}

/** The lots after taking the allocations from them. Throws rather than make a lot negative. */
export function debitLots(lots: readonly Lot[], allocations: readonly Allocation[]): Lot[] {
  return shift(lots, allocations, -1);
}

/** The lots after giving the allocations back. Throws rather than exceed a lot's points. */
export function creditLots(lots: readonly Lot[], allocations: readonly Allocation[]): Lot[] {
  return shift(lots, allocations, 1);
}

/**
 * What of a spend is still out: its allocations minus what was given back since, per lot, in
 * the spend's order (lots fully given back are dropped). Throws if more was given back to a lot
 * than was taken from it.
 */
export function outstanding(spent: readonly Allocation[], givenBack: readonly Allocation[]): Allocation[] {
  const left = new Map<string, number>();
  for (const a of spent) left.set(a.lotId, (left.get(a.lotId) ?? 0) + a.points);
  for (const g of givenBack) {
    const l = (left.get(g.lotId) ?? 0) - g.points;
    if (l < 0) throw new RangeError(`more given back to lot ${g.lotId} than was taken from it`);
    left.set(g.lotId, l);
  }
  return [...left].filter(([, points]) => points > 0).map(([lotId, points]) => ({ lotId, points }));
}

/**
 * Which of a spend's outstanding allocations a partial refund of `points` goes back to: the last
 * taken first (the latest-expiring lots, so the member gets back the longest-lived points).
 * Errors with the shortfall when more is asked than is outstanding.
 */
export function pickRefund(outstandingAllocations: readonly Allocation[], points: number): AllocationResult {
  assertPoints(points, 'points');
  const allocations: Allocation[] = [];
  let left = points;
  for (const a of [...outstandingAllocations].reverse()) {
    if (left === 0) break;
    const take = Math.min(left, a.points);
    allocations.push({ lotId: a.lotId, points: take });
    left -= take;
  }
  return left === 0 ? { ok: true, allocations } : { ok: false, shortfall: left };
}

/**
 * Gives allocations back to their lots at `at` (a released hold, a refund of redeemed points):
 * a lot still unexpired gets its points back; for a lot expired by `at` the points are credited
 * and expired in the same step, so its remaining does not change (see {@link Restoration}).
 */
export function restore(lots: readonly Lot[], allocations: readonly Allocation[], at: Date): { lots: Lot[]; restorations: Restoration[] } {
  const known = byId(lots);
  const restorations = allocations.map((a) => {
    const lot = known.get(a.lotId);
    if (!lot) throw new RangeError(`unknown lot ${a.lotId}`);
    return { lotId: a.lotId, points: a.points, expired: isExpired(lot, at) };
  });
  return { lots: creditLots(lots, restorations.filter((r) => !r.expired)), restorations };
}

/** Allocations that expire at `at`: the remaining points of every active lot expired by then. */
export function dueForExpiry(lots: readonly Lot[], at: Date): Allocation[] {
  return lots
    .filter((l) => l.status === 'active' && l.remaining > 0 && isExpired(l, at))
    .sort(compareLots)
    .map((l) => ({ lotId: l.id, points: l.remaining }));
}

/** Pending lots whose activatesAt has been reached at `at` (lots waiting for an accept never are). */
export function dueForActivation(lots: readonly Lot[], at: Date): Lot[] {
  return lots.filter((l) => l.status === 'pending' && l.activatesAt !== null && l.activatesAt.getTime() <= at.getTime());
}
