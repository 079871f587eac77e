import {
  addDays,
  addJalaliMonthsClamped,
  addMonthsClamped,
  type CalendarName,
  datePartsIn,
  epochMsOf,
  formatJalali,
  formatYmd,
  instantAtLocalMidnight,
  isoDateIn,
  localDateOf,
  parseJalaliDate,
  type Window,
} from '@club/calendar';

/**
 * Tier qualification windows and review dates, in a tenant's IANA time zone.
 *
 * A window is a half-open range of instants [start, end). Its edges are always the start of a
 * local calendar day in the tenant's zone ("local midnight"); see `@club/calendar` for how local
 * midnights are found (historical rules included, e.g. Tehran's DST until 2022).
 *
 * Dates are Gregorian ISO strings (`YYYY-MM-DD`) unless a name says Jalali.
 */

/** The zone a tenant gets when it has not chosen one. Callers pass the zone explicitly. */
export const DEFAULT_TIME_ZONE = 'Asia/Tehran';

export type WindowPolicy =
  /** The N months up to and including the local day of `at`. */
  | { kind: 'rolling-months'; months: number }
  /** 1 January 00:00 local → the next 1 January. */
  | { kind: 'calendar-year' }
  /** 1 Farvardin (Nowruz) 00:00 local → the next Nowruz; Esfand 30 of a leap year is in the old year. */
  | { kind: 'jalali-year' }
  /**
   * The membership anniversary 00:00 local → the next anniversary. `calendar` (default
   * 'gregorian') says whose months and days repeat: a 'jalali' anniversary of a member who joined
   * on 1 Mehr is every 1 Mehr. An anniversary on a day a year lacks — 29 February, 30 Esfand —
   * falls on the last day of that month (28 February, 29 Esfand) in the years without it.
   */
  | { kind: 'anniversary'; memberSince: string; calendar?: CalendarName };

export type RollingMonthsPolicy = Extract<WindowPolicy, { kind: 'rolling-months' }>;
export type PeriodPolicy = Exclude<WindowPolicy, RollingMonthsPolicy>;

/**
 * When a rolling window is reviewed: at local midnight starting `anchor` + k·`everyMonths` months
 * for every integer k (also before the anchor). Each date is computed from the anchor, not from
 * the previous review, so a monthly cadence anchored on 31 January reviews on 29 February,
 * 31 March, 30 April … and never drifts to the 28th. `calendar` (default 'gregorian') counts the
 * months: anchored on Nowruz with everyMonths 6, 'jalali' reviews every 1 Farvardin and 1 Mehr.
 * `anchor` is an ISO (Gregorian) date either way.
 */
export type ReviewCadence = { everyMonths: number; anchor: string; calendar?: CalendarName };

function assertPositiveInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
}

function windowBetween(startDate: string, endDate: string, timeZone: string): Window {
  return { start: instantAtLocalMidnight(startDate, timeZone), end: instantAtLocalMidnight(endDate, timeZone) };
}

/**
 * The qualification window containing `at`, evaluated in `timeZone`.
 *
 * rolling-months: ends at the end of `at`'s local day (the next local midnight) so all of today
 * counts, and starts at local midnight N months (clamped) before that end — the same relation a
 * yearly window has between its edges. As of 2024-03-30 a 1-month window is [02-29, 03-31).
 * Clamping keeps `start` non-decreasing as `at` moves forward.
 */
export function qualificationWindow(policy: WindowPolicy, at: Date, timeZone: string): Window {
  const today = localDateOf(at, timeZone);
  switch (policy.kind) {
    case 'rolling-months': {
      assertPositiveInteger(policy.months, 'rolling window months');
      const end = addDays(today, 1);
      return windowBetween(addMonthsClamped(end, -policy.months), end, timeZone);
    }
    case 'calendar-year': {
      const [y] = datePartsIn('gregorian', today);
      return windowBetween(formatYmd(y, 1, 1), formatYmd(y + 1, 1, 1), timeZone);
    }
    case 'jalali-year': {
      const [jy] = datePartsIn('jalali', today);
      return windowBetween(isoDateIn('jalali', jy, 1, 1), isoDateIn('jalali', jy + 1, 1, 1), timeZone);
    }
    case 'anniversary': {
      const calendar = policy.calendar ?? 'gregorian';
      const [, m, d] = datePartsIn(calendar, policy.memberSince);
      const [y] = datePartsIn(calendar, today);
      // The latest anniversary on or before today (ISO strings of 4-digit years sort as dates).
      const year = isoDateIn(calendar, y, m, d) <= today ? y : y - 1;
      return windowBetween(isoDateIn(calendar, year, m, d), isoDateIn(calendar, year + 1, m, d), timeZone);
    }
  }
}

/** The k-th review date of a cadence (k = 0 is the anchor). */
function reviewDate(cadence: ReviewCadence, k: number): string {
  const months = k * cadence.everyMonths;
  if ((cadence.calendar ?? 'gregorian') === 'gregorian') return addMonthsClamped(cadence.anchor, months);
  const { jy, jm, jd } = parseJalaliDate(addJalaliMonthsClamped(formatJalali(cadence.anchor), months));
  return isoDateIn('jalali', jy, jm, jd);
}

/**
 * The next review instant strictly after `at`.
 *
 * Year and anniversary windows are reviewed when they end: the end of the window containing `at`.
 * A rolling window has no natural end, so it needs a {@link ReviewCadence}: the review is the
 * first cadence midnight after `at`. Either way, the review at instant R judges the window that
 * ends at R, i.e. `qualificationWindow(policy, new Date(R.getTime() - 1), timeZone)`.
 */
export function nextReviewDate(policy: RollingMonthsPolicy, at: Date, timeZone: string, cadence: ReviewCadence): Date;
export function nextReviewDate(policy: PeriodPolicy, at: Date, timeZone: string): Date;
export function nextReviewDate(policy: WindowPolicy, at: Date, timeZone: string, cadence?: ReviewCadence): Date {
  if (policy.kind !== 'rolling-months') return qualificationWindow(policy, at, timeZone).end;
  assertPositiveInteger(policy.months, 'rolling window months');
  if (!cadence) throw new RangeError('a rolling-months window needs a review cadence');
  assertPositiveInteger(cadence.everyMonths, 'review cadence everyMonths');
  const calendar = cadence.calendar ?? 'gregorian';
  const t = epochMsOf(at);
  // Start from a cadence date at least one period before today, then step forward.
  const [ty, tm] = datePartsIn(calendar, localDateOf(at, timeZone));
  const [ay, am] = datePartsIn(calendar, cadence.anchor);
  let k = Math.floor((ty * 12 + tm - (ay * 12 + am)) / cadence.everyMonths) - 1;
  for (;;) {
    const review = instantAtLocalMidnight(reviewDate(cadence, k), timeZone);
    if (review.getTime() > t) return review;
    k += 1;
  }
}
