import fc from 'fast-check';
import { bothCalendars, dayNumberToGregorian, gregorianToDayNumber, isValidJalaliDate, toGregorian } from '@club/calendar';
import { parseDateInput } from './date-input';

const persianDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const iso = (g: { gy: number; gm: number; gd: number }) =>
  `${g.gy}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`;

describe('parseDateInput', () => {
  it('accepts exactly the supported range 0622-03-22..3799-03-19', () => {
    expect(parseDateInput('0622-03-22', 'gregorian')).toEqual({ ok: true, iso: '0622-03-22' });
    expect(parseDateInput('3799-03-20', 'gregorian')).toMatchObject({ ok: false });
  });

  it.each([
    ['1403-01-01', 'jalali', '2024-03-20'],
    ['1403/01/01', 'jalali', '2024-03-20'],
    ['1403/1/1', 'jalali', '2024-03-20'],
    ['۱۴۰۳/۰۱/۰۱', 'jalali', '2024-03-20'],
    ['١٤٠٣-٠١-٠١', 'jalali', '2024-03-20'],
    [' 1375/06/21 ', 'jalali', '1996-09-11'],
    ['1399-12-30', 'jalali', '2021-03-20'],
    ['1403-12-30', 'jalali', '2025-03-20'],
    ['2024-02-29', 'gregorian', '2024-02-29'],
    ['1996/9/11', 'gregorian', '1996-09-11'],
    ['۲۰۲۴-۰۳-۲۰', 'gregorian', '2024-03-20'],
  ] as const)('%j in %s → %s', (input, calendar, expected) => {
    expect(parseDateInput(input, calendar)).toEqual({ ok: true, iso: expected });
  });

  it('lets an object override the default calendar', () => {
    expect(parseDateInput({ calendar: 'jalali', date: '1375-06-21' }, 'gregorian')).toEqual({ ok: true, iso: '1996-09-11' });
    expect(parseDateInput({ calendar: 'gregorian', date: '1996-09-11' }, 'jalali')).toEqual({ ok: true, iso: '1996-09-11' });
  });

  it.each([
    ['1402-12-30', 'jalali', '1402-12-30 does not exist: Esfand 1402 has 29 days'],
    ['1400-12-30', 'jalali', '1400-12-30 does not exist: Esfand 1400 has 29 days'],
    ['1403-07-31', 'jalali', '1403-07-31 does not exist: Mehr 1403 has 30 days'],
    ['1403-13-01', 'jalali', '1403-13-01 does not exist: a Jalali year has months 1-12'],
    ['1403-00-10', 'jalali', '1403-00-10 does not exist: a Jalali year has months 1-12'],
    ['1403-01-00', 'jalali', '1403-01-00 does not exist: Farvardin 1403 has 31 days'],
    ['0000-01-01', 'jalali', 'Jalali year 0 is outside the supported range 1-3177'],
    ['2023-02-29', 'gregorian', '2023-02-29 does not exist: February 2023 has 28 days'],
    ['2024-04-31', 'gregorian', '2024-04-31 does not exist: April 2024 has 30 days'],
    ['0100-01-01', 'gregorian', '0100-01-01 is outside the supported range 0622-03-22..3799-03-19'],
    ['1403-1-1-1', 'jalali', '"1403-1-1-1" is not a date: expected YYYY-MM-DD or YYYY/MM/DD'],
    ['1403-01/01', 'jalali', '"1403-01/01" is not a date: expected YYYY-MM-DD or YYYY/MM/DD'],
    ['03-01-1403', 'jalali', '"03-01-1403" is not a date: expected YYYY-MM-DD or YYYY/MM/DD'],
    ['', 'jalali', '"" is not a date: expected YYYY-MM-DD or YYYY/MM/DD'],
    ['yesterday', 'gregorian', '"yesterday" is not a date: expected YYYY-MM-DD or YYYY/MM/DD'],
  ] as const)('%j in %s is rejected: %s', (input, calendar, reason) => {
    expect(parseDateInput(input, calendar)).toEqual({ ok: false, reason });
  });

  it('rejects an unknown calendar and a non-string date from untyped JSON', () => {
    expect(parseDateInput({ calendar: 'hijri', date: '1445-01-01' } as never, 'jalali')).toEqual({
      ok: false,
      reason: 'unknown calendar "hijri": expected "jalali" or "gregorian"',
    });
    expect(parseDateInput({ calendar: 'jalali', date: 14030101 } as never, 'jalali')).toEqual({ ok: false, reason: 'date must be a string' });
  });

  it('reads any valid Jalali date in any digits and separator as its Gregorian date', () => {
    const jalaliDate = fc
      .record({ jy: fc.integer({ min: 1300, max: 1500 }), jm: fc.integer({ min: 1, max: 12 }), jd: fc.integer({ min: 1, max: 31 }) })
      .filter(({ jy, jm, jd }) => isValidJalaliDate(jy, jm, jd));
    const script = fc.constantFrom((s: string) => s, persianDigits, arabicDigits);
    fc.assert(
      fc.property(jalaliDate, script, fc.constantFrom('-', '/'), ({ jy, jm, jd }, digits, sep) => {
        const text = digits([jy, String(jm).padStart(2, '0'), String(jd).padStart(2, '0')].join(sep));
        expect(parseDateInput(text, 'jalali')).toEqual({ ok: true, iso: iso(toGregorian(jy, jm, jd)) });
      }),
    );
  });
});

describe('bothCalendars / parseDateInput', () => {
  it('round-trips through parseDateInput', () => {
    fc.assert(
      fc.property(fc.integer({ min: gregorianToDayNumber(1900, 1, 1), max: gregorianToDayNumber(2100, 12, 31) }), (day) => {
        const g = iso(dayNumberToGregorian(day));
        const both = bothCalendars(g);
        expect(parseDateInput(both.jalali, 'jalali')).toEqual({ ok: true, iso: g });
        expect(parseDateInput({ calendar: 'gregorian', date: both.gregorian }, 'jalali')).toEqual({ ok: true, iso: g });
      }),
    );
  });
});
