import fc from 'fast-check';
import { expiresAt, type ExpiryPolicy } from './expiry';
import { dailyJobDate, debtSettlement, expiryCalculator, holdSweepSlot, runningBalancesBackFrom, warnUntil } from './ledger-jobs';
import type { Lot } from './lots';

const DAY = 86_400_000;

const policies: ExpiryPolicy[] = [
  { kind: 'never' },
  { kind: 'after', n: 30, unit: 'days' },
  { kind: 'after', n: 6, unit: 'months', calendar: 'jalali', roundTo: 'month' },
  { kind: 'after', n: 1, unit: 'months', roundTo: 'quarter' },
  { kind: 'fixed-yearly', month: 12, day: 30, calendar: 'jalali' },
];
// Zones with DST histories and quarter-hour offsets, and one with a historical local mean time.
const zones = ['Asia/Tehran', 'Europe/Berlin', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Apia', 'UTC'];

describe('expiryCalculator', () => {
  it('answers exactly what expiresAt answers, for any instant, policy and zone (memoised per local date)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: Date.parse('1900-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }), { minLength: 1, maxLength: 30 }),
        (policy, zone, instants) => {
          const calc = expiryCalculator(policy, zone);
          // Nearby instants share memo entries: around each one, every few minutes across a day edge.
          const all = instants.flatMap((t) => [t, t + 1, t - 60_000, t + 7 * 60_000, t + 14 * 60_000 + 59_999, t + DAY / 2]);
          for (const t of all) expect(calc(new Date(t))).toEqual(expiresAt(new Date(t), policy, zone));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('holds across local midnights and DST changes, minute by minute', () => {
    const calc = expiryCalculator({ kind: 'after', n: 1, unit: 'days' }, 'Asia/Tehran');
    // Tehran's last DST end (21 Sep 2022, 24:00 → 23:00) and a plain midnight.
    for (const start of [Date.parse('2022-09-21T18:00:00Z'), Date.parse('2024-03-19T19:00:00Z')]) {
      for (let t = start; t < start + 4 * 3_600_000; t += 60_000) {
        expect(calc(new Date(t))).toEqual(expiresAt(new Date(t), { kind: 'after', n: 1, unit: 'days' }, 'Asia/Tehran'));
      }
    }
  });
});

describe('job schedule helpers', () => {
  it('names the local date whose daily runs are due from the configured hour', () => {
    expect(dailyJobDate(new Date('2025-03-20T20:29:00Z'), 'Asia/Tehran', 0)).toBe('2025-03-20');
    expect(dailyJobDate(new Date('2025-03-20T20:30:00Z'), 'Asia/Tehran', 0)).toBe('2025-03-21'); // Nowruz 1404 begins
    expect(dailyJobDate(new Date('2025-03-20T20:30:00Z'), 'Asia/Tehran', 2)).toBeNull();
    expect(dailyJobDate(new Date('2025-03-20T22:30:00Z'), 'Asia/Tehran', 2)).toBe('2025-03-21');
  });

  it('slots the hold sweep', () => {
    expect(holdSweepSlot(new Date('2025-01-01T10:00:59.999Z'), 60_000)).toBe('2025-01-01T10:00:00.000Z');
    expect(holdSweepSlot(new Date('2025-01-01T10:01:00.000Z'), 60_000)).toBe('2025-01-01T10:01:00.000Z');
    expect(() => holdSweepSlot(new Date(), 0)).toThrow(RangeError);
  });

  it('opens the warning window warnDaysBefore days ahead, or not at all for 0', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    expect(warnUntil(at, 30)).toEqual(new Date('2025-01-31T00:00:00Z'));
    expect(warnUntil(at, 0)).toBeNull();
    expect(() => warnUntil(at, -1)).toThrow(RangeError);
  });
});

describe('debtSettlement', () => {
  const at = new Date('2025-06-01T00:00:00Z');
  const lot = (id: string, remaining: number, expiresAt: string | null, status: 'active' | 'pending' = 'active'): Lot => ({
    id,
    points: 100,
    remaining,
    status,
    activatesAt: null,
    expiresAt: expiresAt === null ? null : new Date(expiresAt),
    earnedAt: new Date('2025-01-01T00:00:00Z'),
  });

  it('pays off the debt from the spendable lots, soonest expiring first, up to what they hold', () => {
    const lots = [lot('a', 10, null), lot('b', 5, '2025-07-01T00:00:00Z'), lot('c', 50, '2025-05-01T00:00:00Z'), lot('d', 50, null, 'pending')];
    expect(debtSettlement(lots, 8, at)).toEqual([
      { lotId: 'b', points: 5 },
      { lotId: 'a', points: 3 },
    ]);
    expect(debtSettlement(lots, 100, at)).toEqual([
      { lotId: 'b', points: 5 },
      { lotId: 'a', points: 10 },
    ]);
    expect(debtSettlement(lots, 0, at)).toEqual([]);
    expect(debtSettlement([lot('c', 50, '2025-05-01T00:00:00Z')], 10, at)).toEqual([]); // expired points never pay a debt
  });
});

describe('runningBalancesBackFrom', () => {
  it('gives the balance after each entry from the balance after all of them (memos change nothing)', () => {
    const after = { available: 130, pending: 0, held: 20, spent: 5, expired: 40, lifetimeEarned: 195 };
    const entries = [
      { points: 40, from: 'held' as const, to: 'available' as const },
      { points: 40, from: 'available' as const, to: 'expired' as const },
      { points: 30, from: 'held' as const, to: 'available' as const },
      { points: 7, from: null, to: null },
    ];
    expect(runningBalancesBackFrom(after, entries).map((b) => [b.available, b.held, b.expired, b.lifetimeEarned])).toEqual([
      [140, 50, 0, 195],
      [100, 50, 40, 195],
      [130, 20, 40, 195],
      [130, 20, 40, 195],
    ]);
    expect(runningBalancesBackFrom(after, [{ points: 10, from: 'outside', to: 'pending' }])).toEqual([after]);
    expect(runningBalancesBackFrom(after, [])).toEqual([]);
  });
});
