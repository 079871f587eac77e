import fc from 'fast-check';
import { localDateOf } from '@club/calendar';
import { counterKey, decideGrant, periodKey, periodWindow, resolveLimits, weekStart, type LimitPeriod, type ResolvedLimit } from './limits';

const TEHRAN = 'Asia/Tehran';

describe('periodKey', () => {
  it.each<[LimitPeriod, string, 'jalali' | 'gregorian', string]>([
    ['lifetime', '2025-03-21', 'jalali', 'lifetime'],
    [{ unit: 'day' }, '2025-03-21', 'jalali', 'day:2025-03-21'],
    [{ unit: 'month' }, '2025-03-20', 'jalali', 'jalali-month:1403-12'],
    [{ unit: 'month' }, '2025-03-21', 'jalali', 'jalali-month:1404-01'],
    [{ unit: 'month', calendar: 'gregorian' }, '2025-03-21', 'jalali', 'gregorian-month:2025-03'],
    [{ unit: 'month' }, '2025-03-21', 'gregorian', 'gregorian-month:2025-03'],
    [{ unit: 'quarter' }, '2025-06-21', 'jalali', 'jalali-quarter:1404-Q1'], // 31 Khordad
    [{ unit: 'quarter' }, '2025-06-22', 'jalali', 'jalali-quarter:1404-Q2'], // 1 Tir
    [{ unit: 'quarter' }, '2025-06-22', 'gregorian', 'gregorian-quarter:2025-Q2'],
    [{ unit: 'year' }, '2025-03-20', 'jalali', 'jalali-year:1403'],
    [{ unit: 'year' }, '2025-03-21', 'jalali', 'jalali-year:1404'],
    [{ unit: 'year' }, '2025-03-21', 'gregorian', 'gregorian-year:2025'],
    // Jalali weeks start on Saturday, Gregorian (ISO) weeks on Monday
    [{ unit: 'week' }, '2025-03-21', 'jalali', 'jalali-week:2025-03-15'], // a Friday: last day of the week that began Saturday 15th
    [{ unit: 'week' }, '2025-03-22', 'jalali', 'jalali-week:2025-03-22'], // Saturday
    [{ unit: 'week' }, '2025-03-23', 'gregorian', 'gregorian-week:2025-03-17'], // Sunday: last day of the ISO week
    [{ unit: 'week' }, '2025-03-24', 'gregorian', 'gregorian-week:2025-03-24'], // Monday
  ])('%j on %s (%s club) → %s', (period, date, calendar, key) => {
    expect(periodKey(period, date, calendar)).toBe(key);
  });

  it('is read in the tenant zone: the Jalali year turns at Tehran midnight, not UTC', () => {
    const key = (iso: string) => periodKey({ unit: 'year' }, localDateOf(new Date(iso), TEHRAN), 'jalali');
    expect(key('2025-03-20T20:29:59Z')).toBe('jalali-year:1403');
    expect(key('2025-03-20T20:30:00Z')).toBe('jalali-year:1404');
  });

  it('weeks are seven days and contain their date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom<'jalali' | 'gregorian'>('jalali', 'gregorian'), (days, calendar) => {
        const date = new Date(Date.UTC(1990, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
        const start = weekStart(date, calendar);
        const offset = (Date.parse(date) - Date.parse(start)) / 86_400_000;
        expect(offset >= 0 && offset < 7).toBe(true);
        expect(new Date(Date.parse(start)).getUTCDay()).toBe(calendar === 'jalali' ? 6 : 1);
      }),
    );
  });
});

describe('periodWindow', () => {
  it('gives local midnights, DST included', () => {
    expect(periodWindow('lifetime', '2025-03-21', 'jalali', TEHRAN)).toBeNull();
    const m = periodWindow({ unit: 'month' }, '2025-04-01', 'jalali', TEHRAN);
    expect(m).toEqual({ start: new Date('2025-03-20T20:30:00Z'), end: new Date('2025-04-20T20:30:00Z') }); // Farvardin 1404
    // 2 Farvardin 1400 began at 01:00 (+04:30) because the clocks skipped midnight
    const d = periodWindow({ unit: 'day' }, '2021-03-22', 'jalali', TEHRAN);
    expect(d).toEqual({ start: new Date('2021-03-21T20:30:00Z'), end: new Date('2021-03-22T19:30:00Z') });
    const w = periodWindow({ unit: 'week' }, '2025-03-21', 'jalali', TEHRAN);
    expect(w).toEqual({ start: new Date('2025-03-14T20:30:00Z'), end: new Date('2025-03-21T20:30:00Z') });
  });
});

describe('counterKey and resolveLimits', () => {
  const subject = { memberId: 'm/1', storeId: 's 1', localDate: '2025-03-21', calendar: 'jalali' as const };

  it('keys by campaign, scope subject, measure and period, ids encoded', () => {
    expect(counterKey('c:1', { scope: 'campaign', measure: 'points' }, subject, 'lifetime')).toBe('campaign:c%3A1/campaign/points/lifetime');
    expect(counterKey('c', { scope: 'member', measure: 'applications' }, subject, 'day:2025-03-21')).toBe('campaign:c/member:m%2F1/applications/day:2025-03-21');
    expect(counterKey('c', { scope: 'store', measure: 'discount' }, subject, 'lifetime')).toBe('campaign:c/store:s%201/discount/lifetime');
    expect(counterKey('c', { scope: 'store', measure: 'discount' }, { ...subject, storeId: null }, 'lifetime')).toBeNull();
  });

  it('binds limits; a store limit without a store fails; two limits on one counter keep the smaller max', () => {
    const r = resolveLimits(
      'c',
      [
        { scope: 'member', measure: 'points', max: 500, period: { unit: 'month' } },
        { scope: 'member', measure: 'points', max: 300, period: { unit: 'month', calendar: 'jalali' } },
        { scope: 'campaign', measure: 'discount', max: 1_000_000, period: 'lifetime' },
      ],
      subject,
    );
    expect(r).toEqual({
      ok: true,
      limits: [
        { key: 'campaign:c/member:m%2F1/points/jalali-month:1404-01', campaignId: 'c', scope: 'member', measure: 'points', max: 300, periodKey: 'jalali-month:1404-01' },
        { key: 'campaign:c/campaign/discount/lifetime', campaignId: 'c', scope: 'campaign', measure: 'discount', max: 1_000_000, periodKey: 'lifetime' },
      ],
    });
    expect(resolveLimits('c', [{ scope: 'store', measure: 'points', max: 1, period: 'lifetime' }], { ...subject, storeId: null })).toEqual({ ok: false, reason: 'a store limit needs a store' });
  });
});

describe('decideGrant', () => {
  const limit = (key: string, max: number): ResolvedLimit => ({ key, campaignId: 'c', scope: 'campaign', measure: 'points', max, periodKey: 'lifetime' });
  const used = (m: Record<string, number>) => (k: string) => m[k] ?? 0;

  it.each([
    ['no limits', 50, [], {}, 'partial', 50, null],
    ['room left', 50, [limit('a', 1000)], { a: 100 }, 'partial', 50, null],
    ['exactly the rest', 50, [limit('a', 1000)], { a: 950 }, 'partial', 50, null],
    ['partial grant of the rest', 50, [limit('a', 1000)], { a: 970 }, 'partial', 30, 'a'],
    ['budget exhausted', 50, [limit('a', 1000)], { a: 1000 }, 'partial', 0, 'a'],
    ['counter over its max (a raced write) leaves nothing', 50, [limit('a', 1000)], { a: 1200 }, 'partial', 0, 'a'],
    ['the tightest of several limits', 50, [limit('a', 1000), limit('b', 100)], { a: 970, b: 80 }, 'partial', 20, 'b'],
    ['all-or-nothing: fits', 50, [limit('a', 1000)], { a: 950 }, 'all-or-nothing', 50, null],
    ['all-or-nothing: does not fit', 50, [limit('a', 1000)], { a: 970 }, 'all-or-nothing', 0, 'a'],
    ['all-or-nothing: the first limit that does not fit is named', 50, [limit('a', 1000), limit('b', 10)], { a: 970 }, 'all-or-nothing', 0, 'a'],
  ] as const)('%s', (_what, requested, limits, counters, mode, granted, limitedBy) => {
    expect(decideGrant(requested, limits, used(counters), mode)).toEqual({ requested, granted, limitedBy });
  });

  it('never grants more than asked nor more than any limit leaves (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e9 }),
        fc.array(fc.tuple(fc.nat({ max: 1e9 }), fc.nat({ max: 2e9 })), { maxLength: 4 }),
        fc.constantFrom<'partial' | 'all-or-nothing'>('partial', 'all-or-nothing'),
        (requested, specs, mode) => {
          const limits = specs.map(([max], i) => limit(`k${i}`, max));
          const counters = Object.fromEntries(specs.map(([, u], i) => [`k${i}`, u]));
          const { granted } = decideGrant(requested, limits, used(counters), mode);
          expect(granted >= 0 && granted <= requested).toBe(true);
          for (const [max, u] of specs) expect(granted === 0 || u + granted <= max).toBe(true);
          if (mode === 'all-or-nothing') expect([0, requested]).toContain(granted);
        },
      ),
    );
  });
});
