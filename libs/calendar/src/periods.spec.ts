import fc from 'fast-check';
import { datePartsIn } from './dates';
import { localPeriod, periodDates, type PeriodUnit } from './periods';
import { localDateOf, startOfLocalDay } from './zone';
import { TEHRAN, BERLIN, at, ms, justBefore, zone, instant, isoDate } from './test-support';

const unit = fc.constantFrom<PeriodUnit>('month', 'quarter', 'year');
const calendar = fc.constantFrom('jalali' as const, 'gregorian' as const);

describe('periodDates', () => {
  it.each([
    ['2025-03-20', 'year', 'jalali', '2024-03-20', '2025-03-21', 'Esfand 30 1403 (leap) is the last day of 1403'],
    ['2025-03-21', 'year', 'jalali', '2025-03-21', '2026-03-21', 'Nowruz 1404'],
    ['2022-03-20', 'year', 'jalali', '2021-03-21', '2022-03-21', 'Esfand 29 1400 (common)'],
    ['2024-09-21', 'quarter', 'jalali', '2024-06-21', '2024-09-22', 'Shahrivar 31 is in summer: Tir 1 → Mehr 1'],
    ['2024-09-22', 'quarter', 'jalali', '2024-09-22', '2024-12-21', 'Mehr 1 starts autumn'],
    ['2025-03-10', 'quarter', 'jalali', '2024-12-21', '2025-03-21', 'winter ends with a leap Esfand'],
    ['2024-09-22', 'month', 'jalali', '2024-09-22', '2024-10-22', 'Mehr 1403 has 30 days'],
    ['2025-03-10', 'month', 'jalali', '2025-02-19', '2025-03-21', 'Esfand 1403 has 30 days'],
    ['2026-03-01', 'month', 'jalali', '2026-02-20', '2026-03-21', 'Esfand 1404 has 29 days'],
    ['2024-02-15', 'month', 'gregorian', '2024-02-01', '2024-03-01', 'February'],
    ['2024-05-31', 'quarter', 'gregorian', '2024-04-01', '2024-07-01', 'Q2'],
    ['2024-12-31', 'quarter', 'gregorian', '2024-10-01', '2025-01-01', 'Q4 into the next year'],
    ['2024-12-31', 'year', 'gregorian', '2024-01-01', '2025-01-01', 'year'],
  ] as const)('%s %s in %s → [%s, %s) (%s)', (date, u, cal, start, end, _note) => {
    expect(periodDates(date, u, cal)).toEqual({ start, end });
  });

  it('starts on day 1 of a month aligned to the unit and contains the date (property)', () => {
    fc.assert(
      fc.property(isoDate, unit, calendar, (d, u, cal) => {
        const { start, end } = periodDates(d, u, cal);
        expect(start <= d && d < end).toBe(true);
        const [, sm, sd] = datePartsIn(cal, start);
        const [, em, ed] = datePartsIn(cal, end);
        const months = { month: 1, quarter: 3, year: 12 }[u];
        expect([sd, ed]).toEqual([1, 1]);
        expect((sm - 1) % months).toBe(0);
        expect((em - 1) % months).toBe(0);
        expect(periodDates(end, u, cal).start).toBe(end);
      }),
    );
  });

  it('nests months in quarters in years (property)', () => {
    fc.assert(
      fc.property(isoDate, calendar, (d, cal) => {
        const [m, q, y] = (['month', 'quarter', 'year'] as const).map((u) => periodDates(d, u, cal));
        expect(q.start <= m.start && m.end <= q.end).toBe(true);
        expect(y.start <= q.start && q.end <= y.end).toBe(true);
      }),
    );
  });
});

describe('localPeriod', () => {
  it.each([
    ['2025-03-20T20:29:59.999Z', 'year', 'jalali', TEHRAN, '2024-03-19T20:30:00Z', '2025-03-20T20:30:00Z', 'the last ms of 1403'],
    ['2025-03-20T20:30:00.000Z', 'year', 'jalali', TEHRAN, '2025-03-20T20:30:00Z', '2026-03-20T20:30:00Z', 'Nowruz 1404'],
    ['2020-03-25T12:00:00.000Z', 'month', 'jalali', TEHRAN, '2020-03-19T20:30:00Z', '2020-04-19T19:30:00Z', 'Farvardin 1399: starts at +03:30, ends at +04:30 (DST)'],
    ['2020-07-01T12:00:00.000Z', 'quarter', 'jalali', TEHRAN, '2020-06-20T19:30:00Z', '2020-09-21T20:30:00Z', 'summer 1399: starts in DST, ends after it'],
    ['2024-03-15T12:00:00.000Z', 'month', 'gregorian', BERLIN, '2024-02-29T23:00:00Z', '2024-03-31T22:00:00Z', 'March 2024 in Berlin'],
  ] as const)('%s %s %s in %s → [%s, %s) (%s)', (t, u, cal, tz, start, end, _note) => {
    expect(localPeriod(at(t), u, cal, tz)).toEqual({ start: at(start), end: at(end) });
  });

  it('contains the instant, starts and ends at local midnights and tiles time (property)', () => {
    fc.assert(
      fc.property(instant, unit, calendar, zone, (t, u, cal, tz) => {
        const p = localPeriod(t, u, cal, tz);
        expect(ms(p.start) <= ms(t) && ms(t) < ms(p.end)).toBe(true);
        expect(startOfLocalDay(p.start, tz)).toEqual(p.start);
        expect(startOfLocalDay(p.end, tz)).toEqual(p.end);
        expect(localPeriod(p.end, u, cal, tz).start).toEqual(p.end);
        expect(localPeriod(justBefore(p.end), u, cal, tz)).toEqual(p);
        expect(localDateOf(justBefore(p.end), tz) < localDateOf(p.end, tz)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
