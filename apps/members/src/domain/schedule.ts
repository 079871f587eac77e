import { localDateOf, localDateTimeOf, localPeriod, startOfLocalDay, type CalendarName } from '@club/calendar';
import type { LadderWindow } from './tier-program';

/**
 * When the scheduler runs the tier review: the latest scheduled review instant at or before
 * `now`, in the club's time zone. A review at R judges, per member, the last window completed by
 * R (and each window once), so scheduling is about when judgements happen:
 * - calendar or Jalali year: when the year ends (1 January / Nowruz, local midnight);
 * - anniversary: every local midnight (each member is judged the day their own year ends);
 * - rolling N months: at the start of every month of the club's calendar.
 */
export function scheduledReviewAt(window: LadderWindow, calendar: CalendarName, now: Date, timeZone: string): Date {
  switch (window.kind) {
    case 'calendar-year':
      return localPeriod(now, 'year', 'gregorian', timeZone).start;
    case 'jalali-year':
      return localPeriod(now, 'year', 'jalali', timeZone).start;
    case 'anniversary':
      return startOfLocalDay(now, timeZone);
    case 'rolling-months':
      return localPeriod(now, 'month', calendar, timeZone).start;
  }
}

/**
 * The club-local date whose daily passes (journey, scores, then segments) are due at `now`, or
 * null before `hour` o'clock local time (passes run in the quiet hours, after the day's
 * purchases are in).
 */
export function dailyPassDate(now: Date, timeZone: string, hour: number): string | null {
  return localDateTimeOf(now, timeZone).hour >= hour ? localDateOf(now, timeZone) : null;
}
