import { counterKeysFor, evaluateCheckout, type AppliedEffect, type CampaignSet } from './evaluation';
import { resolveLimits, type CounterIncrement } from './limits';
import { buildRuleContext, type CartInput, type MemberInput, type RuleContext, type TenantSettings } from './rule-context';
import type { CompiledCampaign } from './rules';

/**
 * Replaying a campaign over recorded checkouts ("what would this draft have cost over the last N
 * days?"), pure: the service feeds pages of recorded checkouts in their recorded order and keeps
 * the counters and the report between pages.
 *
 * Every checkout is evaluated twice, each run with its own counters (all from zero when the replay
 * starts, so the draft's budgets and the live campaigns' limits are judged over the window alone):
 * - `base`: the live campaigns, as the checkout would be evaluated today without the draft;
 * - `with`: the live campaigns plus the draft.
 * The draft's incremental effect is `with − base`: its own effects (`campaign`) minus what the live
 * campaigns no longer give because of it (`displaced`: a first-match or best-for-customer group it
 * wins, exclusivity, the cart left for discounts). Campaign schedules are not applied: the replay
 * asks what today's line-up with the draft would have done over those checkouts (the checkout's
 * own instant still drives `time`, periods and birthdays).
 */

/** The id a draft that was never saved carries in a replay (and in a simulation). */
export const DRAFT_ID = '00000000-0000-0000-0000-00000000d4af';

/** What the evaluation read, as stored with a recorded checkout (`campaign_applications.facts`). */
export interface RecordedFacts {
  /** The instant the checkout was evaluated at (ISO). */
  readonly at: string;
  readonly member: MemberInput;
  readonly cart: CartInput;
  readonly basePoints: number;
  readonly store: string | null;
  readonly channel: string | null;
  /** The batches of the coupons redeemed with the checkout (coupon-gated campaigns); absent in facts stored before coupons gated campaigns. */
  readonly couponBatches?: readonly string[];
}

/** The facts to store with a checkout's evaluation (the request's member facts, cart, base points, store, channel, coupon batches and instant). */
export function recordedFacts(
  req: {
    readonly member: MemberInput;
    readonly cart: CartInput;
    readonly basePoints: number;
    readonly store: string | null;
    readonly channel: string | null;
    readonly couponBatches?: readonly string[];
  },
  at: Date,
): RecordedFacts {
  return { at: at.toISOString(), member: req.member, cart: req.cart, basePoints: req.basePoints, store: req.store, channel: req.channel, couponBatches: req.couponBatches ?? [] };
}

/** The rule context of a recorded checkout (RangeError on facts beyond the bounds, as at the till). */
export function replayContext(facts: RecordedFacts, tenant: TenantSettings): RuleContext {
  return buildRuleContext({
    trigger: 'purchase',
    instant: new Date(facts.at),
    tenant,
    member: facts.member,
    cart: facts.cart,
    basePoints: facts.basePoints,
    store: facts.store === null ? null : { id: facts.store },
    channel: facts.channel,
    couponBatches: facts.couponBatches ?? [],
  });
}

export interface ReplayRuleTally {
  readonly ruleId: string;
  readonly checkouts: number;
  readonly points: string;
  readonly discount: string;
}

/** The report so far (JSON as stored; sums as decimal strings). */
export interface ReplayTally {
  readonly scanned: number;
  readonly matched: number;
  readonly membersReached: number;
  /** Recorded checkouts whose facts could not be evaluated (beyond the bounds, an unknown zone). */
  readonly skipped: number;
  readonly campaign: { readonly points: string; readonly discount: string };
  readonly displaced: { readonly points: string; readonly discount: string };
  readonly rules: readonly ReplayRuleTally[];
  readonly budgetExhaustedAt: { readonly at: string; readonly transactionId: string; readonly limit: string } | null;
}

export const EMPTY_TALLY: ReplayTally = {
  scanned: 0,
  matched: 0,
  membersReached: 0,
  skipped: 0,
  campaign: { points: '0', discount: '0' },
  displaced: { points: '0', discount: '0' },
  rules: [],
  budgetExhaustedAt: null,
};

/** The compiled line-ups of a replay: without and with the draft. */
export interface ReplaySets {
  readonly base: CampaignSet;
  readonly with: CampaignSet;
  readonly draft: CompiledCampaign;
}

/** The two runs' counters (key → used), mutated as checkouts are replayed. */
export interface ReplayCounters {
  readonly base: Map<string, number>;
  readonly with: Map<string, number>;
}

export interface RecordedCheckout {
  readonly transactionId: string;
  readonly facts: RecordedFacts;
}

export interface PageResult {
  readonly tally: ReplayTally;
  /** Members the draft gave something to in this page (the caller counts the new ones into `membersReached`). */
  readonly reached: readonly string[];
  /** Counter keys this page changed, per run (the caller stores their values). */
  readonly touched: { readonly base: ReadonlySet<string>; readonly with: ReadonlySet<string> };
}

/** The counter keys a page may read, per run (the caller loads them before {@link replayPage}). */
export function pageCounterKeys(sets: ReplaySets, contexts: readonly RuleContext[]): { base: string[]; with: string[] } {
  const base = new Set<string>();
  const withDraft = new Set<string>();
  for (const ctx of contexts) {
    for (const k of counterKeysFor(sets.base, ctx)) base.add(k);
    for (const k of counterKeysFor(sets.with, ctx)) withDraft.add(k);
  }
  return { base: [...base].sort(), with: [...withDraft].sort() };
}

function raise(counters: Map<string, number>, increments: readonly CounterIncrement[], touched: Set<string>): void {
  for (const i of increments) {
    counters.set(i.key, (counters.get(i.key) ?? 0) + i.by);
    touched.add(i.key);
  }
}

const sumOf = (effects: readonly AppliedEffect[], pick: (e: AppliedEffect) => number): bigint => effects.reduce((s, e) => s + BigInt(pick(e)), 0n);

/**
 * Replays one page of checkouts (in recorded order) on top of `tally`, raising `counters`. A
 * checkout whose context cannot be built (`contexts[i]` null) counts as scanned and skipped.
 */
export function replayPage(sets: ReplaySets, checkouts: readonly RecordedCheckout[], contexts: readonly (RuleContext | null)[], counters: ReplayCounters, tally: ReplayTally): PageResult {
  const draftId = sets.draft.id;
  let scanned = tally.scanned;
  let matched = tally.matched;
  let skipped = tally.skipped;
  let campaignPoints = BigInt(tally.campaign.points);
  let campaignDiscount = BigInt(tally.campaign.discount);
  let displacedPoints = BigInt(tally.displaced.points);
  let displacedDiscount = BigInt(tally.displaced.discount);
  const rules = new Map(tally.rules.map((r) => [r.ruleId, { checkouts: r.checkouts, points: BigInt(r.points), discount: BigInt(r.discount) }]));
  let exhausted = tally.budgetExhaustedAt;
  const reached = new Set<string>();
  const touched = { base: new Set<string>(), with: new Set<string>() };

  checkouts.forEach((checkout, i) => {
    scanned++;
    const ctx = contexts[i];
    if (ctx === null) {
      skipped++;
      return;
    }
    const base = evaluateCheckout(sets.base, ctx, counters.base);
    const withDraft = evaluateCheckout(sets.with, ctx, counters.with);
    raise(counters.base, base.increments, touched.base);
    raise(counters.with, withDraft.increments, touched.with);

    const own = withDraft.effects.filter((e) => e.campaignId === draftId);
    const liveWith = withDraft.effects.filter((e) => e.campaignId !== draftId);
    displacedPoints += sumOf(base.effects, (e) => e.points) - sumOf(liveWith, (e) => e.points);
    displacedDiscount += sumOf(base.effects, (e) => e.discount) - sumOf(liveWith, (e) => e.discount);
    if (own.length > 0) {
      matched++;
      reached.add(ctx.memberId);
      campaignPoints += sumOf(own, (e) => e.points);
      campaignDiscount += sumOf(own, (e) => e.discount);
      const perRule = new Map<string, { points: bigint; discount: bigint }>();
      for (const e of own) {
        const r = perRule.get(e.ruleId) ?? { points: 0n, discount: 0n };
        perRule.set(e.ruleId, { points: r.points + BigInt(e.points), discount: r.discount + BigInt(e.discount) });
      }
      for (const [ruleId, r] of perRule) {
        const t = rules.get(ruleId) ?? { checkouts: 0, points: 0n, discount: 0n };
        rules.set(ruleId, { checkouts: t.checkouts + 1, points: t.points + r.points, discount: t.discount + r.discount });
      }
    }

    if (exhausted === null) {
      const limits = resolveLimits(draftId, sets.draft.limits, { memberId: ctx.memberId, storeId: ctx.storeId, localDate: ctx.time.date, calendar: ctx.tenant.calendar });
      const budgets = limits.ok ? limits.limits.filter((l) => l.scope === 'campaign') : [];
      const cutBy = own.find((e) => e.limitedBy !== undefined && budgets.some((b) => b.key === e.limitedBy))?.limitedBy;
      const spent = budgets.find((b) => (counters.with.get(b.key) ?? 0) >= b.max)?.key;
      const limit = cutBy ?? spent;
      if (limit !== undefined) exhausted = { at: ctx.instant.toISOString(), transactionId: checkout.transactionId, limit };
    }
  });

  return {
    tally: {
      scanned,
      matched,
      membersReached: tally.membersReached,
      skipped,
      campaign: { points: String(campaignPoints), discount: String(campaignDiscount) },
      displaced: { points: String(displacedPoints), discount: String(displacedDiscount) },
      rules: sets.draft.rules
        .map((r) => r.id)
        .filter((id) => rules.has(id))
        .map((ruleId) => {
          const r = rules.get(ruleId)!;
          return { ruleId, checkouts: r.checkouts, points: String(r.points), discount: String(r.discount) };
        }),
      budgetExhaustedAt: exhausted,
    },
    reached: [...reached],
    touched,
  };
}
