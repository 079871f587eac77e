import { counterKeysFor, evaluateCampaigns, evaluateCheckout, prepareCampaignSet, type Evaluation, type PointValue } from './evaluation';
import { buildRuleContext, type RuleContextInput } from './rule-context';
import { createRuleEnvironment } from './rule-language';
import { compileCampaign, type CampaignDefinition, type CompiledCampaign, type EffectDefinition } from './rules';
import type { EvaluationGroup } from './stacking';

const env = createRuleEnvironment([{ key: 'vip', type: 'boolean' }]);
const RIAL_POINT: PointValue = { minorUnits: 1000, perPoints: 1 }; // a point is worth 1,000 rials

function campaign(def: Partial<CampaignDefinition> & Pick<CampaignDefinition, 'id'>): CompiledCampaign {
  const r = compileCampaign({ version: 1, rules: [], ...def }, env);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.campaign;
}

/** A campaign with one purchase rule. */
function simple(id: string, effects: EffectDefinition[], extra: Partial<CampaignDefinition> & { condition?: string } = {}): CompiledCampaign {
  const { condition, ...rest } = extra;
  return campaign({ id, rules: [{ id: `${id}-r`, trigger: 'purchase', ...(condition ? { condition } : {}), effects }], ...rest });
}

// 1 Farvardin 1404 (Nowruz), 12:00 in Tehran, a Friday
const NOWRUZ_NOON = new Date('2025-03-21T08:30:00Z');
const checkout: RuleContextInput = {
  trigger: 'purchase',
  instant: NOWRUZ_NOON,
  tenant: { timeZone: 'Asia/Tehran', calendar: 'jalali' },
  member: { id: 'm-1', tier: 'gold', tenureDays: 400, segments: ['champions'], personas: ['family'], journeyStage: 'active', attributes: { vip: true } },
  cart: {
    amount: 1_250_000,
    currency: 'IRR',
    lines: [
      { sku: 'MILK', category: 'dairy', quantity: 3, unitPrice: 150_000 }, // 450,000
      { sku: 'BREAD', category: 'bakery', quantity: 1, unitPrice: 800_000 }, // 800,000
    ],
  },
  basePoints: 125,
  store: { id: 'store-7' },
  channel: 'pos',
};

function run(
  campaigns: CompiledCampaign[],
  options: { input?: Partial<RuleContextInput>; groups?: EvaluationGroup[]; counters?: Record<string, number>; pointValue?: PointValue } = {},
): Evaluation {
  const set = prepareCampaignSet(campaigns, { groups: options.groups, pointValue: options.pointValue ?? RIAL_POINT });
  return evaluateCampaigns(set, buildRuleContext({ ...checkout, ...options.input }), new Map(Object.entries(options.counters ?? {})));
}

const pointsOf = (e: Evaluation) => e.effects.map((x) => [x.campaignId, x.points]);
const discountsOf = (e: Evaluation) => e.effects.map((x) => [x.campaignId, x.discount]);

describe('effects', () => {
  it.each<[string, EffectDefinition, number, number]>([
    ['fixed points', { kind: 'points-fixed', points: 50 }, 50, 0],
    ['points per amount, rounded down', { kind: 'points-per-amount', points: 1, per: 10_000 }, 125, 0],
    ['points per amount of matching lines', { kind: 'points-per-amount', points: 1, per: 10_000, lines: 'line.category == "dairy"' }, 45, 0],
    ['points per amount, large rate (BigInt)', { kind: 'points-per-amount', points: 7_000_000, per: 3 }, Math.floor((1_250_000 * 7_000_000) / 3), 0],
    ['points per line unit', { kind: 'points-per-line', lines: 'line.category == "dairy"', pointsPerUnit: 10 }, 30, 0],
    ['multiplier: 100% of base doubles the earn', { kind: 'points-multiplier', percent: 100 }, 125, 0],
    ['multiplier rounds down', { kind: 'points-multiplier', percent: 50 }, 62, 0],
    ['tier multiplier', { kind: 'points-tier-multiplier', percentByTier: { gold: 50, silver: 20 } }, 62, 0],
    ['percent discount on the cart', { kind: 'discount-percent', percent: 10 }, 0, 125_000],
    ['percent discount on matching lines', { kind: 'discount-percent', percent: 15, lines: 'line.category == "dairy"' }, 0, 67_500],
    ['amount discount', { kind: 'discount-amount', amount: 30_000 }, 0, 30_000],
    ['amount discount never more than the cart', { kind: 'discount-amount', amount: 5_000_000 }, 0, 1_250_000],
    ['amount discount never more than the matching lines', { kind: 'discount-amount', amount: 500_000, lines: 'line.sku == "MILK"' }, 0, 450_000],
  ])('%s', (_what, effect, points, discount) => {
    const e = run([simple('c', [effect])]);
    expect(e.effects).toHaveLength(1);
    expect(e.effects[0]).toMatchObject({ campaignId: 'c', version: 1, ruleId: 'c-r', effectIndex: 0, kind: effect.kind, points, discount });
    expect(e.totals).toEqual({ points, discount });
  });

  it('splits discounts over the lines (largest remainder) and line-based points over their lines', () => {
    const d = run([simple('c', [{ kind: 'discount-percent', percent: 10 }])]).effects[0];
    expect(d.lines).toEqual([
      { line: 0, sku: 'MILK', amount: 45_000 },
      { line: 1, sku: 'BREAD', amount: 80_000 },
    ]);
    const p = run([simple('c', [{ kind: 'points-per-line', lines: 'line.quantity >= 1', pointsPerUnit: 10 }])]).effects[0];
    expect(p.lines).toEqual([
      { line: 0, sku: 'MILK', amount: 30 },
      { line: 1, sku: 'BREAD', amount: 10 },
    ]);
  });

  it.each([
    // cart, percent, expected discount, expected shares
    [[333, 333, 333], 10, 99, [33, 33, 33]],
    [[335, 335, 335], 15, 150, [50, 50, 50]], // 150.75 → 150
    [[1, 1, 1], 50, 1, [1, 0, 0]], // 1.5 → 1; the leftover unit goes to the first of equal remainders
    [[100, 201], 33, 99, [33, 66]], // 99.33 → 99; 32.89 + 66.33 → 33 + 66
    [[7], 1, 0, []], // 0.07 → 0: nothing granted, no effect
  ])('percent discount rounding: %j at %i%% → %i', (amounts, percent, discount, shares) => {
    const cart = { amount: amounts.reduce((a, b) => a + b, 0), currency: 'IRR', lines: amounts.map((a, i) => ({ sku: `S${i}`, quantity: 1, unitPrice: a })) };
    const e = run([simple('c', [{ kind: 'discount-percent', percent }])], { input: { cart } });
    expect(e.totals.discount).toBe(discount);
    expect((e.effects[0]?.lines ?? []).map((l) => l.amount)).toEqual(shares.filter((s) => s > 0));
  });

  it('discounts of several campaigns never exceed the cart or a line', () => {
    const e = run([
      simple('a', [{ kind: 'discount-percent', percent: 80, lines: 'line.category == "dairy"' }], { priority: 3 }),
      simple('b', [{ kind: 'discount-amount', amount: 200_000, lines: 'line.category == "dairy"' }], { priority: 2 }),
      simple('c', [{ kind: 'discount-amount', amount: 2_000_000 }], { priority: 1 }),
    ]);
    expect(discountsOf(e)).toEqual([
      ['a', 360_000],
      ['b', 90_000], // what is left of the dairy line
      ['c', 800_000], // what is left of the cart
    ]);
    expect(e.totals.discount).toBe(1_250_000);
    const perLine = [0, 0];
    for (const x of e.effects) for (const l of x.lines ?? []) perLine[l.line] += l.amount;
    expect(perLine).toEqual([450_000, 800_000]);
  });

  it('a cart without lines: cart discounts apply to the amount, line effects find nothing', () => {
    const e = run(
      [
        simple('a', [{ kind: 'discount-percent', percent: 10 }], { priority: 2 }),
        simple('b', [{ kind: 'points-per-line', lines: 'true', pointsPerUnit: 5 }], { priority: 1 }),
      ],
      { input: { cart: { amount: 99_999, currency: 'IRR' } } },
    );
    expect(e.effects).toEqual([expect.objectContaining({ campaignId: 'a', discount: 9_999 })]);
    expect(e.effects[0].lines).toBeUndefined();
  });

  it('rewards carry their details and count for nothing in points or discount', () => {
    const e = run([
      simple('c', [
        { kind: 'issue-coupon', batchId: 'yalda-batch' },
        { kind: 'award-badge', badge: 'first-nowruz' },
        { kind: 'advance-challenge', challenge: 'five-visits', by: 1 },
      ]),
    ]);
    expect(e.effects.map((x) => ({ kind: x.kind, points: x.points, discount: x.discount, coupon: x.coupon, badge: x.badge, challenge: x.challenge }))).toEqual([
      { kind: 'issue-coupon', points: 0, discount: 0, coupon: { batchId: 'yalda-batch' }, badge: undefined, challenge: undefined },
      { kind: 'award-badge', points: 0, discount: 0, coupon: undefined, badge: 'first-nowruz', challenge: undefined },
      { kind: 'advance-challenge', points: 0, discount: 0, coupon: undefined, badge: undefined, challenge: { code: 'five-visits', by: 1 } },
    ]);
    expect(e.totals).toEqual({ points: 0, discount: 0 });
  });

  it('describes effects for the receipt', () => {
    const e = run([
      campaign({
        id: 'n',
        name: 'Nowruz',
        rules: [
          {
            id: 'r',
            trigger: 'purchase',
            effects: [
              { kind: 'points-multiplier', percent: 100 },
              { kind: 'discount-percent', percent: 10, lines: 'line.category == "dairy"' },
              { kind: 'points-fixed', points: 7, description: 'هدیه نوروزی: {points} امتیاز' },
            ],
          },
        ],
      }),
    ]);
    expect(e.effects.map((x) => x.description)).toEqual(['Nowruz: +100% points (125)', 'Nowruz: 10% off selected items (45000)', 'هدیه نوروزی: 7 امتیاز']);
  });

  it('a member without a listed tier gets no tier multiplier', () => {
    const e = run([simple('c', [{ kind: 'points-tier-multiplier', percentByTier: { gold: 50 } }])], { input: { member: { ...checkout.member, tier: 'bronze' } } });
    expect(e.effects).toEqual([]);
  });
});

describe('conditions in the tenant zone and calendar (Asia/Tehran)', () => {
  const at = (iso: string) => ({ input: { instant: new Date(iso) } });
  const applies = (condition: string, iso: string) => run([simple('c', [{ kind: 'points-fixed', points: 1 }], { condition })], at(iso)).effects.length === 1;

  it.each([
    ['time.isNowruz', '2025-03-21T08:30:00Z', true],
    ['time.isNowruz', '2025-03-20T20:29:00Z', false], // 29 Esfand 23:59 local (already 20 March UTC evening)
    ['time.isNowruz', '2025-03-20T20:30:00Z', true], // local midnight of 1 Farvardin
    ['time.isNowruz', '2025-03-25T08:30:00Z', false], // 5 Farvardin
    ['time.jalali.month == 1 && time.jalali.day <= 13', '2025-04-02T08:30:00Z', true], // 13 Farvardin (Sizdah Bedar)
    ['time.isYalda', '2024-12-20T17:00:00Z', true], // 30 Azar 20:30
    ['time.isYalda', '2024-12-21T01:00:00Z', true], // 1 Dey 04:30, still the night
    ['time.isYalda', '2024-12-21T08:30:00Z', false], // 1 Dey noon
    ['time.jalali.month == 9', '2024-12-20T17:00:00Z', true], // Azar
    ['time.jalali.month == 10', '2024-12-20T17:00:00Z', false],
    ['time.weekday == 5 && time.weekdayName == "friday"', '2025-03-21T08:30:00Z', true], // Friday (Jom'e)
    ['time.weekday == 5', '2025-03-20T19:00:00Z', false], // Thursday 22:30 local
    ['time.weekday == 5', '2025-03-20T21:00:00Z', true], // Friday 00:30 local, Thursday in UTC
    // happy hour 17:00-20:00 local: DST in 2021 (+04:30), none since 2022 (+03:30)
    ['time.hour >= 17 && time.hour < 20', '2021-06-01T13:00:00Z', true], // 17:30 IRDT
    ['time.hour >= 17 && time.hour < 20', '2023-06-01T13:00:00Z', false], // 16:30 IRST
    ['time.hour == 16 && time.minute >= 30', '2023-06-01T13:00:00Z', true],
    ['time.gregorian.month == 12 && time.gregorian.day == 31', '2025-12-31T20:29:00Z', true], // 23:59 local
    ['time.gregorian.month == 12 && time.gregorian.day == 31', '2025-12-31T20:30:00Z', false], // already 1 January locally
  ])('%s at %s → %s', (condition, iso, expected) => {
    expect(applies(condition, iso)).toBe(expected);
  });

  it('birthday bonus on the member’s Jalali birthday', () => {
    const c = simple('bday', [{ kind: 'points-fixed', points: 500 }], { condition: 'time.isBirthday' });
    const member = { ...checkout.member, birthDate: '1990-03-21' }; // 1 Farvardin 1369
    expect(run([c], { input: { member } }).totals.points).toBe(500);
    expect(run([c], { input: { member, instant: new Date('2025-03-22T08:30:00Z') } }).totals.points).toBe(0);
    expect(run([c], { input: { member: { ...member, birthDate: null } } }).totals.points).toBe(0);
  });
});

describe('triggers and targeting', () => {
  it('evaluates only the rules of the context’s trigger', () => {
    const c = campaign({
      id: 'multi',
      rules: [
        { id: 'welcome', trigger: 'enrolment', effects: [{ kind: 'points-fixed', points: 1000 }] },
        { id: 'buy', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 10 }] },
        { id: 'review', trigger: 'custom-event', eventName: 'app-review', effects: [{ kind: 'points-fixed', points: 30 }] },
        { id: 'any-event', trigger: 'custom-event', effects: [{ kind: 'points-fixed', points: 1 }] },
      ],
    });
    expect(run([c]).effects.map((e) => e.ruleId)).toEqual(['buy']);
    expect(run([c], { input: { trigger: 'enrolment', cart: undefined } }).effects.map((e) => e.ruleId)).toEqual(['welcome']);
    expect(run([c], { input: { trigger: 'custom-event', eventName: 'app-review', cart: undefined } }).effects.map((e) => e.ruleId)).toEqual(['review', 'any-event']);
    expect(run([c], { input: { trigger: 'custom-event', eventName: 'other', cart: undefined } }).effects.map((e) => e.ruleId)).toEqual(['any-event']);
  });

  it('evaluateCheckout insists on a purchase', () => {
    const set = prepareCampaignSet([], { pointValue: RIAL_POINT });
    expect(() => evaluateCheckout(set, buildRuleContext({ ...checkout, trigger: 'return' }), new Map())).toThrow(RangeError);
    expect(evaluateCheckout(set, buildRuleContext(checkout), new Map()).effects).toEqual([]);
  });

  it.each<[string, CampaignDefinition['targeting'], boolean]>([
    ['tier listed', { tiers: ['gold', 'platinum'] }, true],
    ['tier not listed', { tiers: ['silver'] }, false],
    ['one segment matches', { segments: ['lapsed', 'champions'] }, true],
    ['no segment matches', { segments: ['lapsed'] }, false],
    ['persona and journey stage', { personas: ['family'], journeyStages: ['active'] }, true],
    ['journey stage not listed', { journeyStages: ['at-risk'] }, false],
    ['store and channel', { stores: ['store-7'], channels: ['pos'] }, true],
    ['other store', { stores: ['store-1'] }, false],
    ['other channel', { channels: ['web'] }, false],
  ])('targeting: %s', (_what, targeting, expected) => {
    expect(run([simple('c', [{ kind: 'points-fixed', points: 1 }], { targeting })]).effects.length).toBe(expected ? 1 : 0);
  });

  it('a condition that fails to evaluate counts as false and is reported', () => {
    const e = run([simple('c', [{ kind: 'points-fixed', points: 1 }], { condition: 'cart.amount / (cart.itemCount - 4) > 0' })]);
    expect(e.effects).toEqual([]);
    expect(e.diagnostics).toEqual([{ campaignId: 'c', version: 1, ruleId: 'c-r', pointer: '#/rules/0/condition', detail: expect.stringMatching(/division by zero/) }]);
  });
});

describe('stacking', () => {
  const fixed = (id: string, points: number, extra: Partial<CampaignDefinition> & { condition?: string } = {}) => simple(id, [{ kind: 'points-fixed', points }], extra);

  it('stack-all applies every campaign, higher priority first, then by id', () => {
    const e = run([fixed('b', 1, { priority: 5 }), fixed('a', 2, { priority: 5 }), fixed('c', 3, { priority: 9 })]);
    expect(pointsOf(e)).toEqual([
      ['c', 3],
      ['a', 2],
      ['b', 1],
    ]);
    expect(e.applied.map((a) => a.campaignId)).toEqual(['c', 'a', 'b']);
  });

  it('first-match applies the first campaign that applies', () => {
    const groups: EvaluationGroup[] = [{ id: 'g', mode: 'first-match' }];
    const cs = [fixed('low', 1, { group: 'g', priority: 1 }), fixed('high', 2, { group: 'g', priority: 2, condition: 'member.tier == "gold"' })];
    expect(pointsOf(run(cs, { groups }))).toEqual([['high', 2]]);
    expect(pointsOf(run(cs, { groups, input: { member: { ...checkout.member, tier: 'silver' } } }))).toEqual([['low', 1]]);
  });

  it('first-match falls through a campaign whose budget is spent', () => {
    const groups: EvaluationGroup[] = [{ id: 'g', mode: 'first-match' }];
    const cs = [fixed('low', 1, { group: 'g', priority: 1 }), fixed('high', 2, { group: 'g', priority: 2, limits: [{ scope: 'campaign', measure: 'points', max: 100, period: 'lifetime' }] })];
    expect(pointsOf(run(cs, { groups, counters: { 'campaign:high/campaign/points/lifetime': 100 } }))).toEqual([['low', 1]]);
  });

  it('best-for-customer compares discount minor units with points × the point value', () => {
    const groups: EvaluationGroup[] = [{ id: 'g', mode: 'best-for-customer' }];
    const cs = [
      simple('disc', [{ kind: 'discount-percent', percent: 10 }], { group: 'g', priority: 2 }), // 125,000 rials
      simple('pts', [{ kind: 'points-fixed', points: 100 }], { group: 'g', priority: 1 }), // 100 points
    ];
    expect(run(cs, { groups, pointValue: { minorUnits: 1000, perPoints: 1 } }).applied.map((a) => a.campaignId)).toEqual(['disc']); // 100,000 < 125,000
    expect(run(cs, { groups, pointValue: { minorUnits: 2000, perPoints: 1 } }).applied.map((a) => a.campaignId)).toEqual(['pts']); // 200,000 > 125,000
    // 100 points at 5,000 rials per 4 points = 125,000 exactly: a tie, the higher priority wins
    expect(run(cs, { groups, pointValue: { minorUnits: 5000, perPoints: 4 } }).applied.map((a) => a.campaignId)).toEqual(['disc']);
    // 1 rial less per 4 points tips it (exact comparison, no rounding): 124,750 < 125,000
    expect(run(cs, { groups, pointValue: { minorUnits: 4990, perPoints: 4 } }).applied.map((a) => a.campaignId)).toEqual(['disc']);
    expect(run(cs, { groups, pointValue: { minorUnits: 5001, perPoints: 4 } }).applied.map((a) => a.campaignId)).toEqual(['pts']);
  });

  it('best-for-customer: a tie goes to the higher priority, then the lower id', () => {
    const groups: EvaluationGroup[] = [{ id: 'g', mode: 'best-for-customer' }];
    const tie = [simple('disc', [{ kind: 'discount-percent', percent: 10 }], { group: 'g', priority: 1 }), simple('pts', [{ kind: 'points-fixed', points: 100 }], { group: 'g', priority: 2 })];
    expect(run(tie, { groups, pointValue: { minorUnits: 1250, perPoints: 1 } }).applied.map((a) => a.campaignId)).toEqual(['pts']);
    const sameRank = [fixed('b', 10, { group: 'g' }), fixed('a', 10, { group: 'g' })];
    expect(run(sameRank, { groups }).applied.map((a) => a.campaignId)).toEqual(['a']);
  });

  it('best-for-customer counts what earlier groups already took', () => {
    const groups: EvaluationGroup[] = [
      { id: 'first', mode: 'stack-all', priority: 10 },
      { id: 'best', mode: 'best-for-customer', priority: 0 },
    ];
    const cs = [
      simple('big', [{ kind: 'discount-percent', percent: 95 }], { group: 'first' }), // leaves 62,500
      simple('disc', [{ kind: 'discount-amount', amount: 100_000 }], { group: 'best' }), // only 62,500 left
      simple('pts', [{ kind: 'points-fixed', points: 70 }], { group: 'best' }), // 70,000
    ];
    expect(run(cs, { groups }).applied.map((a) => a.campaignId)).toEqual(['big', 'pts']);
  });

  it('group exclusivity: an exclusive campaign that applies is the only one of its group; other groups go on', () => {
    const cs = [
      fixed('a', 1, { group: 'g', priority: 9 }),
      fixed('x', 2, { group: 'g', priority: 1, exclusivity: 'group' }),
      fixed('other', 3, { group: 'h' }),
    ];
    expect(pointsOf(run(cs))).toEqual([
      ['x', 2],
      ['other', 3],
    ]);
    const notApplying = [...cs.slice(0, 1), fixed('x', 2, { group: 'g', exclusivity: 'group', condition: 'member.tier == "silver"' }), cs[2]];
    expect(pointsOf(run(notApplying))).toEqual([
      ['a', 1],
      ['other', 3],
    ]);
  });

  it('global exclusivity: an `all` campaign that applies stops every other campaign', () => {
    const cs = [fixed('a', 1, { group: 'g', priority: 9 }), fixed('solo', 5, { group: 'z', exclusivity: 'all' }), fixed('b', 3, { group: 'h' })];
    expect(pointsOf(run(cs))).toEqual([['solo', 5]]);
    const spent = run(cs.map((c) => (c.id === 'solo' ? fixed('solo', 5, { group: 'z', exclusivity: 'all', limits: [{ scope: 'member', measure: 'applications', max: 1, period: 'lifetime' }] }) : c)), {
      counters: { 'campaign:solo/member:m-1/applications/lifetime': 1 },
    });
    expect(pointsOf(spent)).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
  });

  it('groups run by priority: the earlier group’s discount comes first under the caps', () => {
    const cs = [simple('late', [{ kind: 'discount-percent', percent: 50 }], { group: 'b' }), simple('early', [{ kind: 'discount-percent', percent: 80 }], { group: 'a' })];
    expect(discountsOf(run(cs, { groups: [{ id: 'b', mode: 'stack-all', priority: 5 }] }))).toEqual([
      ['late', 625_000],
      ['early', 625_000],
    ]);
    expect(discountsOf(run(cs))).toEqual([
      ['early', 1_000_000], // same priority 0: group id order
      ['late', 250_000],
    ]);
  });

  it('multipliers add on the base, they do not compound', () => {
    const e = run([simple('x2', [{ kind: 'points-multiplier', percent: 100 }]), simple('tier', [{ kind: 'points-tier-multiplier', percentByTier: { gold: 50 } }])]);
    expect(e.totals.points).toBe(125 + 62);
  });
});

describe('limits in the evaluation', () => {
  const budget = (max: number, extra: Partial<CampaignDefinition> = {}) =>
    simple('c', [{ kind: 'points-fixed', points: 50 }], { limits: [{ scope: 'campaign', measure: 'points', max, period: 'lifetime' }], ...extra });
  const KEY = 'campaign:c/campaign/points/lifetime';

  it('grants within the budget and returns the increment to apply conditionally', () => {
    const e = run([budget(1000)], { counters: { [KEY]: 100 } });
    expect(e.totals.points).toBe(50);
    expect(e.increments).toEqual([{ key: KEY, by: 50, max: 1000, campaignId: 'c', scope: 'campaign', measure: 'points', periodKey: 'lifetime' }]);
  });

  it('partial grant down to what is left', () => {
    const e = run([budget(1000)], { counters: { [KEY]: 970 } });
    expect(e.effects[0]).toMatchObject({ points: 30, requested: 50, limitedBy: KEY });
    expect(e.increments).toEqual([expect.objectContaining({ key: KEY, by: 30, max: 1000 })]);
  });

  it('budget exhausted: the campaign does not apply and takes nothing', () => {
    const e = run([budget(1000)], { counters: { [KEY]: 1000 } });
    expect(e.effects).toEqual([]);
    expect(e.increments).toEqual([]);
    expect(e.applied).toEqual([]);
  });

  it('all-or-nothing: no partial grant', () => {
    expect(run([budget(1000, { grantMode: 'all-or-nothing' })], { counters: { [KEY]: 970 } }).effects).toEqual([]);
    expect(run([budget(1000, { grantMode: 'all-or-nothing' })], { counters: { [KEY]: 950 } }).totals.points).toBe(50);
  });

  it('effects of one campaign share its budget', () => {
    const c = simple('c', [{ kind: 'points-fixed', points: 50 }, { kind: 'points-fixed', points: 50 }], { limits: [{ scope: 'campaign', measure: 'points', max: 1000, period: 'lifetime' }] });
    const e = run([c], { counters: { [KEY]: 920 } });
    expect(e.effects.map((x) => x.points)).toEqual([50, 30]);
    expect(e.increments).toEqual([expect.objectContaining({ key: KEY, by: 80 })]);
  });

  it('per member, per Jalali month, per store, and applications', () => {
    const c = simple('c', [{ kind: 'discount-percent', percent: 10 }], {
      limits: [
        { scope: 'member', measure: 'discount', max: 200_000, period: { unit: 'month' } },
        { scope: 'store', measure: 'discount', max: 10_000_000, period: { unit: 'day' } },
        { scope: 'member', measure: 'applications', max: 3, period: { unit: 'week' } },
      ],
    });
    const memberKey = 'campaign:c/member:m-1/discount/jalali-month:1404-01';
    const storeKey = 'campaign:c/store:store-7/discount/day:2025-03-21';
    const appKey = 'campaign:c/member:m-1/applications/jalali-week:2025-03-15';
    const set = prepareCampaignSet([c], { pointValue: RIAL_POINT });
    expect(counterKeysFor(set, buildRuleContext(checkout))).toEqual([appKey, memberKey, storeKey].sort());
    const e = run([c], { counters: { [memberKey]: 150_000 } });
    expect(e.totals.discount).toBe(50_000);
    expect(e.increments).toEqual([
      expect.objectContaining({ key: memberKey, by: 50_000, max: 200_000 }),
      expect.objectContaining({ key: storeKey, by: 50_000, max: 10_000_000 }),
      expect.objectContaining({ key: appKey, by: 1, max: 3 }),
    ]);
    expect(run([c], { counters: { [appKey]: 3 } }).effects).toEqual([]);
    // a store-scoped limit and no store: the campaign does not apply
    expect(run([c], { input: { store: null } }).effects).toEqual([]);
    // the next Jalali month is a fresh counter
    expect(counterKeysFor(set, buildRuleContext({ ...checkout, instant: new Date('2025-04-21T08:30:00Z') }))).toContain('campaign:c/member:m-1/discount/jalali-month:1404-02');
  });

  it('a once-per-member campaign', () => {
    const c = simple('c', [{ kind: 'issue-coupon', batchId: 'welcome' }], { limits: [{ scope: 'member', measure: 'applications', max: 1, period: 'lifetime' }] });
    expect(run([c]).increments).toEqual([expect.objectContaining({ key: 'campaign:c/member:m-1/applications/lifetime', by: 1, max: 1 })]);
    expect(run([c], { counters: { 'campaign:c/member:m-1/applications/lifetime': 1 } }).effects).toEqual([]);
  });
});

describe('prepareCampaignSet', () => {
  it('refuses duplicates and a bad point value', () => {
    const c = simple('c', [{ kind: 'points-fixed', points: 1 }]);
    expect(() => prepareCampaignSet([c, c], { pointValue: RIAL_POINT })).toThrow(/given twice/);
    expect(() => prepareCampaignSet([c], { pointValue: RIAL_POINT, groups: [{ id: 'g', mode: 'stack-all' }, { id: 'g', mode: 'first-match' }] })).toThrow(/configured twice/);
    expect(() => prepareCampaignSet([c], { pointValue: { minorUnits: 1, perPoints: 0 } })).toThrow(RangeError);
  });
});
