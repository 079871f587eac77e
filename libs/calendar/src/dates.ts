import {
  type CalendarName,
  dayNumberToGregorian,
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
 * Arithmetic on calendar dates in either calendar. Dates are Gregorian ISO strings
 * (`YYYY-MM-DD`) unless a name says Jalali; a (year, month, day) triple is in the calendar named
 * next to it.
 */

function ymdOf(isoDate: string): [number, number, number] {
  const { gy, gm, gd } = parseIsoDate(isoDate);
  return [gy, gm, gd];
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** The ISO date n (possibly negative) days after `isoDate`. */
export function addDays(isoDate: string, n: number): string {
  assertInteger(n, 'days');
  const { gy, gm, gd } = dayNumberToGregorian(gregorianToDayNumber(...ymdOf(isoDate)) + n);
  return formatYmd(gy, gm, gd);
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

/** The number of days of month m of year y in `calendar`. */
export function monthLength(calendar: CalendarName, y: number, m: number): number {
  return calendar === 'gregorian' ? gregorianMonthLength(y, m) : jalaliMonthLength(y, m);
}

/** The `calendar` year, month and day of an ISO date. */
export function datePartsIn(calendar: CalendarName, isoDate: string): [number, number, number] {
  if (calendar === 'gregorian') return ymdOf(isoDate);
  const { jy, jm, jd } = toJalali(...ymdOf(isoDate));
  return [jy, jm, jd];
}

/**
 * The ISO date of (y, m, d) in `calendar`, with d clamped to the month's length: ('jalali', 1403,
 * 12, 30) is Esfand 30 of leap 1403, ('jalali', 1404, 12, 30) is Esfand 29 of common 1404.
 */
export function isoDateIn(calendar: CalendarName, y: number, m: number, d: number): string {
  const day = Math.min(d, monthLength(calendar, y, m));
  if (calendar === 'gregorian') return formatYmd(y, m, day);
  const { gy, gm, gd } = toGregorian(y, m, day);
  return formatYmd(gy, gm, gd);
}
