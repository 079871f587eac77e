import { datePartsIn, isoDateIn } from './dates';
import type { CalendarName } from './jalali';
import { instantAtLocalMidnight, localDateOf, type Window } from './zone';

/**
 * Calendar months, quarters and years in either calendar. A Jalali quarter is three Jalali
 * months (Farvardin-Khordad is the first, i.e. spring from Nowruz); a Gregorian quarter starts
 * in January, April, July or October.
 */
export type PeriodUnit = 'month' | 'quarter' | 'year';

const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The period of `unit` in `calendar` containing an ISO date, as ISO dates: `start` is its first
 * day, `end` the first day of the next period (half-open). 1403-12-30 (2025-03-20) is in the
 * Jalali year [2024-03-20, 2025-03-21).
 */
export function periodDates(isoDate: string, unit: PeriodUnit, calendar: CalendarName): { start: string; end: string } {
  const [y, m] = datePartsIn(calendar, isoDate);
  const months = MONTHS[unit];
  const first = m - ((m - 1) % months);
  const next = y * 12 + (first - 1) + months;
  return {
    start: isoDateIn(calendar, y, first, 1),
    end: isoDateIn(calendar, Math.floor(next / 12), (next % 12) + 1, 1),
  };
}

/**
 * The period of `unit` in `calendar` containing an instant, read in `timeZone`: from the local
 * midnight its first day begins to the local midnight the next period begins (half-open), so the
 * last instant of the period is `end - 1 ms`.
 */
export function localPeriod(instant: Date, unit: PeriodUnit, calendar: CalendarName, timeZone: string): Window {
  const { start, end } = periodDates(localDateOf(instant, timeZone), unit, calendar);
  return { start: instantAtLocalMidnight(start, timeZone), end: instantAtLocalMidnight(end, timeZone) };
}
