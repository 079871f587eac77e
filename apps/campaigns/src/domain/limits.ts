import { addDays, type CalendarName, datePartsIn, instantAtLocalMidnight, periodDates, type Window } from '@club/calendar';
import { isoWeekday } from './rule-context';

/**
 * Budgets and limits of a campaign, as pure decisions over counters the service keeps.
 *
 * A limit caps one measure — `points` granted, `discount` granted (minor units), or
 * `applications` (checkouts/events the campaign applied to) — over one scope — the whole
 * `campaign`, each `member`, each `store` — within one period — `lifetime`, or the day / week /
 * month / quarter / year containing the evaluation's local date in the tenant's zone, in the
 * Jalali or Gregorian calendar (default the club's). Weeks start on Saturday in the Jalali
 * calendar (the Iranian week) and on Monday in the Gregorian one (ISO 8601); days are the same in
 * both. Counters are keyed by {@link counterKey} and span all versions of a campaign.
 *
 * Granting (chosen per campaign, `grantMode`):
 * - `partial` (default): a points or discount effect is granted down to what is left of the
 *   tightest limit on its measure (a budget of 1,000 points with 30 left grants 30 of 50);
 * - `all-or-nothing`: an effect that does not fit whole under every limit is not granted.
 * An `applications` limit is always all or nothing: a campaign with no application left does not
 * apply at all; one that applies takes one. A campaign whose effects are all cut to nothing has
 * not applied (and takes no application). A member-scoped limit needs the member (the context
 * always has one); a store-scoped limit needs a store: without one the campaign does not apply.
 *
 * Atomicity: the evaluation only reads a snapshot of the counters (a map key → used). It returns
 * the increments ({@link CounterIncrement}: key, by, max) the service must apply in the same
 * transaction as the checkout, each as a conditional write
 *   `INSERT … ON CONFLICT (tenant_id, key) DO UPDATE SET used = used + by WHERE used + by <= max`
 * (a row count of 0 means a concurrent checkout took the budget first: roll back and evaluate
 * again with fresh counters — the retry then grants what is left, so a budget never overshoots).
 * A return reverses the increments recorded with its checkout.
 */

export const LIMIT_SCOPES = ['campaign', 'member', 'store'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];
export const LIMIT_MEASURES = ['points', 'discount', 'applications'] as const;
export type LimitMeasure = (typeof LIMIT_MEASURES)[number];
export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
export type LimitPeriod = 'lifetime' | { readonly unit: PeriodUnit; readonly calendar?: CalendarName };
export type GrantMode = 'partial' | 'all-or-nothing';

export interface LimitDefinition {
  readonly scope: LimitScope;
  readonly measure: LimitMeasure;
  /** The most that may be used within the period (a non-negative safe integer). */
  readonly max: number;
  readonly period: LimitPeriod;
}

/** Used amounts by counter key; a missing key is 0. */
export type CounterSnapshot = ReadonlyMap<string, number>;

/** A limit bound to one evaluation's campaign, subject and period. */
export interface ResolvedLimit {
  readonly key: string;
  readonly campaignId: string;
  readonly scope: LimitScope;
  readonly measure: LimitMeasure;
  readonly max: number;
  readonly periodKey: string;
}

/** What the service must add to a counter, conditionally (`used + by <= max`), in the checkout's transaction. */
export interface CounterIncrement {
  readonly key: string;
  readonly by: number;
  readonly max: number;
  readonly campaignId: string;
  readonly scope: LimitScope;
  readonly measure: LimitMeasure;
  readonly periodKey: string;
}

const SATURDAY = 6;
const MONDAY = 1;

/** The local date (ISO) the week containing `localDate` starts: Saturday (Jalali) or Monday (Gregorian). */
export function weekStart(localDate: string, calendar: CalendarName): string {
  const first = calendar === 'jalali' ? SATURDAY : MONDAY;
  return addDays(localDate, -((isoWeekday(localDate) - first + 7) % 7));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The key of the period containing the local date `localDate` (ISO, in the tenant's zone):
 * `lifetime`, `day:2025-03-21`, `jalali-week:2025-03-15` (its first day, ISO), `jalali-month:1404-01`,
 * `jalali-quarter:1404-Q1`, `jalali-year:1404`, `gregorian-month:2025-03` … `calendar` is the
 * club's, used when the period names none.
 */
export function periodKey(period: LimitPeriod, localDate: string, calendar: CalendarName): string {
  if (period === 'lifetime') return 'lifetime';
  const cal = period.calendar ?? calendar;
  const [y, m] = datePartsIn(cal, localDate);
  switch (period.unit) {
    case 'day':
      return `day:${localDate}`;
    case 'week':
      return `${cal}-week:${weekStart(localDate, cal)}`;
    case 'month':
      return `${cal}-month:${pad(y, 4)}-${pad(m)}`;
    case 'quarter':
      return `${cal}-quarter:${pad(y, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year':
      return `${cal}-year:${pad(y, 4)}`;
  }
}

/**
 * The instants the period containing `localDate` starts and ends (half-open, local midnights in
 * `timeZone`, DST and midnight gaps as `@club/calendar` resolves them); null for `lifetime`.
 * For the service's housekeeping (expiring counter rows), not needed to evaluate.
 */
export function periodWindow(period: LimitPeriod, localDate: string, calendar: CalendarName, timeZone: string): Window | null {
  if (period === 'lifetime') return null;
  const cal = period.calendar ?? calendar;
  let start: string;
  let end: string;
  switch (period.unit) {
    case 'day':
      start = localDate;
      end = addDays(localDate, 1);
      break;
    case 'week':
      start = weekStart(localDate, cal);
      end = addDays(start, 7);
      break;
    case 'month':
    case 'quarter':
    case 'year':
      ({ start, end } = periodDates(localDate, period.unit, cal));
      break;
  }
  return { start: instantAtLocalMidnight(start, timeZone), end: instantAtLocalMidnight(end, timeZone) };
}

/**
 * The counter key: `campaign:<id>/<scope>[:<member or store id>]/<measure>/<period key>`, ids
 * URI-encoded so the separators stay unambiguous. Null when the scope's subject is missing.
 */
export function counterKey(
  campaignId: string,
  limit: Pick<LimitDefinition, 'scope' | 'measure'>,
  subject: { readonly memberId: string | null; readonly storeId: string | null },
  key: string,
): string | null {
  const enc = encodeURIComponent;
  let scope: string;
  switch (limit.scope) {
    case 'campaign':
      scope = 'campaign';
      break;
    case 'member':
      if (!subject.memberId) return null;
      scope = `member:${enc(subject.memberId)}`;
      break;
    case 'store':
      if (!subject.storeId) return null;
      scope = `store:${enc(subject.storeId)}`;
      break;
  }
  return `campaign:${enc(campaignId)}/${scope}/${limit.measure}/${key}`;
}

export type ResolveLimitsResult = { readonly ok: true; readonly limits: readonly ResolvedLimit[] } | { readonly ok: false; readonly reason: string };

/**
 * Binds a campaign's limits to the evaluation's member, store and local date; fails when a subject
 * is missing. Two limits landing on the same counter (e.g. a month in the club's calendar and the
 * same calendar named) become one, with the smaller max.
 */
export function resolveLimits(
  campaignId: string,
  limits: readonly LimitDefinition[],
  subject: { readonly memberId: string | null; readonly storeId: string | null; readonly localDate: string; readonly calendar: CalendarName },
): ResolveLimitsResult {
  const out: ResolvedLimit[] = [];
  for (const l of limits) {
    const pk = periodKey(l.period, subject.localDate, subject.calendar);
    const key = counterKey(campaignId, l, subject, pk);
    if (key === null) return { ok: false, reason: `a ${l.scope} limit needs a ${l.scope}` };
    const same = out.findIndex((o) => o.key === key);
    if (same < 0) out.push({ key, campaignId, scope: l.scope, measure: l.measure, max: l.max, periodKey: pk });
    else if (l.max < out[same].max) out[same] = { ...out[same], max: l.max };
  }
  return { ok: true, limits: out };
}

/** What is left under a limit given the amount used (never negative: a counter over its max leaves 0). */
export function remainingUnder(limit: Pick<ResolvedLimit, 'max'>, used: number): number {
  return Math.max(0, limit.max - used);
}

export interface GrantDecision {
  readonly requested: number;
  readonly granted: number;
  /** The key of the limit that cut the grant, when one did. */
  readonly limitedBy: string | null;
}

/**
 * How much of `requested` may be granted under the `limits` on its measure, given `used(key)`
 * (the snapshot plus what this evaluation already took). Partial: down to the smallest remainder;
 * all-or-nothing: all when every remainder covers it, else 0. Ties between limits: the first in
 * the campaign's order is named.
 */
export function decideGrant(requested: number, limits: readonly ResolvedLimit[], used: (key: string) => number, mode: GrantMode): GrantDecision {
  let granted = requested;
  let limitedBy: string | null = null;
  for (const l of limits) {
    const left = remainingUnder(l, used(l.key));
    if (left < requested && (mode === 'all-or-nothing' ? granted !== 0 : left < granted)) {
      granted = mode === 'all-or-nothing' ? 0 : left;
      limitedBy = l.key;
    }
  }
  return { requested, granted, limitedBy };
}
