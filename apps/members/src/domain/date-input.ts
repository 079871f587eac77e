import {
  type CalendarName,
  FIRST_SUPPORTED_DAY,
  formatYmd,
  GREGORIAN_MONTH_NAMES,
  gregorianMonthLength,
  gregorianToDayNumber,
  JALALI_MONTH_NAMES,
  jalaliMonthLength,
  LAST_SUPPORTED_DAY,
  MAX_JALALI_YEAR,
  MIN_JALALI_YEAR,
  SUPPORTED_RANGE,
  toGregorian,
} from '@club/calendar';
import { normaliseDigits } from './digits';

export type DateInput = string | { calendar: CalendarName; date: string };
export type ParseDateResult = { ok: true; iso: string } | { ok: false; reason: string };

/**
 * Reads a date typed by a person or sent by a client. A bare string is read in
 * `defaultCalendar` (the tenant's choice); an object names its calendar. The string is
 * `YYYY-MM-DD` or `YYYY/MM/DD` (one- or two-digit month and day), in ASCII, Persian or Arabic
 * digits, surrounding blanks ignored. The result is always the Gregorian ISO date.
 */
export function parseDateInput(input: DateInput, defaultCalendar: CalendarName): ParseDateResult {
  const { calendar, date } = typeof input === 'string' ? { calendar: defaultCalendar, date: input } : input;
  if (calendar !== 'jalali' && calendar !== 'gregorian') {
    return { ok: false, reason: `unknown calendar ${JSON.stringify(calendar)}: expected "jalali" or "gregorian"` };
  }
  if (typeof date !== 'string') return { ok: false, reason: 'date must be a string' };
  const text = normaliseDigits(date).trim();
  const m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (!m) return { ok: false, reason: `${JSON.stringify(date)} is not a date: expected YYYY-MM-DD or YYYY/MM/DD` };
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const shown = formatYmd(y, mo, d);

  if (calendar === 'jalali') {
    if (y < MIN_JALALI_YEAR || y > MAX_JALALI_YEAR) {
      return { ok: false, reason: `Jalali year ${y} is outside the supported range ${MIN_JALALI_YEAR}-${MAX_JALALI_YEAR}` };
    }
    if (mo < 1 || mo > 12) return { ok: false, reason: `${shown} does not exist: a Jalali year has months 1-12` };
    const length = jalaliMonthLength(y, mo);
    if (d < 1 || d > length) {
      return { ok: false, reason: `${shown} does not exist: ${JALALI_MONTH_NAMES[mo - 1]} ${y} has ${length} days` };
    }
    const g = toGregorian(y, mo, d);
    return { ok: true, iso: formatYmd(g.gy, g.gm, g.gd) };
  }

  if (mo < 1 || mo > 12) return { ok: false, reason: `${shown} does not exist: a Gregorian year has months 1-12` };
  const length = gregorianMonthLength(y, mo);
  if (d < 1 || d > length) {
    return { ok: false, reason: `${shown} does not exist: ${GREGORIAN_MONTH_NAMES[mo - 1]} ${y} has ${length} days` };
  }
  const day = gregorianToDayNumber(y, mo, d);
  if (day < FIRST_SUPPORTED_DAY || day > LAST_SUPPORTED_DAY) return { ok: false, reason: `${shown} is outside the supported range ${SUPPORTED_RANGE}` };
  return { ok: true, iso: shown };
}
