import fc from 'fast-check';
import { allocateProportionally } from './amounts';
import { counterKeysFor, evaluateCheckout, prepareCampaignSet } from './evaluation';
import type { LimitDefinition } from './limits';
import { buildRuleContext, type CheckoutLineInput, type RuleContextInput } from './rule-context';
import { createRuleEnvironment } from './rule-language';
import { compileCampaign, type CampaignDefinition, type CompiledCampaign, type EffectDefinition, type Exclusivity } from './rules';
import { GROUP_MODES } from './stacking';

const env = createRuleEnvironment([{ key: 'vip', type: 'boolean' }]);

const CONDITIONS = [
  undefined,
  'true',
  'cart.amount > 100000',
  'member.tier == "gold"',
  '"champions" in member.segments',
  'cart.lines.exists(l, l.category == "dairy")',
  'time.isNowruz || time.weekday == 5',
  'has(member.attributes.vip) && member.attributes.vip',
  'cart.amount / (cart.itemCount - 3) > 10', // fails (division by zero) on some carts
];
const FILTERS = ['line.category == "dairy"', 'line.unitPrice >= 100000', 'line.quantity > 1 || line.sku == "A"', 'true'];

const effectArb: fc.Arbitrary<EffectDefinition> = fc.oneof(
  fc.record({ kind: fc.constant('points-fixed' as const), points: fc.integer({ min: 1, max: 100_000 }) }),
  fc.record({ kind: fc.constant('points-per-amount' as const), points: fc.integer({ min: 1, max: 1_000 }), per: fc.integer({ min: 1, max: 100_000 }), lines: fc.option(fc.constantFrom(...FILTERS), { nil: undefined }) }),
  fc.record({ kind: fc.constant('points-per-line' as const), lines: fc.constantFrom(...FILTERS), pointsPerUnit: fc.integer({ min: 1, max: 1_000 }) }),
  fc.record({ kind: fc.constant('points-multiplier' as const), percent: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ kind: fc.constant('points-tier-multiplier' as const), percentByTier: fc.constant({ gold: 50, silver: 25 }) }),
  fc.record({ kind: fc.constant('discount-amount' as const), amount: fc.integer({ min: 1, max: 10_000_000 }), lines: fc.option(fc.constantFrom(...FILTERS), { nil: undefined }) }),
  fc.record({ kind: fc.constant('discount-percent' as const), percent: fc.integer({ min: 1, max: 100 }), lines: fc.option(fc.constantFrom(...FILTERS), { nil: undefined }) }),
  fc.record({ kind: fc.constant('issue-coupon' as const), batchId: fc.constant('b1'), worth: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('award-badge' as const), badge: fc.constant('badge') }),
  fc.record({ kind: fc.constant('advance-challenge' as const), challenge: fc.constant('ch'), by: fc.integer({ min: 1, max: 3 }) }),
);

const limitArb: fc.Arbitrary<LimitDefinition> = fc.record({
  scope: fc.constantFrom('campaign' as const, 'member' as const, 'store' as const),
  measure: fc.constantFrom('points' as const, 'discount' as const, 'applications' as const),
  max: fc.integer({ min: 0, max: 2_000_000 }),
  period: fc.constantFrom<LimitDefinition['period']>('lifetime', { unit: 'day' }, { unit: 'month' }, { unit: 'week', calendar: 'gregorian' }),
});

const campaignShapeArb = fc.record({
  group: fc.constantFrom('g1', 'g2', 'g3'),
  exclusivity: fc.constantFrom<Exclusivity>('none', 'none', 'none', 'group', 'all'),
  grantMode: fc.constantFrom('partial' as const, 'all-or-nothing' as const),
  limits: fc.uniqueArray(limitArb, { maxLength: 2, selector: (l) => `${l.scope}/${l.measure}/${JSON.stringify(l.period)}` }),
  rules: fc.array(fc.record({ condition: fc.constantFrom(...CONDITIONS), effects: fc.array(effectArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 2 }),
});

const lineArb: fc.Arbitrary<CheckoutLineInput> = fc.record({
  sku: fc.constantFrom('A', 'B', 'C', 'D'),
  category: fc.constantFrom('dairy', 'bakery', 'toys', ''),
  quantity: fc.integer({ min: 1, max: 20 }),
  unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
});

const scenarioArb = fc
  .record({
    lines: fc.array(lineArb, { maxLength: 8 }),
    amountMode: fc.constantFrom('sum', 'other'),
    otherAmount: fc.integer({ min: 0, max: 100_000_000 }),
    basePoints: fc.integer({ min: 0, max: 1_000_000 }),
    tier: fc.constantFrom('gold', 'silver', ''),
    segments: fc.subarray(['champions', 'lapsed']),
    vip: fc.option(fc.boolean(), { nil: undefined }),
    store: fc.option(fc.constant('s1'), { nil: undefined }),
    instant: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    shapes: fc.array(campaignShapeArb, { maxLength: 7 }),
    priorities: fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 7, maxLength: 7 }),
    groups: fc.tuple(...(['g1', 'g2', 'g3'] as const).map((id) => fc.record({ id: fc.constant(id), mode: fc.constantFrom(...GROUP_MODES), priority: fc.integer({ min: 0, max: 3 }) }))),
    pointValue: fc.record({ minorUnits: fc.integer({ min: 0, max: 5_000 }), perPoints: fc.integer({ min: 1, max: 10 }) }),
    used: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 30, maxLength: 30 }),
    order: fc.array(fc.integer(), { minLength: 7, maxLength: 7 }),
  })
  .map((s) => {
    const sum = s.lines.reduce((a, l) => a + l.quantity * l.unitPrice, 0);
    const input: RuleContextInput = {
      trigger: 'purchase',
      instant: new Date(s.instant),
      tenant: { timeZone: 'Asia/Tehran', calendar: 'jalali' },
      member: { id: 'm1', tier: s.tier, tenureDays: 100, segments: s.segments, attributes: s.vip === undefined ? {} : { vip: s.vip } },
      cart: { amount: s.amountMode === 'sum' ? sum : s.otherAmount, currency: 'IRR', lines: s.lines },
      basePoints: s.basePoints,
      store: s.store ? { id: s.store } : null,
      channel: 'pos',
    };
    const campaigns: CompiledCampaign[] = s.shapes.map((shape, i) => {
      const def: CampaignDefinition = {
        id: `c${i}`,
        version: 1,
        name: `C${i}`,
        group: shape.group,
        priority: s.priorities[i],
        exclusivity: shape.exclusivity,
        grantMode: shape.grantMode,
        limits: shape.limits,
        rules: shape.rules.map((r, j) => ({ id: `r${j}`, trigger: 'purchase', ...(r.condition ? { condition: r.condition } : {}), effects: r.effects })),
      };
      const compiled = compileCampaign(def, env);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
      return compiled.campaign;
    });
    return { ...s, input, campaigns, groups: s.groups, pointValue: s.pointValue };
  });

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function evaluate(s: Scenario, campaigns = s.campaigns) {
  const set = prepareCampaignSet(campaigns, { groups: s.groups, pointValue: s.pointValue });
  const context = buildRuleContext(s.input);
  const keys = counterKeysFor(set, context);
  const counters = new Map(keys.map((k, i) => [k, s.used[i % s.used.length]]));
  return { result: evaluateCheckout(set, context, counters), counters, context };
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

describe('evaluateCheckout properties', () => {
  it('totals are integers ≥ 0 and add up the effects', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result } = evaluate(s);
        expect(isCount(result.totals.points) && isCount(result.totals.discount)).toBe(true);
        for (const e of result.effects) {
          expect(isCount(e.points) && isCount(e.discount)).toBe(true);
          expect(e.points === 0 || e.discount === 0).toBe(true);
        }
        expect(result.totals.points).toBe(result.effects.reduce((a, e) => a + e.points, 0));
        expect(result.totals.discount).toBe(result.effects.reduce((a, e) => a + e.discount, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('discounts never exceed the cart, nor any line', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result, context } = evaluate(s);
        expect(result.totals.discount).toBeLessThanOrEqual(context.cartAmount);
        const perLine = context.lines.map(() => 0);
        for (const e of result.effects) {
          const shares = (e.lines ?? []).reduce((a, l) => a + l.amount, 0);
          if (e.discount > 0) {
            expect(shares).toBeLessThanOrEqual(e.discount);
            for (const l of e.lines ?? []) perLine[l.line] += l.amount;
          } else if (e.lines) expect(shares).toBe(e.points);
        }
        perLine.forEach((d, i) => expect(d).toBeLessThanOrEqual(context.lines[i].amount));
      }),
      { numRuns: 300 },
    );
  });

  it('never grants past a limit: every increment fits under its max', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result, counters } = evaluate(s);
        for (const inc of result.increments) {
          expect(inc.by).toBeGreaterThan(0);
          expect((counters.get(inc.key) ?? 0) + inc.by).toBeLessThanOrEqual(inc.max);
        }
        expect(new Set(result.increments.map((i) => i.key)).size).toBe(result.increments.length);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and independent of the order campaigns are given in', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const first = evaluate(s).result;
        expect(evaluate(s).result).toEqual(first);
        const shuffled = s.campaigns
          .map((c, i) => ({ c, k: s.order[i] }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.c);
        expect(evaluate(s, shuffled).result).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});

describe('allocateProportionally', () => {
  it('adds up exactly, and no share exceeds its weight when the total fits (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, f) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        const total = Math.floor(sum * f);
        const shares = allocateProportionally(total, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        shares.forEach((s, i) => expect(s >= 0 && s <= weights[i]).toBe(true));
      }),
    );
  });
});
