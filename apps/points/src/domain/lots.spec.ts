import fc from 'fast-check';
import {
  allocate,
  compareLots,
  creditLots,
  debitLots,
  dueForActivation,
  dueForExpiry,
  isSpendable,
  type Lot,
  outstanding,
  pickRefund,
  restore,
  spendableTotal,
  sumPoints,
} from './lots';

const at = (iso: string) => new Date(iso);
const NOW = at('2025-01-01T00:00:00Z');

function lot(id: string, remaining: number, over: Partial<Lot> = {}): Lot {
  return { id, points: remaining, remaining, status: 'active', activatesAt: null, expiresAt: null, earnedAt: at('2024-01-01T00:00:00Z'), ...over };
}

describe('allocate', () => {
  const lots = [
    lot('never', 100),
    lot('late', 50, { expiresAt: at('2025-06-01T00:00:00Z') }),
    lot('soon', 30, { expiresAt: at('2025-02-01T00:00:00Z') }),
    lot('pending', 500, { status: 'pending', activatesAt: at('2024-12-01T00:00:00Z') }),
    lot('expired', 500, { expiresAt: at('2025-01-01T00:00:00Z') }),
    lot('empty', 0, { expiresAt: at('2025-01-15T00:00:00Z') }),
  ];

  it.each([
    [10, [{ lotId: 'soon', points: 10 }]],
    [30, [{ lotId: 'soon', points: 30 }]],
    [31, [{ lotId: 'soon', points: 30 }, { lotId: 'late', points: 1 }]],
    [180, [{ lotId: 'soon', points: 30 }, { lotId: 'late', points: 50 }, { lotId: 'never', points: 100 }]],
    [0, []],
  ])('spends %d soonest-expiring first, never-expiring last; skips pending, expired and empty lots', (points, expected) => {
    expect(allocate(lots, points, NOW)).toEqual({ ok: true, allocations: expected });
  });

  it('reports the shortfall and allocates nothing when the spendable points do not suffice', () => {
    expect(allocate(lots, 181, NOW)).toEqual({ ok: false, shortfall: 1 });
    expect(allocate([], 5, NOW)).toEqual({ ok: false, shortfall: 5 });
  });

  it('treats a lot as expired from its expiry instant on', () => {
    const l = [lot('a', 10, { expiresAt: NOW })];
    expect(allocate(l, 10, new Date(NOW.getTime() - 1))).toEqual({ ok: true, allocations: [{ lotId: 'a', points: 10 }] });
    expect(allocate(l, 10, NOW)).toEqual({ ok: false, shortfall: 10 });
  });

  it('breaks ties by earnedAt, then by id', () => {
    const exp = at('2025-03-01T00:00:00Z');
    const tied = [
      lot('b', 5, { expiresAt: exp, earnedAt: at('2024-02-01T00:00:00Z') }),
      lot('c', 5, { expiresAt: exp, earnedAt: at('2024-01-01T00:00:00Z') }),
      lot('a', 5, { expiresAt: exp, earnedAt: at('2024-02-01T00:00:00Z') }),
    ];
    expect(allocate(tied, 12, NOW)).toEqual({ ok: true, allocations: [{ lotId: 'c', points: 5 }, { lotId: 'a', points: 5 }, { lotId: 'b', points: 2 }] });
  });

  it('rejects a negative or fractional amount', () => {
    expect(() => allocate(lots, -1, NOW)).toThrow(RangeError);
    expect(() => allocate(lots, 1.5, NOW)).toThrow(RangeError);
  });
});

const arbLots = fc
  .array(
    fc.record({
      points: fc.integer({ min: 0, max: 1000 }),
      spentShare: fc.integer({ min: 0, max: 100 }),
      status: fc.constantFrom('pending' as const, 'active' as const),
      expiresInDays: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
      earnedDay: fc.integer({ min: 0, max: 5 }),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map(
      (r, i): Lot => ({
        id: `lot-${String(i).padStart(2, '0')}`,
        points: r.points,
        remaining: Math.floor((r.points * (100 - r.spentShare)) / 100),
        status: r.status,
        activatesAt: null,
        expiresAt: r.expiresInDays === null ? null : new Date(NOW.getTime() + r.expiresInDays * 86_400_000),
        earnedAt: new Date(Date.UTC(2024, 0, 1 + r.earnedDay)),
      }),
    ),
  );

describe('allocate (properties)', () => {
  it('allocates exactly the points when enough are spendable, FEFO, never making a lot negative', () => {
    fc.assert(
      fc.property(arbLots, fc.integer({ min: 0, max: 5000 }), (lots, points) => {
        const result = allocate(lots, points, NOW);
        const spendable = spendableTotal(lots, NOW);
        if (!result.ok) {
          expect(points).toBeGreaterThan(spendable);
          expect(result.shortfall).toBe(points - spendable);
          return;
        }
        expect(sumPoints(result.allocations)).toBe(points);
        const after = debitLots(lots, result.allocations);
        expect(after.every((l) => l.remaining >= 0 && l.remaining <= l.points)).toBe(true);
        const byId = new Map(lots.map((l) => [l.id, l]));
        for (const a of result.allocations) {
          expect(a.points).toBeGreaterThan(0);
          expect(isSpendable(byId.get(a.lotId)!, NOW)).toBe(true);
        }
        // FEFO: every spendable lot ordered before the last one touched is used up.
        const last = result.allocations.at(-1);
        if (last) {
          for (const l of after.filter((x) => isSpendable(byId.get(x.id)!, NOW) && compareLots(x, byId.get(last.lotId)!) < 0)) {
            expect(l.remaining).toBe(0);
          }
        }
      }),
    );
  });
});

describe('outstanding / pickRefund / restore', () => {
  const spent = [
    { lotId: 'soon', points: 30 },
    { lotId: 'late', points: 20 },
  ];

  it('gives back the latest-taken points first', () => {
    expect(pickRefund(spent, 25)).toEqual({ ok: true, allocations: [{ lotId: 'late', points: 20 }, { lotId: 'soon', points: 5 }] });
    expect(pickRefund(spent, 51)).toEqual({ ok: false, shortfall: 1 });
  });

  it('subtracts what was given back already', () => {
    expect(outstanding(spent, [{ lotId: 'late', points: 20 }, { lotId: 'soon', points: 5 }])).toEqual([{ lotId: 'soon', points: 25 }]);
    expect(() => outstanding(spent, [{ lotId: 'late', points: 21 }])).toThrow(RangeError);
  });

  it('credits an unexpired lot and credits-and-expires an expired one', () => {
    const lots = [
      lot('soon', 0, { points: 30, expiresAt: at('2025-02-01T00:00:00Z') }),
      lot('late', 0, { points: 20, expiresAt: at('2025-06-01T00:00:00Z') }),
    ];
    const { lots: after, restorations } = restore(lots, spent, at('2025-03-01T00:00:00Z'));
    expect(restorations).toEqual([
      { lotId: 'soon', points: 30, expired: true },
      { lotId: 'late', points: 20, expired: false },
    ]);
    expect(after.map((l) => l.remaining)).toEqual([0, 20]);
  });

  it('refuses to overfill or overdraw a lot, or touch an unknown one', () => {
    expect(() => creditLots([lot('a', 10)], [{ lotId: 'a', points: 1 }])).toThrow(RangeError);
    expect(() => debitLots([lot('a', 10)], [{ lotId: 'a', points: 11 }])).toThrow(RangeError);
    expect(() => debitLots([lot('a', 10)], [{ lotId: 'b', points: 1 }])).toThrow(RangeError);
  });

  it('spending and giving everything back before expiry restores the lots (property)', () => {
    fc.assert(
      fc.property(arbLots, fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (lots, points, firstRefund) => {
        const spend = allocate(lots, points, NOW);
        fc.pre(spend.ok);
        if (!spend.ok) return;
        const debited = debitLots(lots, spend.allocations);
        const first = pickRefund(spend.allocations, Math.min(firstRefund, points));
        if (!first.ok) throw new Error('refund within the spend must succeed');
        const rest = outstanding(spend.allocations, first.allocations);
        expect(sumPoints(rest)).toBe(points - Math.min(firstRefund, points));
        const once = restore(debited, first.allocations, NOW);
        const twice = restore(once.lots, rest, NOW);
        expect(twice.lots).toEqual(lots);
        expect([...once.restorations, ...twice.restorations].every((r) => !r.expired)).toBe(true);
      }),
    );
  });
});

describe('dueForExpiry / dueForActivation', () => {
  it('expires the remaining points of active lots whose expiry has come, FEFO', () => {
    const lots = [
      lot('b', 5, { expiresAt: at('2024-12-31T00:00:00Z') }),
      lot('a', 7, { expiresAt: at('2024-12-01T00:00:00Z') }),
      lot('now', 3, { expiresAt: NOW }),
      lot('later', 9, { expiresAt: at('2025-01-02T00:00:00Z') }),
      lot('spent', 0, { points: 4, expiresAt: at('2024-12-01T00:00:00Z') }),
      lot('never', 9),
    ];
    expect(dueForExpiry(lots, NOW)).toEqual([
      { lotId: 'a', points: 7 },
      { lotId: 'b', points: 5 },
      { lotId: 'now', points: 3 },
    ]);
  });

  it('activates pending lots whose time has come, never those waiting for an accept', () => {
    const lots = [
      lot('due', 5, { status: 'pending', activatesAt: NOW }),
      lot('later', 5, { status: 'pending', activatesAt: at('2025-01-02T00:00:00Z') }),
      lot('accept', 5, { status: 'pending', activatesAt: null }),
      lot('active', 5, { activatesAt: at('2024-01-01T00:00:00Z') }),
    ];
    expect(dueForActivation(lots, NOW).map((l) => l.id)).toEqual(['due']);
  });
});
