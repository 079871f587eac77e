import fc from 'fast-check';
import { type RfmInput, isScore, quintileCutPositions, quintileCuts, quintileScores, scoreAgainstCuts, scoreRfm } from './rfm';

const member = (memberId: string, daysSinceLastPurchase: number | null, purchaseCount: number, totalSpend: number): RfmInput => ({
  memberId,
  daysSinceLastPurchase,
  purchaseCount,
  totalSpend,
});

/** A tenant's members with unique ids; about one in five has never purchased. */
const membersArb = fc
  .array(
    fc.oneof(
      { weight: 1, arbitrary: fc.constant({ daysSinceLastPurchase: null, purchaseCount: 0, totalSpend: 0 }) },
      {
        weight: 4,
        arbitrary: fc.record({
          daysSinceLastPurchase: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null, freq: 20 }),
          purchaseCount: fc.integer({ min: 1, max: 12 }),
          totalSpend: fc.integer({ min: -1000, max: 50_000 }),
        }),
      },
    ),
    { maxLength: 40 },
  )
  .map((rows) => rows.map((r, i) => ({ memberId: `m${i}`, ...r })));

describe('quintileScores', () => {
  it.each<[number[], 'higher' | 'lower', number[]]>([
    [[], 'higher', []],
    [[7], 'higher', [1]],
    [[1, 2], 'higher', [1, 3]],
    [[1, 2, 3], 'higher', [1, 2, 4]],
    [[1, 2, 3, 4], 'higher', [1, 2, 3, 4]],
    [[10, 20, 30, 40, 50], 'higher', [1, 2, 3, 4, 5]],
    [[50, 10, 40, 20, 30], 'higher', [5, 1, 4, 2, 3]],
    [[10, 20, 30, 40, 50], 'lower', [5, 4, 3, 2, 1]],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'higher', [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]],
    [[5, 5, 5, 5], 'higher', [1, 1, 1, 1]],
    [[5, 5, 5, 5], 'lower', [1, 1, 1, 1]],
    // ties share the quintile of their lowest rank
    [[1, 2, 2, 2, 2, 2, 2, 2, 2, 3], 'higher', [1, 1, 1, 1, 1, 1, 1, 1, 1, 5]],
    [[0, 0, 0, 0, 0, 0, 0, 0, 1, 2], 'higher', [1, 1, 1, 1, 1, 1, 1, 1, 5, 5]],
    [[0, 3, 3, 9], 'lower', [4, 2, 2, 1]],
    [[-Infinity, 0, Infinity], 'higher', [1, 2, 4]],
  ])('%j (%s better) → %j', (values, better, scores) => {
    expect(quintileScores(values, better)).toEqual(scores);
  });

  it('throws on NaN', () => {
    expect(() => quintileScores([1, NaN])).toThrow(RangeError);
  });

  const values = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 });
  const better = fc.constantFrom('higher' as const, 'lower' as const);

  it('scores 1-5, equal values score equally, a strictly better value never scores lower', () => {
    fc.assert(
      fc.property(values, better, (vs, b) => {
        const s = quintileScores(vs, b);
        expect(s.every(isScore)).toBe(true);
        for (let i = 0; i < vs.length; i++) {
          for (let j = 0; j < vs.length; j++) {
            if (vs[i] === vs[j]) expect(s[i]).toBe(s[j]);
            const iBetter = b === 'higher' ? vs[i] > vs[j] : vs[i] < vs[j];
            if (iBetter) expect(s[i]).toBeGreaterThanOrEqual(s[j]);
          }
        }
      }),
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(values, better, fc.integer(), (vs, b, seed) => {
        const order = vs.map((_, i) => i).sort((x, y) => ((x * 7919 + seed) % 101) - ((y * 7919 + seed) % 101) || x - y);
        const s = quintileScores(vs, b);
        expect(quintileScores(order.map((i) => vs[i]), b)).toEqual(order.map((i) => s[i]));
      }),
    );
  });

  it('distinct values in a multiple of five split into equal fifths; the worst scores 1, the best 5', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 5, maxLength: 100 }), (vs) => {
        const n = vs.length - (vs.length % 5);
        const s = quintileScores(vs.slice(0, n));
        for (const q of [1, 2, 3, 4, 5]) expect(s.filter((x) => x === q)).toHaveLength(n / 5);
      }),
    );
  });
});

describe('scoreRfm', () => {
  it('scores a tenant of five distinct purchasers 1-5 on each axis', () => {
    const result = scoreRfm([
      member('a', 1, 10, 5000),
      member('b', 5, 8, 4000),
      member('c', 10, 6, 3000),
      member('d', 30, 4, 2000),
      member('e', 90, 2, 1000),
    ]);
    expect(result.map((r) => r.rfm)).toEqual(['555', '444', '333', '222', '111']);
    expect(result[0]).toEqual({ memberId: 'a', r: 5, f: 5, m: 5, rfm: '555' });
  });

  it('mixes axes independently', () => {
    const result = scoreRfm([
      member('recent-small', 0, 1, 100),
      member('old-big', 200, 20, 90_000),
      member('mid', 40, 5, 5000),
      member('never', null, 0, 0),
    ]);
    expect(result.map((r) => [r.memberId, r.rfm])).toEqual([
      ['recent-small', '411'],
      ['old-big', '144'],
      ['mid', '222'],
      ['never', '111'],
    ]);
  });

  it('members without purchases score 111 and are left out of the others’ quintiles', () => {
    const buyers = [member('a', 3, 4, 400), member('b', 9, 2, 200)];
    const withNonBuyers = [...buyers, member('x', null, 0, 0), member('y', null, 0, 0), member('z', 12, 0, 0)];
    const r = scoreRfm(withNonBuyers);
    expect(r.slice(2).map((s) => s.rfm)).toEqual(['111', '111', '111']);
    expect(r.slice(0, 2)).toEqual(scoreRfm(buyers));
  });

  it('a purchaser with unknown recency ranks as least recent', () => {
    expect(scoreRfm([member('a', null, 3, 10), member('b', 400, 3, 10)]).map((s) => s.r)).toEqual([1, 3]);
  });

  it('handles an empty tenant and a single member', () => {
    expect(scoreRfm([])).toEqual([]);
    expect(scoreRfm([member('solo', 2, 3, 300)])).toEqual([{ memberId: 'solo', r: 1, f: 1, m: 1, rfm: '111' }]);
  });

  it.each<[string, RfmInput[]]>([
    ['a duplicate member id', [member('a', 1, 1, 1), member('a', 2, 2, 2)]],
    ['a blank member id', [member(' ', 1, 1, 1)]],
    ['a negative count', [member('a', 1, -1, 1)]],
    ['fractional days', [member('a', 1.5, 1, 1)]],
    ['negative days', [member('a', -1, 1, 1)]],
    ['fractional spend', [member('a', 1, 1, 10.25)]],
    ['NaN spend', [member('a', 1, 1, NaN)]],
  ])('throws on %s', (_, members) => {
    expect(() => scoreRfm(members)).toThrow(RangeError);
  });

  it('scores are 1-5, the code is their digits, non-purchasers are 111, order does not matter', () => {
    fc.assert(
      fc.property(membersArb, (members) => {
        const scores = scoreRfm(members);
        expect(scores.map((s) => s.memberId)).toEqual(members.map((m) => m.memberId));
        scores.forEach((s, i) => {
          expect([s.r, s.f, s.m].every(isScore)).toBe(true);
          expect(s.rfm).toBe(`${s.r}${s.f}${s.m}`);
          if (members[i].purchaseCount === 0) expect(s.rfm).toBe('111');
        });
        const reversed = scoreRfm([...members].reverse());
        expect(reversed).toEqual([...scores].reverse());
      }),
    );
  });

  it('is monotonic: more spend never a lower M, more purchases never a lower F, more recent never a lower R', () => {
    fc.assert(
      fc.property(membersArb, (members) => {
        const s = scoreRfm(members);
        const buyers = members.map((_, i) => i).filter((i) => members[i].purchaseCount > 0);
        for (const i of buyers) {
          for (const j of buyers) {
            if (members[i].totalSpend > members[j].totalSpend) expect(s[i].m).toBeGreaterThanOrEqual(s[j].m);
            if (members[i].purchaseCount > members[j].purchaseCount) expect(s[i].f).toBeGreaterThanOrEqual(s[j].f);
            const [di, dj] = [members[i].daysSinceLastPurchase ?? Infinity, members[j].daysSinceLastPurchase ?? Infinity];
            if (di < dj) expect(s[i].r).toBeGreaterThanOrEqual(s[j].r);
            if (members[i].totalSpend === members[j].totalSpend) expect(s[i].m).toBe(s[j].m);
          }
        }
      }),
    );
  });
});

describe('quintile cuts', () => {
  it('places the cuts at ceil(k·n/5) − 1', () => {
    expect(quintileCutPositions(0)).toEqual([]);
    expect(quintileCutPositions(1)).toEqual([0, 0, 0, 0]);
    expect(quintileCutPositions(2)).toEqual([0, 0, 1, 1]);
    expect(quintileCutPositions(5)).toEqual([0, 1, 2, 3]);
    expect(quintileCutPositions(1_000_000)).toEqual([199_999, 399_999, 599_999, 799_999]);
    expect(() => quintileCutPositions(-1)).toThrow(RangeError);
  });

  it.each(['higher', 'lower'] as const)('scores every value as quintileScores does (%s is better)', (better) => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 }), (values) => {
        const cuts = quintileCuts(values, better);
        expect(values.map((v) => scoreAgainstCuts(v, cuts, better))).toEqual(quintileScores(values, better));
      }),
    );
  });
});
