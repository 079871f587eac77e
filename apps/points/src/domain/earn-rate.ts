/**
 * The flat earn rate of this slice: `points` points for every `perAmount` minor currency units,
 * rounded down (a till never gets a fraction of a point). Integer maths only, in BigInt so a
 * large amount times the rate cannot lose precision.
 */
export interface EarnRate {
  readonly points: number;
  readonly perAmount: number;
}

/** ISO 4217 currencies whose minor unit is the unit itself (no decimals). */
const ZERO_DECIMAL = new Set(['IRR', 'IQD', 'JPY', 'KRW', 'CLP', 'VND', 'ISK', 'UGX', 'XAF', 'XOF']);

/**
 * The default when a tenant has not set a rate: one point per 10,000 rials (1,000 tomans) for the
 * rial and other zero-decimal currencies, one point per whole unit (100 minor units) otherwise.
 */
export function defaultEarnRate(currency: string): EarnRate {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? { points: 1, perAmount: 10_000 } : { points: 1, perAmount: 100 };
}

export function pointsForAmount(amount: number, rate: EarnRate): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be a non-negative safe integer');
  if (!Number.isSafeInteger(rate.points) || rate.points < 0) throw new RangeError('rate.points must be a non-negative integer');
  if (!Number.isSafeInteger(rate.perAmount) || rate.perAmount <= 0) throw new RangeError('rate.perAmount must be a positive integer');
  const points = (BigInt(amount) * BigInt(rate.points)) / BigInt(rate.perAmount);
  if (points > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('points overflow');
  return Number(points);
}
