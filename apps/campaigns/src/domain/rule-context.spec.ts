import fc from 'fast-check';
import { isJalaliLeapYear, localDateOf, parseIsoDate, toGregorian, toJalali } from '@club/calendar';
import { buildRuleContext, isBirthdayOn, isoWeekday, MAX_LINES, timeFacts, type RuleContextInput } from './rule-context';

const TEHRAN = { timeZone: 'Asia/Tehran', calendar: 'jalali' } as const;
const at = (iso: string) => new Date(iso);
const iso = ({ gy, gm, gd }: { gy: number; gm: number; gd: number }) => `${gy}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`;

describe('timeFacts in Asia/Tehran (Jalali club)', () => {
  it.each([
    // instant (UTC)            local date    hour min weekday name         jalali         nowruz yalda
    ['2025-03-20T20:29:00Z', '2025-03-20', 23, 59, 4, 'thursday', [1403, 12, 30], false, false], // last minute of leap Esfand 1403
    ['2025-03-20T20:30:00Z', '2025-03-21', 0, 0, 5, 'friday', [1404, 1, 1], true, false], // Nowruz 1404 starts at local midnight (UTC still 20 March)
    ['2025-03-24T20:29:00Z', '2025-03-24', 23, 59, 1, 'monday', [1404, 1, 4], true, false], // 4 Farvardin: last day of the holidays
    ['2025-03-24T20:30:00Z', '2025-03-25', 0, 0, 2, 'tuesday', [1404, 1, 5], false, false],
    ['2024-12-19T20:29:00Z', '2024-12-19', 23, 59, 4, 'thursday', [1403, 9, 29], false, false],
    ['2024-12-19T20:30:00Z', '2024-12-20', 0, 0, 5, 'friday', [1403, 9, 30], false, true], // 30 Azar: Yalda day and night
    ['2024-12-21T02:29:00Z', '2024-12-21', 5, 59, 6, 'saturday', [1403, 10, 1], false, true], // 1 Dey before dawn: still the night
    ['2024-12-21T02:30:00Z', '2024-12-21', 6, 0, 6, 'saturday', [1403, 10, 1], false, false],
    // DST history: +04:30 in summer until 2022, +03:30 all year since
    ['2021-06-01T12:00:00Z', '2021-06-01', 16, 30, 2, 'tuesday', [1400, 3, 11], false, false],
    ['2023-06-01T12:00:00Z', '2023-06-01', 15, 30, 4, 'thursday', [1402, 3, 11], false, false],
    // 2 Farvardin 1400: the clocks jumped from 00:00 to 01:00, the day has no midnight
    ['2021-03-21T20:29:59Z', '2021-03-21', 23, 59, 7, 'sunday', [1400, 1, 1], true, false],
    ['2021-03-21T20:30:00Z', '2021-03-22', 1, 0, 1, 'monday', [1400, 1, 2], true, false],
    // …and back an hour on 30 Shahrivar 1400 (2021-09-22 00:00 → 2021-09-21 23:00)
    ['2021-09-21T19:29:00Z', '2021-09-21', 23, 59, 2, 'tuesday', [1400, 6, 30], false, false],
    ['2021-09-21T19:31:00Z', '2021-09-21', 23, 1, 2, 'tuesday', [1400, 6, 30], false, false],
  ] as const)('%s → %s %s:%s', (instant, date, hour, minute, weekday, name, [jy, jm, jd], nowruz, yalda) => {
    const t = timeFacts(at(instant), TEHRAN);
    expect(t).toMatchObject({ date, hour, minute, weekday, weekdayName: name, jalali: { year: jy, month: jm, day: jd }, isNowruz: nowruz, isYalda: yalda, isBirthday: false });
    const g = parseIsoDate(date);
    expect(t.gregorian).toEqual({ year: g.gy, month: g.gm, day: g.gd });
  });

  it('reads the hour in the tenant zone, not UTC', () => {
    expect(timeFacts(at('2025-06-01T21:00:00Z'), { timeZone: 'Europe/Berlin', calendar: 'gregorian' })).toMatchObject({ date: '2025-06-01', hour: 23 });
    expect(timeFacts(at('2025-06-01T21:00:00Z'), TEHRAN)).toMatchObject({ date: '2025-06-02', hour: 0, minute: 30 });
  });

  it('throws a RangeError on an unknown zone', () => {
    expect(() => timeFacts(at('2025-01-01T00:00:00Z'), { timeZone: 'Mars/Olympus', calendar: 'jalali' })).toThrow(RangeError);
  });

  it('agrees with @club/calendar on every instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom('Asia/Tehran', 'Europe/Berlin', 'America/Sao_Paulo', 'UTC'), (ms, timeZone) => {
        const t = timeFacts(new Date(ms), { timeZone, calendar: 'jalali' });
        expect(t.date).toBe(localDateOf(new Date(ms), timeZone));
        const g = parseIsoDate(t.date);
        const j = toJalali(g.gy, g.gm, g.gd);
        expect(t.jalali).toEqual({ year: j.jy, month: j.jm, day: j.jd });
        expect(t.isNowruz).toBe(j.jm === 1 && j.jd <= 4);
        expect(t.weekday).toBe(((new Date(Date.UTC(g.gy, g.gm - 1, g.gd)).getUTCDay() + 6) % 7) + 1);
        expect(Number.isInteger(t.hour) && t.hour >= 0 && t.hour < 24).toBe(true);
      }),
    );
  });
});

describe('birthdays', () => {
  it('Jalali clubs celebrate the Jalali date; 30 Esfand falls back to 29 Esfand in common years', () => {
    expect(isJalaliLeapYear(1403)).toBe(true);
    expect(isJalaliLeapYear(1404)).toBe(false);
    const born = iso(toGregorian(1403, 12, 30)); // 2025-03-20
    expect(born).toBe('2025-03-20');
    expect(isBirthdayOn(born, iso(toGregorian(1404, 12, 29)), 'jalali')).toBe(true);
    expect(isBirthdayOn(born, iso(toGregorian(1404, 12, 28)), 'jalali')).toBe(false);
    expect(isBirthdayOn(born, iso(toGregorian(1408, 12, 30)), 'jalali')).toBe(isJalaliLeapYear(1408));
    // the Jalali anniversary is not the Gregorian one
    expect(isBirthdayOn('1990-03-21', '2025-03-21', 'jalali')).toBe(true); // 1 Farvardin both years
    expect(isBirthdayOn('1991-03-21', '2024-03-21', 'jalali')).toBe(false); // 1 Farvardin 1370 vs 2 Farvardin 1403
    expect(isBirthdayOn('1991-03-21', '2024-03-20', 'jalali')).toBe(true);
  });

  it('Gregorian clubs: 29 February celebrates on 28 February in common years', () => {
    expect(isBirthdayOn('2000-02-29', '2025-02-28', 'gregorian')).toBe(true);
    expect(isBirthdayOn('2000-02-29', '2024-02-28', 'gregorian')).toBe(false);
    expect(isBirthdayOn('2000-02-29', '2024-02-29', 'gregorian')).toBe(true);
    expect(isBirthdayOn('1985-07-04', '2025-07-04', 'gregorian')).toBe(true);
  });

  it('isBirthday reads the local date in the zone', () => {
    // 23:00 UTC on 20 March is already 21 March in Tehran
    expect(timeFacts(at('2025-03-20T23:00:00Z'), TEHRAN, '1990-03-21').isBirthday).toBe(true);
    expect(timeFacts(at('2025-03-20T19:00:00Z'), TEHRAN, '1990-03-21').isBirthday).toBe(false);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['1970-01-01', 4],
    ['2025-03-21', 5],
    ['2025-03-22', 6],
    ['2025-03-23', 7],
    ['2025-03-24', 1],
    ['1969-12-29', 1],
  ])('%s → %i', (d, w) => expect(isoWeekday(d)).toBe(w));
});

describe('buildRuleContext', () => {
  const base: RuleContextInput = {
    trigger: 'purchase',
    instant: at('2025-03-21T08:30:00Z'),
    tenant: TEHRAN,
    member: { id: 'm', tenureDays: 10 },
    cart: { amount: 1000, currency: 'IRR', lines: [{ sku: 'A', quantity: 2, unitPrice: 300 }, { sku: 'B', category: 'x', quantity: 1, unitPrice: 400, amount: 350 }] },
  };

  it('computes line amounts and the item count, with CEL ints as BigInt', () => {
    const c = buildRuleContext(base);
    expect(c.lines).toEqual([
      { sku: 'A', category: '', quantity: 2, unitPrice: 300, amount: 600 },
      { sku: 'B', category: 'x', quantity: 1, unitPrice: 400, amount: 350 },
    ]);
    expect(c.facts.cart).toMatchObject({ amount: 1000n, itemCount: 3n, currency: 'IRR' });
    expect(c.celLines[0]).toEqual({ sku: 'A', category: '', quantity: 2n, unitPrice: 300n, amount: 600n });
    expect(c.facts.member).toMatchObject({ tier: '', journeyStage: '', segments: [], personas: [] });
    expect(c.storeId).toBeNull();
  });

  it('an event without a cart has an empty one', () => {
    const c = buildRuleContext({ ...base, trigger: 'enrolment', cart: undefined });
    expect(c.cartAmount).toBe(0);
    expect(c.lines).toEqual([]);
  });

  it.each([
    ['a negative amount', { cart: { amount: -1, currency: 'IRR' } }],
    ['a fractional quantity', { cart: { amount: 1, currency: 'IRR', lines: [{ sku: 'A', quantity: 1.5, unitPrice: 1 }] } }],
    ['a line amount beyond 2^53', { cart: { amount: 1, currency: 'IRR', lines: [{ sku: 'A', quantity: 1_000_000, unitPrice: Number.MAX_SAFE_INTEGER }] } }],
    ['too many lines', { cart: { amount: 1, currency: 'IRR', lines: Array.from({ length: MAX_LINES + 1 }, () => ({ sku: 'A', quantity: 1, unitPrice: 1 })) } }],
    ['fractional base points', { basePoints: 1.5 }],
    ['too many segments', { member: { id: 'm', tenureDays: 1, segments: Array.from({ length: 1001 }, (_, i) => `s${i}`) } }],
    ['an infinite property', { eventProperties: { x: Number.POSITIVE_INFINITY } }],
  ])('refuses %s (RangeError)', (_what, patch) => {
    expect(() => buildRuleContext({ ...base, ...(patch as Partial<RuleContextInput>) })).toThrow(RangeError);
  });
});
