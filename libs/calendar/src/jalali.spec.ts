import fc from 'fast-check';
import {
  bothCalendars,
  dayNumberToGregorian,
  formatJalali,
  gregorianToDayNumber,
  isJalaliLeapYear,
  isValidJalaliDate,
  jalaliMonthLength,
  jalaliToDayNumber,
  MAX_JALALI_YEAR,
  MIN_JALALI_YEAR,
  toGregorian,
  toJalali,
} from './jalali';

/** The oracle: ICU's persian calendar, read at UTC midnight of a Gregorian date. */
const persianParts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
function intlJalali(gy: number, gm: number, gd: number) {
  const at = new Date(0);
  at.setUTCFullYear(gy, gm - 1, gd);
  const part = (type: string) => Number(persianParts.formatToParts(at).find((p) => p.type === type)!.value);
  return { jy: part('year'), jm: part('month'), jd: part('day') };
}

// Every row was checked against Intl (and the oracle re-checks it below).
const KNOWN: [jalali: string, gregorian: string, note: string][] = [
  ['1403-01-01', '2024-03-20', 'Nowruz 1403'],
  ['1404-01-01', '2025-03-21', 'Nowruz 1404'],
  ['1375-06-21', '1996-09-11', 'a birth date'],
  ['1399-01-01', '2020-03-20', 'Nowruz 1399'],
  ['1399-12-30', '2021-03-20', 'Esfand 30 in leap 1399'],
  ['1400-01-01', '2021-03-21', 'Nowruz 1400'],
  ['1400-12-29', '2022-03-20', 'last day of common 1400'],
  ['1401-01-01', '2022-03-21', 'Nowruz 1401'],
  ['1403-12-30', '2025-03-20', 'Esfand 30 in leap 1403'],
  ['1403-06-31', '2024-09-21', 'last day of Shahrivar'],
  ['1403-07-01', '2024-09-22', 'first day of Mehr'],
  ['1404-12-29', '2026-03-20', 'last day of common 1404'],
  ['1348-10-11', '1970-01-01', 'the Unix epoch'],
  ['1304-01-01', '1925-03-21', 'the calendar became official'],
];

describe('toJalali / toGregorian', () => {
  it.each(KNOWN)('%s = %s (%s)', (j, g) => {
    const [jy, jm, jd] = j.split('-').map(Number) as [number, number, number];
    const [gy, gm, gd] = g.split('-').map(Number) as [number, number, number];
    expect(toJalali(gy, gm, gd)).toEqual({ jy, jm, jd });
    expect(toGregorian(jy, jm, jd)).toEqual({ gy, gm, gd });
    expect(intlJalali(gy, gm, gd)).toEqual({ jy, jm, jd });
  });

  const day1925 = gregorianToDayNumber(1925, 1, 1);
  const day2100 = gregorianToDayNumber(2100, 12, 31);

  it('matches Intl persian calendar and round-trips for any day 1925-2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: day1925, max: day2100 }), (day) => {
        const { gy, gm, gd } = dayNumberToGregorian(day);
        const j = toJalali(gy, gm, gd);
        expect(j).toEqual(intlJalali(gy, gm, gd));
        expect(toGregorian(j.jy, j.jm, j.jd)).toEqual({ gy, gm, gd });
      }),
      { numRuns: 3000 },
    );
  });

  it('puts every Nowruz and every Esfand end 1304-1479 where Intl does', () => {
    for (let jy = 1304; jy <= 1479; jy += 1) {
      const nowruz = toGregorian(jy, 1, 1);
      expect([jy, intlJalali(nowruz.gy, nowruz.gm, nowruz.gd)]).toEqual([jy, { jy, jm: 1, jd: 1 }]);
      const last = toGregorian(jy, 12, jalaliMonthLength(jy, 12));
      expect(intlJalali(last.gy, last.gm, last.gd)).toEqual({ jy, jm: 12, jd: jalaliMonthLength(jy, 12) });
    }
  });

  it('round-trips every valid Jalali date in the supported range', () => {
    const jalaliDate = fc
      .record({ jy: fc.integer({ min: MIN_JALALI_YEAR, max: MAX_JALALI_YEAR }), jm: fc.integer({ min: 1, max: 12 }), jd: fc.integer({ min: 1, max: 31 }) })
      .filter(({ jy, jm, jd }) => isValidJalaliDate(jy, jm, jd));
    fc.assert(
      fc.property(jalaliDate, ({ jy, jm, jd }) => {
        const { gy, gm, gd } = toGregorian(jy, jm, jd);
        expect(toJalali(gy, gm, gd)).toEqual({ jy, jm, jd });
      }),
      { numRuns: 2000 },
    );
  });

  it('maps consecutive days to consecutive days', () => {
    fc.assert(
      fc.property(fc.integer({ min: jalaliToDayNumber(1, 1, 1), max: jalaliToDayNumber(MAX_JALALI_YEAR, 12, 1) }), (day) => {
        const a = dayNumberToGregorian(day);
        const b = dayNumberToGregorian(day + 1);
        const ja = toJalali(a.gy, a.gm, a.gd);
        const jb = toJalali(b.gy, b.gm, b.gd);
        const next =
          ja.jd < jalaliMonthLength(ja.jy, ja.jm) ? { ...ja, jd: ja.jd + 1 }
          : ja.jm < 12 ? { jy: ja.jy, jm: ja.jm + 1, jd: 1 }
          : { jy: ja.jy + 1, jm: 1, jd: 1 };
        expect(jb).toEqual(next);
      }),
    );
  });

  it.each([
    [0, 1, 1],
    [MAX_JALALI_YEAR + 1, 1, 1],
    [1400, 12, 30],
    [1403, 13, 1],
    [1403, 7, 31],
    [1403, 1, 0],
    [1403.5, 1, 1],
  ])('rejects Jalali %s-%s-%s', (jy, jm, jd) => {
    expect(isValidJalaliDate(jy, jm, jd)).toBe(false);
    expect(() => toGregorian(jy, jm, jd)).toThrow(RangeError);
  });

  it('covers exactly 1 Farvardin 1 (0622-03-22) to 29 Esfand 3177 (3799-03-19)', () => {
    expect(toJalali(622, 3, 22)).toEqual({ jy: 1, jm: 1, jd: 1 });
    expect(toJalali(3799, 3, 19)).toEqual({ jy: 3177, jm: 12, jd: 29 });
    expect(() => toJalali(622, 3, 21)).toThrow('0622-03-21 is outside the supported range 0622-03-22..3799-03-19');
    expect(() => toJalali(3799, 3, 20)).toThrow(RangeError);
  });

  it.each([
    [2023, 2, 29],
    [2024, 4, 31],
    [2024, 0, 1],
  ])('rejects Gregorian %s-%s-%s', (gy, gm, gd) => {
    expect(() => toJalali(gy, gm, gd)).toThrow(RangeError);
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [1399, true],
    [1400, false],
    [1402, false],
    [1403, true],
    [1404, false],
    [1408, true],
    [1375, true],
  ])('%s leap: %s', (jy, leap) => {
    expect(isJalaliLeapYear(jy)).toBe(leap);
    expect(jalaliMonthLength(jy, 12)).toBe(leap ? 30 : 29);
    expect(isValidJalaliDate(jy, 12, 30)).toBe(leap);
  });

  it('gives the standard month lengths', () => {
    expect([...Array(12).keys()].map((i) => jalaliMonthLength(1402, i + 1))).toEqual([31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29]);
    expect(() => jalaliMonthLength(1402, 13)).toThrow(RangeError);
  });

  it('agrees with the length of every year and with Intl on leap years 1304-1479', () => {
    let leapYears = 0;
    for (let jy = MIN_JALALI_YEAR; jy < MAX_JALALI_YEAR; jy += 1) {
      const yearLength = jalaliToDayNumber(jy + 1, 1, 1) - jalaliToDayNumber(jy, 1, 1);
      const monthSum = [...Array(12).keys()].reduce((sum, i) => sum + jalaliMonthLength(jy, i + 1), 0);
      expect([jy, yearLength]).toEqual([jy, monthSum]);
      expect([jy, yearLength]).toEqual([jy, isJalaliLeapYear(jy) ? 366 : 365]);
      if (isJalaliLeapYear(jy)) leapYears += 1;
      if (jy >= 1304 && jy <= 1479) {
        const nowruz = toGregorian(jy + 1, 1, 1);
        const eve = dayNumberToGregorian(gregorianToDayNumber(nowruz.gy, nowruz.gm, nowruz.gd) - 1);
        expect([jy, intlJalali(eve.gy, eve.gm, eve.gd).jd === 30]).toEqual([jy, isJalaliLeapYear(jy)]);
      }
    }
    // About 8 leap years in 33: the calendar's mean year is ~365.2422 days.
    expect(leapYears / (MAX_JALALI_YEAR - MIN_JALALI_YEAR)).toBeCloseTo(8 / 33, 2);
  });
});

describe('formatJalali / bothCalendars', () => {
  it.each(KNOWN)('%s = %s (%s)', (j, g) => {
    expect(formatJalali(g)).toBe(j);
    expect(bothCalendars(g)).toEqual({ gregorian: g, jalali: j });
  });

  it.each(['2023-02-29', '2024-3-20', '1403/01/01', ''])('rejects %j', (bad) => {
    expect(() => formatJalali(bad)).toThrow(RangeError);
  });
});
