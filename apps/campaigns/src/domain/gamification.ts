import { type CalendarName, datePartsIn, dayNumberToGregorian, formatYmd, gregorianToDayNumber, isoDateIn, localDateOf, parseIsoDate } from '@club/calendar';
import { periodKey, periodWindow, weekStart } from './limits';

/**
 * Gamification as pure decisions: which period a checkout falls in, what it adds to a challenge,
 * when a challenge completes, how a streak grows, and what a member's progress reads as now.
 * The service loads the rows these functions need and stores what they return.
 *
 * Periods are read in the club's time zone from the checkout's own time (`recordedAt`), so a
 * checkout delivered late still counts in the period it happened in. Weeks start on Saturday in
 * the Jalali calendar and on Monday in the Gregorian (ISO) one; months and years are those of the
 * definition's calendar: a Jalali month challenge resets at the local midnight 1 Farvardin
 * begins (Nowruz), not on 21 March UTC. Period keys are those of the campaign limits
 * (`jalali-month:1404-01`, `gregorian-week:2025-03-24`, `lifetime` for challenges without a
 * period, whose one window is the challenge's own [startsAt, endsAt)).
 *
 * Goals (integers only; a counter saturates at Number.MAX_SAFE_INTEGER rather than lose precision):
 * - `purchase-count`: +1 per checkout of at least `minAmount`;
 * - `spend`: + the checkout amount (minor units);
 * - `distinct-categories`: the set of line categories seen (only the listed ones when a list is
 *   given), kept up to the target, so the stored set stays small;
 * - `steps`: + the steps of the checkout's `advance-challenge` effects naming the challenge (the
 *   other goals ignore those effects, and `steps` goals ignore everything else).
 * A completed period takes nothing more (its progress stays what completed it); a `once`
 * challenge completed in any period takes nothing more at all.
 *
 * Streaks: a run of consecutive periods (weeks or months) each with a qualifying checkout,
 * numbered by an ordinal (weeks: the day number of their first day / 7; months: year × 12 +
 * month − 1). A checkout in the run's last period + 1 extends it; in an earlier period adjacent to
 * the run's start, extends it backwards (a late delivery); further away, a later checkout starts
 * a new run and an earlier one is ignored (the run is not rebuilt from history). The current
 * streak is the run's length while its last period is this one or the one before (the current
 * period is not over yet), 0 after a gap.
 */

export type ChallengePeriodUnit = 'none' | 'week' | 'month' | 'year';
export type StreakUnit = 'week' | 'month';

export type GoalDefinition =
  | { readonly kind: 'purchase-count'; readonly target: number; readonly minAmount: number }
  | { readonly kind: 'distinct-categories'; readonly target: number; readonly categories: readonly string[] | null }
  | { readonly kind: 'spend'; readonly target: number }
  | { readonly kind: 'steps'; readonly target: number };

export interface ChallengeDefinition {
  readonly code: string;
  readonly goal: GoalDefinition;
  readonly period: ChallengePeriodUnit;
  readonly calendar: CalendarName;
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly repeat: 'per-period' | 'once';
  readonly badgeCode: string | null;
}

export interface StreakDefinition {
  readonly code: string;
  readonly period: StreakUnit;
  readonly calendar: CalendarName;
  readonly minAmount: number;
  readonly milestones: readonly { readonly length: number; readonly badgeCode: string | null }[];
}

/** A period of a challenge or streak: its key and its local-midnight bounds (null for an open end). */
export interface PeriodRef {
  readonly key: string;
  readonly start: Date | null;
  readonly end: Date | null;
}

/** The checkout facts gamification reads (from `points.checkout.recorded.v1`). */
export interface CheckoutFacts {
  readonly transactionId: string;
  readonly amount: number;
  readonly categories: readonly string[];
  readonly recordedAt: Date;
  readonly effects: readonly { readonly campaignId: string; readonly ruleId: string; readonly kind: string; readonly reference: string | null; readonly steps: number }[];
}

const saturatingAdd = (a: number, b: number) => Math.min(Number.MAX_SAFE_INTEGER, a + b);

/** Whether an instant lies in a challenge's window [startsAt, endsAt). */
export function inWindow(def: Pick<ChallengeDefinition, 'startsAt' | 'endsAt'>, instant: Date): boolean {
  return instant.getTime() >= def.startsAt.getTime() && (def.endsAt === null || instant.getTime() < def.endsAt.getTime());
}

export function challengeStatus(def: Pick<ChallengeDefinition, 'startsAt' | 'endsAt'>, now: Date): 'scheduled' | 'active' | 'ended' {
  if (now.getTime() < def.startsAt.getTime()) return 'scheduled';
  return def.endsAt !== null && now.getTime() >= def.endsAt.getTime() ? 'ended' : 'active';
}

/** The challenge period containing an instant, read in the club's zone. */
export function challengePeriod(def: Pick<ChallengeDefinition, 'period' | 'calendar' | 'startsAt' | 'endsAt'>, instant: Date, timeZone: string): PeriodRef {
  if (def.period === 'none') return { key: 'lifetime', start: def.startsAt, end: def.endsAt };
  const local = localDateOf(instant, timeZone);
  const period = { unit: def.period, calendar: def.calendar } as const;
  const window = periodWindow(period, local, def.calendar, timeZone);
  return { key: periodKey(period, local, def.calendar), start: window?.start ?? null, end: window?.end ?? null };
}

/** What the checkout's campaign effects ask of gamification: badges to award, steps per challenge code. */
export function effectsForGamification(effects: CheckoutFacts['effects']): { badges: { code: string; reference: string }[]; steps: Map<string, number> } {
  const badges: { code: string; reference: string }[] = [];
  const steps = new Map<string, number>();
  for (const e of effects) {
    if (e.reference === null || e.reference === '') continue;
    if (e.kind === 'award-badge') badges.push({ code: e.reference, reference: `campaign:${e.campaignId}/rule:${e.ruleId}` });
    else if (e.kind === 'advance-challenge' && e.steps > 0) steps.set(e.reference, saturatingAdd(steps.get(e.reference) ?? 0, e.steps));
  }
  return { badges, steps };
}

/** What one checkout adds to a goal: `by` for the counters, the categories it brings for distinct-categories. */
export interface Contribution {
  readonly by: number;
  readonly categories: readonly string[];
}

export function contribution(goal: GoalDefinition, checkout: Pick<CheckoutFacts, 'amount' | 'categories'>, steps: number): Contribution {
  switch (goal.kind) {
    case 'purchase-count':
      return { by: checkout.amount >= goal.minAmount ? 1 : 0, categories: [] };
    case 'spend':
      return { by: checkout.amount, categories: [] };
    case 'steps':
      return { by: steps, categories: [] };
    case 'distinct-categories': {
      const allowed = goal.categories === null ? null : new Set(goal.categories);
      const cats = [...new Set(checkout.categories)].filter((c) => c !== '' && (allowed === null || allowed.has(c))).sort();
      return { by: 0, categories: cats };
    }
  }
}

export function isEmpty(c: Contribution): boolean {
  return c.by === 0 && c.categories.length === 0;
}

/** One member's progress on a challenge in one period. */
export interface ProgressState {
  readonly progress: number;
  readonly categories: readonly string[];
  readonly completed: boolean;
}

export const NO_PROGRESS: ProgressState = { progress: 0, categories: [], completed: false };

/**
 * Applies a contribution: the new state, whether anything changed, and whether this completed
 * the period. A completed state never changes.
 */
export function advance(goal: GoalDefinition, state: ProgressState, c: Contribution): { state: ProgressState; changed: boolean; completedNow: boolean } {
  if (state.completed) return { state, changed: false, completedNow: false };
  let next: ProgressState;
  if (goal.kind === 'distinct-categories') {
    const seen = new Set(state.categories);
    const categories = [...state.categories];
    for (const cat of c.categories) {
      if (categories.length >= goal.target) break;
      if (!seen.has(cat)) {
        seen.add(cat);
        categories.push(cat);
      }
    }
    next = { progress: categories.length, categories, completed: false };
  } else {
    next = { progress: saturatingAdd(state.progress, c.by), categories: state.categories, completed: false };
  }
  const completedNow = next.progress >= goal.target;
  next = { ...next, completed: completedNow };
  const changed = next.progress !== state.progress || completedNow;
  return { state: changed ? next : state, changed, completedNow };
}

/** Whole percent towards the target, 0-100 (exact integer arithmetic). */
export function percentOf(progress: number, target: number): number {
  if (progress >= target) return 100;
  return Number((BigInt(Math.max(0, progress)) * 100n) / BigInt(target));
}

/** The streak period containing an instant: its key, ordinal and bounds in the club's zone. */
export function streakPeriod(def: Pick<StreakDefinition, 'period' | 'calendar'>, instant: Date, timeZone: string): PeriodRef & { readonly index: number } {
  const local = localDateOf(instant, timeZone);
  const period = { unit: def.period, calendar: def.calendar } as const;
  const window = periodWindow(period, local, def.calendar, timeZone);
  return { key: periodKey(period, local, def.calendar), index: periodIndex(def.period, def.calendar, local), start: window?.start ?? null, end: window?.end ?? null };
}

/** Consecutive periods have consecutive ordinals. */
export function periodIndex(unit: StreakUnit, calendar: CalendarName, localDate: string): number {
  if (unit === 'month') {
    const [y, m] = datePartsIn(calendar, localDate);
    return y * 12 + m - 1;
  }
  const { gy, gm, gd } = parseIsoDate(weekStart(localDate, calendar));
  return Math.floor(gregorianToDayNumber(gy, gm, gd) / 7);
}

/** The first day of Jalali weeks (Saturday) and Gregorian ones (Monday) as day numbers modulo 7 (day 0, 1970-01-01, was a Thursday). */
const WEEK_START_RESIDUE: Record<CalendarName, number> = { jalali: 2, gregorian: 4 };

/** The key of the period with this ordinal (the inverse of {@link periodIndex}). */
export function periodKeyOfIndex(unit: StreakUnit, calendar: CalendarName, index: number): string {
  let first: string;
  if (unit === 'month') {
    const year = Math.floor(index / 12);
    first = isoDateIn(calendar, year, index - year * 12 + 1, 1);
  } else {
    const { gy, gm, gd } = dayNumberToGregorian(index * 7 + WEEK_START_RESIDUE[calendar]);
    first = formatYmd(gy, gm, gd);
  }
  return periodKey({ unit, calendar }, first, calendar);
}

/** A member's current run (first and last period ordinals) and the longest run so far. */
export interface StreakRun {
  readonly start: number;
  readonly end: number;
  readonly longest: number;
}

export const runLength = (run: Pick<StreakRun, 'start' | 'end'>) => run.end - run.start + 1;

/** A qualifying checkout in period `index`: the run after it, and the run's new length when it grew (milestones are crossed one length at a time). */
export function extendStreak(run: StreakRun | null, index: number): { run: StreakRun; grewTo: number | null } {
  if (run === null) return { run: { start: index, end: index, longest: 1 }, grewTo: 1 };
  if (index >= run.start && index <= run.end) return { run, grewTo: null };
  let next: Pick<StreakRun, 'start' | 'end'>;
  if (index === run.end + 1) next = { start: run.start, end: index };
  else if (index > run.end + 1) next = { start: index, end: index };
  else if (index === run.start - 1) next = { start: index, end: run.end };
  else return { run, grewTo: null }; // older than the run and not adjacent: not rebuilt from history
  const length = runLength(next);
  return { run: { ...next, longest: Math.max(run.longest, length) }, grewTo: length };
}

/** The milestones a run growing to `length` reaches (at most one: lengths are unique). */
export function milestonesReached<M extends { readonly length: number }>(milestones: readonly M[], grewTo: number | null): M[] {
  return grewTo === null ? [] : milestones.filter((m) => m.length === grewTo);
}

/** The streak as a member sees it in period `nowIndex`. */
export function streakStanding(
  run: StreakRun | null,
  nowIndex: number,
  milestones: readonly { readonly length: number }[],
): { current: number; longest: number; activeThisPeriod: boolean; nextMilestone: number | null } {
  const alive = run !== null && run.end >= nowIndex - 1;
  const current = alive ? runLength(run) : 0;
  const next = milestones.map((m) => m.length).filter((l) => l > current).sort((a, b) => a - b)[0] ?? null;
  return { current, longest: run?.longest ?? 0, activeThisPeriod: run !== null && run.start <= nowIndex && nowIndex <= run.end, nextMilestone: next };
}

/** Whether a checkout qualifies for a streak. */
export function qualifiesForStreak(def: Pick<StreakDefinition, 'minAmount'>, amount: number): boolean {
  return amount >= def.minAmount;
}
