import { LIMIT_MEASURES, LIMIT_SCOPES, PERIOD_UNITS, type GrantMode, type LimitDefinition } from './limits';
import { TRIGGERS, type Trigger } from './rule-context';
import { compileExpression, type CompiledExpression, type FieldError, type RuleEnvironment } from './rule-language';

/**
 * The campaign and rule language (data, as stored per campaign version) and its compiler.
 *
 * A campaign has rules; a rule is a trigger, a CEL condition over the context (default `true`)
 * and effects. All rules of a campaign whose trigger fires and whose condition holds apply, in
 * their order. Effects (all results are integers; minor units for money):
 *
 * | kind | result |
 * |---|---|
 * | `points-fixed` {points} | `points` |
 * | `points-per-amount` {points, per, lines?} | ⌊amount × points / per⌋, amount = the cart's, or the matching lines' (before campaign discounts) |
 * | `points-per-line` {lines, pointsPerUnit} | Σ over matching lines of quantity × pointsPerUnit |
 * | `points-multiplier` {percent} | ⌊basePoints × percent / 100⌋: 100 doubles the member's earn (the base is granted by the points service; multipliers add, they do not compound) |
 * | `points-tier-multiplier` {percentByTier} | as `points-multiplier` with the percent of the member's tier (none listed: no effect) |
 * | `discount-amount` {amount, lines?} | `amount` off the cart, or off the matching lines |
 * | `discount-percent` {percent 1-100, lines?} | ⌊Σ amounts × percent / 100⌋ off the cart or the matching lines (rounded down once, on the total) |
 * | `issue-coupon` {batchId, worth?} | a coupon from the batch (`worth` in minor units only ranks best-for-customer choices) |
 * | `award-badge` {badge} | the badge |
 * | `advance-challenge` {challenge, by} | the challenge's progress + by |
 *
 * `lines` is a CEL line filter (a boolean over `line` and the whole context, e.g.
 * `line.category == "dairy" && line.unitPrice >= 100000`). A discount never exceeds what is left
 * of the amount it applies to (each line's and the cart's, across all campaigns). Discounts are
 * allowed on `purchase` rules only; cart-based points (`per-amount`, `per-line`) on `purchase`
 * and `return`; multipliers on `purchase` (they need base points).
 *
 * Campaign-level fields: `group` (evaluation group, default `default`), `priority` (an integer,
 * higher first), `exclusivity` (`none`, `group`, `all`; see `stacking.ts`), `targeting` (checked
 * before any rule, cheaper than a condition: each list given must contain the member's tier / one of their segments
 * / personas / their journey stage / the store / the channel), `limits` and `grantMode`
 * (see `limits.ts`).
 */

export const EFFECT_KINDS = [
  'points-fixed',
  'points-per-amount',
  'points-per-line',
  'points-multiplier',
  'points-tier-multiplier',
  'discount-amount',
  'discount-percent',
  'issue-coupon',
  'award-badge',
  'advance-challenge',
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

interface Described {
  /** Receipt text; a default is generated from the campaign's name and the result. */
  readonly description?: string;
}

export type EffectDefinition = Described &
  (
    | { readonly kind: 'points-fixed'; readonly points: number }
    | { readonly kind: 'points-per-amount'; readonly points: number; readonly per: number; readonly lines?: string }
    | { readonly kind: 'points-per-line'; readonly lines: string; readonly pointsPerUnit: number }
    | { readonly kind: 'points-multiplier'; readonly percent: number }
    | { readonly kind: 'points-tier-multiplier'; readonly percentByTier: Readonly<Record<string, number>> }
    | { readonly kind: 'discount-amount'; readonly amount: number; readonly lines?: string }
    | { readonly kind: 'discount-percent'; readonly percent: number; readonly lines?: string }
    | { readonly kind: 'issue-coupon'; readonly batchId: string; readonly worth?: number }
    | { readonly kind: 'award-badge'; readonly badge: string }
    | { readonly kind: 'advance-challenge'; readonly challenge: string; readonly by: number }
  );

export interface RuleDefinition {
  readonly id: string;
  readonly trigger: Trigger;
  /** `custom-event` only: the event name the rule listens to (any custom event when absent). */
  readonly eventName?: string;
  /** CEL, type-checked at publication; absent means always. */
  readonly condition?: string;
  readonly effects: readonly EffectDefinition[];
}

export interface Targeting {
  readonly tiers?: readonly string[];
  readonly segments?: readonly string[];
  readonly personas?: readonly string[];
  readonly journeyStages?: readonly string[];
  readonly stores?: readonly string[];
  readonly channels?: readonly string[];
  /** Coupon-gated: the campaign applies only when a coupon of one of these batches is redeemed with the checkout. */
  readonly couponBatches?: readonly string[];
}

export type Exclusivity = 'none' | 'group' | 'all';

export interface CampaignDefinition {
  readonly id: string;
  readonly version: number;
  readonly name?: string;
  readonly group?: string;
  readonly priority?: number;
  readonly exclusivity?: Exclusivity;
  readonly targeting?: Targeting;
  readonly limits?: readonly LimitDefinition[];
  readonly grantMode?: GrantMode;
  readonly rules: readonly RuleDefinition[];
}

/** An effect with its line filter compiled (`index`: its position in the rule). */
export type CompiledEffect = Described & { readonly index: number } & (
    | { readonly kind: 'points-fixed'; readonly points: number }
    | { readonly kind: 'points-per-amount'; readonly points: number; readonly per: number; readonly lines?: CompiledExpression }
    | { readonly kind: 'points-per-line'; readonly lines: CompiledExpression; readonly pointsPerUnit: number }
    | { readonly kind: 'points-multiplier'; readonly percent: number }
    | { readonly kind: 'points-tier-multiplier'; readonly percentByTier: Readonly<Record<string, number>> }
    | { readonly kind: 'discount-amount'; readonly amount: number; readonly lines?: CompiledExpression }
    | { readonly kind: 'discount-percent'; readonly percent: number; readonly lines?: CompiledExpression }
    | { readonly kind: 'issue-coupon'; readonly batchId: string; readonly worth?: number }
    | { readonly kind: 'award-badge'; readonly badge: string }
    | { readonly kind: 'advance-challenge'; readonly challenge: string; readonly by: number }
  );

export interface CompiledRule {
  readonly id: string;
  readonly index: number;
  readonly trigger: Trigger;
  readonly eventName: string | null;
  /** Null: always true. */
  readonly condition: CompiledExpression | null;
  readonly effects: readonly CompiledEffect[];
}

export interface CompiledTargeting {
  readonly tiers: ReadonlySet<string> | null;
  readonly segments: ReadonlySet<string> | null;
  readonly personas: ReadonlySet<string> | null;
  readonly journeyStages: ReadonlySet<string> | null;
  readonly stores: ReadonlySet<string> | null;
  readonly channels: ReadonlySet<string> | null;
  readonly couponBatches: ReadonlySet<string> | null;
}

/** A published campaign version ready to evaluate; the service caches these per tenant. */
export interface CompiledCampaign {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly group: string;
  readonly priority: number;
  readonly exclusivity: Exclusivity;
  readonly targeting: CompiledTargeting;
  readonly limits: readonly LimitDefinition[];
  readonly grantMode: GrantMode;
  readonly rules: readonly CompiledRule[];
  readonly triggers: ReadonlySet<Trigger>;
}

export type CompileCampaignResult =
  | { readonly ok: true; readonly campaign: CompiledCampaign }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export const DEFAULT_GROUP = 'default';
export const MAX_RULES = 50;
export const MAX_EFFECTS = 20;
export const MAX_LIMITS = 20;
export const MAX_PERCENT_OF_BASE = 10_000;

const DISCOUNT_TRIGGERS: ReadonlySet<Trigger> = new Set(['purchase']);
const CART_TRIGGERS: ReadonlySet<Trigger> = new Set(['purchase', 'return']);
const BASE_POINTS_TRIGGERS: ReadonlySet<Trigger> = new Set(['purchase']);

function triggersAllowed(kind: EffectKind): ReadonlySet<Trigger> | null {
  switch (kind) {
    case 'discount-amount':
    case 'discount-percent':
      return DISCOUNT_TRIGGERS;
    case 'points-per-amount':
    case 'points-per-line':
      return CART_TRIGGERS;
    case 'points-multiplier':
    case 'points-tier-multiplier':
      return BASE_POINTS_TRIGGERS;
    case 'points-fixed':
    case 'issue-coupon':
    case 'award-badge':
    case 'advance-challenge':
      return null;
  }
}

const isText = (s: unknown, max = 200): s is string => typeof s === 'string' && s.trim().length > 0 && s.length <= max;
const isInt = (n: unknown, min: number, max = Number.MAX_SAFE_INTEGER): n is number => Number.isSafeInteger(n) && (n as number) >= min && (n as number) <= max;

class Errors {
  readonly list: FieldError[] = [];
  add(pointer: string, detail: string): void {
    this.list.push({ pointer, detail });
  }
  check(ok: boolean, pointer: string, detail: string): void {
    if (!ok) this.add(pointer, detail);
  }
}

function compileFilter(env: RuleEnvironment, source: unknown, pointer: string, errors: Errors): CompiledExpression | undefined {
  const r = compileExpression(env, 'line-filter', source as string, pointer);
  if (r.ok) return r.expression;
  for (const e of r.errors) errors.add(e.pointer, e.detail);
  return undefined;
}

function compileEffect(env: RuleEnvironment, e: EffectDefinition, trigger: Trigger, at: string, index: number, errors: Errors): CompiledEffect | undefined {
  const before = errors.list.length;
  if (!(EFFECT_KINDS as readonly string[]).includes(e?.kind)) {
    errors.add(`${at}/kind`, `unknown effect kind; one of ${EFFECT_KINDS.join(', ')}`);
    return undefined;
  }
  const allowed = triggersAllowed(e.kind);
  if (allowed && !allowed.has(trigger)) errors.add(`${at}/kind`, `${e.kind} needs a ${[...allowed].join(' or ')} trigger, not ${trigger}`);
  if (e.description !== undefined) errors.check(isText(e.description, 500), `${at}/description`, 'a non-empty text of at most 500 characters');
  let lines: CompiledExpression | undefined;
  const optionalFilter = (source: string | undefined) => {
    if (source !== undefined) lines = compileFilter(env, source, `${at}/lines`, errors);
  };
  switch (e.kind) {
    case 'points-fixed':
      errors.check(isInt(e.points, 1), `${at}/points`, 'a positive integer');
      break;
    case 'points-per-amount':
      errors.check(isInt(e.points, 1), `${at}/points`, 'a positive integer');
      errors.check(isInt(e.per, 1), `${at}/per`, 'a positive integer (minor units)');
      optionalFilter(e.lines);
      break;
    case 'points-per-line':
      errors.check(isInt(e.pointsPerUnit, 1), `${at}/pointsPerUnit`, 'a positive integer');
      lines = compileFilter(env, e.lines, `${at}/lines`, errors);
      break;
    case 'points-multiplier':
      errors.check(isInt(e.percent, 1, MAX_PERCENT_OF_BASE), `${at}/percent`, `an integer from 1 to ${MAX_PERCENT_OF_BASE} (percent of the base points; 100 doubles the earn)`);
      break;
    case 'points-tier-multiplier': {
      const entries = typeof e.percentByTier === 'object' && e.percentByTier !== null ? Object.entries(e.percentByTier) : [];
      errors.check(entries.length > 0 && entries.length <= 100, `${at}/percentByTier`, 'a map of 1 to 100 tier codes to percents');
      for (const [tier, p] of entries) errors.check(isInt(p, 0, MAX_PERCENT_OF_BASE), `${at}/percentByTier/${tier}`, `an integer from 0 to ${MAX_PERCENT_OF_BASE}`);
      break;
    }
    case 'discount-amount':
      errors.check(isInt(e.amount, 1), `${at}/amount`, 'a positive integer (minor units)');
      optionalFilter(e.lines);
      break;
    case 'discount-percent':
      errors.check(isInt(e.percent, 1, 100), `${at}/percent`, 'an integer from 1 to 100');
      optionalFilter(e.lines);
      break;
    case 'issue-coupon':
      errors.check(isText(e.batchId), `${at}/batchId`, 'a coupon batch id');
      if (e.worth !== undefined) errors.check(isInt(e.worth, 0), `${at}/worth`, 'a non-negative integer (minor units)');
      break;
    case 'award-badge':
      errors.check(isText(e.badge), `${at}/badge`, 'a badge code');
      break;
    case 'advance-challenge':
      errors.check(isText(e.challenge), `${at}/challenge`, 'a challenge code');
      errors.check(isInt(e.by, 1, 1_000_000), `${at}/by`, 'an integer from 1 to 1,000,000');
      break;
  }
  if (errors.list.length > before) return undefined;
  const compiled = { ...e, index } as Record<string, unknown>;
  if (lines) compiled.lines = lines;
  else delete compiled.lines;
  return compiled as unknown as CompiledEffect;
}

function compileLimits(limits: readonly LimitDefinition[] | undefined, errors: Errors): LimitDefinition[] {
  const list: readonly LimitDefinition[] = Array.isArray(limits) ? limits : [];
  if ((limits !== undefined && !Array.isArray(limits)) || list.length > MAX_LIMITS) {
    errors.add('#/limits', `at most ${MAX_LIMITS} limits`);
    return [];
  }
  const seen = new Set<string>();
  list.forEach((l, i) => {
    const at = `#/limits/${i}`;
    const same = JSON.stringify([l?.scope, l?.measure, l?.period === 'lifetime' ? 'lifetime' : [l?.period?.unit, l?.period?.calendar ?? null]]);
    errors.check(!seen.has(same), at, 'another limit has the same scope, measure and period (keep the tighter one)');
    seen.add(same);
    errors.check((LIMIT_SCOPES as readonly string[]).includes(l?.scope), `${at}/scope`, `one of ${LIMIT_SCOPES.join(', ')}`);
    errors.check((LIMIT_MEASURES as readonly string[]).includes(l?.measure), `${at}/measure`, `one of ${LIMIT_MEASURES.join(', ')}`);
    errors.check(isInt(l?.max, 0), `${at}/max`, 'a non-negative integer');
    const p = l?.period;
    const periodOk =
      p === 'lifetime' ||
      (typeof p === 'object' &&
        p !== null &&
        (PERIOD_UNITS as readonly string[]).includes(p.unit) &&
        (p.calendar === undefined || p.calendar === 'jalali' || p.calendar === 'gregorian'));
    errors.check(periodOk, `${at}/period`, `"lifetime" or {unit: ${PERIOD_UNITS.join(' | ')}, calendar?: jalali | gregorian}`);
  });
  return list.map((l) => ({ ...l }));
}

function compileTargeting(a: Targeting | undefined, errors: Errors): CompiledTargeting {
  const set = (xs: readonly string[] | undefined, name: string): ReadonlySet<string> | null => {
    if (xs === undefined) return null;
    const ok = Array.isArray(xs) && xs.length > 0 && xs.length <= 1000 && xs.every((x) => isText(x));
    errors.check(ok, `#/targeting/${name}`, 'a non-empty list of codes (omit it to target everyone)');
    return new Set(xs);
  };
  return {
    tiers: set(a?.tiers, 'tiers'),
    segments: set(a?.segments, 'segments'),
    personas: set(a?.personas, 'personas'),
    journeyStages: set(a?.journeyStages, 'journeyStages'),
    stores: set(a?.stores, 'stores'),
    channels: set(a?.channels, 'channels'),
    couponBatches: set(a?.couponBatches, 'couponBatches'),
  };
}

/**
 * Validates and type-checks a campaign version against the club's environment. Every problem is
 * reported (not only the first) as an RFC 9457 field error with a JSON pointer into the
 * definition, e.g. `{pointer: '#/rules/0/condition', detail: 'unknown field "totl" of cart …'}`.
 * Compile once when a version is published or loaded into the cache; evaluation never parses.
 */
export function compileCampaign(def: CampaignDefinition, env: RuleEnvironment): CompileCampaignResult {
  const errors = new Errors();
  errors.check(isText(def.id), '#/id', 'a campaign id');
  errors.check(isInt(def.version, 1), '#/version', 'a positive integer');
  if (def.name !== undefined) errors.check(isText(def.name), '#/name', 'a non-empty text of at most 200 characters');
  const group = def.group ?? DEFAULT_GROUP;
  errors.check(isText(group, 100), '#/group', 'a group id of at most 100 characters');
  const priority = def.priority ?? 0;
  errors.check(isInt(priority, -1_000_000, 1_000_000), '#/priority', 'an integer from -1,000,000 to 1,000,000 (higher first)');
  const exclusivity = def.exclusivity ?? 'none';
  errors.check(['none', 'group', 'all'].includes(exclusivity), '#/exclusivity', 'one of none, group, all');
  const grantMode = def.grantMode ?? 'partial';
  errors.check(grantMode === 'partial' || grantMode === 'all-or-nothing', '#/grantMode', 'partial or all-or-nothing');
  const targeting = compileTargeting(def.targeting, errors);
  const limits = compileLimits(def.limits, errors);
  const rules: CompiledRule[] = [];
  const ruleIds = new Set<string>();
  const defRules: readonly RuleDefinition[] = Array.isArray(def.rules) ? def.rules : [];
  errors.check(defRules.length > 0 && defRules.length <= MAX_RULES, '#/rules', `1 to ${MAX_RULES} rules`);
  defRules.forEach((r, i) => {
    const at = `#/rules/${i}`;
    const before = errors.list.length;
    if (!isText(r?.id, 100)) errors.add(`${at}/id`, 'a rule id');
    else if (ruleIds.has(r.id)) errors.add(`${at}/id`, `rule id "${r.id}" is used twice`);
    else ruleIds.add(r.id);
    const triggerOk = (TRIGGERS as readonly string[]).includes(r?.trigger);
    errors.check(triggerOk, `${at}/trigger`, `one of ${TRIGGERS.join(', ')}`);
    if (r?.eventName !== undefined) {
      errors.check(r.trigger === 'custom-event', `${at}/eventName`, 'only custom-event rules name an event');
      errors.check(isText(r.eventName), `${at}/eventName`, 'an event name');
    }
    let condition: CompiledExpression | null = null;
    if (r?.condition !== undefined) {
      const c = compileExpression(env, 'condition', r.condition, `${at}/condition`);
      if (c.ok) condition = c.expression;
      else for (const e of c.errors) errors.add(e.pointer, e.detail);
    }
    const defEffects: readonly EffectDefinition[] = Array.isArray(r?.effects) ? r.effects : [];
    errors.check(defEffects.length > 0 && defEffects.length <= MAX_EFFECTS, `${at}/effects`, `1 to ${MAX_EFFECTS} effects`);
    const effects: CompiledEffect[] = [];
    if (triggerOk) {
      defEffects.forEach((e, j) => {
        const c = compileEffect(env, e, r.trigger, `${at}/effects/${j}`, j, errors);
        if (c) effects.push(c);
      });
    }
    if (errors.list.length === before) {
      rules.push({ id: r.id, index: i, trigger: r.trigger, eventName: r.eventName ?? null, condition, effects });
    }
  });
  if (errors.list.length > 0) return { ok: false, errors: errors.list };
  return {
    ok: true,
    campaign: {
      id: def.id,
      version: def.version,
      name: def.name ?? def.id,
      group,
      priority,
      exclusivity,
      targeting,
      limits,
      grantMode,
      rules,
      triggers: new Set(rules.map((r) => r.trigger)),
    },
  };
}
