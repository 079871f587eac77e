import fc from 'fast-check';
import {
  attributePoints,
  type LineReturn,
  NEGATIVE_BALANCE_POLICIES,
  planReturn,
  recordLines,
  type RecordedLine,
  type ReturnRequest,
  splitProportionally,
  splitReversal,
} from './returns';

describe('attributePoints', () => {
  it.each([
    ['by amount, the leftover to the largest remainder', [[1, 100], [1, 200], [1, 300]], 10, [2, 3, 5]],
    ['exact shares', [[2, 50], [1, 100]], 20, [10, 10]],
    ['ties go to the earlier line', [[1, 1], [1, 1], [1, 1]], 2, [1, 1, 0]],
    ['quantity × price, not price', [[3, 100], [1, 100]], 4, [3, 1]],
    ['a free line gets nothing', [[1, 0], [1, 100]], 7, [0, 7]],
    ['all free: by quantity', [[1, 0], [3, 0]], 8, [2, 6]],
    ['no points', [[1, 100]], 0, [0]],
  ] as const)('%s', (_, rows, points, expected) => {
    expect(attributePoints(rows.map(([quantity, unitPrice], i) => ({ sku: `s${i}`, quantity, unitPrice })), points)).toEqual(expected);
  });

  it('rejects malformed lines and points without lines', () => {
    expect(() => attributePoints([{ sku: 'a', quantity: 0, unitPrice: 1 }], 1)).toThrow(RangeError);
    expect(() => attributePoints([{ sku: '', quantity: 1, unitPrice: 1 }], 1)).toThrow(RangeError);
    expect(() => attributePoints([{ sku: 'a', quantity: 1, unitPrice: -1 }], 1)).toThrow(RangeError);
    expect(() => attributePoints([], 1)).toThrow(RangeError);
    expect(attributePoints([], 0)).toEqual([]);
  });

  it('sums exactly and gives each line its exact share rounded down or up (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e9 }), { minLength: 1, maxLength: 30 }), fc.nat({ max: 1e9 }), (weights, total) => {
        const shares = splitProportionally(total, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        shares.forEach((s, i) => {
          const exact = sum === 0 ? total / weights.length : (total * weights[i]) / sum;
          expect(Math.abs(s - exact)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});

describe('planReturn', () => {
  const lines: RecordedLine[] = [
    { sku: 'A', quantity: 3, unitPrice: 1000, pointsEarned: 30, pointsRedeemed: 10 },
    { sku: 'B', quantity: 1, unitPrice: 2000, pointsEarned: 20, pointsRedeemed: 0 },
  ];
  const items = (...pairs: [string, number][]): ReturnRequest => ({ items: pairs.map(([sku, quantity]) => ({ sku, quantity })) });

  it('reverses earned points rounded down and refunds redeemed points rounded up, exact over the whole line', () => {
    const first = planReturn(lines, [], items(['A', 1]));
    expect(first).toEqual({
      ok: true,
      plan: { lines: [{ line: 0, sku: 'A', quantity: 1, amount: 1000, pointsReversed: 10, pointsRefunded: 4 }], pointsReversed: 10, pointsRefunded: 4 },
    });
    const previous: LineReturn[] = [{ line: 0, quantity: 1, amount: 1000 }];
    expect(planReturn(lines, previous, items(['A', 1]))).toMatchObject({ ok: true, plan: { pointsReversed: 10, pointsRefunded: 3 } });
    const twice = [...previous, { line: 0, quantity: 1, amount: 1000 }];
    expect(planReturn(lines, twice, items(['A', 1]))).toMatchObject({ ok: true, plan: { pointsReversed: 10, pointsRefunded: 3 } });
  });

  it('returns several lines at once, the same sku listed twice adding up', () => {
    expect(planReturn(lines, [], items(['B', 1], ['A', 1], ['A', 2]))).toEqual({
      ok: true,
      plan: {
        lines: [
          { line: 0, sku: 'A', quantity: 3, amount: 3000, pointsReversed: 30, pointsRefunded: 10 },
          { line: 1, sku: 'B', quantity: 1, amount: 2000, pointsReversed: 20, pointsRefunded: 0 },
        ],
        pointsReversed: 50,
        pointsRefunded: 10,
      },
    });
  });

  it('takes a sku on several lines from the earlier line first', () => {
    const split: RecordedLine[] = [
      { sku: 'X', quantity: 1, unitPrice: 500, pointsEarned: 5, pointsRedeemed: 0 },
      { sku: 'Y', quantity: 1, unitPrice: 100, pointsEarned: 1, pointsRedeemed: 0 },
      { sku: 'X', quantity: 2, unitPrice: 400, pointsEarned: 8, pointsRedeemed: 0 },
    ];
    expect(planReturn(split, [], items(['X', 2]))).toMatchObject({
      ok: true,
      plan: { lines: [{ line: 0, quantity: 1, pointsReversed: 5 }, { line: 2, quantity: 1, pointsReversed: 4 }], pointsReversed: 9 },
    });
    expect(planReturn(split, [{ line: 0, quantity: 1, amount: 500 }], items(['X', 2]))).toMatchObject({
      ok: true,
      plan: { lines: [{ line: 2, quantity: 2, pointsReversed: 8 }] },
    });
  });

  it('spreads an amount over what is left of each line', () => {
    expect(planReturn(lines, [], { amount: 2500 })).toEqual({
      ok: true,
      plan: {
        lines: [
          { line: 0, sku: 'A', quantity: 0, amount: 1500, pointsReversed: 15, pointsRefunded: 5 },
          { line: 1, sku: 'B', quantity: 0, amount: 1000, pointsReversed: 10, pointsRefunded: 0 },
        ],
        pointsReversed: 25,
        pointsRefunded: 5,
      },
    });
  });

  it.each<[string, LineReturn[], ReturnRequest, unknown]>([
    ['a fourth A', [{ line: 0, quantity: 3, amount: 3000 }], items(['A', 1]), { code: 'exceeds-purchase', sku: 'A', bought: 3, returnable: 0, requested: 1 }],
    ['four A at once', [], items(['A', 2], ['A', 2]), { code: 'exceeds-purchase', sku: 'A', bought: 3, returnable: 3, requested: 4 }],
    ['two A after half of A was refunded by amount', [{ line: 0, quantity: 0, amount: 1500 }], items(['A', 2]), { code: 'exceeds-purchase', sku: 'A', bought: 3, returnable: 1, requested: 2 }],
    ['an unknown sku', [], items(['C', 1]), { code: 'unknown-sku', sku: 'C' }],
    ['a zero quantity', [], items(['A', 0]), { code: 'invalid-quantity', sku: 'A' }],
    ['a fractional quantity', [], items(['A', 0.5]), { code: 'invalid-quantity', sku: 'A' }],
    ['no items', [], { items: [] }, { code: 'empty-return' }],
    ['more than was paid', [{ line: 1, quantity: 1, amount: 2000 }], { amount: 3001 }, { code: 'exceeds-amount', returnable: 3000, requested: 3001 }],
    ['a zero amount', [], { amount: 0 }, { code: 'invalid-amount' }],
  ])('refuses %s', (_, previous, request, error) => {
    expect(planReturn(lines, previous, request)).toEqual({ ok: false, error });
  });

  it('rejects an earlier return naming a line that does not exist', () => {
    expect(() => planReturn(lines, [{ line: 2, quantity: 1, amount: 1 }], { amount: 1 })).toThrow(RangeError);
  });

  const checkout = fc
    .array(fc.record({ sku: fc.constantFrom('a', 'b', 'c', 'd'), quantity: fc.integer({ min: 1, max: 5 }), unitPrice: fc.integer({ min: 0, max: 10_000 }) }), { minLength: 1, maxLength: 6 })
    .chain((ls) => fc.tuple(fc.constant(ls), fc.nat({ max: 10_000 }), fc.nat({ max: 10_000 })))
    .map(([ls, earned, redeemed]) => recordLines(ls, earned, redeemed));
  const request: fc.Arbitrary<ReturnRequest> = fc.oneof(
    fc.record({ items: fc.array(fc.record({ sku: fc.constantFrom('a', 'b', 'c', 'd'), quantity: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }) }),
    fc.record({ amount: fc.integer({ min: 1, max: 20_000 }) }),
  );

  it('never takes back more than a line earned or redeemed, and exactly all when all comes back (property)', () => {
    fc.assert(
      fc.property(checkout, fc.array(request, { maxLength: 8 }), (recorded, requests) => {
        const previous: LineReturn[] = [];
        const reversed = recorded.map(() => 0);
        const refunded = recorded.map(() => 0);
        const apply = (req: ReturnRequest) => {
          const result = planReturn(recorded, previous, req);
          if (!result.ok) return;
          for (const l of result.plan.lines) {
            previous.push({ line: l.line, quantity: l.quantity, amount: l.amount });
            reversed[l.line] += l.pointsReversed;
            refunded[l.line] += l.pointsRefunded;
            expect(l.pointsReversed).toBeGreaterThanOrEqual(0);
            expect(l.pointsRefunded).toBeGreaterThanOrEqual(0);
          }
        };
        requests.forEach(apply);
        recorded.forEach((line, i) => {
          expect(reversed[i]).toBeLessThanOrEqual(line.pointsEarned);
          expect(refunded[i]).toBeLessThanOrEqual(line.pointsRedeemed);
          const back = previous.filter((p) => p.line === i);
          expect(back.reduce((s, p) => s + p.quantity, 0)).toBeLessThanOrEqual(line.quantity);
          expect(back.reduce((s, p) => s + p.amount, 0)).toBeLessThanOrEqual(line.quantity * line.unitPrice);
        });
        // Return everything that is left, by items where possible and the rest by amount.
        for (const sku of new Set(recorded.map((l) => l.sku))) {
          for (let q = 20; q > 0; q -= 1) apply({ items: [{ sku, quantity: q }] });
        }
        const paid = recorded.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
        const back = previous.reduce((s, p) => s + p.amount, 0);
        if (paid > back) apply({ amount: paid - back });
        recorded.forEach((line, i) => {
          const fullyBack = line.unitPrice === 0 ? previous.filter((p) => p.line === i).reduce((s, p) => s + p.quantity, 0) === line.quantity : true;
          if (fullyBack) expect([reversed[i], refunded[i]]).toEqual([line.pointsEarned, line.pointsRedeemed]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitReversal', () => {
  it.each([
    ['only-pending, lot still pending', 'only-pending', 'pending', 80, 500, 100, { fromLot: 80, fromOtherAvailable: 0, negative: 0, forgiven: 20 }],
    ['only-pending, lot already active: forgiven', 'only-pending', 'active', 100, 500, 100, { fromLot: 0, fromOtherAvailable: 0, negative: 0, forgiven: 100 }],
    ['within-balance, the lot covers it', 'within-balance', 'active', 100, 0, 60, { fromLot: 60, fromOtherAvailable: 0, negative: 0, forgiven: 0 }],
    ['within-balance, then other points', 'within-balance', 'active', 30, 50, 60, { fromLot: 30, fromOtherAvailable: 30, negative: 0, forgiven: 0 }],
    ['within-balance, the rest forgiven', 'within-balance', 'active', 10, 20, 60, { fromLot: 10, fromOtherAvailable: 20, negative: 0, forgiven: 30 }],
    ['within-balance, pending lot', 'within-balance', 'pending', 10, 0, 15, { fromLot: 10, fromOtherAvailable: 0, negative: 0, forgiven: 5 }],
    ['allow-negative, the rest goes negative', 'allow-negative', 'active', 10, 20, 60, { fromLot: 10, fromOtherAvailable: 20, negative: 30, forgiven: 0 }],
    ['allow-negative, already in debt', 'allow-negative', 'active', 0, -40, 25, { fromLot: 0, fromOtherAvailable: 0, negative: 25, forgiven: 0 }],
  ] as const)('%s', (_, policy, lotStatus, lotRemaining, otherAvailable, points, expected) => {
    expect(splitReversal(points, { lotStatus, lotRemaining, otherAvailable }, policy)).toEqual(expected);
  });

  it('rejects an unknown policy or a negative amount', () => {
    expect(() => splitReversal(1, { lotStatus: 'active', lotRemaining: 0, otherAvailable: 0 }, 'yolo' as never)).toThrow(RangeError);
    expect(() => splitReversal(-1, { lotStatus: 'active', lotRemaining: 0, otherAvailable: 0 }, 'within-balance')).toThrow(RangeError);
  });

  it('adds up, never overdraws a source, and only allow-negative goes negative (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e6 }),
        fc.constantFrom('pending' as const, 'active' as const),
        fc.nat({ max: 1e6 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.constantFrom(...NEGATIVE_BALANCE_POLICIES),
        (points, lotStatus, lotRemaining, otherAvailable, policy) => {
          const s = splitReversal(points, { lotStatus, lotRemaining, otherAvailable }, policy);
          expect(s.fromLot + s.fromOtherAvailable + s.negative + s.forgiven).toBe(points);
          expect(Object.values(s).every((v) => v >= 0)).toBe(true);
          expect(s.fromLot).toBeLessThanOrEqual(lotRemaining);
          expect(s.fromOtherAvailable).toBeLessThanOrEqual(Math.max(0, otherAvailable));
          if (policy !== 'allow-negative') expect(s.negative).toBe(0);
          if (policy === 'allow-negative') expect(s.forgiven).toBe(0);
          if (policy === 'only-pending') expect(s.fromOtherAvailable).toBe(0);
          if (policy === 'only-pending' && lotStatus === 'active') expect(s.fromLot).toBe(0);
        },
      ),
    );
  });
});
