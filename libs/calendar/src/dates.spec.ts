import fc from 'fast-check';
import { addDays, addJalaliMonthsClamped, addMonthsClamped, datePartsIn, isoDateIn, monthLength } from './dates';
import { parseIsoDate } from './jalali';
import { dayOf, isoDate } from './test-support';


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

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-03-20', 1, '2025-03-21'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %d days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('rejects a fractional day count', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it('is the inverse of itself (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
        expect(dayOf(addDays(d, n)) - dayOf(d)).toBe(n);
      }),
    );
  });
});

describe('datePartsIn / isoDateIn / monthLength', () => {
  it.each([
    ['jalali', 1403, 12, 30, '2025-03-20', 'Esfand 30 of leap 1403'],
    ['jalali', 1404, 12, 30, '2026-03-20', 'Esfand 30 of common 1404 clamps to Esfand 29'],
    ['jalali', 1404, 1, 1, '2025-03-21', 'Nowruz 1404'],
    ['gregorian', 2023, 2, 29, '2023-02-28', 'Feb 29 of a common year clamps to Feb 28'],
    ['gregorian', 2024, 2, 29, '2024-02-29', 'Feb 29 of a leap year'],
    ['gregorian', 2024, 4, 31, '2024-04-30', 'April 31 clamps to April 30'],
  ] as const)('%s %d-%d-%d is %s (%s)', (calendar, y, m, d, expected, _note) => {
    expect(isoDateIn(calendar, y, m, d)).toBe(expected);
  });

  it('gives month lengths in both calendars', () => {
    expect(monthLength('jalali', 1403, 12)).toBe(30);
    expect(monthLength('jalali', 1404, 12)).toBe(29);
    expect(monthLength('jalali', 1404, 6)).toBe(31);
    expect(monthLength('gregorian', 2100, 2)).toBe(28);
    expect(monthLength('gregorian', 2000, 2)).toBe(29);
  });

  it('round-trips any date through its parts in either calendar (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom('jalali' as const, 'gregorian' as const), (d, calendar) => {
        expect(isoDateIn(calendar, ...datePartsIn(calendar, d))).toBe(d);
      }),
    );
  });
});
