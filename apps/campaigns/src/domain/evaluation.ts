import { allocateProportionally, assertCount, mulDivFloor, mulExact, sumExact, toSafeNumber } from './amounts';
import { decideGrant, resolveLimits, type CounterIncrement, type CounterSnapshot, type ResolvedLimit } from './limits';
import type { CelFacts, RuleContext } from './rule-context';
import type { CompiledExpression } from './rule-language';
import type { CompiledTargeting, CompiledCampaign, CompiledEffect, CompiledRule, EffectKind } from './rules';
import { planStacking, stackCampaigns, type Attempt, type EvaluationGroup, type StackingPlan } from './stacking';

/**
 * Evaluating compiled campaigns against one context: the function the checkout path calls per
 * request. No parsing, no I/O, no clock: the service passes the cached {@link CampaignSet}, the
 * context built from the request and a snapshot of the counters the campaigns' limits name.
 *
 * Per campaign, in the stacking order (`stacking.ts`): trigger → targeting → limits bound to the
 * member/store/period → `applications` left → rules in order (trigger, event name, condition) →
 * each effect computed, capped (discounts: by what is left of the lines and of the cart after the
 * campaigns before), limited (`limits.ts`), and recorded with its provenance. Conditions and line
 * filters are evaluated at most once per evaluation (cached), so trying a campaign twice (an
 * exclusive that did not apply, best-for-customer candidates) costs no CEL.
 *
 * Worth to the customer (best-for-customer): discount minor units + points × the tenant's point
 * value + a coupon's declared worth, compared exactly (scaled by `perPoints`, no rounding); badges
 * and challenge progress are worth 0.
 *
 * Points are computed on the amounts before campaign discounts (so groups do not depend on each
 * other's discounts); `totals.points` excludes the base points the points service grants.
 */

/** What points are worth: `minorUnits` minor currency units per `perPoints` points (e.g. 1000 rials per point). */
export interface PointValue {
  readonly minorUnits: number;
  readonly perPoints: number;
}

/** A tenant's compiled campaigns in evaluation order, with what the evaluation needs of its settings. Build once per cache refresh. */
export interface CampaignSet {
  readonly plan: StackingPlan<CompiledCampaign>;
  readonly pointValue: PointValue;
}

/**
 * Orders compiled campaigns for evaluation ({@link planStacking}). Throws a RangeError on a
 * duplicate campaign version, a group configured twice or a bad point value.
 */
export function prepareCampaignSet(
  campaigns: readonly CompiledCampaign[],
  options: { readonly groups?: readonly EvaluationGroup[]; readonly pointValue: PointValue },
): CampaignSet {
  assertCount(options.pointValue.minorUnits, 'pointValue.minorUnits');
  if (!Number.isSafeInteger(options.pointValue.perPoints) || options.pointValue.perPoints <= 0) throw new RangeError('pointValue.perPoints must be a positive integer');
  return { plan: planStacking(campaigns, options.groups ?? []), pointValue: options.pointValue };
}

/** A line's share of an effect (for receipts and partial returns): `line` is the index in the cart. */
export interface LineShare {
  readonly line: number;
  readonly sku: string;
  readonly amount: number;
}

/**
 * One applied effect with its provenance (campaign, version, rule, effect index, kind). `points`
 * and `discount` are integers ≥ 0 (0 when the effect grants none; never both). `lines` splits
 * them over the cart's lines (discounts always, as far as the lines cover them; line-filtered
 * points) so a partial return can take back the right share. When a limit cut the grant,
 * `requested` is what the effect asked for (a discount's already capped by what was left of the
 * cart) and `limitedBy` the counter key that cut it.
 */
export interface AppliedEffect {
  readonly campaignId: string;
  readonly version: number;
  readonly group: string;
  readonly ruleId: string;
  readonly effectIndex: number;
  readonly kind: EffectKind;
  readonly points: number;
  readonly discount: number;
  readonly description: string;
  readonly lines?: readonly LineShare[];
  readonly requested?: number;
  readonly limitedBy?: string;
  readonly coupon?: { readonly batchId: string };
  readonly badge?: string;
  readonly challenge?: { readonly code: string; readonly by: number };
}

/** A run-time problem (a condition or filter that failed to evaluate counts as false; the service logs these). */
export interface Diagnostic {
  readonly campaignId: string;
  readonly version: number;
  readonly ruleId: string;
  /** Where in the campaign definition, e.g. `#/rules/0/condition`. */
  readonly pointer: string;
  readonly detail: string;
}

export interface Evaluation {
  /** Applied effects in application order (group, campaign, rule, effect). */
  readonly effects: readonly AppliedEffect[];
  /** The campaigns that applied, in order. */
  readonly applied: readonly { readonly campaignId: string; readonly version: number; readonly group: string }[];
  /** Counter increments to apply atomically with the checkout (one per key, `used + by <= max`). */
  readonly increments: readonly CounterIncrement[];
  readonly totals: { readonly points: number; readonly discount: number };
  readonly diagnostics: readonly Diagnostic[];
}

/** The state campaigns are applied to; never mutated (attempts copy it). */
interface State {
  readonly lineLeft: readonly number[];
  readonly cartLeft: number;
  /** Taken by this evaluation so far, by counter key. */
  readonly taken: ReadonlyMap<string, number>;
  readonly effects: readonly AppliedEffect[];
  readonly increments: ReadonlyMap<string, CounterIncrement>;
}

/** Per-evaluation memo of everything that does not depend on the state. */
class Memo {
  private readonly conditions = new Map<CompiledRule, boolean>();
  /** By source: campaigns often share a filter (`line.category == "dairy"`), and one source means one result. */
  private readonly filters = new Map<string, readonly number[]>();
  private readonly limits = new Map<CompiledCampaign, readonly ResolvedLimit[] | null>();
  private lineActivation: Record<string, unknown> | null = null;
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly ctx: RuleContext) {}

  private diagnose(c: CompiledCampaign, rule: CompiledRule, pointer: string, detail: string): void {
    this.diagnostics.push({ campaignId: c.id, version: c.version, ruleId: rule.id, pointer, detail });
  }

  condition(c: CompiledCampaign, rule: CompiledRule): boolean {
    let v = this.conditions.get(rule);
    if (v === undefined) {
      if (rule.condition === null) v = true;
      else {
        const r = rule.condition.evaluate(this.ctx.facts);
        if (typeof r === 'boolean') v = r;
        else {
          this.diagnose(c, rule, `#/rules/${rule.index}/condition`, r.error);
          v = false;
        }
      }
      this.conditions.set(rule, v);
    }
    return v;
  }

  /** Indices of the lines a filter matches (all lines without a filter). */
  matching(c: CompiledCampaign, rule: CompiledRule, effect: CompiledEffect, filter: CompiledExpression | undefined): readonly number[] {
    if (!filter) return this.ctx.lines.map((_, i) => i);
    let v = this.filters.get(filter.source);
    if (v === undefined) {
      const act = (this.lineActivation ??= { ...this.ctx.facts, line: null });
      const out: number[] = [];
      let failed: string | null = null;
      this.ctx.celLines.forEach((line: CelFacts, i) => {
        act.line = line;
        const r = filter.evaluate(act);
        if (r === true) out.push(i);
        else if (r !== false && failed === null) failed = `line ${i}: ${r.error}`;
      });
      if (failed !== null) this.diagnose(c, rule, `#/rules/${rule.index}/effects/${effect.index}/lines`, failed);
      v = out;
      this.filters.set(filter.source, v);
    }
    return v;
  }

  resolvedLimits(c: CompiledCampaign): readonly ResolvedLimit[] | null {
    let v = this.limits.get(c);
    if (v === undefined) {
      const r = resolveLimits(c.id, c.limits, {
        memberId: this.ctx.memberId,
        storeId: this.ctx.storeId,
        localDate: this.ctx.time.date,
        calendar: this.ctx.tenant.calendar,
      });
      v = r.ok ? r.limits : null;
      this.limits.set(c, v);
    }
    return v;
  }
}

function isTargeted(a: CompiledTargeting, ctx: RuleContext): boolean {
  const hasAny = (set: ReadonlySet<string>, values: ReadonlySet<string>) => [...values].some((v) => set.has(v));
  return (
    (a.tiers === null || a.tiers.has(ctx.tier)) &&
    (a.segments === null || hasAny(a.segments, ctx.segments)) &&
    (a.personas === null || hasAny(a.personas, ctx.personas)) &&
    (a.journeyStages === null || a.journeyStages.has(ctx.journeyStage)) &&
    (a.stores === null || (ctx.storeId !== null && a.stores.has(ctx.storeId))) &&
    (a.channels === null || a.channels.has(ctx.channel)) &&
    (a.couponBatches === null || hasAny(a.couponBatches, ctx.couponBatches))
  );
}

function ruleFires(rule: CompiledRule, ctx: RuleContext): boolean {
  return rule.trigger === ctx.trigger && (rule.eventName === null || rule.eventName === ctx.eventName);
}

const sum = (xs: readonly number[]) => sumExact(xs, 'sum');

/** What an effect asks for before limits. */
interface Outcome {
  readonly measure: 'points' | 'discount' | null;
  readonly requested: number;
  /** Lines and weights to split the grant over (the grant is split in proportion). */
  readonly lines: readonly number[];
  readonly weights: readonly number[];
}

function defaultText(effect: CompiledEffect, ctx: RuleContext, points: number, discount: number, lineCount: number): string {
  switch (effect.kind) {
    case 'points-fixed':
      return `${points} bonus points`;
    case 'points-per-amount':
      return `${points} points (${effect.points} per ${effect.per} ${ctx.currency} minor units${effect.lines ? ' of selected items' : ''})`;
    case 'points-per-line':
      return `${points} points on ${lineCount} line${lineCount === 1 ? '' : 's'}`;
    case 'points-multiplier':
      return `+${effect.percent}% points (${points})`;
    case 'points-tier-multiplier':
      return `${ctx.tier} tier +${effect.percentByTier[ctx.tier]}% points (${points})`;
    case 'discount-amount':
      return `${discount} off${effect.lines ? ' selected items' : ''}`;
    case 'discount-percent':
      return `${effect.percent}% off${effect.lines ? ' selected items' : ''} (${discount})`;
    case 'issue-coupon':
      return `coupon (${effect.batchId})`;
    case 'award-badge':
      return `badge ${effect.badge}`;
    case 'advance-challenge':
      return `challenge ${effect.challenge} +${effect.by}`;
  }
}

function describe(c: CompiledCampaign, effect: CompiledEffect, ctx: RuleContext, points: number, discount: number, lineCount: number): string {
  if (effect.description !== undefined) return effect.description.replaceAll('{points}', String(points)).replaceAll('{discount}', String(discount));
  return `${c.name}: ${defaultText(effect, ctx, points, discount, lineCount)}`;
}

class Working {
  readonly lineLeft: number[];
  cartLeft: number;
  readonly taken: Map<string, number>;
  readonly effects: AppliedEffect[] = [];
  readonly increments: Map<string, CounterIncrement>;
  worth = 0n;

  constructor(
    from: State,
    private readonly counters: CounterSnapshot,
    private readonly pointValue: PointValue,
  ) {
    this.lineLeft = [...from.lineLeft];
    this.cartLeft = from.cartLeft;
    this.taken = new Map(from.taken);
    this.increments = new Map(from.increments);
  }

  used(key: string): number {
    return (this.counters.get(key) ?? 0) + (this.taken.get(key) ?? 0);
  }

  take(limit: ResolvedLimit, by: number): void {
    if (by === 0) return;
    this.taken.set(limit.key, (this.taken.get(limit.key) ?? 0) + by);
    const prev = this.increments.get(limit.key);
    this.increments.set(limit.key, {
      key: limit.key,
      by: (prev?.by ?? 0) + by,
      max: limit.max,
      campaignId: limit.campaignId,
      scope: limit.scope,
      measure: limit.measure,
      periodKey: limit.periodKey,
    });
  }

  addWorth(points: number, discount: number, couponWorth: number): void {
    const { minorUnits, perPoints } = this.pointValue;
    this.worth += (BigInt(discount) + BigInt(couponWorth)) * BigInt(perPoints) + BigInt(points) * BigInt(minorUnits);
  }
}

function outcomeOf(c: CompiledCampaign, rule: CompiledRule, effect: CompiledEffect, ctx: RuleContext, memo: Memo, w: Working): Outcome {
  switch (effect.kind) {
    case 'points-fixed':
      return { measure: 'points', requested: effect.points, lines: [], weights: [] };
    case 'points-per-amount': {
      if (!effect.lines) return { measure: 'points', requested: mulDivFloor(ctx.cartAmount, effect.points, effect.per, 'points'), lines: [], weights: [] };
      const lines = memo.matching(c, rule, effect, effect.lines);
      const weights = lines.map((i) => ctx.lines[i].amount);
      return { measure: 'points', requested: mulDivFloor(sum(weights), effect.points, effect.per, 'points'), lines, weights };
    }
    case 'points-per-line': {
      const lines = memo.matching(c, rule, effect, effect.lines);
      const weights = lines.map((i) => mulExact(ctx.lines[i].quantity, effect.pointsPerUnit, 'points'));
      return { measure: 'points', requested: sum(weights), lines, weights };
    }
    case 'points-multiplier':
      return { measure: 'points', requested: mulDivFloor(ctx.basePoints, effect.percent, 100, 'points'), lines: [], weights: [] };
    case 'points-tier-multiplier': {
      const percent = Object.hasOwn(effect.percentByTier, ctx.tier) ? effect.percentByTier[ctx.tier] : 0;
      return { measure: 'points', requested: mulDivFloor(ctx.basePoints, percent, 100, 'points'), lines: [], weights: [] };
    }
    case 'discount-amount':
    case 'discount-percent': {
      const lines = memo.matching(c, rule, effect, effect.lines);
      const base = effect.lines ? sum(lines.map((i) => ctx.lines[i].amount)) : ctx.cartAmount;
      const asked = effect.kind === 'discount-amount' ? effect.amount : mulDivFloor(base, effect.percent, 100, 'discount');
      const weights = lines.map((i) => w.lineLeft[i]);
      const cap = effect.lines ? Math.min(sum(weights), w.cartLeft) : w.cartLeft;
      return { measure: 'discount', requested: Math.min(asked, cap), lines, weights };
    }
    case 'issue-coupon':
    case 'award-badge':
    case 'advance-challenge':
      return { measure: null, requested: 0, lines: [], weights: [] };
  }
}

function split(granted: number, outcome: Outcome, ctx: RuleContext): LineShare[] | undefined {
  if (outcome.lines.length === 0 || granted === 0) return undefined;
  const weightTotal = sum(outcome.weights);
  if (weightTotal === 0) return undefined;
  // Discounts: only as much as the lines have left (the rest stays on the cart); points: all of it.
  const toSplit = outcome.measure === 'discount' ? Math.min(granted, weightTotal) : granted;
  const shares = allocateProportionally(toSplit, outcome.weights);
  const out: LineShare[] = [];
  shares.forEach((amount, k) => {
    if (amount > 0) out.push({ line: outcome.lines[k], sku: ctx.lines[outcome.lines[k]].sku, amount });
  });
  return out;
}

/** Applies one campaign to `from`; null when it does not apply. */
function attemptCampaign(c: CompiledCampaign, from: State, ctx: RuleContext, memo: Memo, counters: CounterSnapshot, pointValue: PointValue): Attempt<State> | null {
  if (!c.triggers.has(ctx.trigger) || !isTargeted(c.targeting, ctx)) return null;
  const limits = memo.resolvedLimits(c);
  if (limits === null) return null;
  const w = new Working(from, counters, pointValue);
  const applications = limits.filter((l) => l.measure === 'applications');
  if (applications.some((l) => w.used(l.key) + 1 > l.max)) return null;
  for (const rule of c.rules) {
    if (!ruleFires(rule, ctx) || !memo.condition(c, rule)) continue;
    for (const effect of rule.effects) {
      const outcome = outcomeOf(c, rule, effect, ctx, memo, w);
      let granted = 0;
      let limitedBy: string | null = null;
      if (outcome.measure !== null) {
        if (outcome.requested === 0) continue;
        const measure = outcome.measure;
        const decision = decideGrant(outcome.requested, limits.filter((l) => l.measure === measure), (k) => w.used(k), c.grantMode);
        granted = decision.granted;
        limitedBy = decision.limitedBy;
        if (granted === 0) continue;
        for (const l of limits) if (l.measure === measure) w.take(l, granted);
      }
      const points = outcome.measure === 'points' ? granted : 0;
      const discount = outcome.measure === 'discount' ? granted : 0;
      const lines = split(granted, outcome, ctx);
      if (discount > 0) {
        w.cartLeft -= discount;
        for (const s of lines ?? []) w.lineLeft[s.line] -= s.amount;
      }
      const couponWorth = effect.kind === 'issue-coupon' ? (effect.worth ?? 0) : 0;
      w.addWorth(points, discount, couponWorth);
      w.effects.push({
        campaignId: c.id,
        version: c.version,
        group: c.group,
        ruleId: rule.id,
        effectIndex: effect.index,
        kind: effect.kind,
        points,
        discount,
        description: describe(c, effect, ctx, points, discount, outcome.lines.length),
        ...(lines ? { lines } : {}),
        ...(limitedBy !== null ? { requested: outcome.requested, limitedBy } : {}),
        ...(effect.kind === 'issue-coupon' ? { coupon: { batchId: effect.batchId } } : {}),
        ...(effect.kind === 'award-badge' ? { badge: effect.badge } : {}),
        ...(effect.kind === 'advance-challenge' ? { challenge: { code: effect.challenge, by: effect.by } } : {}),
      });
    }
  }
  if (w.effects.length === 0) return null;
  for (const l of applications) w.take(l, 1);
  return {
    worth: w.worth,
    state: {
      lineLeft: w.lineLeft,
      cartLeft: w.cartLeft,
      taken: w.taken,
      effects: [...from.effects, ...w.effects],
      increments: w.increments,
    },
  };
}

/**
 * Evaluates the campaigns of `set` whose rules listen to the context's trigger. `counters` must
 * hold the used amounts of the counters the campaigns' limits name (missing = 0): the service
 * reads them by the keys of {@link counterKeysFor}. Deterministic: the same inputs give the same
 * result, whatever order the campaigns were listed in. Throws only on arithmetic beyond safe
 * integers (RangeError).
 */
export function evaluateCampaigns(set: CampaignSet, context: RuleContext, counters: CounterSnapshot): Evaluation {
  const memo = new Memo(context);
  const initial: State = {
    lineLeft: context.lines.map((l) => l.amount),
    cartLeft: context.cartAmount,
    taken: new Map(),
    effects: [],
    increments: new Map(),
  };
  const { state, applied } = stackCampaigns(set.plan, initial, (c, s) => attemptCampaign(c, s, context, memo, counters, set.pointValue));
  let points = 0n;
  let discount = 0n;
  for (const e of state.effects) {
    points += BigInt(e.points);
    discount += BigInt(e.discount);
  }
  return {
    effects: state.effects,
    applied: applied.map((c) => ({ campaignId: c.id, version: c.version, group: c.group })),
    increments: [...state.increments.values()],
    totals: { points: toSafeNumber(points, 'total points'), discount: toSafeNumber(discount, 'total discount') },
    diagnostics: memo.diagnostics,
  };
}

/** {@link evaluateCampaigns} for a checkout: the context's trigger must be `purchase` (RangeError otherwise). */
export function evaluateCheckout(set: CampaignSet, context: RuleContext, counters: CounterSnapshot): Evaluation {
  if (context.trigger !== 'purchase') throw new RangeError(`a checkout is a purchase, not ${context.trigger}`);
  return evaluateCampaigns(set, context, counters);
}

/**
 * The counter keys an evaluation of `context` may read, so the service can fetch exactly those
 * (one indexed query) before evaluating. Campaigns that cannot fire for the trigger are skipped.
 */
export function counterKeysFor(set: CampaignSet, context: RuleContext): string[] {
  const keys = new Set<string>();
  const all = [...set.plan.exclusiveAll, ...set.plan.groups.flatMap((g) => g.campaigns)];
  for (const c of all) {
    if (!c.triggers.has(context.trigger)) continue;
    const r = resolveLimits(c.id, c.limits, { memberId: context.memberId, storeId: context.storeId, localDate: context.time.date, calendar: context.tenant.calendar });
    if (r.ok) for (const l of r.limits) keys.add(l.key);
  }
  return [...keys].sort();
}
