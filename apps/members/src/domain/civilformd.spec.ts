import fc from 'fast-check';
import {
  CIVILFORMD_FACTORS,
  type CivilformdFactor,
  type CivilformdFactors,
  type CivilformdInput,
  DEFAULT_CIVILFORMD_WEIGHTS,
  civilformdTotal,
  resolveWeights,
  scoreCivilformd,
  scoreCivilformdAgainstCuts,
  validateWeights,
} from './civilformd';
import { NEVER_PURCHASED_DAYS, type Score, isScore, quintileCuts, scoreRfm } from './rfm';

const all = (s: Score): CivilformdFactors => Object.fromEntries(CIVILFORMD_FACTORS.map((f) => [f, s])) as Record<CivilformdFactor, Score>;

const input = (memberId: string, over: Partial<CivilformdInput> = {}): CivilformdInput => ({
  memberId,
  participations: 0,
  referralsMade: 0,
  grossProfit: 0,
  tenureDays: 0,
  purchaseCount: 0,
  daysSinceLastPurchase: null,
  totalSpend: 0,
  ...over,
});

const scoreArb = fc.constantFrom<Score>(1, 2, 3, 4, 5);
const factorsArb = fc.record(Object.fromEntries(CIVILFORMD_FACTORS.map((f) => [f, scoreArb])) as Record<CivilformdFactor, fc.Arbitrary<Score>>);
const weightsArb = fc
  .record(Object.fromEntries(CIVILFORMD_FACTORS.map((f) => [f, fc.integer({ min: 0, max: 20 })])) as Record<CivilformdFactor, fc.Arbitrary<number>>)
  .filter((w) => Object.values(w).some((x) => x > 0));
const membersArb = fc
  .array(
    fc.record({
      participations: fc.nat(6),
      referralsMade: fc.nat(3),
      grossProfit: fc.integer({ min: -500, max: 5000 }),
      tenureDays: fc.nat(2000),
      purchaseCount: fc.nat(10),
      daysSinceLastPurchase: fc.option(fc.nat(400), { nil: null }),
      totalSpend: fc.integer({ min: 0, max: 100_000 }),
      manual: fc.record(
        { impression: scoreArb, opportunity: scoreArb, debt: scoreArb },
        { requiredKeys: [] },
      ),
    }),
    { maxLength: 30 },
  )
  .map((rows) => rows.map((r, i) => ({ memberId: `m${i}`, ...r })));

describe('validateWeights / resolveWeights', () => {
  it('defaults every factor to 1', () => {
    expect(validateWeights({})).toEqual([]);
    expect(resolveWeights()).toEqual(DEFAULT_CIVILFORMD_WEIGHTS);
    expect(resolveWeights({ money: 3, debt: 0 })).toEqual({ ...DEFAULT_CIVILFORMD_WEIGHTS, money: 3, debt: 0 });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown factor (typo)', { mony: 2 }, /unknown factor "mony"/],
    ['a negative weight', { money: -1 }, /money must be an integer/],
    ['a fractional weight', { money: 1.5 }, /money must be an integer/],
    ['a weight above the limit', { money: 1001 }, /money must be an integer from 0 to 1000/],
    ['a string weight', { money: '2' }, /money must be an integer/],
    ['all weights zero', Object.fromEntries(CIVILFORMD_FACTORS.map((f) => [f, 0])), /at least one weight must be positive/],
  ])('rejects %s', (_, weights, message) => {
    const errors = validateWeights(weights);
    expect(errors).toEqual([expect.stringMatching(message)]);
    expect(() => resolveWeights(weights as Record<CivilformdFactor, number>)).toThrow(RangeError);
  });
});

describe('civilformdTotal', () => {
  it.each<[string, CivilformdFactors, Partial<Record<CivilformdFactor, number>>, number]>([
    ['all 1', all(1), {}, 0],
    ['all 3', all(3), {}, 50],
    ['all 5', all(5), {}, 100],
    ['one factor 5, equal weights: 4/40 = 10%', { ...all(1), money: 5 }, {}, 10],
    ['one factor 2, equal weights: 1/40 = 2.5% rounds half up to 3', { ...all(1), money: 2 }, {}, 3],
    ['money weighted 10 of 19', { ...all(1), money: 5 }, { money: 10 }, 53], // 100·40/76 = 52.6
    ['only money counts', { ...all(5), money: 2 }, Object.fromEntries(CIVILFORMD_FACTORS.map((f) => [f, f === 'money' ? 1 : 0])), 25],
    ['a zero weight ignores its factor', { ...all(3), debt: 1 }, { debt: 0 }, 50],
  ])('%s → %d', (_, factors, weights, total) => {
    expect(civilformdTotal(factors, weights)).toBe(total);
  });

  it('throws on a factor that is not a score 1-5', () => {
    expect(() => civilformdTotal({ ...all(3), income: 6 as Score })).toThrow(RangeError);
  });

  it('is an integer 0-100 equal to the rounded weighted mean', () => {
    fc.assert(
      fc.property(factorsArb, weightsArb, (factors, weights) => {
        const total = civilformdTotal(factors, weights);
        const W = CIVILFORMD_FACTORS.reduce((s, f) => s + weights[f], 0);
        const S = CIVILFORMD_FACTORS.reduce((s, f) => s + weights[f] * factors[f], 0);
        expect(Number.isInteger(total) && total >= 0 && total <= 100).toBe(true);
        expect(Math.abs(total - (100 * (S - W)) / (4 * W))).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('never decreases when one factor improves', () => {
    fc.assert(
      fc.property(factorsArb, weightsArb, fc.constantFrom(...CIVILFORMD_FACTORS), (factors, weights, f) => {
        fc.pre(factors[f] < 5);
        const better = { ...factors, [f]: (factors[f] + 1) as Score };
        expect(civilformdTotal(better, weights)).toBeGreaterThanOrEqual(civilformdTotal(factors, weights));
      }),
    );
  });
});

describe('scoreCivilformd', () => {
  it('scores observable factors as quintiles and manual factors as given, absent manual → 3', () => {
    const members = [
      input('a', { participations: 9, referralsMade: 4, grossProfit: 900, tenureDays: 1000, purchaseCount: 9, daysSinceLastPurchase: 1, totalSpend: 9000, manual: { impression: 5, debt: 4 } }),
      input('b', { participations: 7, referralsMade: 3, grossProfit: 700, tenureDays: 800, purchaseCount: 7, daysSinceLastPurchase: 5, totalSpend: 7000 }),
      input('c', { participations: 5, referralsMade: 2, grossProfit: 500, tenureDays: 600, purchaseCount: 5, daysSinceLastPurchase: 10, totalSpend: 5000 }),
      input('d', { participations: 3, referralsMade: 1, grossProfit: 300, tenureDays: 400, purchaseCount: 3, daysSinceLastPurchase: 20, totalSpend: 3000, manual: { opportunity: 1 } }),
      input('e', { participations: 1, referralsMade: 0, grossProfit: 100, tenureDays: 200, purchaseCount: 1, daysSinceLastPurchase: 40, totalSpend: 1000 }),
    ];
    const [a, , , d, e] = scoreCivilformd(members);
    expect(a).toEqual({
      memberId: 'a',
      factors: { cooperation: 5, impression: 5, viralMarketing: 5, income: 5, length: 5, frequency: 5, opportunity: 3, recency: 5, money: 5, debt: 4 },
      total: 93, // (5·8 + 4 + 3 − 10)·100/40 = 92.5 → 93
    });
    expect(d.factors).toEqual({ cooperation: 2, impression: 3, viralMarketing: 2, income: 2, length: 2, frequency: 2, opportunity: 1, recency: 2, money: 2, debt: 3 });
    expect(e.factors).toMatchObject({ cooperation: 1, viralMarketing: 1, income: 1, length: 1, frequency: 1, recency: 1, money: 1 });
    expect(e.total).toBe(15); // (7·1 + 3·3 − 10)·100/40 = 15
  });

  it('a new member with nothing observed scores 1 on observed factors, 3 on manual ones', () => {
    const [s] = scoreCivilformd([input('new')]);
    expect(s.factors).toEqual({ cooperation: 1, impression: 3, viralMarketing: 1, income: 1, length: 1, frequency: 1, opportunity: 3, recency: 1, money: 1, debt: 3 });
    expect(s.total).toBe(15);
  });

  it('applies tenant weights', () => {
    const members = [input('a', { referralsMade: 5 }), input('b')];
    const onlyViral = Object.fromEntries(CIVILFORMD_FACTORS.map((f) => [f, f === 'viralMarketing' ? 1 : 0]));
    expect(scoreCivilformd(members, onlyViral).map((s) => s.total)).toEqual([50, 0]); // a's viral score is 3 of two members
  });

  it.each<[string, CivilformdInput[]]>([
    ['a manual rating of 0', [input('a', { manual: { debt: 0 } })]],
    ['a manual rating of 2.5', [input('a', { manual: { impression: 2.5 } })]],
    ['a manual value for an observable factor', [input('a', { manual: { money: 5 } as CivilformdInput['manual'] })]],
    ['negative referrals', [input('a', { referralsMade: -1 })]],
    ['fractional tenure', [input('a', { tenureDays: 0.5 })]],
    ['fractional profit', [input('a', { grossProfit: 0.5 })]],
    ['a duplicate member', [input('a'), input('a')]],
  ])('throws on %s', (_, members) => {
    expect(() => scoreCivilformd(members)).toThrow(RangeError);
  });

  it('throws on invalid weights', () => {
    expect(() => scoreCivilformd([input('a')], { monney: 1 } as Record<string, number>)).toThrow(RangeError);
  });

  it('recency, frequency and money are the RFM scores; all factors 1-5; total consistent', () => {
    fc.assert(
      fc.property(membersArb, weightsArb, (members, weights) => {
        const scores = scoreCivilformd(members, weights);
        const rfm = scoreRfm(members);
        scores.forEach((s, i) => {
          expect(s.memberId).toBe(members[i].memberId);
          expect(CIVILFORMD_FACTORS.every((f) => isScore(s.factors[f]))).toBe(true);
          expect([s.factors.recency, s.factors.frequency, s.factors.money]).toEqual([rfm[i].r, rfm[i].f, rfm[i].m]);
          expect(s.factors.impression).toBe(members[i].manual.impression ?? 3);
          expect(s.total).toBe(civilformdTotal(s.factors, weights));
          if (members[i].purchaseCount === 0) expect(s.factors.income).toBe(1);
        });
      }),
    );
  });

  it('more of an observable factor never scores lower', () => {
    const pairs: [keyof CivilformdInput, CivilformdFactor][] = [
      ['participations', 'cooperation'],
      ['referralsMade', 'viralMarketing'],
      ['tenureDays', 'length'],
    ];
    fc.assert(
      fc.property(membersArb, (members) => {
        const s = scoreCivilformd(members);
        for (const [stat, factor] of pairs) {
          for (let i = 0; i < members.length; i++) {
            for (let j = 0; j < members.length; j++) {
              if ((members[i][stat] as number) > (members[j][stat] as number)) expect(s[i].factors[factor]).toBeGreaterThanOrEqual(s[j].factors[factor]);
              const buyers = members[i].purchaseCount > 0 && members[j].purchaseCount > 0;
              if (buyers && members[i].grossProfit > members[j].grossProfit) expect(s[i].factors.income).toBeGreaterThanOrEqual(s[j].factors.income);
            }
          }
        }
      }),
    );
  });
});

describe('scoreCivilformdAgainstCuts', () => {
  it('gives every member exactly what scoring the whole population gives (the paged pass equals the in-memory one)', () => {
    fc.assert(
      fc.property(membersArb, weightsArb, (members, weights) => {
        const buyers = members.filter((m) => m.purchaseCount > 0);
        const cuts = {
          recency: quintileCuts(buyers.map((m) => m.daysSinceLastPurchase ?? NEVER_PURCHASED_DAYS), 'lower'),
          frequency: quintileCuts(buyers.map((m) => m.purchaseCount)),
          money: quintileCuts(buyers.map((m) => m.totalSpend)),
          income: quintileCuts(buyers.map((m) => m.grossProfit)),
          cooperation: quintileCuts(members.map((m) => m.participations)),
          viralMarketing: quintileCuts(members.map((m) => m.referralsMade)),
          length: quintileCuts(members.map((m) => m.tenureDays)),
        };
        const whole = scoreCivilformd(members, weights);
        members.forEach((m, i) => expect(scoreCivilformdAgainstCuts(m, cuts, weights)).toEqual(whole[i]));
      }),
    );
  });
});
