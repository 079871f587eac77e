import fc from 'fast-check';
import { compareCampaigns, planStacking, stackCampaigns, type Attempt, type Stackable } from './stacking';

type C = Stackable & { readonly value: number; readonly applies: boolean };
const c = (id: string, over: Partial<C> = {}): C => ({ id, version: 1, group: 'default', priority: 0, exclusivity: 'none', value: 1, applies: true, ...over });

/** A fake attempt: the state is the list of applied ids; worth is the campaign's value. */
const attempt = (x: C, s: readonly string[]): Attempt<readonly string[]> | null => (x.applies ? { state: [...s, x.id], worth: BigInt(x.value) } : null);

describe('planStacking', () => {
  it('orders groups and campaigns: priority desc, then id, then version desc', () => {
    const plan = planStacking(
      [c('b', { group: 'y' }), c('a', { group: 'y' }), c('z', { group: 'x', priority: 3 }), c('k', { group: 'w', exclusivity: 'all' }), c('a', { group: 'y', version: 2 })],
      [{ id: 'y', mode: 'first-match', priority: 7 }],
    );
    expect(plan.groups.map((g) => [g.id, g.mode, g.campaigns.map((x) => `${x.id}@${x.version}`)])).toEqual([
      ['y', 'first-match', ['a@2', 'a@1', 'b@1']],
      ['w', 'stack-all', []],
      ['x', 'stack-all', ['z@1']],
    ]);
    expect(plan.exclusiveAll.map((x) => x.id)).toEqual(['k']);
  });

  it('refuses a duplicate campaign version, a group configured twice, an unknown mode', () => {
    expect(() => planStacking([c('a'), c('a')])).toThrow(RangeError);
    expect(() => planStacking([], [{ id: 'g', mode: 'stack-all' }, { id: 'g', mode: 'stack-all' }])).toThrow(RangeError);
    expect(() => planStacking([], [{ id: 'g', mode: 'random' as never }])).toThrow(RangeError);
  });

  it('compareCampaigns is a total order (property)', () => {
    const arb = fc.record({ id: fc.constantFrom('a', 'b', 'c'), version: fc.integer({ min: 1, max: 3 }), priority: fc.integer({ min: -2, max: 2 }) });
    fc.assert(
      fc.property(arb, arb, (x, y) => {
        const a = c(x.id, x);
        const b = c(y.id, y);
        expect(Math.sign(compareCampaigns(a, b)) + Math.sign(compareCampaigns(b, a))).toBe(0);
        if (compareCampaigns(a, b) === 0) expect([a.id, a.version, a.priority]).toEqual([b.id, b.version, b.priority]);
      }),
    );
  });
});

describe('stackCampaigns', () => {
  const run = (cs: C[], groups: Parameters<typeof planStacking>[1] = []) => stackCampaigns(planStacking(cs, groups), [] as readonly string[], attempt).state;

  it.each<[string, C[], Parameters<typeof planStacking>[1], string[]]>([
    ['stack-all', [c('a'), c('b', { priority: 1 }), c('c', { applies: false })], [], ['b', 'a']],
    ['first-match', [c('a', { priority: 3, applies: false }), c('b', { priority: 2 }), c('c', { priority: 1 })], [{ id: 'default', mode: 'first-match' }], ['b']],
    ['best-for-customer', [c('a', { value: 5 }), c('b', { value: 9 }), c('c', { value: 9 })], [{ id: 'default', mode: 'best-for-customer' }], ['b']],
    ['best: tie to priority', [c('a', { value: 5 }), c('b', { value: 5, priority: 1 })], [{ id: 'default', mode: 'best-for-customer' }], ['b']],
    ['group exclusive wins its group, lower priority or not', [c('a', { priority: 9 }), c('x', { exclusivity: 'group' })], [], ['x']],
    ['first applicable group exclusive', [c('a'), c('x', { exclusivity: 'group', applies: false }), c('y', { exclusivity: 'group' })], [], ['y']],
    ['exclusive that does not apply leaves the group', [c('a'), c('x', { exclusivity: 'group', applies: false })], [], ['a']],
    ['all-exclusive stops everything', [c('a', { group: 'g1' }), c('x', { group: 'g2', exclusivity: 'all' })], [], ['x']],
    ['the first applicable all-exclusive in group order', [c('x', { group: 'g2', exclusivity: 'all' }), c('y', { group: 'g1', exclusivity: 'all' })], [{ id: 'g2', mode: 'stack-all', priority: 1 }], ['x']],
    ['groups by priority then id', [c('a', { group: 'b' }), c('b', { group: 'a' }), c('c', { group: 'c', priority: -1 })], [{ id: 'c', mode: 'stack-all', priority: 1 }], ['c', 'b', 'a']],
  ])('%s', (_what, cs, groups, expected) => {
    expect(run(cs, groups)).toEqual(expected);
  });
});
