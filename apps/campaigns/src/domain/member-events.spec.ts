import type { AppliedEffect } from './evaluation';
import { awardIdOf, memberEventAwards } from './member-events';

const effect = (over: Partial<AppliedEffect>): AppliedEffect => ({
  campaignId: 'c1',
  version: 1,
  group: 'default',
  ruleId: 'r1',
  effectIndex: 0,
  kind: 'points-fixed',
  points: 0,
  discount: 0,
  description: '',
  ...over,
});

describe('member event awards', () => {
  it('sums points per campaign rule, lists other effect kinds, keeps the order they applied in', () => {
    expect(
      memberEventAwards([
        effect({ points: 50 }),
        effect({ effectIndex: 1, points: 20 }),
        effect({ effectIndex: 2, kind: 'award-badge', badge: 'welcome' }),
        effect({ campaignId: 'c2', ruleId: 'r9', kind: 'points-per-amount', points: 0 }),
        effect({ campaignId: 'c2', ruleId: 'r9', effectIndex: 1, kind: 'issue-coupon' }),
      ]),
    ).toEqual([
      { campaignId: 'c1', version: 1, ruleId: 'r1', points: 70, kinds: ['award-badge'] },
      { campaignId: 'c2', version: 1, ruleId: 'r9', points: 0, kinds: ['issue-coupon'] },
    ]);
    expect(memberEventAwards([])).toEqual([]);
  });

  it('derives one award id per event, campaign and rule', () => {
    expect(awardIdOf('event:e1', { campaignId: 'c1', ruleId: 'r1' })).toBe('event:e1/c1/r1');
    expect(awardIdOf('custom-event:x', { campaignId: 'c1', ruleId: 'r1' })).not.toBe(awardIdOf('event:x', { campaignId: 'c1', ruleId: 'r1' }));
  });
});
