import fc from 'fast-check';
import { defaultEarnRate, divideRounded, liabilityValue, pointsForAmount, ROUNDING_MODES, type RoundingMode } from './earn';

describe('pointsForAmount', () => {
  it.each([
    [0, { points: 1, perAmount: 10_000 }, 0],
    [9_999, { points: 1, perAmount: 10_000 }, 0],
    [10_000, { points: 1, perAmount: 10_000 }, 1],
    [1_250_000, { points: 1, perAmount: 10_000 }, 125],
    [1_999, { points: 3, perAmount: 100 }, 59],
    [Number.MAX_SAFE_INTEGER, { points: 1, perAmount: 1 }, Number.MAX_SAFE_INTEGER],
  ])('amount %d at %o earns %d', (amount, rate, expected) => {
    expect(pointsForAmount(amount, rate)).toBe(expected);
  });

  it('rejects fractions, negatives and unsafe integers', () => {
    expect(() => pointsForAmount(10.5, { points: 1, perAmount: 10 })).toThrow(RangeError);
    expect(() => pointsForAmount(-1, { points: 1, perAmount: 10 })).toThrow(RangeError);
    expect(() => pointsForAmount(2 ** 60, { points: 1, perAmount: 10 })).toThrow(RangeError);
    expect(() => pointsForAmount(10, { points: 1, perAmount: 0 })).toThrow(RangeError);
    expect(() => pointsForAmount(Number.MAX_SAFE_INTEGER, { points: 2, perAmount: 1 })).toThrow('overflow');
  });

  it('always yields an integer, never more than the exact quotient, monotonic in amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 1e6 }),
        (a, b, points, perAmount) => {
          const rate = { points, perAmount };
          const pa = pointsForAmount(a, rate);
          expect(Number.isInteger(pa)).toBe(true);
          expect(pa * perAmount).toBeLessThanOrEqual(a * points);
          expect(pointsForAmount(a + b, rate)).toBeGreaterThanOrEqual(pa);
        },
      ),
    );
  });

  it('defaults to one point per 10,000 rials and per whole unit elsewhere', () => {
    expect(defaultEarnRate('IRR')).toEqual({ points: 1, perAmount: 10_000 });
    expect(defaultEarnRate('eur')).toEqual({ points: 1, perAmount: 100 });
  });
});

describe('divideRounded', () => {
  it.each<[bigint, bigint, Record<RoundingMode, bigint>]>([
    [7n, 2n, { floor: 3n, ceil: 4n, 'half-up': 4n, 'half-even': 4n }],
    [5n, 2n, { floor: 2n, ceil: 3n, 'half-up': 3n, 'half-even': 2n }],
    [-5n, 2n, { floor: -3n, ceil: -2n, 'half-up': -3n, 'half-even': -2n }],
    [-7n, 2n, { floor: -4n, ceil: -3n, 'half-up': -4n, 'half-even': -4n }],
    [10n, 3n, { floor: 3n, ceil: 4n, 'half-up': 3n, 'half-even': 3n }],
    [20n, 3n, { floor: 6n, ceil: 7n, 'half-up': 7n, 'half-even': 7n }],
    [9n, 3n, { floor: 3n, ceil: 3n, 'half-up': 3n, 'half-even': 3n }],
    [0n, 5n, { floor: 0n, ceil: 0n, 'half-up': 0n, 'half-even': 0n }],
  ])('%d / %d', (n, d, expected) => {
    for (const mode of ROUNDING_MODES) expect([mode, divideRounded(n, d, mode)]).toEqual([mode, expected[mode]]);
  });

  it('rejects a non-positive divisor', () => {
    expect(() => divideRounded(1n, 0n, 'floor')).toThrow(RangeError);
  });

  it('is within one of the exact quotient, on the side the mode says (property)', () => {
    const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
    fc.assert(
      fc.property(big, fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
        const r = divideRounded(n, d, mode);
        const diff = n - r * d; // d × (exact − r)
        const twice = 2n * (diff < 0n ? -diff : diff);
        switch (mode) {
          case 'floor':
            expect(diff >= 0n && diff < d).toBe(true);
            break;
          case 'ceil':
            expect(diff <= 0n && -diff < d).toBe(true);
            break;
          case 'half-up':
            expect(twice < d || (twice === d && (diff > 0n) === (n < 0n))).toBe(true);
            break;
          case 'half-even':
            expect(twice < d || (twice === d && r % 2n === 0n)).toBe(true);
            break;
        }
      }),
    );
  });
});

describe('pointsForAmount with a rounding mode', () => {
  it.each<[number, RoundingMode, number]>([
    [15_000, 'floor', 1],
    [15_000, 'ceil', 2],
    [15_000, 'half-up', 2],
    [15_000, 'half-even', 2],
    [25_000, 'half-even', 2],
    [25_000, 'half-up', 3],
    [14_999, 'half-up', 1],
    [10_001, 'ceil', 2],
  ])('%d rials at 1 per 10,000, %s: %d', (amount, rounding, expected) => {
    expect(pointsForAmount(amount, { points: 1, perAmount: 10_000, rounding })).toBe(expected);
  });

  it('rejects an unknown rounding mode from untyped input', () => {
    expect(() => pointsForAmount(10, { points: 1, perAmount: 10, rounding: 'up' as RoundingMode })).toThrow(RangeError);
  });

  it('never yields a fraction; floor ≤ half-even, half-up ≤ ceil, all within one point (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 1e6 }), (amount, points, perAmount) => {
        const p = (rounding: RoundingMode) => pointsForAmount(amount, { points, perAmount, rounding });
        const [floor, ceil, halfUp, halfEven] = [p('floor'), p('ceil'), p('half-up'), p('half-even')];
        expect([floor, ceil, halfUp, halfEven].every(Number.isSafeInteger)).toBe(true);
        expect(ceil - floor).toBeLessThanOrEqual(1);
        expect(floor <= halfEven && halfEven <= halfUp && halfUp <= ceil).toBe(true);
      }),
    );
  });
});

describe('liabilityValue', () => {
  it.each<[number | bigint, number, number, RoundingMode, bigint]>([
    [1_000, 1_000, 1, 'floor', 1_000_000n],
    [3, 10, 4, 'floor', 7n],
    [3, 10, 4, 'ceil', 8n],
    [3, 10, 4, 'half-up', 8n],
    [3, 10, 4, 'half-even', 8n],
    [1, 10, 4, 'half-even', 2n],
    [-3, 10, 4, 'half-up', -8n],
    [0, 10, 4, 'ceil', 0n],
    [10n ** 15n, 100_000, 1, 'floor', 10n ** 20n],
  ])('%d points at %d per %d, %s: %d', (points, minorUnits, perPoints, rounding, expected) => {
    expect(liabilityValue(points, { minorUnits, perPoints, rounding })).toBe(expected);
  });

  it('rejects a fractional point count or a bad value', () => {
    expect(() => liabilityValue(1.5, { minorUnits: 1, perPoints: 1, rounding: 'floor' })).toThrow(RangeError);
    expect(() => liabilityValue(1, { minorUnits: 1, perPoints: 0, rounding: 'floor' })).toThrow(RangeError);
    expect(() => liabilityValue(1, { minorUnits: -1, perPoints: 1, rounding: 'floor' })).toThrow(RangeError);
  });

  it('is additive up to rounding: the total\'s value is within n of the sum of n values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 20 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e4 }), fc.constantFrom(...ROUNDING_MODES), (balances, minorUnits, perPoints, rounding) => {
        const value = { minorUnits, perPoints, rounding };
        const total = liabilityValue(balances.reduce((a, b) => a + BigInt(b), 0n), value);
        const summed = balances.reduce((a, b) => a + liabilityValue(b, value), 0n);
        const gap = total - summed;
        expect((gap < 0n ? -gap : gap) <= BigInt(balances.length)).toBe(true);
      }),
    );
  });
});
