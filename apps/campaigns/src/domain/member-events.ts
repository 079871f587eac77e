import type { MemberEventAward } from '@club/contracts';
import type { AppliedEffect } from './evaluation';

/**
 * What an event-triggered evaluation gives, per (campaign, version, rule) in the order the effects
 * applied: the points to credit (Σ of the rule's points effects) and the kinds of its other
 * effects (badges, challenge steps, coupons), which member events do not apply yet.
 */
export function memberEventAwards(effects: readonly AppliedEffect[]): MemberEventAward[] {
  const byRule = new Map<string, { campaignId: string; version: number; ruleId: string; points: number; kinds: string[] }>();
  for (const e of effects) {
    const key = `${e.campaignId}/${e.version}/${e.ruleId}`;
    const a = byRule.get(key) ?? { campaignId: e.campaignId, version: e.version, ruleId: e.ruleId, points: 0, kinds: [] };
    byRule.set(key, a);
    if (e.points > 0) a.points += e.points;
    else if (e.discount === 0 && !e.kind.startsWith('points-')) a.kinds.push(e.kind);
  }
  return [...byRule.values()];
}

/** The points service's idempotency key of one award: one per (event, campaign, rule). */
export function awardIdOf(eventKey: string, award: Pick<MemberEventAward, 'campaignId' | 'ruleId'>): string {
  return `${eventKey}/${award.campaignId}/${award.ruleId}`;
}
