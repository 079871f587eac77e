import fc from 'fast-check';
import { defaultEarnRate, pointsForAmount } from './earn-rate';

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
