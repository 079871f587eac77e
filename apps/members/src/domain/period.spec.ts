import fc from 'fast-check';
import {
  addMonthsClamped,
  dayNumberToGregorian,
  formatJalali,
  gregorianToDayNumber,
  isJalaliLeapYear,
  localDateOf,
  parseIsoDate,
  startOfLocalDay,
} from '@club/calendar';
import {
  DEFAULT_TIME_ZONE,
  nextReviewDate,
  type PeriodPolicy,
  qualificationWindow,
  type ReviewCadence,
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
