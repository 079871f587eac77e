import fc from 'fast-check';
import { dayNumberToGregorian, formatJalali, gregorianToDayNumber, isJalaliLeapYear, parseIsoDate } from './jalali';
import {
  addJalaliMonthsClamped,
  addMonthsClamped,
  DEFAULT_TIME_ZONE,
  instantAtLocalMidnight,
  localDateOf,
  nextReviewDate,
  type PeriodPolicy,
  qualificationWindow,
  type ReviewCadence,
  startOfLocalDay,
  type WindowPolicy,
} from './period';

const TEHRAN = DEFAULT_TIME_ZONE;
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);
const ms = (d: Date) => d.getTime();
const justBefore = (d: Date) => new Date(d.getTime() - 1);
const win = (start: string, end: string) => ({ start: at(start), end: at(end) });
const isoOfDay = (day: number) => {
  const { gy, gm, gd } = dayNumberToGregorian(day);
  return `${gy}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`;
};
const dayOf = (iso: string) => {
  const { gy, gm, gd } = parseIsoDate(iso);
  return gregorianToDayNumber(gy, gm, gd);
};

/** Zones with the awkward cases: midnight gaps, half-hour offsets and DST, a skipped day, the far east and west. */
const ZONES = [
  TEHRAN,
  BERLIN,
  'UTC',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2090, 0, 1) }).map((t) => new Date(t));
const isoDate = fc.integer({ min: dayOf('1975-01-01'), max: dayOf('2090-01-01') }).map(isoOfDay);

describe('instantAtLocalMidnight', () => {
  // Offsets checked with Intl (node 24, ICU 78, tzdata 2026c).
  it.each([
    [TEHRAN, '2024-03-20', '2024-03-19T20:30:00Z', '1403 Nowruz, +03:30 (no DST since 2022)'],
    [TEHRAN, '2020-03-20', '2020-03-19T20:30:00Z', '1399 Nowruz, still +03:30'],
    [TEHRAN, '2020-03-21', '2020-03-20T20:30:00Z', '2 Farvardin 1399: 00:00 → 01:00 +04:30, the day starts at 01:00'],
    [TEHRAN, '2022-03-22', '2022-03-21T20:30:00Z', '2 Farvardin 1401, the last DST start'],
    [TEHRAN, '2020-09-20', '2020-09-19T19:30:00Z', '30 Shahrivar 1399, +04:30 (23:00-24:00 happens twice that night)'],
    [TEHRAN, '2020-09-21', '2020-09-20T20:30:00Z', '31 Shahrivar 1399, +03:30 again'],
    [TEHRAN, '1980-03-21', '1980-03-20T20:30:00Z', 'Nowruz 1359: DST began at Nowruz midnight itself'],
    [TEHRAN, '1930-01-01', '1929-12-31T20:34:16Z', 'local mean time, +03:25:44'],
    [BERLIN, '2024-01-01', '2023-12-31T23:00:00Z', 'CET'],
    [BERLIN, '2024-03-31', '2024-03-30T23:00:00Z', 'the DST day starts in CET'],
    [BERLIN, '2024-04-01', '2024-03-31T22:00:00Z', 'the day after in CEST'],
    [BERLIN, '2024-10-28', '2024-10-27T23:00:00Z', 'back to CET'],
    ['America/Sao_Paulo', '2018-11-04', '2018-11-04T03:00:00Z', 'midnight skipped, the day starts at 01:00 -02:00'],
    ['America/Sao_Paulo', '2018-02-18', '2018-02-18T03:00:00Z', '23:00-24:00 of the 17th repeated, then midnight once'],
    ['Pacific/Apia', '2011-12-29', '2011-12-29T10:00:00Z', 'the last day before the date line moved'],
    ['Pacific/Apia', '2011-12-30', '2011-12-30T10:00:00Z', 'skipped entirely: zero length, starts when the 31st does'],
    ['Pacific/Apia', '2011-12-31', '2011-12-30T10:00:00Z', 'the first day at +14:00'],
    ['UTC', '2024-02-29', '2024-02-29T00:00:00Z', 'UTC'],
  ])('%s %s begins at %s (%s)', (tz, date, expected) => {
    expect(instantAtLocalMidnight(date, tz)).toEqual(at(expected));
  });

  it('rejects a bad date or zone', () => {
    expect(() => instantAtLocalMidnight('2023-02-29', TEHRAN)).toThrow(RangeError);
    expect(() => instantAtLocalMidnight('2024-03-20', 'Asia/Nowhere')).toThrow(RangeError);
    expect(() => localDateOf(new Date(NaN), TEHRAN)).toThrow(RangeError);
  });

  it('is the first instant showing that date (property)', () => {
    fc.assert(
      fc.property(isoDate, zone, (date, tz) => {
        const start = instantAtLocalMidnight(date, tz);
        expect(localDateOf(justBefore(start), tz) < date).toBe(true);
        // Only a skipped date (Apia 2011-12-30) is never shown; its start is the next date's.
        const shown = localDateOf(start, tz);
        expect(shown === date || instantAtLocalMidnight(shown, tz).getTime() === start.getTime()).toBe(true);
        expect(ms(instantAtLocalMidnight(isoOfDay(dayOf(date) + 1), tz))).toBeGreaterThanOrEqual(ms(start));
      }),
      { numRuns: 500 },
    );
  });
});

describe('localDateOf / startOfLocalDay', () => {
  it.each([
    ['2024-03-19T20:29:59.999Z', TEHRAN, '2024-03-19'],
    ['2024-03-19T20:30:00.000Z', TEHRAN, '2024-03-20'],
    ['2024-03-19T23:30:00.000Z', BERLIN, '2024-03-20'],
    ['2024-03-19T23:30:00.000Z', 'America/New_York', '2024-03-19'],
  ])('%s in %s is %s', (t, tz, date) => {
    expect(localDateOf(at(t), tz)).toBe(date);
  });

  it('starts the day of the instant no later than the instant (property)', () => {
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const start = startOfLocalDay(t, tz);
        expect(ms(start)).toBeLessThanOrEqual(ms(t));
        expect(localDateOf(start, tz)).toBe(localDateOf(t, tz));
        expect(localDateOf(justBefore(start), tz) < localDateOf(t, tz)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('addMonthsClamped', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-31', 1, '2024-06-30'],
    ['2024-08-31', -6, '2024-02-29'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-01-31', 0, '2024-01-31'],
    ['2024-10-31', -8, '2024-02-29'],
  ])('%s %d months = %s', (date, n, expected) => {
    expect(addMonthsClamped(date, n)).toBe(expected);
  });

  it('rejects a fractional month count or a bad date', () => {
    expect(() => addMonthsClamped('2024-01-31', 1.5)).toThrow(RangeError);
    expect(() => addMonthsClamped('2024-02-30', 1)).toThrow(RangeError);
  });

  it('moves the month by exactly n, keeps the day unless the month is too short, and preserves order', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -400, max: 400 }), (a, b, n) => {
        const { gy, gm, gd } = parseIsoDate(a);
        const r = parseIsoDate(addMonthsClamped(a, n));
        expect(r.gy * 12 + r.gm).toBe(gy * 12 + gm + n);
        const lastDay = new Date(Date.UTC(r.gy, r.gm, 0)).getUTCDate();
        expect(r.gd).toBe(Math.min(gd, lastDay));
        if (a <= b) expect(addMonthsClamped(a, n) <= addMonthsClamped(b, n)).toBe(true);
      }),
    );
  });
});

describe('addJalaliMonthsClamped', () => {
  it.each([
    ['1403-06-31', 1, '1403-07-30', 'Shahrivar 31 → Mehr 30'],
    ['1402-11-30', 1, '1402-12-29', 'Bahman 30 → Esfand 29 in common 1402'],
    ['1403-11-30', 1, '1403-12-30', 'Bahman 30 → Esfand 30 in leap 1403'],
    ['1403-12-30', 12, '1404-12-29', 'Esfand 30 → Esfand 29 a year later'],
    ['1403-12-30', 1, '1404-01-30', 'into the new year'],
    ['1404-01-31', -1, '1403-12-30', 'back into a leap Esfand'],
    ['1401-01-31', -1, '1400-12-29', 'back into a common Esfand'],
    ['1402-06-31', 6, '1402-12-29', 'half a year from Shahrivar 31'],
    ['1403-01-01', -12, '1402-01-01', 'a year back'],
  ])('%s %d months = %s (%s)', (date, n, expected) => {
    expect(addJalaliMonthsClamped(date, n)).toBe(expected);
  });

  it('rejects a date that does not exist', () => {
    expect(() => addJalaliMonthsClamped('1402-12-30', 1)).toThrow(RangeError);
  });
});

describe('qualificationWindow', () => {
  it.each<[string, WindowPolicy, string, string, { start: Date; end: Date }]>([
    // Jalali year in Tehran around Nowruz.
    ['last ms of 1402', { kind: 'jalali-year' }, TEHRAN, '2024-03-19T20:29:59.999Z', win('2023-03-20T20:30:00Z', '2024-03-19T20:30:00Z')],
    ['Nowruz 1403 00:00 +03:30', { kind: 'jalali-year' }, TEHRAN, '2024-03-19T20:30:00Z', win('2024-03-19T20:30:00Z', '2025-03-20T20:30:00Z')],
    ['Esfand 30 1403 (leap) is still 1403', { kind: 'jalali-year' }, TEHRAN, '2025-03-20T12:00:00Z', win('2024-03-19T20:30:00Z', '2025-03-20T20:30:00Z')],
    ['Esfand 29 1400 (common) is the last day', { kind: 'jalali-year' }, TEHRAN, '2022-03-20T20:29:59.999Z', win('2021-03-20T20:30:00Z', '2022-03-20T20:30:00Z')],
    ['Esfand 30 1399 (leap)', { kind: 'jalali-year' }, TEHRAN, '2021-03-20T12:00:00Z', win('2020-03-19T20:30:00Z', '2021-03-20T20:30:00Z')],
    ['last ms of 1398', { kind: 'jalali-year' }, TEHRAN, '2020-03-19T20:29:59.999Z', win('2019-03-20T20:30:00Z', '2020-03-19T20:30:00Z')],
    ['Nowruz 1399, DST year', { kind: 'jalali-year' }, TEHRAN, '2020-03-19T20:30:00Z', win('2020-03-19T20:30:00Z', '2021-03-20T20:30:00Z')],
    ['2 Farvardin 1399 01:00 +04:30 (after the gap)', { kind: 'jalali-year' }, TEHRAN, '2020-03-20T20:30:00Z', win('2020-03-19T20:30:00Z', '2021-03-20T20:30:00Z')],
    ['Nowruz 1359 began at 01:00 +04:30', { kind: 'jalali-year' }, TEHRAN, '1980-03-20T20:30:00Z', win('1980-03-20T20:30:00Z', '1981-03-20T20:30:00Z')],
    // Calendar years.
    ['Berlin summer', { kind: 'calendar-year' }, BERLIN, '2024-07-01T12:00:00Z', win('2023-12-31T23:00:00Z', '2024-12-31T23:00:00Z')],
    ['Berlin, just before New Year', { kind: 'calendar-year' }, BERLIN, '2024-12-31T22:59:59.999Z', win('2023-12-31T23:00:00Z', '2024-12-31T23:00:00Z')],
    ['Berlin New Year', { kind: 'calendar-year' }, BERLIN, '2024-12-31T23:00:00Z', win('2024-12-31T23:00:00Z', '2025-12-31T23:00:00Z')],
    ['Tehran', { kind: 'calendar-year' }, TEHRAN, '2024-06-01T00:00:00Z', win('2023-12-31T20:30:00Z', '2024-12-31T20:30:00Z')],
    // Rolling windows: whole local days, ending with today.
    ['1 month as of 2024-03-30', { kind: 'rolling-months', months: 1 }, TEHRAN, '2024-03-30T08:30:00Z', win('2024-02-28T20:30:00Z', '2024-03-30T20:30:00Z')],
    ['1 month as of 2024-03-31', { kind: 'rolling-months', months: 1 }, TEHRAN, '2024-03-31T08:30:00Z', win('2024-02-29T20:30:00Z', '2024-03-31T20:30:00Z')],
    ['12 months across DST in Berlin', { kind: 'rolling-months', months: 12 }, BERLIN, '2024-07-15T10:00:00Z', win('2023-07-15T22:00:00Z', '2024-07-15T22:00:00Z')],
    ['6 months, winter to summer in Berlin', { kind: 'rolling-months', months: 6 }, BERLIN, '2024-07-15T10:00:00Z', win('2024-01-15T23:00:00Z', '2024-07-15T22:00:00Z')],
    // Anniversaries.
    ['Feb 29 member, 2025: not yet', { kind: 'anniversary', memberSince: '2024-02-29' }, TEHRAN, '2025-02-27T12:00:00Z', win('2024-02-28T20:30:00Z', '2025-02-27T20:30:00Z')],
    ['Feb 29 member, 2025: on Feb 28', { kind: 'anniversary', memberSince: '2024-02-29' }, TEHRAN, '2025-02-28T12:00:00Z', win('2025-02-27T20:30:00Z', '2026-02-27T20:30:00Z')],
    ['Feb 29 member, 2028-02-28 is not yet', { kind: 'anniversary', memberSince: '2024-02-29' }, BERLIN, '2028-02-28T12:00:00Z', win('2027-02-27T23:00:00Z', '2028-02-28T23:00:00Z')],
    ['Feb 29 member, 2028-02-29', { kind: 'anniversary', memberSince: '2024-02-29' }, BERLIN, '2028-02-29T12:00:00Z', win('2028-02-28T23:00:00Z', '2029-02-27T23:00:00Z')],
    ['Esfand 30 member, common 1400: Esfand 29', { kind: 'anniversary', memberSince: '2021-03-20', calendar: 'jalali' }, TEHRAN, '2022-03-19T12:00:00Z', win('2021-03-19T20:30:00Z', '2022-03-19T20:30:00Z')],
    ['Esfand 30 member, leap 1403: Esfand 30', { kind: 'anniversary', memberSince: '2021-03-20', calendar: 'jalali' }, TEHRAN, '2025-03-20T12:00:00Z', win('2025-03-19T20:30:00Z', '2026-03-19T20:30:00Z')],
    ['1 Mehr member', { kind: 'anniversary', memberSince: '2024-09-22', calendar: 'jalali' }, TEHRAN, '2025-09-22T20:29:59.999Z', win('2024-09-21T20:30:00Z', '2025-09-22T20:30:00Z')],
    ['before joining: extrapolated', { kind: 'anniversary', memberSince: '2024-06-10' }, TEHRAN, '2024-01-01T00:00:00Z', win('2023-06-09T20:30:00Z', '2024-06-09T20:30:00Z')],
  ])('%s', (_, policy, tz, t, expected) => {
    expect(qualificationWindow(policy, at(t), tz)).toEqual(expected);
  });

  it('rejects a non-positive rolling length', () => {
    expect(() => qualificationWindow({ kind: 'rolling-months', months: 0 }, at('2024-01-01T00:00:00Z'), TEHRAN)).toThrow(RangeError);
  });

  const periodPolicy: fc.Arbitrary<PeriodPolicy> = fc.oneof(
    fc.constant({ kind: 'calendar-year' as const }),
    fc.constant({ kind: 'jalali-year' as const }),
    fc.record({ kind: fc.constant('anniversary' as const), memberSince: isoDate, calendar: fc.constantFrom('gregorian' as const, 'jalali' as const) }),
  );
  const rolling = fc.record({ kind: fc.constant('rolling-months' as const), months: fc.integer({ min: 1, max: 36 }) });

  it('contains `at` and starts and ends at local midnights (property)', () => {
    fc.assert(
      fc.property(fc.oneof(periodPolicy, rolling), instant, zone, (policy, t, tz) => {
        const { start, end } = qualificationWindow(policy, t, tz);
        expect(ms(start)).toBeLessThanOrEqual(ms(t));
        expect(ms(t)).toBeLessThan(ms(end));
        expect(startOfLocalDay(start, tz)).toEqual(start);
        expect(startOfLocalDay(end, tz)).toEqual(end);
      }),
      { numRuns: 400 },
    );
  });

  it('tiles time: the window after `end` starts at `end`, the one before `start` ends at `start` (property)', () => {
    fc.assert(
      fc.property(periodPolicy, instant, zone, (policy, t, tz) => {
        const w = qualificationWindow(policy, t, tz);
        expect(qualificationWindow(policy, w.end, tz).start).toEqual(w.end);
        expect(qualificationWindow(policy, justBefore(w.start), tz).end).toEqual(w.start);
        expect(qualificationWindow(policy, justBefore(w.end), tz)).toEqual(w);
        expect(qualificationWindow(policy, w.start, tz)).toEqual(w);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a Jalali year Nowruz to Nowruz, 365 or 366 local days (property)', () => {
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const { start, end } = qualificationWindow({ kind: 'jalali-year' }, t, tz);
        const first = localDateOf(start, tz);
        const jy = Number(formatJalali(first).slice(0, 4));
        expect(formatJalali(first)).toMatch(/^\d{4}-01-01$/);
        expect(formatJalali(localDateOf(end, tz))).toBe(`${jy + 1}-01-01`);
        expect(formatJalali(localDateOf(justBefore(end), tz))).toBe(`${jy}-12-${isJalaliLeapYear(jy) ? 30 : 29}`);
        expect(dayOf(localDateOf(end, tz)) - dayOf(first)).toBe(isJalaliLeapYear(jy) ? 366 : 365);
      }),
      { numRuns: 300 },
    );
  });

  it('slides a rolling window forward with `at`: it ends with today and both edges never move back (property)', () => {
    fc.assert(
      fc.property(rolling, instant, fc.integer({ min: 0, max: 90 * 86_400_000 }), zone, (policy, t, dt, tz) => {
        const a = qualificationWindow(policy, t, tz);
        const b = qualificationWindow(policy, new Date(ms(t) + dt), tz);
        expect(ms(a.start)).toBeLessThanOrEqual(ms(b.start));
        expect(ms(a.end)).toBeLessThanOrEqual(ms(b.end));
        expect(localDateOf(justBefore(a.end), tz)).toBe(localDateOf(t, tz));
        expect(localDateOf(a.start, tz)).toBe(addMonthsClamped(localDateOf(a.end, tz), -policy.months));
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextReviewDate', () => {
  it.each<[string, PeriodPolicy, string, string, string]>([
    ['1403-12-30 → Nowruz 1404', { kind: 'jalali-year' }, TEHRAN, '2025-03-20T12:00:00Z', '2025-03-20T20:30:00Z'],
    ['at Nowruz itself → the next one', { kind: 'jalali-year' }, TEHRAN, '2024-03-19T20:30:00Z', '2025-03-20T20:30:00Z'],
    ['Berlin year end', { kind: 'calendar-year' }, BERLIN, '2024-06-01T00:00:00Z', '2024-12-31T23:00:00Z'],
    ['Feb 29 anniversary in 2025', { kind: 'anniversary', memberSince: '2024-02-29' }, BERLIN, '2024-06-01T00:00:00Z', '2025-02-27T23:00:00Z'],
  ])('%s', (_, policy, tz, t, expected) => {
    expect(nextReviewDate(policy, at(t), tz)).toEqual(at(expected));
  });

  const rolling12 = { kind: 'rolling-months', months: 12 } as const;
  const monthlyFromJan31: ReviewCadence = { everyMonths: 1, anchor: '2024-01-31' };
  it.each<[string, ReviewCadence, string, string, string]>([
    ['monthly from Jan 31: Feb 29', monthlyFromJan31, BERLIN, '2024-02-15T12:00:00Z', '2024-02-28T23:00:00Z'],
    ['a review instant itself → the next one, Mar 31 (no drift)', monthlyFromJan31, BERLIN, '2024-02-28T23:00:00Z', '2024-03-30T23:00:00Z'],
    ['monthly from Jan 31: Apr 30 in CEST', monthlyFromJan31, BERLIN, '2024-04-01T12:00:00Z', '2024-04-29T22:00:00Z'],
    ['before the anchor: extrapolated back', monthlyFromJan31, BERLIN, '2023-12-01T12:00:00Z', '2023-12-30T23:00:00Z'],
    ['half-yearly Jalali from Nowruz: 1 Mehr', { everyMonths: 6, anchor: '2024-03-20', calendar: 'jalali' }, TEHRAN, '2024-06-01T00:00:00Z', '2024-09-21T20:30:00Z'],
    ['half-yearly Jalali from Nowruz: next Nowruz', { everyMonths: 6, anchor: '2024-03-20', calendar: 'jalali' }, TEHRAN, '2024-09-21T20:30:00Z', '2025-03-20T20:30:00Z'],
    ['half-yearly Gregorian from Mar 20: Sep 20', { everyMonths: 6, anchor: '2024-03-20' }, TEHRAN, '2024-06-01T00:00:00Z', '2024-09-19T20:30:00Z'],
    ['DST-era Tehran: 2 Farvardin 1399 review at 01:00 +04:30', { everyMonths: 12, anchor: '2019-03-21' }, TEHRAN, '2020-01-01T00:00:00Z', '2020-03-20T20:30:00Z'],
  ])('rolling: %s', (_, cadence, tz, t, expected) => {
    expect(nextReviewDate(rolling12, at(t), tz, cadence)).toEqual(at(expected));
  });

  it('needs a positive whole cadence for a rolling window', () => {
    expect(() => (nextReviewDate as (...a: unknown[]) => Date)(rolling12, at('2024-01-01T00:00:00Z'), TEHRAN)).toThrow(/cadence/);
    expect(() => nextReviewDate(rolling12, at('2024-01-01T00:00:00Z'), TEHRAN, { everyMonths: 0, anchor: '2024-01-01' })).toThrow(RangeError);
  });

  it('is the end of the window for yearly and anniversary policies, and strictly after `at` (property)', () => {
    const policy: fc.Arbitrary<PeriodPolicy> = fc.oneof(
      fc.constant({ kind: 'calendar-year' as const }),
      fc.constant({ kind: 'jalali-year' as const }),
      fc.record({ kind: fc.constant('anniversary' as const), memberSince: isoDate }),
    );
    fc.assert(
      fc.property(policy, instant, zone, (p, t, tz) => {
        const review = nextReviewDate(p, t, tz);
        expect(review).toEqual(qualificationWindow(p, t, tz).end);
        expect(ms(review)).toBeGreaterThan(ms(t));
      }),
      { numRuns: 200 },
    );
  });

  it('for a rolling window, is the first cadence midnight after `at` and judges the window ending there (property)', () => {
    const cadence = fc.record({
      everyMonths: fc.integer({ min: 1, max: 12 }),
      anchor: isoDate,
      calendar: fc.constantFrom('gregorian' as const, 'jalali' as const),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), cadence, instant, zone, (months, c, t, tz) => {
        const policy = { kind: 'rolling-months', months } as const;
        const review = nextReviewDate(policy, t, tz, c);
        expect(ms(review)).toBeGreaterThan(ms(t));
        expect(startOfLocalDay(review, tz)).toEqual(review);
        // Nothing earlier qualifies: the review before this one is not after `at`.
        expect(ms(nextReviewDate(policy, justBefore(review), tz, c))).toBe(ms(review));
        const previous = nextReviewDate(policy, new Date(ms(review) - 86_400_000 * 31 * c.everyMonths), tz, c);
        expect(ms(previous)).toBeLessThanOrEqual(ms(review));
        expect(qualificationWindow(policy, justBefore(review), tz).end).toEqual(review);
      }),
      { numRuns: 300 },
    );
  });
});
