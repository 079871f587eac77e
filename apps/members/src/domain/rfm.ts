/**
 * RFM (recency, frequency, monetary) scores as quintiles within one tenant's members.
 *
 * Pure and deterministic: a member's scores depend only on their own values and the multiset
 * of values in the population — not on input order.
 */

/** A quintile score: 1 (worst fifth) … 5 (best fifth). */
export type Score = 1 | 2 | 3 | 4 | 5;

export function isScore(v: unknown): v is Score {
  return v === 1 || v === 2 || v === 3 || v === 4 || v === 5;
}

/** Which end of a measure is better: more spend is better, fewer days since the last purchase is better. */
export type Better = 'higher' | 'lower';

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Quintile score of each value within `values` (its population), in input order:
 *
 *     score(v) = 1 + floor(5 × worse(v) / n)
 *
 * where `n` is the population size and `worse(v)` the number of values strictly worse than `v`
 * (the 0-based rank of the lowest member of v's tie group). Hence:
 * - ties always share a score — the quintile of the tie group's lowest rank (so a population
 *   where everyone is equal scores 1 throughout);
 * - with n distinct values and n a multiple of 5, each score is given to exactly n/5 values;
 * - a strictly better value never scores lower (monotonic);
 * - fewer than five values still work: the worst value scores 1 and the others spread out
 *   (two distinct values score 1 and 3; five score 1…5).
 *
 * O(n log n). Values may be ±Infinity; NaN throws RangeError.
 */
export function quintileScores(values: readonly number[], better: Better = 'higher'): Score[] {
  const n = values.length;
  if (n === 0) return [];
  for (const v of values) if (Number.isNaN(v)) throw new RangeError('quintileScores: NaN is not a value');
  const sorted = Float64Array.from(values).sort();
  return values.map((v) => {
    const worse = better === 'higher' ? lowerBound(sorted, v) : n - upperBound(sorted, v);
    return (1 + Math.floor((5 * worse) / n)) as Score;
  });
}

export interface RfmInput {
  readonly memberId: string;
  /** Whole days since the last purchase; null when the member has never purchased. */
  readonly daysSinceLastPurchase: number | null;
  /** Purchases in the tenant's analysis window (net of fully returned ones). */
  readonly purchaseCount: number;
  /** Spend in the window in minor units (integer; may be negative after returns). */
  readonly totalSpend: number;
}

export interface RfmScore {
  readonly memberId: string;
  readonly r: Score;
  readonly f: Score;
  readonly m: Score;
  /** The three digits `${r}${f}${m}`, e.g. '545'. */
  readonly rfm: string;
}

/**
 * The RFM scores of a tenant's members, in input order.
 *
 * - The population ranked is the members who have purchased (`purchaseCount > 0`); members who
 *   have not score R = F = M = 1 ('111') and do not dilute the others' quintiles.
 * - R ranks `daysSinceLastPurchase` with fewer days better (a purchaser whose
 *   `daysSinceLastPurchase` is null is ranked as the least recent); F ranks `purchaseCount`,
 *   M `totalSpend`, more is better. Quintiles and ties follow {@link quintileScores}.
 *
 * Throws RangeError on a blank or duplicate member id, or on counts, days or spend that are not
 * safe integers (counts and days also non-negative).
 */
export function scoreRfm(members: readonly RfmInput[]): RfmScore[] {
  validateRfmInputs(members);
  const buyers: number[] = [];
  members.forEach((m, i) => {
    if (m.purchaseCount > 0) buyers.push(i);
  });
  const r = quintileScores(
    buyers.map((i) => members[i].daysSinceLastPurchase ?? Infinity),
    'lower',
  );
  const f = quintileScores(buyers.map((i) => members[i].purchaseCount));
  const m = quintileScores(buyers.map((i) => members[i].totalSpend));
  const out: RfmScore[] = members.map((x) => ({ memberId: x.memberId, r: 1, f: 1, m: 1, rfm: '111' }));
  buyers.forEach((i, k) => {
    out[i] = { memberId: members[i].memberId, r: r[k], f: f[k], m: m[k], rfm: `${r[k]}${f[k]}${m[k]}` };
  });
  return out;
}

function validateRfmInputs(members: readonly RfmInput[]): void {
  const ids = new Set<string>();
  for (const m of members) {
    const who = `member ${JSON.stringify(m.memberId)}`;
    if (typeof m.memberId !== 'string' || m.memberId.trim() === '') throw new RangeError('memberId must be a non-blank string');
    if (ids.has(m.memberId)) throw new RangeError(`${who} appears twice`);
    ids.add(m.memberId);
    if (!isCount(m.purchaseCount)) throw new RangeError(`${who}: purchaseCount must be a non-negative integer`);
    if (m.daysSinceLastPurchase !== null && !isCount(m.daysSinceLastPurchase)) {
      throw new RangeError(`${who}: daysSinceLastPurchase must be null or a non-negative integer`);
    }
    if (!Number.isSafeInteger(m.totalSpend)) throw new RangeError(`${who}: totalSpend must be an integer (minor units)`);
  }
}

/** A non-negative safe integer. */
export function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * Quintile scores without holding the population: four cut values taken from the sorted
 * population give exactly {@link quintileScores}' result for any value of it.
 *
 * With the population sorted from worst to best (ascending for 'higher', descending for
 * 'lower'), score(v) ≥ k + 1 ⇔ worse(v) ≥ ⌈k·n/5⌉ ⇔ v is strictly better than the value at
 * 0-based position ⌈k·n/5⌉ − 1. So a caller (e.g. SQL over millions of rows) fetches the values
 * at {@link quintileCutPositions}(n) and {@link scoreAgainstCuts} scores any member in O(1).
 */
export function quintileCutPositions(n: number): number[] {
  if (!isCount(n)) throw new RangeError('population size must be a non-negative integer');
  if (n === 0) return [];
  return [1, 2, 3, 4].map((k) => Math.ceil((k * n) / 5) - 1);
}

/** Cut values of a population: the values at {@link quintileCutPositions} in worst-to-best order (empty for an empty population). */
export type QuintileCuts = readonly number[];

/** The quintile score of `v` given its population's cuts (see {@link quintileCutPositions}). */
export function scoreAgainstCuts(v: number, cuts: QuintileCuts, better: Better = 'higher'): Score {
  if (Number.isNaN(v)) throw new RangeError('scoreAgainstCuts: NaN is not a value');
  let score = 1;
  for (const c of cuts) if (better === 'higher' ? v > c : v < c) score++;
  return score as Score;
}

/** The cuts of an in-memory population (the SQL pass computes the same with a sort per measure). */
export function quintileCuts(values: readonly number[], better: Better = 'higher'): QuintileCuts {
  const sorted = [...values].sort((a, b) => (better === 'higher' ? a - b : b - a));
  return quintileCutPositions(sorted.length).map((p) => sorted[p]);
}

/** The cuts RFM needs: R, F and M over the members who have purchased. */
export interface RfmCuts {
  readonly recency: QuintileCuts;
  readonly frequency: QuintileCuts;
  readonly money: QuintileCuts;
}

/** Recency ranks days since the last purchase; a purchaser without a date ranks as least recent. */
export const NEVER_PURCHASED_DAYS = Number.MAX_SAFE_INTEGER;

/** One member's RFM given the population's cuts: equal to {@link scoreRfm} over that population. */
export function scoreRfmAgainstCuts(m: RfmInput, cuts: RfmCuts): RfmScore {
  if (m.purchaseCount <= 0) return { memberId: m.memberId, r: 1, f: 1, m: 1, rfm: '111' };
  const r = scoreAgainstCuts(m.daysSinceLastPurchase ?? NEVER_PURCHASED_DAYS, cuts.recency, 'lower');
  const f = scoreAgainstCuts(m.purchaseCount, cuts.frequency);
  const mm = scoreAgainstCuts(m.totalSpend, cuts.money);
  return { memberId: m.memberId, r, f, m: mm, rfm: `${r}${f}${mm}` };
}
