import { dailyPassDate, scheduledReviewAt } from './schedule';

const TEHRAN = 'Asia/Tehran';

describe('scheduledReviewAt', () => {
  it.each([
    ['calendar year: 1 January local midnight', { kind: 'calendar-year' } as const, 'gregorian', '2026-11-23T10:00:00Z', '2025-12-31T20:30:00.000Z'],
    ['Jalali year: Nowruz (1405-01-01 = 2026-03-21) local midnight', { kind: 'jalali-year' } as const, 'jalali', '2026-11-23T10:00:00Z', '2026-03-20T20:30:00.000Z'],
    ['Jalali year just before Nowruz: still the previous Nowruz', { kind: 'jalali-year' } as const, 'jalali', '2026-03-20T20:29:59Z', '2025-03-20T20:30:00.000Z'],
    ['anniversary: today local midnight', { kind: 'anniversary' } as const, 'jalali', '2026-11-23T10:00:00Z', '2026-11-22T20:30:00.000Z'],
    ['rolling, Jalali calendar: 1 Azar 1405', { kind: 'rolling-months', months: 12 } as const, 'jalali', '2026-11-23T10:00:00Z', '2026-11-21T20:30:00.000Z'],
    ['rolling, Gregorian calendar: 1 November', { kind: 'rolling-months', months: 12 } as const, 'gregorian', '2026-11-23T10:00:00Z', '2026-10-31T20:30:00.000Z'],
  ])('%s', (_, window, calendar, now, expected) => {
    expect(scheduledReviewAt(window, calendar as 'jalali' | 'gregorian', new Date(now), TEHRAN).toISOString()).toBe(expected);
  });

  it('uses the offset Tehran had then: +04:30 in the summer of 2022 (DST began after 1 Farvardin, whose midnight is +03:30)', () => {
    expect(scheduledReviewAt({ kind: 'anniversary' }, 'jalali', new Date('2022-06-01T06:00:00Z'), TEHRAN).toISOString()).toBe('2022-05-31T19:30:00.000Z');
    expect(scheduledReviewAt({ kind: 'jalali-year' }, 'jalali', new Date('2022-06-01T00:00:00Z'), TEHRAN).toISOString()).toBe('2022-03-20T20:30:00.000Z');
  });
});

describe('dailyPassDate', () => {
  it('is the local date from the configured hour on, null before', () => {
    expect(dailyPassDate(new Date('2026-11-22T22:00:00Z'), TEHRAN, 2)).toBe(null); // 01:30 local
    expect(dailyPassDate(new Date('2026-11-22T22:30:00Z'), TEHRAN, 2)).toBe('2026-11-23'); // 02:00 local
    expect(dailyPassDate(new Date('2026-11-23T20:29:00Z'), TEHRAN, 2)).toBe('2026-11-23'); // 23:59 local
    expect(dailyPassDate(new Date('2026-11-23T20:30:00Z'), TEHRAN, 0)).toBe('2026-11-24');
  });
});
