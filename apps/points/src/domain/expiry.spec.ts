import fc from 'fast-check';
import { formatJalali, jalaliMonthLength, localDateOf, localPeriod, startOfLocalDay } from '@club/calendar';
import { activatesAt, expiresAt, type ExpiryPolicy, memoisedExpiresAt, warnAt } from './expiry';

const TEHRAN = 'Asia/Tehran';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);
const ms = (d: Date) => d.getTime();
const DAY = 86_400_000;

const jalaliYearEnd: ExpiryPolicy = { kind: 'fixed-yearly', month: 12, day: 30, calendar: 'jalali' };

describe('expiresAt', () => {
  it.each<[string, ExpiryPolicy, string, string, string | null]>([
    ['never', { kind: 'never' }, TEHRAN, '2024-03-19T20:30:00Z', null],
    // N days: the activation's local day + N is the last day.
    ['30 days from Nowruz 1403 00:00', { kind: 'after', n: 30, unit: 'days' }, TEHRAN, '2024-03-19T20:30:00Z', '2024-04-19T20:30:00Z'],
    ['1 day from the last ms of a day', { kind: 'after', n: 1, unit: 'days' }, TEHRAN, '2024-03-19T20:29:59.999Z', '2024-03-20T20:30:00Z'],
    // Month-end clamping.
    ['Jan 31 + 1 month, leap year: through Feb 29', { kind: 'after', n: 1, unit: 'months' }, BERLIN, '2024-01-31T12:00:00Z', '2024-02-29T23:00:00Z'],
    ['Jan 31 + 1 month, common year: through Feb 28', { kind: 'after', n: 1, unit: 'months' }, BERLIN, '2023-01-31T12:00:00Z', '2023-02-28T23:00:00Z'],
    ['Aug 31 + 6 months: through Feb 29 2024', { kind: 'after', n: 6, unit: 'months' }, BERLIN, '2023-08-31T12:00:00Z', '2024-02-29T23:00:00Z'],
    ['Shahrivar 31 + 1 Jalali month: through Mehr 30', { kind: 'after', n: 1, unit: 'months', calendar: 'jalali' }, TEHRAN, '2024-09-21T08:00:00Z', '2024-10-21T20:30:00Z'],
    // Esfand 29/30 and the Nowruz boundary.
    ['Bahman 30 1402 + 1 Jalali month: Esfand 29 (common), expires at Nowruz 1403', { kind: 'after', n: 1, unit: 'months', calendar: 'jalali' }, TEHRAN, '2024-02-19T08:00:00Z', '2024-03-19T20:30:00Z'],
    ['Bahman 30 1403 + 1 Jalali month: Esfand 30 (leap), expires at Nowruz 1404', { kind: 'after', n: 1, unit: 'months', calendar: 'jalali' }, TEHRAN, '2025-02-18T08:00:00Z', '2025-03-20T20:30:00Z'],
    ['Esfand 30 1403 + 12 Jalali months: Esfand 29 1404', { kind: 'after', n: 12, unit: 'months', calendar: 'jalali' }, TEHRAN, '2025-03-20T08:00:00Z', '2026-03-20T20:30:00Z'],
    // Rounding up to a period end.
    ['1 month rounded to the Jalali year', { kind: 'after', n: 1, unit: 'months', calendar: 'jalali', roundTo: 'year' }, TEHRAN, '2024-05-01T08:00:00Z', '2025-03-20T20:30:00Z'],
    ['1 month from Esfand rounded to the Jalali year crosses Nowruz', { kind: 'after', n: 1, unit: 'months', calendar: 'jalali', roundTo: 'year' }, TEHRAN, '2025-03-01T08:00:00Z', '2026-03-20T20:30:00Z'],
    ['90 days rounded to the Gregorian quarter', { kind: 'after', n: 90, unit: 'days', roundTo: 'quarter' }, TEHRAN, '2024-01-15T08:00:00Z', '2024-06-30T20:30:00Z'],
    ['12 months rounded to the Gregorian year', { kind: 'after', n: 12, unit: 'months', roundTo: 'year' }, BERLIN, '2024-07-01T08:00:00Z', '2025-12-31T23:00:00Z'],
    ['30 days rounded to the Jalali month', { kind: 'after', n: 30, unit: 'days', calendar: 'jalali', roundTo: 'month' }, TEHRAN, '2024-08-01T08:00:00Z', '2024-09-21T20:30:00Z'],
    ['a last day that ends its quarter is not pushed further', { kind: 'after', n: 1, unit: 'months', roundTo: 'quarter' }, BERLIN, '2024-02-29T12:00:00Z', '2024-03-31T22:00:00Z'],
    // Asia/Tehran DST history (+04:30 in summer until 2022).
    ['Farvardin 1399 month end is at +04:30', { kind: 'after', n: 1, unit: 'months', calendar: 'jalali', roundTo: 'month' }, TEHRAN, '2020-03-01T08:00:00Z', '2020-04-19T19:30:00Z'],
    ['last day 1 Farvardin 1399: 2 Farvardin began at 01:00 +04:30', { kind: 'after', n: 30, unit: 'days' }, TEHRAN, '2020-02-19T08:00:00Z', '2020-03-20T20:30:00Z'],
    ['last day 30 Shahrivar 1399, the night DST ended', { kind: 'after', n: 1, unit: 'days' }, TEHRAN, '2020-09-18T20:00:00Z', '2020-09-20T20:30:00Z'],
    ['summer 1399 quarter ends after DST', { kind: 'after', n: 1, unit: 'days', calendar: 'jalali', roundTo: 'quarter' }, TEHRAN, '2020-07-01T08:00:00Z', '2020-09-21T20:30:00Z'],
    ['Jalali year 1358 ended when DST began at Nowruz midnight', { kind: 'after', n: 1, unit: 'days', calendar: 'jalali', roundTo: 'year' }, TEHRAN, '1979-06-01T08:00:00Z', '1980-03-20T20:30:00Z'],
    ['3 Jalali months in DST-era 1401: through Tir 12, ends at +04:30', { kind: 'after', n: 3, unit: 'months', calendar: 'jalali' }, TEHRAN, '2022-04-01T08:00:00Z', '2022-07-03T19:30:00Z'],
    // Fixed yearly dates.
    ['Esfand 30 in leap 1403', jalaliYearEnd, TEHRAN, '2024-06-01T08:00:00Z', '2025-03-20T20:30:00Z'],
    ['Esfand 30 clamps to Esfand 29 in common 1404', jalaliYearEnd, TEHRAN, '2025-06-01T08:00:00Z', '2026-03-20T20:30:00Z'],
    ['activated at Nowruz 1404 00:00: the end of 1404', jalaliYearEnd, TEHRAN, '2025-03-20T20:30:00Z', '2026-03-20T20:30:00Z'],
    ['activated on Esfand 30 1403 itself: that night', jalaliYearEnd, TEHRAN, '2025-03-20T06:30:00Z', '2025-03-20T20:30:00Z'],
    ['activated in the last ms of 1403', jalaliYearEnd, TEHRAN, '2025-03-20T20:29:59.999Z', '2025-03-20T20:30:00Z'],
    ['Esfand 29 in leap 1403 is not the year end', { kind: 'fixed-yearly', month: 12, day: 29, calendar: 'jalali' }, TEHRAN, '2024-06-01T08:00:00Z', '2025-03-19T20:30:00Z'],
    ['Esfand 30 1398 (common), DST-era Nowruz 1399 +03:30', jalaliYearEnd, TEHRAN, '2019-06-01T08:00:00Z', '2020-03-19T20:30:00Z'],
    ['Tir 31 yearly, DST era: ends at +04:30', { kind: 'fixed-yearly', month: 4, day: 31, calendar: 'jalali' }, TEHRAN, '2021-01-01T08:00:00Z', '2021-07-22T19:30:00Z'],
    ['Shahrivar 30 yearly, 1400: ends after the clocks went back, at +03:30', { kind: 'fixed-yearly', month: 6, day: 30, calendar: 'jalali' }, TEHRAN, '2021-01-01T08:00:00Z', '2021-09-21T20:30:00Z'],
    ['Feb 29 clamps to Feb 28 in 2025', { kind: 'fixed-yearly', month: 2, day: 29, calendar: 'gregorian' }, BERLIN, '2024-03-01T12:00:00Z', '2025-02-28T23:00:00Z'],
    ['Feb 29 in leap 2028', { kind: 'fixed-yearly', month: 2, day: 29, calendar: 'gregorian' }, BERLIN, '2027-05-01T12:00:00Z', '2028-02-29T23:00:00Z'],
    ['Dec 31 yearly', { kind: 'fixed-yearly', month: 12, day: 31, calendar: 'gregorian' }, TEHRAN, '2024-12-31T20:29:59.999Z', '2024-12-31T20:30:00Z'],
    ['Dec 31 yearly, a ms later: a year later', { kind: 'fixed-yearly', month: 12, day: 31, calendar: 'gregorian' }, TEHRAN, '2024-12-31T20:30:00Z', '2025-12-31T20:30:00Z'],
  ])('%s', (_, policy, tz, activated, expected) => {
    expect(expiresAt(at(activated), policy, tz)).toEqual(expected === null ? null : at(expected));
  });

  it.each<[string, ExpiryPolicy]>([
    ['Esfand 31', { kind: 'fixed-yearly', month: 12, day: 31, calendar: 'jalali' }],
    ['Mehr 31', { kind: 'fixed-yearly', month: 7, day: 31, calendar: 'jalali' }],
    ['April 31', { kind: 'fixed-yearly', month: 4, day: 31, calendar: 'gregorian' }],
    ['month 13', { kind: 'fixed-yearly', month: 13, day: 1, calendar: 'gregorian' }],
    ['day 0', { kind: 'fixed-yearly', month: 1, day: 0, calendar: 'gregorian' }],
    ['an unknown calendar', { kind: 'fixed-yearly', month: 1, day: 1, calendar: 'hijri' as never }],
    ['0 days', { kind: 'after', n: 0, unit: 'days' }],
    ['1.5 months', { kind: 'after', n: 1.5, unit: 'months' }],
    ['weeks', { kind: 'after', n: 1, unit: 'weeks' as never }],
    ['round to a week', { kind: 'after', n: 1, unit: 'days', roundTo: 'week' as never }],
  ])('rejects %s', (_, policy) => {
    expect(() => expiresAt(at('2024-01-01T00:00:00Z'), policy, TEHRAN)).toThrow(RangeError);
  });

  it('rejects an unknown zone', () => {
    expect(() => expiresAt(at('2024-01-01T00:00:00Z'), { kind: 'after', n: 1, unit: 'days' }, 'Asia/Nowhere')).toThrow(RangeError);
  });

  const zone = fc.constantFrom(TEHRAN, BERLIN, 'UTC', 'America/Sao_Paulo', 'Pacific/Apia', 'Australia/Lord_Howe');
  const instant = fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2090, 0, 1) }).map((t) => new Date(t));
  const calendar = fc.constantFrom('jalali' as const, 'gregorian' as const);
  const period = fc.constantFrom('month' as const, 'quarter' as const, 'year' as const);
  const after = fc.record(
    { kind: fc.constant('after' as const), n: fc.integer({ min: 1, max: 400 }), unit: fc.constantFrom('days' as const, 'months' as const), calendar, roundTo: period },
    { requiredKeys: ['kind', 'n', 'unit'] },
  );
  const fixed = fc
    .record({ kind: fc.constant('fixed-yearly' as const), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), calendar })
    .filter((p) => p.day <= (p.calendar === 'jalali' ? (p.month <= 6 ? 31 : 30) : [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][p.month]));
  const policy = fc.oneof(after, fixed);

  it('is a local midnight after activation, never earlier for a later activation (property)', () => {
    fc.assert(
      fc.property(policy, instant, fc.integer({ min: 0, max: 400 * DAY }), zone, (p, t, dt, tz) => {
        const e = expiresAt(t, p, tz)!;
        expect(ms(e)).toBeGreaterThan(ms(t));
        expect(startOfLocalDay(e, tz)).toEqual(e);
        expect(ms(expiresAt(new Date(ms(t) + dt), p, tz)!)).toBeGreaterThanOrEqual(ms(e));
      }),
      { numRuns: 400 },
    );
  });

  it('rounds up to the end of the period containing the unrounded last day (property)', () => {
    fc.assert(
      fc.property(after, instant, zone, (p, t, tz) => {
        const plain = expiresAt(t, { ...p, roundTo: undefined }, tz)!;
        const rounded = expiresAt(t, { ...p, roundTo: p.roundTo ?? 'month' }, tz)!;
        const lastInstant = new Date(ms(plain) - 1);
        expect(rounded).toEqual(localPeriod(lastInstant, p.roundTo ?? 'month', p.calendar ?? 'gregorian', tz).end);
        expect(ms(rounded)).toBeGreaterThanOrEqual(ms(plain));
      }),
      { numRuns: 300 },
    );
  });

  it('puts a Jalali fixed-yearly last day on that month and day, clamped, within a year (property)', () => {
    fc.assert(
      fc.property(fixed.filter((p) => p.calendar === 'jalali'), instant, zone, (p, t, tz) => {
        const e = expiresAt(t, p, tz)!;
        const [jy, jm, jd] = formatJalali(localDateOf(new Date(ms(e) - 1), tz)).split('-').map(Number);
        expect([jm, jd]).toEqual([p.month, Math.min(p.day, jalaliMonthLength(jy, p.month))]);
        expect(ms(e) - ms(t)).toBeLessThanOrEqual(367 * DAY);
      }),
      { numRuns: 300 },
    );
  });
});

describe('activatesAt', () => {
  it('is pendingDays × 24 h after earning, at once for 0, and null for an explicit accept', () => {
    expect(activatesAt(at('2024-03-01T10:00:00Z'), 14)).toEqual(at('2024-03-15T10:00:00Z'));
    expect(activatesAt(at('2024-03-01T10:00:00Z'), 0)).toEqual(at('2024-03-01T10:00:00Z'));
    expect(activatesAt(at('2024-03-01T10:00:00Z'), null)).toBeNull();
  });

  it('rejects a negative or fractional pending period', () => {
    expect(() => activatesAt(at('2024-03-01T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => activatesAt(at('2024-03-01T10:00:00Z'), 0.5)).toThrow(RangeError);
  });
});

describe('warnAt', () => {
  it('is warnDaysBefore × 24 h before the expiry, null when the lot never expires', () => {
    expect(warnAt(at('2025-03-20T20:30:00Z'), 7)).toEqual(at('2025-03-13T20:30:00Z'));
    expect(warnAt(at('2025-03-20T20:30:00Z'), 0)).toEqual(at('2025-03-20T20:30:00Z'));
    expect(warnAt(null, 7)).toBeNull();
    expect(() => warnAt(at('2025-03-20T20:30:00Z'), -1)).toThrow(RangeError);
  });
});

describe('memoisedExpiresAt', () => {
  const policies: ExpiryPolicy[] = [
    { kind: 'never' },
    { kind: 'after', n: 30, unit: 'days' },
    { kind: 'after', n: 12, unit: 'months', calendar: 'jalali', roundTo: 'month' },
    { kind: 'after', n: 1, unit: 'months', roundTo: 'quarter' },
    jalaliYearEnd,
  ];

  it('answers exactly what expiresAt answers, for any instant, policy and zone, called in any order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...policies),
            fc.constantFrom(TEHRAN, BERLIN, 'Asia/Kathmandu', 'America/Sao_Paulo', 'UTC'),
            fc.integer({ min: Date.parse('1950-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (calls) => {
          for (const [policy, zone, t] of calls) {
            for (const u of [t, t + 1, t + DAY / 3]) expect(memoisedExpiresAt(new Date(u), { ...policy }, zone)).toEqual(expiresAt(new Date(u), policy, zone));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('hands out a Date of the caller’s own, and refuses what expiresAt refuses', () => {
    const policy: ExpiryPolicy = { kind: 'after', n: 30, unit: 'days' };
    const first = memoisedExpiresAt(at('2024-03-19T20:30:00Z'), policy, TEHRAN);
    first?.setTime(0);
    expect(memoisedExpiresAt(at('2024-03-19T20:30:00Z'), policy, TEHRAN)).toEqual(at('2024-04-19T20:30:00Z'));
    expect(() => memoisedExpiresAt(at('2024-03-19T20:30:00Z'), { kind: 'after', n: 0, unit: 'days' }, TEHRAN)).toThrow(RangeError);
    expect(() => memoisedExpiresAt(at('2024-03-19T20:30:00Z'), policy, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => memoisedExpiresAt(new Date(NaN), policy, TEHRAN)).toThrow(RangeError);
  });
});
