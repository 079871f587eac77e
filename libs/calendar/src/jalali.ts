/**
 * The Jalali (Solar Hijri) calendar, Iran's civil calendar.
 *
 * Conversions are pure integer arithmetic: the Jalali side uses the leap-year rule of the
 * algorithm popularised by jalaali-js (K. M. Borkowski's 33-year cycles, corrected at a list of
 * "break" years so it agrees with the astronomical calendar), the Gregorian side is the
 * proleptic Gregorian calendar, and both meet at a day number (days since 1970-01-01). Valid for
 * Jalali years 1-3177 (Gregorian 622-03-22 … 3799-03-19). Intl's `persian` calendar is used only
 * as an oracle in the tests.
 *
 * Dates cross service boundaries as Gregorian ISO strings (`YYYY-MM-DD`); Jalali dates are
 * rendered with the same `YYYY-MM-DD` shape when a caller asks for them.
 */

export type JalaliDate = { jy: number; jm: number; jd: number };
export type GregorianDate = { gy: number; gm: number; gd: number };
export type CalendarName = 'jalali' | 'gregorian';

export const MIN_JALALI_YEAR = 1;
export const MAX_JALALI_YEAR = 3177;

export const JALALI_MONTH_NAMES = [
  'Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar',
  'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand',
] as const;

export const GREGORIAN_MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * Jalali years at which the 33-year cycle is re-phased (jalaali-js `breaks`); the last entry is
 * the first unsupported year. Between two breaks leap years follow the 33-year pattern.
 */
const BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];

const div = (a: number, b: number) => Math.trunc(a / b);
const mod = (a: number, b: number) => a - Math.trunc(a / b) * b;

function assertJalaliYear(jy: number): void {
  if (!Number.isInteger(jy) || jy < MIN_JALALI_YEAR || jy > MAX_JALALI_YEAR) {
    throw new RangeError(`Jalali year ${jy} is outside the supported range ${MIN_JALALI_YEAR}-${MAX_JALALI_YEAR}`);
  }
}

/**
 * Where Jalali year `jy` starts and whether it is leap: `march` is the day of March (Gregorian
 * year jy + 621) on which 1 Farvardin falls; `leap` is true when Esfand has 30 days.
 */
function jalaliYearInfo(jy: number): { gy: number; march: number; leap: boolean } {
  assertJalaliYear(jy);
  const gy = jy + 621;
  // Count Jalali leap years from the first break up to the start of jy.
  let leapJ = -14;
  let jp = BREAKS[0];
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i += 1) {
    const jm = BREAKS[i];
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp; // years since the last break
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  // … and the Gregorian leap days up to gy; the difference moves Nowruz around 20-21 March.
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  // Years since the last leap year; 0 means jy itself is leap.
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { gy, march, leap: leap === 0 };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function gregorianToDayNumber(gy: number, gm: number, gd: number): number {
  const y = gm <= 2 ? gy - 1 : gy;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (gm + (gm > 2 ? -3 : 9)) + 2) / 5) + gd - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link gregorianToDayNumber} (H. Hinnant's civil_from_days). */
export function dayNumberToGregorian(days: number): GregorianDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const gd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const gm = mp < 10 ? mp + 3 : mp - 9;
  return { gy: yoe + era * 400 + (gm <= 2 ? 1 : 0), gm, gd };
}

export function isGregorianLeapYear(gy: number): boolean {
  return (gy % 4 === 0 && gy % 100 !== 0) || gy % 400 === 0;
}

export function gregorianMonthLength(gy: number, gm: number): number {
  if (gm === 2) return isGregorianLeapYear(gy) ? 29 : 28;
  return [4, 6, 9, 11].includes(gm) ? 30 : 31;
}

export function isValidGregorianDate(gy: number, gm: number, gd: number): boolean {
  return [gy, gm, gd].every(Number.isInteger) && gm >= 1 && gm <= 12 && gd >= 1 && gd <= gregorianMonthLength(gy, gm);
}

export function isJalaliLeapYear(jy: number): boolean {
  return jalaliYearInfo(jy).leap;
}

/** Farvardin-Shahrivar have 31 days, Mehr-Bahman 30, Esfand 29 (30 in a leap year). */
export function jalaliMonthLength(jy: number, jm: number): number {
  if (!Number.isInteger(jm) || jm < 1 || jm > 12) throw new RangeError(`Jalali month ${jm} does not exist`);
  if (jm <= 6) return 31;
  if (jm <= 11) return 30;
  return isJalaliLeapYear(jy) ? 30 : 29;
}

export function isValidJalaliDate(jy: number, jm: number, jd: number): boolean {
  return (
    [jy, jm, jd].every(Number.isInteger) &&
    jy >= MIN_JALALI_YEAR && jy <= MAX_JALALI_YEAR &&
    jm >= 1 && jm <= 12 &&
    jd >= 1 && jd <= jalaliMonthLength(jy, jm)
  );
}

/** Days since 1970-01-01 of a Jalali date. */
export function jalaliToDayNumber(jy: number, jm: number, jd: number): number {
  if (!isValidJalaliDate(jy, jm, jd)) throw new RangeError(`${jy}-${jm}-${jd} is not a valid Jalali date`);
  const { gy, march } = jalaliYearInfo(jy);
  // Months 1-6 have 31 days, 7-12 have 30 (Esfand's length only matters for validation).
  const dayOfYear = jm <= 7 ? (jm - 1) * 31 : 186 + (jm - 7) * 30;
  return gregorianToDayNumber(gy, 3, march) + dayOfYear + jd - 1;
}

/** Inverse of {@link jalaliToDayNumber}. */
export function dayNumberToJalali(days: number): JalaliDate {
  if (!Number.isInteger(days)) throw new RangeError(`day number must be an integer, got ${days}`);
  if (days < FIRST_SUPPORTED_DAY || days > LAST_SUPPORTED_DAY) {
    const g = dayNumberToGregorian(days);
    throw new RangeError(`${formatYmd(g.gy, g.gm, g.gd)} is outside the supported range ${SUPPORTED_RANGE}`);
  }
  let jy = dayNumberToGregorian(days).gy - 621;
  // Before Nowruz the Gregorian year still belongs to the previous Jalali year.
  if (jy > MAX_JALALI_YEAR || days < jalaliToDayNumber(jy, 1, 1)) jy -= 1;
  const k = days - jalaliToDayNumber(jy, 1, 1);
  if (k < 186) return { jy, jm: 1 + Math.floor(k / 31), jd: 1 + (k % 31) };
  return { jy, jm: 7 + Math.floor((k - 186) / 30), jd: 1 + ((k - 186) % 30) };
}

export function toJalali(gy: number, gm: number, gd: number): JalaliDate {
  if (!isValidGregorianDate(gy, gm, gd)) throw new RangeError(`${gy}-${gm}-${gd} is not a valid Gregorian date`);
  return dayNumberToJalali(gregorianToDayNumber(gy, gm, gd));
}

export function toGregorian(jy: number, jm: number, jd: number): GregorianDate {
  return dayNumberToGregorian(jalaliToDayNumber(jy, jm, jd));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` for a year-month-day triple in any calendar. */
export function formatYmd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Day numbers of 1 Farvardin 1 and of the last day of 3177 (0622-03-22 and 3799-03-19). */
export const FIRST_SUPPORTED_DAY = jalaliToDayNumber(MIN_JALALI_YEAR, 1, 1);
export const LAST_SUPPORTED_DAY = jalaliToDayNumber(MAX_JALALI_YEAR, 12, jalaliMonthLength(MAX_JALALI_YEAR, 12));
/** The supported range as text, for error messages: `0622-03-22..3799-03-19`. */
export const SUPPORTED_RANGE = `${formatIsoDay(FIRST_SUPPORTED_DAY)}..${formatIsoDay(LAST_SUPPORTED_DAY)}`;

function formatIsoDay(day: number): string {
  const g = dayNumberToGregorian(day);
  return formatYmd(g.gy, g.gm, g.gd);
}

/** Splits a strict `YYYY-MM-DD` string (no validation of the day against the month). */
function splitYmd(s: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Parses a strict Gregorian ISO date (`YYYY-MM-DD`); throws a RangeError on anything else. */
export function parseIsoDate(iso: string): GregorianDate {
  const parts = splitYmd(iso);
  if (!parts || !isValidGregorianDate(...parts)) throw new RangeError(`${JSON.stringify(iso)} is not a valid ISO date (YYYY-MM-DD)`);
  return { gy: parts[0], gm: parts[1], gd: parts[2] };
}

/** Parses a strict Jalali `YYYY-MM-DD` string; throws a RangeError on anything else. */
export function parseJalaliDate(s: string): JalaliDate {
  const parts = splitYmd(s);
  if (!parts || !isValidJalaliDate(...parts)) throw new RangeError(`${JSON.stringify(s)} is not a valid Jalali date (YYYY-MM-DD)`);
  return { jy: parts[0], jm: parts[1], jd: parts[2] };
}

/** The Jalali rendering (`YYYY-MM-DD`) of a Gregorian ISO date. */
export function formatJalali(isoDate: string): string {
  const { gy, gm, gd } = parseIsoDate(isoDate);
  const { jy, jm, jd } = toJalali(gy, gm, gd);
  return formatYmd(jy, jm, jd);
}

/** A date in both calendars, as members' birth dates are returned. */
export function bothCalendars(isoDate: string): { gregorian: string; jalali: string } {
  const { gy, gm, gd } = parseIsoDate(isoDate);
  return { gregorian: formatYmd(gy, gm, gd), jalali: formatJalali(isoDate) };
}
