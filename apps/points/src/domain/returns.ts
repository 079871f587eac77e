import type { LotStatus } from './lots';

/**
 * Returns: which earned points a returned purchase takes back and which redeemed points it gives
 * back, line by line, and where the taken-back points come from under the tenant's
 * negative-balance policy.
 *
 * A checkout's points are attributed to its lines once, when it is recorded
 * ({@link attributePoints}: proportionally to the line amounts, largest remainder, so the lines
 * sum exactly to the checkout's points). A line's returns are tracked cumulatively as the
 * quantity and the amount (minor units) returned so far; the points taken back from a line are
 * always computed from the cumulative share returned — earned points rounded down, redeemed
 * points rounded up, both in the member's favour — so several partial returns add up to exactly
 * the line's points when everything has come back, and never more.
 */

export interface CheckoutLine {
  readonly sku: string;
  readonly quantity: number;
  /** Minor currency units per unit. */
  readonly unitPrice: number;
}

/** A checkout line as recorded, with the points attributed to it. */
export interface RecordedLine extends CheckoutLine {
  readonly pointsEarned: number;
  readonly pointsRedeemed: number;
}

/** What a return took from one line: `line` indexes the checkout's lines. */
export interface LineReturn {
  readonly line: number;
  readonly quantity: number;
  /** Minor units: quantity × unitPrice for returned items, a share of the amount for an amount return. */
  readonly amount: number;
}

export interface LineReversal extends LineReturn {
  readonly sku: string;
  readonly pointsReversed: number;
  readonly pointsRefunded: number;
}

export interface ReturnPlan {
  /** One entry per line touched, in line order. */
  readonly lines: LineReversal[];
  /** Earned points to take back (the sum of the lines'). */
  readonly pointsReversed: number;
  /** Redeemed points to give back (the sum of the lines'). */
  readonly pointsRefunded: number;
}

/** A return of items (the same sku may be listed more than once) or of an amount in minor units. */
export type ReturnRequest = { readonly items: readonly { readonly sku: string; readonly quantity: number }[] } | { readonly amount: number };

/** Why a return cannot be applied; the service answers 422 (or 400 for the malformed ones). */
export type ReturnError =
  | { readonly code: 'empty-return' }
  | { readonly code: 'invalid-quantity'; readonly sku: string }
  | { readonly code: 'invalid-amount' }
  | { readonly code: 'unknown-sku'; readonly sku: string }
  | { readonly code: 'exceeds-purchase'; readonly sku: string; readonly bought: number; readonly returnable: number; readonly requested: number }
  | { readonly code: 'exceeds-amount'; readonly returnable: number; readonly requested: number };

export type ReturnResult = { readonly ok: true; readonly plan: ReturnPlan } | { readonly ok: false; readonly error: ReturnError };

function assertCount(n: number, what: string, min = 0): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${what} must be an integer ≥ ${min}, got ${n}`);
}

/** quantity × unitPrice; throws a RangeError on a malformed line or an amount beyond 2^53. */
export function lineAmount(line: CheckoutLine): number {
  if (typeof line.sku !== 'string' || line.sku === '') throw new RangeError('a line needs a sku');
  assertCount(line.quantity, `quantity of ${line.sku}`, 1);
  assertCount(line.unitPrice, `unitPrice of ${line.sku}`);
  const amount = line.quantity * line.unitPrice;
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount of ${line.sku} overflows`);
  return amount;
}

/**
 * Splits `total` whole units over `weights` proportionally (largest remainder): each gets the
 * floor of its exact share, and what is left goes one by one to the largest remainders, ties to
 * the earlier index. The result sums to `total` exactly. Equal weights when all are zero.
 */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  assertCount(total, 'total');
  if (weights.length === 0) {
    if (total > 0) throw new RangeError('cannot split points over no lines');
    return [];
  }
  weights.forEach((w) => assertCount(w, 'weight'));
  const ws = weights.every((w) => w === 0) ? weights.map(() => 1n) : weights.map(BigInt);
  const sum = ws.reduce((a, b) => a + b, 0n);
  const shares = ws.map((w) => (BigInt(total) * w) / sum);
  const remainders = ws.map((w, i) => ({ i, r: (BigInt(total) * w) % sum }));
  let left = total - Number(shares.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    shares[i] += 1n;
    left -= 1;
  }
  return shares.map(Number);
}

/**
 * The points of a checkout attributed to its lines: proportionally to the line amounts
 * (quantity × unitPrice) with the largest remainder, summing exactly to `points`; by quantity
 * when every line is free.
 */
export function attributePoints(lines: readonly CheckoutLine[], points: number): number[] {
  const amounts = lines.map(lineAmount);
  return splitProportionally(points, amounts.every((a) => a === 0) ? lines.map((l) => l.quantity) : amounts);
}

/** The lines of a checkout with its earned and redeemed points attributed (see {@link attributePoints}). */
export function recordLines(lines: readonly CheckoutLine[], pointsEarned: number, pointsRedeemed: number): RecordedLine[] {
  const earned = attributePoints(lines, pointsEarned);
  const redeemed = attributePoints(lines, pointsRedeemed);
  return lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, pointsEarned: earned[i], pointsRedeemed: redeemed[i] }));
}

type Returned = { quantity: number; amount: number };

/** Cumulative quantity and amount returned per line. */
function returnedSoFar(lines: readonly RecordedLine[], previous: readonly LineReturn[]): Returned[] {
  const sums = lines.map(() => ({ quantity: 0, amount: 0 }));
  for (const r of previous) {
    if (!Number.isInteger(r.line) || r.line < 0 || r.line >= lines.length) throw new RangeError(`earlier return names line ${r.line}, which does not exist`);
    sums[r.line].quantity += r.quantity;
    sums[r.line].amount += r.amount;
  }
  return sums;
}

/** Units of a line that can still come back: not returned as items, and not already refunded by amount. */
function returnableUnits(line: RecordedLine, done: Returned): number {
  const byQuantity = line.quantity - done.quantity;
  if (line.unitPrice === 0) return byQuantity;
  return Math.max(0, Math.min(byQuantity, Math.floor((lineAmount(line) - done.amount) / line.unitPrice)));
}

/** How the requested items fall on the lines: for each sku, its lines in checkout order. */
function returnItems(lines: readonly RecordedLine[], done: readonly Returned[], items: readonly { sku: string; quantity: number }[]): ReturnError | LineReturn[] {
  if (items.length === 0) return { code: 'empty-return' };
  const wanted = new Map<string, number>();
  for (const item of items) {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) return { code: 'invalid-quantity', sku: item.sku };
    wanted.set(item.sku, (wanted.get(item.sku) ?? 0) + item.quantity);
  }
  const out: LineReturn[] = [];
  for (const [sku, requested] of wanted) {
    const indexes = lines.flatMap((l, i) => (l.sku === sku ? [i] : []));
    if (indexes.length === 0) return { code: 'unknown-sku', sku };
    const returnable = indexes.reduce((sum, i) => sum + returnableUnits(lines[i], done[i]), 0);
    if (requested > returnable) {
      return { code: 'exceeds-purchase', sku, bought: indexes.reduce((sum, i) => sum + lines[i].quantity, 0), returnable, requested };
    }
    let left = requested;
    for (const i of indexes) {
      const take = Math.min(left, returnableUnits(lines[i], done[i]));
      if (take > 0) out.push({ line: i, quantity: take, amount: take * lines[i].unitPrice });
      left -= take;
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** An amount spread over the lines in proportion to what is left of each (largest remainder). */
function returnAmount(lines: readonly RecordedLine[], done: readonly Returned[], amount: number): ReturnError | LineReturn[] {
  if (!Number.isSafeInteger(amount) || amount < 1) return { code: 'invalid-amount' };
  const left = lines.map((l, i) => lineAmount(l) - done[i].amount);
  const returnable = left.reduce((a, b) => a + b, 0);
  if (amount > returnable) return { code: 'exceeds-amount', returnable, requested: amount };
  return splitProportionally(amount, left).flatMap((share, line) => (share > 0 ? [{ line, quantity: 0, amount: share }] : []));
}

/** floor or ceil of points × num / den, in BigInt. */
function share(points: number, num: number, den: number, round: 'floor' | 'ceil'): number {
  const p = BigInt(points) * BigInt(num);
  const d = BigInt(den);
  return Number(round === 'floor' ? p / d : (p + d - 1n) / d);
}

/** The line's points taken back once `done` of it has been returned. */
function takenBack(line: RecordedLine, done: Returned): { reversed: number; refunded: number } {
  const amount = lineAmount(line);
  const [num, den] = amount > 0 ? [done.amount, amount] : [done.quantity, line.quantity];
  return { reversed: share(line.pointsEarned, num, den, 'floor'), refunded: share(line.pointsRedeemed, num, den, 'ceil') };
}

/**
 * Plans a return against a recorded checkout, given the returns already applied to it
 * (`previous`: the `lines` of their plans). Items name skus and quantities; a sku on several
 * lines is taken from its lines in checkout order. An amount is spread over the lines in
 * proportion to what is left of each. Returning more than was bought, cumulatively, is an error
 * value (exceeds-purchase / exceeds-amount) and nothing is planned.
 */
export function planReturn(lines: readonly RecordedLine[], previous: readonly LineReturn[], request: ReturnRequest): ReturnResult {
  lines.forEach((l) => {
    lineAmount(l);
    assertCount(l.pointsEarned, 'pointsEarned');
    assertCount(l.pointsRedeemed, 'pointsRedeemed');
  });
  const done = returnedSoFar(lines, previous);
  const now = 'items' in request ? returnItems(lines, done, request.items) : returnAmount(lines, done, request.amount);
  if (!Array.isArray(now)) return { ok: false, error: now };
  const planned = now.map((r): LineReversal => {
    const line = lines[r.line];
    const before = takenBack(line, done[r.line]);
    const after = takenBack(line, { quantity: done[r.line].quantity + r.quantity, amount: done[r.line].amount + r.amount });
    return { ...r, sku: line.sku, pointsReversed: after.reversed - before.reversed, pointsRefunded: after.refunded - before.refunded };
  });
  return {
    ok: true,
    plan: {
      lines: planned,
      pointsReversed: planned.reduce((sum, l) => sum + l.pointsReversed, 0),
      pointsRefunded: planned.reduce((sum, l) => sum + l.pointsRefunded, 0),
    },
  };
}

/**
 * A tenant's negative-balance policy, applied when a return takes back earned points:
 * - `only-pending`: earned points are final once they activate (the pending period is the return
 *   window). A return takes points back only from the checkout's own lot while it is still
 *   pending; anything else is forgiven.
 * - `within-balance`: take from the checkout's own lot (pending or active) first, then from the
 *   member's other available points (soonest-expiring first); the balance never goes below zero
 *   and whatever is still missing is forgiven (and recorded as forgiven).
 * - `allow-negative`: as within-balance, but whatever is still missing is taken anyway: the
 *   available balance goes negative (a debt that later credits pay off first).
 * Other pending points are never touched.
 */
export type NegativeBalancePolicy = 'only-pending' | 'within-balance' | 'allow-negative';

export const NEGATIVE_BALANCE_POLICIES: readonly NegativeBalancePolicy[] = ['only-pending', 'within-balance', 'allow-negative'];

/** What a reversal can draw on: the checkout's own lot, and the member's other available points. */
export interface ReversalSource {
  readonly lotStatus: LotStatus;
  readonly lotRemaining: number;
  /** Available points outside the checkout's lot, spendable now (≤ 0 when in debt). */
  readonly otherAvailable: number;
}

/** Where a reversal of `points` comes from; the four parts sum to `points`. */
export interface ReversalSplit {
  readonly fromLot: number;
  readonly fromOtherAvailable: number;
  readonly negative: number;
  readonly forgiven: number;
}

/** Splits a reversal of `points` earned points by the policy (see {@link NegativeBalancePolicy}). */
export function splitReversal(points: number, source: ReversalSource, policy: NegativeBalancePolicy): ReversalSplit {
  assertCount(points, 'points');
  assertCount(source.lotRemaining, 'lotRemaining');
  if (!NEGATIVE_BALANCE_POLICIES.includes(policy)) throw new RangeError(`unknown negative-balance policy ${String(policy)}`);
  const lotUsable = policy !== 'only-pending' || source.lotStatus === 'pending';
  const fromLot = lotUsable ? Math.min(points, source.lotRemaining) : 0;
  const rest = points - fromLot;
  if (policy === 'only-pending') return { fromLot, fromOtherAvailable: 0, negative: 0, forgiven: rest };
  const fromOtherAvailable = Math.min(rest, Math.max(0, source.otherAvailable));
  const missing = rest - fromOtherAvailable;
  return policy === 'allow-negative'
    ? { fromLot, fromOtherAvailable, negative: missing, forgiven: 0 }
    : { fromLot, fromOtherAvailable, negative: 0, forgiven: missing };
}
