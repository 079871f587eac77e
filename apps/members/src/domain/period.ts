import {
  type CalendarName,
  dayNumberToGregorian,
  formatJalali,
  formatYmd,
  gregorianMonthLength,
  gregorianToDayNumber,
  jalaliMonthLength,
  parseIsoDate,
  parseJalaliDate,
  toGregorian,
  toJalali,
} from './jalali';

/**
 * Tier qualification windows and review dates, in a tenant's IANA time zone.
 *
 * A window is a half-open range of instants [start, end). Its edges are always the start of a
 * local calendar day in the tenant's zone ("local midnight"), found through Intl's copy of the
 * IANA database, so historical rules apply: Asia/Tehran was +03:30/+04:30 with daylight saving
 * until 2022, and in those years the clocks jumped from 00:00 to 01:00 on the day after
 * 1 Farvardin — that day has no midnight and begins at 01:00.
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

/** Half-open: `start <= t < end`. */
export type Window = { start: Date; end: Date };

/**
 * When a rolling window is reviewed: at local midnight starting `anchor` + k·`everyMonths` months
 * for every integer k (also before the anchor). Each date is computed from the anchor, not from
 * the previous review, so a monthly cadence anchored on 31 January reviews on 29 February,
 * 31 March, 30 April … and never drifts to the 28th. `calendar` (default 'gregorian') counts the
 * months: anchored on Nowruz with everyMonths 6, 'jalali' reviews every 1 Farvardin and 1 Mehr.
 * `anchor` is an ISO (Gregorian) date either way.
 */
export type ReviewCadence = { everyMonths: number; anchor: string; calendar?: CalendarName };

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (creating them is the slow part); throws a RangeError on an unknown zone. */
function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock reading of an instant, as milliseconds of a UTC clock showing the same. */
function wallClockMs(epochMs: number, timeZone: string): number {
  const parts = wallClockFormatter(timeZone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const day = gregorianToDayNumber(part('year'), part('month'), part('day'));
  const ms = ((epochMs % 1000) + 1000) % 1000; // Intl shows whole seconds
  return day * DAY_MS + ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + ms;
}

function epochMsOf(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return t;
}

function addDays(isoDate: string, n: number): string {
  const { gy, gm, gd } = dayNumberToGregorian(gregorianToDayNumber(...ymdOf(isoDate)) + n);
  return formatYmd(gy, gm, gd);
}

function ymdOf(isoDate: string): [number, number, number] {
  const { gy, gm, gd } = parseIsoDate(isoDate);
  return [gy, gm, gd];
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const { gy, gm, gd } = dayNumberToGregorian(Math.floor(wallClockMs(epochMsOf(instant), timeZone) / DAY_MS));
  return formatYmd(gy, gm, gd);
}

/**
 * The instant a local date begins: normally its 00:00. When the clocks jump over midnight (Tehran
 * before 2022, São Paulo before 2019) it is the transition instant, when the clock first shows
 * that date (01:00). When midnight happens twice, the earlier. When the date was skipped
 * altogether (Pacific/Apia, 2011-12-30), the start of the next date — a day of zero length.
 */
export function instantAtLocalMidnight(isoDate: string, timeZone: string): Date {
  const midnight = gregorianToDayNumber(...ymdOf(isoDate)) * DAY_MS; // as read on a UTC clock
  const wall = (t: number) => wallClockMs(t, timeZone);
  // Offsets on either side of the date; assumes at most one transition within a day of midnight.
  const before = wall(midnight - DAY_MS) - (midnight - DAY_MS);
  const after = wall(midnight + DAY_MS) - (midnight + DAY_MS);
  const exact = [midnight - before, midnight - after].filter((t) => wall(t) === midnight);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // Midnight fell in a gap (before < after): find the first instant that reads ≥ midnight.
  let lo = midnight - after; // reads before midnight
  let hi = midnight - before; // reads after midnight
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wall(mid) >= midnight) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The instant the local day containing `instant` began. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  return instantAtLocalMidnight(localDateOf(instant, timeZone), timeZone);
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

function assertPositiveInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
}

/**
 * Adds n (possibly negative) calendar months to an ISO date, keeping the day of month but never
 * overflowing into the following month: 01-31 + 1 month is 02-29 in a leap year, 02-28 otherwise.
 */
export function addMonthsClamped(isoDate: string, n: number): string {
  assertInteger(n, 'months');
  const [y, m, d] = ymdOf(isoDate);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatYmd(year, month, Math.min(d, gregorianMonthLength(year, month)));
}

/**
 * The same for a Jalali date written `YYYY-MM-DD` (the result is Jalali too): Shahrivar 31 +
 * 1 month is Mehr 30; Bahman 30 + 1 month is Esfand 29 in a common year, Esfand 30 in a leap one.
 */
export function addJalaliMonthsClamped(isoJalaliDate: string, n: number): string {
  assertInteger(n, 'months');
  const { jy, jm, jd } = parseJalaliDate(isoJalaliDate);
  const index = jy * 12 + (jm - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatYmd(year, month, Math.min(jd, jalaliMonthLength(year, month)));
}

/** Gregorian ISO date of a Jalali one. */
function isoOfJalali(jy: number, jm: number, jd: number): string {
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return formatYmd(gy, gm, gd);
}

/** The `calendar` year, month and day of an ISO date. */
function ymdIn(calendar: CalendarName, isoDate: string): [number, number, number] {
  if (calendar === 'gregorian') return ymdOf(isoDate);
  const { jy, jm, jd } = toJalali(...ymdOf(isoDate));
  return [jy, jm, jd];
}

/** The ISO date of (y, m, d) in `calendar`, with d clamped to the month's length. */
function isoClamped(calendar: CalendarName, y: number, m: number, d: number): string {
  return calendar === 'gregorian'
    ? formatYmd(y, m, Math.min(d, gregorianMonthLength(y, m)))
    : isoOfJalali(y, m, Math.min(d, jalaliMonthLength(y, m)));
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
      const [y] = ymdOf(today);
      return windowBetween(formatYmd(y, 1, 1), formatYmd(y + 1, 1, 1), timeZone);
    }
    case 'jalali-year': {
      const [jy] = ymdIn('jalali', today);
      return windowBetween(isoOfJalali(jy, 1, 1), isoOfJalali(jy + 1, 1, 1), timeZone);
    }
    case 'anniversary': {
      const calendar = policy.calendar ?? 'gregorian';
      const [, m, d] = ymdIn(calendar, policy.memberSince);
      const [y] = ymdIn(calendar, today);
      // The latest anniversary on or before today (ISO strings of 4-digit years sort as dates).
      const year = isoClamped(calendar, y, m, d) <= today ? y : y - 1;
      return windowBetween(isoClamped(calendar, year, m, d), isoClamped(calendar, year + 1, m, d), timeZone);
    }
  }
}

/** The k-th review date of a cadence (k = 0 is the anchor). */
function reviewDate(cadence: ReviewCadence, k: number): string {
  const months = k * cadence.everyMonths;
  if ((cadence.calendar ?? 'gregorian') === 'gregorian') return addMonthsClamped(cadence.anchor, months);
  const { jy, jm, jd } = parseJalaliDate(addJalaliMonthsClamped(formatJalali(cadence.anchor), months));
  return isoOfJalali(jy, jm, jd);
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
  const [ty, tm] = ymdIn(calendar, localDateOf(at, timeZone));
  const [ay, am] = ymdIn(calendar, cadence.anchor);
  let k = Math.floor((ty * 12 + tm - (ay * 12 + am)) / cadence.everyMonths) - 1;
  for (;;) {
    const review = instantAtLocalMidnight(reviewDate(cadence, k), timeZone);
    if (review.getTime() > t) return review;
    k += 1;
  }
}
