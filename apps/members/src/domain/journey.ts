/**
 * The customer journey, from sign-up to goodbye, as stages driven by behaviour:
 *
 *     prospect → enrolled → first-purchase → active → at-risk → lapsed → churned
 *                                                        ↘        ↘         ↘
 *                                                          won-back (on a purchase) → active
 *
 * Pure: the caller passes facts computed at the moment of the decision (on an event, or in the
 * daily job) — no clock inside.
 */

export const JOURNEY_STAGES = ['prospect', 'enrolled', 'first-purchase', 'active', 'at-risk', 'lapsed', 'won-back', 'churned'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export interface JourneyThresholds {
  /** Purchases that make a member active (≥ 1; 1 skips the first-purchase stage). */
  readonly activeMinPurchases: number;
  /** Days without a purchase after which a member is at risk (≥ 1). */
  readonly atRiskAfterDays: number;
  /** … lapsed (greater than atRiskAfterDays). */
  readonly lapsedAfterDays: number;
  /** … churned (greater than lapsedAfterDays). */
  readonly churnedAfterDays: number;
}

export interface JourneyFacts {
  /** Whether the person has joined the club (enrolment is irreversible; erasure leaves the journey). */
  readonly enrolled: boolean;
  /** Purchases so far, including one just made. */
  readonly purchaseCount: number;
  /** Whole days since the last purchase (0 for one just made); null when none. */
  readonly daysSinceLastPurchase: number | null;
  /** True when this decision is triggered by a purchase (a checkout event). */
  readonly purchasedJustNow: boolean;
}

export const MAX_JOURNEY_DAYS = 36_600;

/** Problems with a tenant's thresholds (empty = valid). */
export function validateJourneyThresholds(t: JourneyThresholds): string[] {
  const errors: string[] = [];
  const days = (v: number) => Number.isSafeInteger(v) && v >= 1 && v <= MAX_JOURNEY_DAYS;
  if (!Number.isSafeInteger(t.activeMinPurchases) || t.activeMinPurchases < 1 || t.activeMinPurchases > 1000) {
    errors.push('activeMinPurchases must be an integer from 1 to 1000');
  }
  if (!days(t.atRiskAfterDays)) errors.push(`atRiskAfterDays must be an integer from 1 to ${MAX_JOURNEY_DAYS}`);
  if (!days(t.lapsedAfterDays)) errors.push(`lapsedAfterDays must be an integer from 1 to ${MAX_JOURNEY_DAYS}`);
  if (!days(t.churnedAfterDays)) errors.push(`churnedAfterDays must be an integer from 1 to ${MAX_JOURNEY_DAYS}`);
  if (errors.length === 0 && !(t.atRiskAfterDays < t.lapsedAfterDays && t.lapsedAfterDays < t.churnedAfterDays)) {
    errors.push('thresholds must grow: atRiskAfterDays < lapsedAfterDays < churnedAfterDays');
  }
  return errors;
}

/**
 * Every stage each stage may move to in one decision (staying put is always allowed). Stages
 * can be skipped — an active member can go straight to lapsed when no daily run happened in
 * between, and an imported customer goes from prospect straight to wherever their history
 * puts them.
 */
export const JOURNEY_TRANSITIONS: Readonly<Record<JourneyStage, readonly JourneyStage[]>> = {
  prospect: ['prospect', 'enrolled', 'first-purchase', 'active', 'at-risk', 'lapsed', 'churned'],
  enrolled: ['enrolled', 'first-purchase', 'active', 'at-risk', 'lapsed', 'churned'],
  'first-purchase': ['first-purchase', 'active', 'at-risk', 'lapsed', 'churned'],
  active: ['active', 'at-risk', 'lapsed', 'churned'],
  'at-risk': ['at-risk', 'lapsed', 'churned', 'won-back'],
  lapsed: ['lapsed', 'churned', 'won-back'],
  'won-back': ['won-back', 'active', 'at-risk', 'lapsed', 'churned'],
  churned: ['churned', 'won-back'],
};

type Inactivity = 'at-risk' | 'lapsed' | 'churned';
const DEPTH: Record<Inactivity, number> = { 'at-risk': 1, lapsed: 2, churned: 3 };

/** The inactivity stage implied by the days since the last purchase, if any. */
function inactivity(days: number | null, t: JourneyThresholds): Inactivity | undefined {
  if (days === null) return undefined;
  if (days >= t.churnedAfterDays) return 'churned';
  if (days >= t.lapsedAfterDays) return 'lapsed';
  if (days >= t.atRiskAfterDays) return 'at-risk';
  return undefined;
}

/**
 * The stage after a decision for a member at `current` with `facts`. Transition table
 * (first matching row; *idle* = the inactivity stage implied by `daysSinceLastPurchase`:
 * churned ≥ churnedAfterDays, lapsed ≥ lapsedAfterDays, at-risk ≥ atRiskAfterDays, else none):
 *
 * | current                  | condition                                                  | next                 |
 * |--------------------------|------------------------------------------------------------|----------------------|
 * | prospect                 | not enrolled                                               | prospect             |
 * | prospect, enrolled       | no purchases                                               | enrolled             |
 * | prospect, enrolled       | idle                                                       | idle                 |
 * | prospect, enrolled       | purchases ≥ activeMinPurchases                             | active               |
 * | prospect, enrolled       | otherwise                                                  | first-purchase       |
 * | first-purchase           | idle                                                       | idle                 |
 * | first-purchase           | purchases ≥ activeMinPurchases                             | active               |
 * | active                   | idle                                                       | idle                 |
 * | won-back                 | idle                                                       | idle                 |
 * | won-back                 | purchased just now (a purchase after the win-back)         | active               |
 * | at-risk, lapsed, churned | purchased just now, or days < atRiskAfterDays (no longer idle)  | won-back             |
 * | at-risk, lapsed          | idle deeper than current                                   | idle (never shallower) |
 * | any                      | otherwise                                                  | current              |
 *
 * Consequences: churned only after churnedAfterDays without a purchase; a purchase never
 * leads to at-risk, lapsed or churned; a decision repeated with the same facts and no purchase
 * changes nothing (the daily job is idempotent); won-back behaves like active (same inactivity
 * rules) until the next purchase makes it active. Enrolment is irreversible, so `enrolled` only
 * matters for prospects; null days or a purchase count back at 0 (returns) leave later stages
 * where they are. An idle member whose days fall back under atRiskAfterDays without a purchase
 * event (the daily job seeing a purchase whose event was missed, or a tenant raising its
 * thresholds) is no longer idle and counts as won back; days between the thresholds never move
 * a member to a shallower idle stage.
 */
export function nextStage(current: JourneyStage, facts: JourneyFacts, t: JourneyThresholds): JourneyStage {
  const idle = inactivity(facts.daysSinceLastPurchase, t);
  const active = facts.purchaseCount >= t.activeMinPurchases;
  switch (current) {
    case 'prospect':
    case 'enrolled':
      if (current === 'prospect' && !facts.enrolled) return 'prospect';
      if (facts.purchaseCount <= 0) return 'enrolled';
      return idle ?? (active ? 'active' : 'first-purchase');
    case 'first-purchase':
      return idle ?? (active ? 'active' : 'first-purchase');
    case 'active':
      return idle ?? 'active';
    case 'won-back':
      return idle ?? (facts.purchasedJustNow ? 'active' : 'won-back');
    case 'at-risk':
    case 'lapsed':
    case 'churned': {
      const d = facts.daysSinceLastPurchase;
      if (facts.purchasedJustNow || (d !== null && d < t.atRiskAfterDays)) return 'won-back';
      return idle !== undefined && DEPTH[idle] > DEPTH[current] ? idle : current;
    }
  }
}

/** Thresholds a club starts with until it sets its own: active after 2 purchases, at risk after 60 days, lapsed 120, churned 365. */
export const DEFAULT_JOURNEY_THRESHOLDS: JourneyThresholds = { activeMinPurchases: 2, atRiskAfterDays: 60, lapsedAfterDays: 120, churnedAfterDays: 365 };
