import fc from 'fast-check';
import { allocateProportionally, mulDivFloor, mulExact, sumExact, toSafeNumber } from './amounts';

const MAX = Number.MAX_SAFE_INTEGER;

describe('integer arithmetic', () => {
  it.each([
    [999, 10, 100, 99],
    [1_005, 15, 100, 150],
    [MAX, 1, 1, MAX],
    [MAX, 3, 7, Number((BigInt(MAX) * 3n) / 7n)], // the product passes 2^53: BigInt
    [2 ** 52, 3, 3, 2 ** 52],
    [0, 5, 3, 0],
  ])('mulDivFloor(%d, %d, %d) = %d', (a, b, d, q) => {
    expect(mulDivFloor(a, b, d, 'x')).toBe(q);
  });

  it('mulDivFloor agrees with BigInt on every input (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: MAX }), fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: MAX }), (a, b, d) => {
        const exact = (BigInt(a) * BigInt(b)) / BigInt(d);
        if (exact > BigInt(MAX)) expect(() => mulDivFloor(a, b, d, 'x')).toThrow(RangeError);
        else expect(mulDivFloor(a, b, d, 'x')).toBe(Number(exact));
      }),
    );
    // near-integer quotients, where a float division rounds up
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 26 }), fc.integer({ min: 2, max: 2 ** 26 }), (k, d) => {
        expect(mulDivFloor(k * d - 1, 1, d, 'x')).toBe(k - 1);
      }),
    );
  });

  it('refuses to lose precision', () => {
    expect(() => mulExact(MAX, 2, 'points')).toThrow(/points overflows/);
    expect(mulExact(2 ** 26, 2 ** 26, 'x')).toBe(2 ** 52);
    expect(() => sumExact([MAX, 1], 'sum')).toThrow(RangeError);
    expect(sumExact([MAX - 1, 1], 'sum')).toBe(MAX);
    expect(() => toSafeNumber(2n ** 53n, 'x')).toThrow(RangeError);
    expect(() => mulDivFloor(1, 1, 0, 'x')).toThrow(RangeError);
  });

  it('allocateProportionally: the fast path agrees with an exact BigInt reference (property)', () => {
    const reference = (total: number, weights: number[]) => {
      const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
      const exact = weights.map((w, i) => ({ i, q: (BigInt(total) * BigInt(w)) / sum, r: (BigInt(total) * BigInt(w)) % sum }));
      let left = BigInt(total) - exact.reduce((a, x) => a + x.q, 0n);
      const shares = exact.map((x) => x.q);
      for (const x of [...exact].sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))) {
        if (left > 0n && x.r > 0n) {
          shares[x.i] += 1n;
          left -= 1n;
        }
      }
      return shares.map(Number);
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 2 ** 20 }), (weights, total) => {
        fc.pre(weights.some((w) => w > 0));
        expect(allocateProportionally(total, weights)).toEqual(reference(total, weights));
      }),
    );
  });

  it('allocateProportionally: largest remainder, ties to the lower index', () => {
    expect(allocateProportionally(100, [333, 333, 333])).toEqual([34, 33, 33]);
    expect(allocateProportionally(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(allocateProportionally(10, [0, 5])).toEqual([0, 10]);
    expect(allocateProportionally(7, [2])).toEqual([7]);
    expect(allocateProportionally(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateProportionally(1, [0, 0])).toThrow(RangeError);
    expect(() => allocateProportionally(-1, [1])).toThrow(RangeError);
  });
});
