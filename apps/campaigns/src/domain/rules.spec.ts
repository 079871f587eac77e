import { createRuleEnvironment } from './rule-language';
import { compileCampaign, type CampaignDefinition, type EffectDefinition } from './rules';

const env = createRuleEnvironment([{ key: 'vip', type: 'boolean' }]);

const valid: CampaignDefinition = {
  id: 'nowruz',
  version: 3,
  name: 'Nowruz 1404',
  group: 'seasonal',
  priority: 10,
  rules: [
    {
      id: 'dairy-bonus',
      trigger: 'purchase',
      condition: 'time.isNowruz && cart.lines.exists(l, l.category == "dairy")',
      effects: [
        { kind: 'points-per-line', lines: 'line.category == "dairy"', pointsPerUnit: 5 },
        { kind: 'discount-percent', percent: 10, lines: 'line.category == "dairy"' },
      ],
    },
    { id: 'review', trigger: 'custom-event', eventName: 'app-review', effects: [{ kind: 'award-badge', badge: 'critic' }] },
  ],
};

function errors(def: CampaignDefinition) {
  const r = compileCampaign(def, env);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

const withEffect = (effect: EffectDefinition, trigger: CampaignDefinition['rules'][number]['trigger'] = 'purchase'): CampaignDefinition => ({
  ...valid,
  rules: [{ id: 'r', trigger, effects: [effect] }],
});

describe('compileCampaign', () => {
  it('compiles a valid campaign with its defaults', () => {
    const r = compileCampaign(valid, env);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.campaign).toMatchObject({ id: 'nowruz', version: 3, group: 'seasonal', priority: 10, exclusivity: 'none', grantMode: 'partial', limits: [] });
    expect([...r.campaign.triggers].sort()).toEqual(['custom-event', 'purchase']);
    expect(r.campaign.rules[0].effects[0]).toMatchObject({ kind: 'points-per-line', index: 0, lines: { kind: 'line-filter', source: 'line.category == "dairy"' } });
    expect(r.campaign.rules[1]).toMatchObject({ eventName: 'app-review', condition: null });
    const bare = compileCampaign({ id: 'x', version: 1, rules: [{ id: 'r', trigger: 'enrolment', effects: [{ kind: 'points-fixed', points: 100 }] }] }, env);
    expect(bare.ok && bare.campaign).toMatchObject({ name: 'x', group: 'default', priority: 0 });
  });

  it('rejects a typo in a field name at publication, with a pointer into the definition', () => {
    expect(errors({ ...valid, rules: [{ ...valid.rules[0], condition: 'cart.totl > 100' }, valid.rules[1]] })).toEqual([
      { pointer: '#/rules/0/condition', detail: expect.stringMatching(/^unknown field "totl" of cart/) },
    ]);
  });

  it('type-checks line filters over `line`', () => {
    const bad = { ...valid, rules: [{ ...valid.rules[0], effects: [{ kind: 'points-per-line', lines: 'line.categry == "dairy"', pointsPerUnit: 5 } as const] }] };
    expect(errors(bad)).toEqual([{ pointer: '#/rules/0/effects/0/lines', detail: expect.stringMatching(/unknown field "categry" of line \(characters 5-12\); line has sku, category, quantity, unitPrice, amount/) }]);
    const notBool = { ...valid, rules: [{ ...valid.rules[0], effects: [{ kind: 'discount-percent', percent: 5, lines: 'line.amount' } as const] }] };
    expect(errors(notBool)[0]).toEqual({ pointer: '#/rules/0/effects/0/lines', detail: expect.stringMatching(/a line filter must be a boolean expression, this one is int/) });
  });

  it('reports every problem, not only the first', () => {
    const bad: CampaignDefinition = {
      id: '',
      version: 0,
      priority: 1.5,
      limits: [
        { scope: 'member', measure: 'points', max: 10, period: 'lifetime' },
        { scope: 'member', measure: 'points', max: 20, period: 'lifetime' },
        { scope: 'planet' as never, measure: 'points', max: -1, period: { unit: 'fortnight' as never } },
      ],
      rules: [
        { id: 'a', trigger: 'purchase', condition: 'member.tier == 1', effects: [] },
        { id: 'a', trigger: 'payday' as never, effects: [{ kind: 'points-fixed', points: 1 }] },
        { id: 'c', trigger: 'birthday', eventName: 'x', effects: [{ kind: 'teleport' } as never] },
      ],
    };
    expect(errors(bad).map((e) => e.pointer)).toEqual([
      '#/id',
      '#/version',
      '#/priority',
      '#/limits/1',
      '#/limits/2/scope',
      '#/limits/2/max',
      '#/limits/2/period',
      '#/rules/0/condition',
      '#/rules/0/effects',
      '#/rules/1/id',
      '#/rules/1/trigger',
      '#/rules/2/eventName',
      '#/rules/2/effects/0/kind',
    ]);
  });

  it.each<[string, EffectDefinition, CampaignDefinition['rules'][number]['trigger'], string]>([
    ['discounts need a purchase', { kind: 'discount-amount', amount: 100 }, 'enrolment', '#/rules/0/effects/0/kind'],
    ['multipliers need base points', { kind: 'points-multiplier', percent: 100 }, 'return', '#/rules/0/effects/0/kind'],
    ['per-amount points need a cart', { kind: 'points-per-amount', points: 1, per: 100 }, 'survey-completed', '#/rules/0/effects/0/kind'],
    ['a percent discount is 1-100', { kind: 'discount-percent', percent: 101 }, 'purchase', '#/rules/0/effects/0/percent'],
    ['points are positive integers', { kind: 'points-fixed', points: 2.5 }, 'purchase', '#/rules/0/effects/0/points'],
    ['per is positive', { kind: 'points-per-amount', points: 1, per: 0 }, 'purchase', '#/rules/0/effects/0/per'],
    ['tier percents are integers', { kind: 'points-tier-multiplier', percentByTier: { gold: 12.5 } }, 'purchase', '#/rules/0/effects/0/percentByTier/gold'],
    ['a tier map is not empty', { kind: 'points-tier-multiplier', percentByTier: {} }, 'purchase', '#/rules/0/effects/0/percentByTier'],
    ['a coupon names its batch', { kind: 'issue-coupon', batchId: ' ' }, 'referral-completed', '#/rules/0/effects/0/batchId'],
    ['a challenge advances by ≥ 1', { kind: 'advance-challenge', challenge: 'five-visits', by: 0 }, 'purchase', '#/rules/0/effects/0/by'],
    ['per-line points need a filter', { kind: 'points-per-line', pointsPerUnit: 1 } as never, 'purchase', '#/rules/0/effects/0/lines'],
  ])('%s', (_what, effect, trigger, pointer) => {
    expect(errors(withEffect(effect, trigger)).map((e) => e.pointer)).toEqual([pointer]);
  });

  it('accepts non-cart effects on any trigger', () => {
    for (const trigger of ['enrolment', 'birthday', 'referral-completed', 'survey-completed', 'event-attended', 'tier-changed', 'custom-event', 'schedule', 'return'] as const) {
      expect(compileCampaign(withEffect({ kind: 'points-fixed', points: 100 }, trigger), env).ok).toBe(true);
      expect(compileCampaign(withEffect({ kind: 'issue-coupon', batchId: 'b' }, trigger), env).ok).toBe(true);
    }
  });
});
