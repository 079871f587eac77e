/**
 * Earning and valuing points: integer maths only, in BigInt so a large amount times a rate never
 * loses precision. Amounts and values are in minor currency units (rials, cents).
 */

/**
 * How a quotient is rounded to a whole number.
 * - `floor`: towards −∞ (a till never gets a fraction of a point: the default for earning).
 * - `ceil`: towards +∞.
 * - `half-up`: to the nearest, ties away from zero (2.5 → 3, −2.5 → −3), as BigDecimal's HALF_UP.
 * - `half-even`: to the nearest, ties to the even neighbour (2.5 → 2, 3.5 → 4), banker's rounding.
 */
export type RoundingMode = 'floor' | 'ceil' | 'half-up' | 'half-even';

export const ROUNDING_MODES: readonly RoundingMode[] = ['floor', 'ceil', 'half-up', 'half-even'];

/** `n / d` rounded by `mode`, for any integer n and a positive d. Throws a RangeError on d ≤ 0. */
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const q = n / d; // truncated towards zero
  const r = n % d; // has the sign of n
  if (r === 0n) return q;
  const away = q + (n < 0n ? -1n : 1n);
  const twice = 2n * (r < 0n ? -r : r);
  switch (mode) {
    case 'floor':
      return r < 0n ? q - 1n : q;
    case 'ceil':
      return r > 0n ? q + 1n : q;
    case 'half-up':
      return twice >= d ? away : q;
    case 'half-even':
      if (twice !== d) return twice > d ? away : q;
      return q % 2n === 0n ? q : away;
  }
}

function assertRounding(mode: unknown): asserts mode is RoundingMode {
  if (!ROUNDING_MODES.includes(mode as RoundingMode)) throw new RangeError(`rounding must be one of ${ROUNDING_MODES.join(', ')}`);
}

function toSafeNumber(n: bigint, what: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`${what} overflow`);
  return Number(n);
}

/**
 * A tenant's earn rate: `points` points for every `perAmount` minor currency units, the product
 * rounded by `rounding` (default `floor`, so a till never gets a fraction of a point).
 */
export interface EarnRate {
  readonly points: number;
  readonly perAmount: number;
  readonly rounding?: RoundingMode;
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

/**
 * Points for `amount` minor units: amount × rate.points / rate.perAmount, rounded by the rate's
 * mode. Throws a RangeError on a negative or fractional amount, a bad rate, or a result beyond
 * Number.MAX_SAFE_INTEGER.
 */
export function pointsForAmount(amount: number, rate: EarnRate): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be a non-negative safe integer');
  if (!Number.isSafeInteger(rate.points) || rate.points < 0) throw new RangeError('rate.points must be a non-negative integer');
  if (!Number.isSafeInteger(rate.perAmount) || rate.perAmount <= 0) throw new RangeError('rate.perAmount must be a positive integer');
  const rounding = rate.rounding ?? 'floor';
  assertRounding(rounding);
  return toSafeNumber(divideRounded(BigInt(amount) * BigInt(rate.points), BigInt(rate.perAmount), rounding), 'points');
}

/**
 * What points are worth, for the liability report: `minorUnits` minor currency units per
 * `perPoints` points, e.g. { minorUnits: 1000, perPoints: 1 } — a point is worth 1,000 rials.
 */
export interface PointValue {
  readonly minorUnits: number;
  readonly perPoints: number;
  readonly rounding: RoundingMode;
}

/**
 * The value in minor units of `points` (any sign: a negative balance is a negative liability):
 * points × minorUnits / perPoints rounded by the value's mode, as a BigInt because a tenant's
 * total can pass 2^53. Round the tenant's total once rather than summing rounded per-member values.
 */
export function liabilityValue(points: number | bigint, value: PointValue): bigint {
  if (typeof points === 'number' && !Number.isSafeInteger(points)) throw new RangeError('points must be a safe integer');
  if (!Number.isSafeInteger(value.minorUnits) || value.minorUnits < 0) throw new RangeError('value.minorUnits must be a non-negative integer');
  if (!Number.isSafeInteger(value.perPoints) || value.perPoints <= 0) throw new RangeError('value.perPoints must be a positive integer');
  assertRounding(value.rounding);
  return divideRounded(BigInt(points) * BigInt(value.minorUnits), BigInt(value.perPoints), value.rounding);
}
