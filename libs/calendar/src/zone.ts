import { dayNumberToGregorian, formatYmd, gregorianToDayNumber, parseIsoDate } from './jalali';

/**
 * Local dates and times of instants in an IANA time zone, through Intl's copy of the IANA
 * database, so historical rules apply: Asia/Tehran was +03:30/+04:30 with daylight saving until
 * 2022, and in those years the clocks jumped from 00:00 to 01:00 on the day after 1 Farvardin —
 * that day has no midnight and begins at 01:00.
 *
 * Dates are Gregorian ISO strings (`YYYY-MM-DD`).
 */

/** Half-open: `start <= t < end`. */
export type Window = { start: Date; end: Date };

/** A local wall-clock reading: the ISO date and the time of day (ms is 0-999). */
export type LocalDateTime = { date: string; hour: number; minute: number; second: number; ms: number };

export const DAY_MS = 86_400_000;

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

/** The epoch milliseconds of a Date; throws a RangeError on an invalid Date. */
export function epochMsOf(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return t;
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

/** The local date and time of day an instant shows on a wall clock in a zone. */
export function localDateTimeOf(instant: Date, timeZone: string): LocalDateTime {
  const wall = wallClockMs(epochMsOf(instant), timeZone);
  const day = Math.floor(wall / DAY_MS);
  const { gy, gm, gd } = dayNumberToGregorian(day);
  const msOfDay = wall - day * DAY_MS;
  return {
    date: formatYmd(gy, gm, gd),
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor(msOfDay / 60_000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
    ms: msOfDay % 1000,
  };
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
