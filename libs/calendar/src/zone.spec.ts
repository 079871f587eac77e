import fc from 'fast-check';
import { instantAtLocalMidnight, localDateOf, localDateTimeOf, startOfLocalDay } from './zone';
import { TEHRAN, BERLIN, at, ms, justBefore, isoOfDay, dayOf, zone, instant, isoDate } from './test-support';



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

describe('localDateTimeOf', () => {
  it.each([
    ['2024-03-19T20:29:59.999Z', TEHRAN, { date: '2024-03-19', hour: 23, minute: 59, second: 59, ms: 999 }, 'the last ms of 1402'],
    ['2020-03-20T20:29:59.999Z', TEHRAN, { date: '2020-03-20', hour: 23, minute: 59, second: 59, ms: 999 }, 'just before the 1399 DST jump'],
    ['2020-03-20T20:30:00.000Z', TEHRAN, { date: '2020-03-21', hour: 1, minute: 0, second: 0, ms: 0 }, '2 Farvardin 1399 starts at 01:00 +04:30'],
    ['2020-09-20T19:29:59.000Z', TEHRAN, { date: '2020-09-20', hour: 23, minute: 59, second: 59, ms: 0 }, 'the last second of DST'],
    ['2020-09-20T19:30:00.000Z', TEHRAN, { date: '2020-09-20', hour: 23, minute: 0, second: 0, ms: 0 }, '23:00 again at +03:30'],
    ['1929-12-31T20:34:16.000Z', TEHRAN, { date: '1930-01-01', hour: 0, minute: 0, second: 0, ms: 0 }, 'local mean time'],
    ['2024-03-31T01:00:00.000Z', BERLIN, { date: '2024-03-31', hour: 3, minute: 0, second: 0, ms: 0 }, 'the first CEST hour'],
  ] as const)('%s in %s (%s)', (t, tz, expected, _note) => {
    expect(localDateTimeOf(at(t), tz)).toEqual(expected);
  });

  it('agrees with localDateOf and reads a valid time of day (property)', () => {
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const local = localDateTimeOf(t, tz);
        expect(local.date).toBe(localDateOf(t, tz));
        expect(local.hour).toBeGreaterThanOrEqual(0);
        expect(local.hour).toBeLessThan(24);
        expect(local.minute).toBeLessThan(60);
        expect(local.second).toBeLessThan(60);
        expect(local.ms).toBe(ms(t) % 1000);
      }),
      { numRuns: 300 },
    );
  });
});
