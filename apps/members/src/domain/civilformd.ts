import { type QuintileCuts, type RfmCuts, type Score, isCount, isScore, quintileScores, scoreAgainstCuts, scoreRfm, scoreRfmAgainstCuts } from './rfm';

/**
 * The CIVILFORMD customer-value model: ten factors, each scored 1 (worst) … 5 (best), combined
 * with per-tenant integer weights into a total of 0 … 100.
 *
 * | factor         | source                                   | scoring                                   |
 * |----------------|------------------------------------------|-------------------------------------------|
 * | cooperation    | participations (feedback answered + events attended) | quintile among all members, more is better |
 * | impression     | managers' rating 1-5                     | given; absent → 3                         |
 * | viralMarketing | referrals made                           | quintile among all members, more is better |
 * | income         | gross profit from purchases (minor units) | quintile among purchasers, more is better; non-purchasers 1 |
 * | length         | tenure in days                           | quintile among all members, longer is better |
 * | frequency      | purchase count                           | = RFM F                                   |
 * | opportunity    | managers' rating of future potential 1-5 | given; absent → 3                         |
 * | recency        | days since the last purchase             | = RFM R                                   |
 * | money          | total spend (minor units)                | = RFM M                                   |
 * | debt           | managers' rating 1-5, 5 = pays on time, 1 = in debt | given; absent → 3              |
 *
 * Quintiles and ties follow `quintileScores` in ./rfm: ties share a score, so when most
 * members have made no referrals they all score 1 for viral marketing. Recency, frequency and
 * money are exactly the member's RFM scores (purchasers ranked among purchasers, others 1).
 * An absent manual factor is neutral (3): nobody is rewarded or penalised for not having been
 * rated.
 */
export const CIVILFORMD_FACTORS = [
  'cooperation',
  'impression',
  'viralMarketing',
  'income',
  'length',
  'frequency',
  'opportunity',
  'recency',
  'money',
  'debt',
] as const;
export type CivilformdFactor = (typeof CIVILFORMD_FACTORS)[number];

/** Factors only people know, set through the API (with who set them and when, stored by the caller). */
export const MANUAL_FACTORS = ['impression', 'opportunity', 'debt'] as const;
export type ManualFactor = (typeof MANUAL_FACTORS)[number];

/** Score of a manual factor nobody has rated. */
export const NEUTRAL_MANUAL_SCORE: Score = 3;

export type CivilformdFactors = Readonly<Record<CivilformdFactor, Score>>;
export type CivilformdWeights = Readonly<Record<CivilformdFactor, number>>;

export const MAX_CIVILFORMD_WEIGHT = 1000;
export const DEFAULT_CIVILFORMD_WEIGHTS: CivilformdWeights = Object.freeze(
  Object.fromEntries(CIVILFORMD_FACTORS.map((f) => [f, 1])) as Record<CivilformdFactor, number>,
);

export interface CivilformdInput {
  readonly memberId: string;
  /** Feedback answered + club events attended. */
  readonly participations: number;
  readonly referralsMade: number;
  /** Gross profit from the member's purchases, minor units (may be negative). */
  readonly grossProfit: number;
  readonly tenureDays: number;
  readonly purchaseCount: number;
  /** null when the member has never purchased. */
  readonly daysSinceLastPurchase: number | null;
  /** Minor units (may be negative after returns). */
  readonly totalSpend: number;
  /** Managers' ratings 1-5; absent = not rated (neutral 3). */
  readonly manual?: Readonly<Partial<Record<ManualFactor, number>>>;
}

export interface CivilformdScore {
  readonly memberId: string;
  readonly factors: CivilformdFactors;
  /** Weighted total normalised to 0 … 100, see {@link civilformdTotal}. */
  readonly total: number;
}

const isFactor = (k: string): k is CivilformdFactor => (CIVILFORMD_FACTORS as readonly string[]).includes(k);

/**
 * Problems with a tenant's weights (empty = valid). Weights may be partial — a factor left out
 * keeps its default weight 1 — and each given weight is an integer 0 … {@link MAX_CIVILFORMD_WEIGHT}
 * (0 switches a factor off). Unknown factor names are errors (a typo must not silently become a
 * default weight), and at least one weight must be positive.
 */
export function validateWeights(weights: Readonly<Record<string, unknown>>): string[] {
  const errors: string[] = [];
  for (const [k, w] of Object.entries(weights)) {
    if (!isFactor(k)) {
      errors.push(`unknown factor ${JSON.stringify(k)} (factors: ${CIVILFORMD_FACTORS.join(', ')})`);
    } else if (typeof w !== 'number' || !Number.isSafeInteger(w) || w < 0 || w > MAX_CIVILFORMD_WEIGHT) {
      errors.push(`weight of ${k} must be an integer from 0 to ${MAX_CIVILFORMD_WEIGHT}`);
    }
  }
  if (errors.length === 0 && CIVILFORMD_FACTORS.every((f) => (weights[f] ?? 1) === 0)) {
    errors.push('at least one weight must be positive');
  }
  return errors;
}

/** Complete weights from a partial set (missing factors weigh 1). Throws RangeError when invalid. */
export function resolveWeights(weights: Readonly<Partial<Record<CivilformdFactor, number>>> = {}): CivilformdWeights {
  const errors = validateWeights(weights);
  if (errors.length > 0) throw new RangeError(`invalid CIVILFORMD weights: ${errors.join('; ')}`);
  return Object.fromEntries(CIVILFORMD_FACTORS.map((f) => [f, weights[f] ?? 1])) as Record<CivilformdFactor, number>;
}

/**
 * The weighted total of ten factor scores, normalised to an integer 0 … 100:
 *
 *     W = Σ wᵢ,  S = Σ wᵢ·sᵢ  (so W ≤ S ≤ 5W)
 *     total = round(100 · (S − W) / (4W)),  rounding halves up, in exact integer arithmetic
 *
 * All factors 1 → 0, all 5 → 100, all 3 → 50. Factors with weight 0 do not count. Non-decreasing
 * in every factor score. Throws RangeError on invalid weights or scores.
 */
export function civilformdTotal(factors: CivilformdFactors, weights: Readonly<Partial<Record<CivilformdFactor, number>>> = DEFAULT_CIVILFORMD_WEIGHTS): number {
  for (const f of CIVILFORMD_FACTORS) {
    if (!isScore(factors[f])) throw new RangeError(`factor ${f} must be a score 1-5`);
  }
  return weightedTotal(factors, resolveWeights(weights));
}

/** {@link civilformdTotal} for scores and complete weights already validated. */
function weightedTotal(factors: CivilformdFactors, w: CivilformdWeights): number {
  let sumW = 0;
  let sum = 0;
  for (const f of CIVILFORMD_FACTORS) {
    sumW += w[f];
    sum += w[f] * factors[f];
  }
  return Math.floor((100 * (sum - sumW) + 2 * sumW) / (4 * sumW));
}

/**
 * CIVILFORMD scores of a tenant's members, in input order (see the table at the top). Throws
 * RangeError on invalid weights, on observable stats that are not integers (counts, days and
 * tenure non-negative), on a manual rating that is not an integer 1-5, and on blank or
 * duplicate member ids.
 */
export function scoreCivilformd(
  members: readonly CivilformdInput[],
  weights: Readonly<Partial<Record<CivilformdFactor, number>>> = DEFAULT_CIVILFORMD_WEIGHTS,
): CivilformdScore[] {
  const w = resolveWeights(weights);
  members.forEach(validateInput);
  const rfm = scoreRfm(members); // also validates ids, counts, days and spend
  const cooperation = quintileScores(members.map((m) => m.participations));
  const viral = quintileScores(members.map((m) => m.referralsMade));
  const length = quintileScores(members.map((m) => m.tenureDays));
  const buyers = members.flatMap((m, i) => (m.purchaseCount > 0 ? [i] : []));
  const income: Score[] = members.map(() => 1);
  quintileScores(buyers.map((i) => members[i].grossProfit)).forEach((s, k) => (income[buyers[k]] = s));

  return members.map((m, i) => {
    const manual = (f: ManualFactor): Score => {
      const v = m.manual?.[f];
      return v === undefined ? NEUTRAL_MANUAL_SCORE : (v as Score);
    };
    const factors: CivilformdFactors = {
      cooperation: cooperation[i],
      impression: manual('impression'),
      viralMarketing: viral[i],
      income: income[i],
      length: length[i],
      frequency: rfm[i].f,
      opportunity: manual('opportunity'),
      recency: rfm[i].r,
      money: rfm[i].m,
      debt: manual('debt'),
    };
    return { memberId: m.memberId, factors, total: weightedTotal(factors, w) };
  });
}

function validateInput(m: CivilformdInput): void {
  const who = `member ${JSON.stringify(m.memberId)}`;
  if (!isCount(m.participations)) throw new RangeError(`${who}: participations must be a non-negative integer`);
  if (!isCount(m.referralsMade)) throw new RangeError(`${who}: referralsMade must be a non-negative integer`);
  if (!isCount(m.tenureDays)) throw new RangeError(`${who}: tenureDays must be a non-negative integer`);
  if (!Number.isSafeInteger(m.grossProfit)) throw new RangeError(`${who}: grossProfit must be an integer (minor units)`);
  for (const [k, v] of Object.entries(m.manual ?? {})) {
    if (!(MANUAL_FACTORS as readonly string[]).includes(k)) throw new RangeError(`${who}: ${k} is not a manual factor`);
    if (v !== undefined && !isScore(v)) throw new RangeError(`${who}: ${k} must be an integer 1-5`);
  }
}

/**
 * The population cuts CIVILFORMD needs besides RFM's: income among purchasers; cooperation,
 * viral marketing and length among all members.
 */
export interface CivilformdCuts extends RfmCuts {
  readonly income: QuintileCuts;
  readonly cooperation: QuintileCuts;
  readonly viralMarketing: QuintileCuts;
  readonly length: QuintileCuts;
}

/**
 * One member's CIVILFORMD score given the population's cuts: equal to {@link scoreCivilformd}
 * over that population, without holding it (the scores pass pages through millions of members).
 */
export function scoreCivilformdAgainstCuts(
  m: CivilformdInput,
  cuts: CivilformdCuts,
  weights: Readonly<Partial<Record<CivilformdFactor, number>>> = DEFAULT_CIVILFORMD_WEIGHTS,
): CivilformdScore {
  const w = resolveWeights(weights);
  validateInput(m);
  const rfm = scoreRfmAgainstCuts(m, cuts);
  const manual = (f: ManualFactor): Score => {
    const v = m.manual?.[f];
    return v === undefined ? NEUTRAL_MANUAL_SCORE : (v as Score);
  };
  const factors: CivilformdFactors = {
    cooperation: scoreAgainstCuts(m.participations, cuts.cooperation),
    impression: manual('impression'),
    viralMarketing: scoreAgainstCuts(m.referralsMade, cuts.viralMarketing),
    income: m.purchaseCount > 0 ? scoreAgainstCuts(m.grossProfit, cuts.income) : 1,
    length: scoreAgainstCuts(m.tenureDays, cuts.length),
    frequency: rfm.f,
    opportunity: manual('opportunity'),
    recency: rfm.r,
    money: rfm.m,
    debt: manual('debt'),
  };
  return { memberId: m.memberId, factors, total: weightedTotal(factors, w) };
}
