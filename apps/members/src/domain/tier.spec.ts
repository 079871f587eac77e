import fc from 'fast-check';
import {
  type TierLadder,
  type TierStanding,
  atReview,
  earnedLevel,
  ladderAt,
  levelIndex,
  onQualifyingActivity,
  parseIsoInstant,
  progressToNext,
  tierMultiplierPercent,
  validateLadder,
  validateNewVersion,
} from './tier';

const LADDER: TierLadder = {
  version: 1,
  effectiveFrom: '2025-03-21T00:00:00+03:30',
  metric: 'tier-points',
  levels: [
    { code: 'bronze', name: 'برنزی', threshold: 0 },
    { code: 'silver', name: 'نقره‌ای', threshold: 1000, multiplierPercent: 110 },
    { code: 'gold', name: 'طلایی', threshold: 5000, multiplierPercent: 125 },
    { code: 'platinum', name: 'پلاتینیوم', threshold: 20000, multiplierPercent: 150 },
  ],
  downgrade: 'one-level',
  graceDays: 0,
};
const SINCE = '2024-01-01T00:00:00Z';
const standing = (code: string, graceUntil?: string): TierStanding => (graceUntil ? { code, since: SINCE, graceUntil } : { code, since: SINCE });

/** A valid ladder: 1-6 levels, unique codes, thresholds 0 then strictly ascending. */
const ladderArb: fc.Arbitrary<TierLadder> = fc
  .record({
    steps: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 0, maxLength: 5 }),
    downgrade: fc.constantFrom('one-level' as const, 'to-earned' as const),
    graceDays: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
    metric: fc.constantFrom('tier-points' as const, 'spend' as const, 'purchase-count' as const),
  })
  .map(({ steps, downgrade, graceDays, metric }) => {
    let t = 0;
    const thresholds = [0, ...steps.map((s) => (t += s))];
    return {
      version: 1,
      effectiveFrom: '2025-01-01T00:00:00Z',
      metric,
      downgrade,
      graceDays,
      levels: thresholds.map((threshold, i) => ({ code: `L${i}`, name: `Level ${i}`, threshold })),
    };
  });
const metricArb = fc.integer({ min: -100, max: 30_000 });
const reviewAtArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString());
/** A ladder with a member standing on one of its levels. */
const onLadder = ladderArb.chain((ladder) => fc.tuple(fc.constant(ladder), fc.integer({ min: 0, max: ladder.levels.length - 1 })));

describe('parseIsoInstant', () => {
  it.each([
    ['2025-03-21T00:00:00Z', Date.UTC(2025, 2, 21)],
    ['2025-03-21T03:30:00+03:30', Date.UTC(2025, 2, 21)],
    ['2025-03-20T20:30-03:30', Date.UTC(2025, 2, 21)],
    ['2024-02-29T12:00:00.5Z', Date.UTC(2024, 1, 29, 12, 0, 0, 500)],
    ['2024-02-29T12:00:00.123456789Z', Date.UTC(2024, 1, 29, 12, 0, 0, 123)],
  ])('%s', (s, ms) => {
    expect(parseIsoInstant(s)).toBe(ms);
  });

  it('keeps two-digit years as they are (no 19xx mapping)', () => {
    expect(new Date(parseIsoInstant('0099-01-01T00:00:00Z')!).getUTCFullYear()).toBe(99);
  });

  it('agrees with Date.parse on generated instants', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(parseIsoInstant(d.toISOString())).toBe(d.getTime());
      }),
    );
  });

  it.each(['', '2025-03-21', '2025-03-21T00:00:00', '2025-02-29T00:00:00Z', '2025-13-01T00:00Z', '2025-03-21T24:00:00Z', '2025-03-21 00:00:00Z', 'yesterday'])(
    'rejects %j',
    (s) => {
      expect(parseIsoInstant(s)).toBeUndefined();
    },
  );
});

describe('validateLadder', () => {
  it('accepts a well-formed ladder', () => {
    expect(validateLadder(LADDER)).toEqual([]);
  });

  it('accepts every generated ladder', () => {
    fc.assert(fc.property(ladderArb, (ladder) => expect(validateLadder(ladder)).toEqual([])));
  });

  const levels = LADDER.levels;
  it.each<[string, Partial<TierLadder>, RegExp]>([
    ['no levels', { levels: [] }, /at least one level/],
    ['first threshold not 0', { levels: [{ ...levels[0], threshold: 10 }, ...levels.slice(1)] }, /levels\[0\]\.threshold must be 0/],
    ['equal thresholds', { levels: [levels[0], levels[1], { ...levels[2], threshold: 1000 }] }, /strictly ascending/],
    ['descending thresholds', { levels: [levels[0], levels[2], levels[1]] }, /strictly ascending/],
    ['a fractional threshold', { levels: [levels[0], { ...levels[1], threshold: 10.5 }] }, /non-negative integer/],
    ['a negative threshold', { levels: [levels[0], { ...levels[1], threshold: -5 }] }, /non-negative integer/],
    ['duplicate codes', { levels: [levels[0], { ...levels[1], code: 'bronze' }] }, /duplicate/],
    ['a malformed code', { levels: [levels[0], { ...levels[1], code: 'gold tier' }] }, /code must match/],
    ['a blank name', { levels: [levels[0], { ...levels[1], name: '  ' }] }, /name must be non-blank/],
    ['a zero multiplier', { levels: [levels[0], { ...levels[1], multiplierPercent: 0 }] }, /multiplierPercent/],
    ['a fractional multiplier', { levels: [levels[0], { ...levels[1], multiplierPercent: 112.5 }] }, /multiplierPercent/],
    ['negative grace days', { graceDays: -1 }, /graceDays/],
    ['fractional grace days', { graceDays: 1.5 }, /graceDays/],
    ['grace days beyond the limit', { graceDays: 100_000 }, /graceDays/],
    ['version 0', { version: 0 }, /version/],
    ['a date without a time', { effectiveFrom: '2025-03-21' }, /effectiveFrom/],
    ['an unknown metric', { metric: 'visits' as TierLadder['metric'] }, /metric/],
    ['an unknown downgrade policy', { downgrade: 'two-levels' as TierLadder['downgrade'] }, /downgrade/],
    ['too many levels', { levels: Array.from({ length: 21 }, (_, i) => ({ code: `l${i}`, name: `L${i}`, threshold: i })) }, /at most 20 levels/],
  ])('rejects %s', (_, change, message) => {
    const errors = validateLadder({ ...LADDER, ...change });
    expect(errors.some((e) => message.test(e))).toBe(true);
  });
});

describe('ladderAt and versions', () => {
  const v1 = { ...LADDER, version: 1, effectiveFrom: '2024-03-20T00:00:00+03:30' };
  const v2 = { ...LADDER, version: 2, effectiveFrom: '2025-03-21T00:00:00+03:30', graceDays: 30 };
  const v3 = { ...LADDER, version: 3, effectiveFrom: '2025-03-21T00:00:00+03:30', graceDays: 60 };

  it.each([
    ['2024-03-19T20:29:59Z', undefined],
    ['2024-03-19T20:30:00Z', 1],
    ['2025-03-20T20:29:59.999Z', 1],
    ['2025-03-21T00:00:00+03:30', 3],
    ['2030-01-01T00:00:00Z', 3],
  ])('at %s → version %s', (at, version) => {
    expect(ladderAt([v3, v1, v2], at)?.version).toBe(version);
  });

  it('throws on an instant that does not parse', () => {
    expect(() => ladderAt([v1], '2025-03-21')).toThrow(RangeError);
  });

  it('adding a version never changes the ladder in force before it takes effect (history is not rewritten)', () => {
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.array(instant, { minLength: 0, maxLength: 6 }), instant, instant, (froms, newFrom, at) => {
        const history = froms.map((effectiveFrom, i) => ({ ...LADDER, version: i + 1, effectiveFrom }));
        const candidate = { ...LADDER, version: history.length + 1, effectiveFrom: newFrom };
        const added = [...history, candidate];
        if (Date.parse(at) < Date.parse(newFrom)) expect(ladderAt(added, at)).toBe(ladderAt(history, at));
        // A valid append (not before any existing version) is in force from its effectiveFrom on.
        else if (validateNewVersion(history, candidate, newFrom).length === 0) expect(ladderAt(added, at)).toBe(candidate);
      }),
    );
  });

  it('validateNewVersion: next number, not in the past, not before an existing version', () => {
    const now = '2025-01-01T00:00:00Z';
    expect(validateNewVersion([], { ...v1, version: 1, effectiveFrom: now }, now)).toEqual([]);
    expect(validateNewVersion([v1], { ...v2, effectiveFrom: '2025-06-01T00:00:00Z' }, now)).toEqual([]);
    expect(validateNewVersion([v1, v2], { ...v3, version: 3 }, now)).toEqual([]); // supersedes a scheduled v2
    expect(validateNewVersion([v1], { ...v2, version: 3 }, now)).toEqual([expect.stringMatching(/version must be 2/)]);
    expect(validateNewVersion([v1], { ...v2, effectiveFrom: '2024-12-31T23:59:59Z' }, now)).toEqual([expect.stringMatching(/in the past/)]);
    expect(validateNewVersion([v1, v2], { ...v3, effectiveFrom: '2025-02-01T00:00:00Z' }, now)).toEqual([expect.stringMatching(/must not precede/)]);
    expect(validateNewVersion([], { ...v1, effectiveFrom: now, levels: [] }, now)).toEqual([expect.stringMatching(/at least one level/)]);
  });
});

describe('earnedLevel', () => {
  it.each([
    [-50, 'bronze'],
    [0, 'bronze'],
    [999, 'bronze'],
    [1000, 'silver'],
    [4999, 'silver'],
    [5000, 'gold'],
    [19_999, 'gold'],
    [20_000, 'platinum'],
    [Number.MAX_SAFE_INTEGER, 'platinum'],
  ])('%d → %s', (metric, code) => {
    expect(earnedLevel(LADDER, metric)).toBe(code);
  });

  it.each([NaN, 1.5, Infinity])('throws on a metric value %d', (metric) => {
    expect(() => earnedLevel(LADDER, metric)).toThrow(RangeError);
  });

  it('is the highest level whose threshold is reached', () => {
    fc.assert(
      fc.property(ladderArb, metricArb, (ladder, v) => {
        const i = levelIndex(ladder, earnedLevel(ladder, v));
        expect(i).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(ladder.levels[i].threshold).toBeLessThanOrEqual(v);
        if (i + 1 < ladder.levels.length) expect(ladder.levels[i + 1].threshold).toBeGreaterThan(v);
      }),
    );
  });

  it('is monotonic in the metric', () => {
    fc.assert(
      fc.property(ladderArb, metricArb, metricArb, (ladder, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(levelIndex(ladder, earnedLevel(ladder, lo))).toBeLessThanOrEqual(levelIndex(ladder, earnedLevel(ladder, hi)));
      }),
    );
  });
});

describe('tierMultiplierPercent', () => {
  it.each([
    ['bronze', 100],
    ['gold', 125],
    ['unknown', 100],
  ])('%s → %d', (code, percent) => {
    expect(tierMultiplierPercent(LADDER, code)).toBe(percent);
  });
});

describe('onQualifyingActivity', () => {
  it.each([
    ['bronze', 999, 'bronze', false, 'none'],
    ['bronze', 1000, 'silver', true, 'up'],
    ['bronze', 25_000, 'platinum', true, 'up'],
    ['silver', 5000, 'gold', true, 'up'],
    ['gold', 10, 'gold', false, 'none'],
    ['gold', 5000, 'gold', false, 'none'],
    ['retired-code', 10, 'bronze', true, 'up'],
    ['retired-code', 6000, 'gold', true, 'up'],
  ] as const)('%s with %d → %s', (code, metric, to, changed, direction) => {
    expect(onQualifyingActivity(LADDER, standing(code), metric)).toEqual({ code: to, changed, direction });
  });

  it('never downgrades, upgrades exactly to the earned level, and stays on the ladder', () => {
    fc.assert(
      fc.property(onLadder, metricArb, ([ladder, at], v) => {
        const r = onQualifyingActivity(ladder, standing(ladder.levels[at].code), v);
        const to = levelIndex(ladder, r.code);
        expect(to).toBe(Math.max(at, levelIndex(ladder, earnedLevel(ladder, v))));
        expect(r.changed).toBe(to !== at);
        expect(r.direction).toBe(to > at ? 'up' : 'none');
      }),
    );
  });

  it('is monotonic in the metric', () => {
    fc.assert(
      fc.property(onLadder, metricArb, metricArb, ([ladder, at], a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const code = ladder.levels[at].code;
        expect(levelIndex(ladder, onQualifyingActivity(ladder, standing(code), lo).code)).toBeLessThanOrEqual(
          levelIndex(ladder, onQualifyingActivity(ladder, standing(code), hi).code),
        );
      }),
    );
  });
});

describe('atReview', () => {
  const REVIEW = '2026-03-21T00:00:00+03:30';
  const graced = { ...LADDER, graceDays: 30 };
  const toEarned = { ...LADDER, downgrade: 'to-earned' as const };

  it.each<[string, TierLadder, TierStanding, number, ReturnType<typeof atReview>]>([
    ['upgrade to the earned level', LADDER, standing('bronze'), 6000, { code: 'gold', direction: 'up', reason: 'upgrade' }],
    ['requalified', LADDER, standing('gold'), 5000, { code: 'gold', direction: 'kept', reason: 'requalified' }],
    ['requalified clears a grace period', graced, standing('gold', '2026-04-01T00:00:00Z'), 7000, { code: 'gold', direction: 'kept', reason: 'requalified' }],
    ['one-level downgrade without grace', LADDER, standing('platinum'), 0, { code: 'gold', direction: 'down', reason: 'downgrade' }],
    ['to-earned downgrade without grace', toEarned, standing('platinum'), 0, { code: 'bronze', direction: 'down', reason: 'downgrade' }],
    ['to-earned downgrade to an intermediate level', toEarned, standing('platinum'), 1500, { code: 'silver', direction: 'down', reason: 'downgrade' }],
    [
      'grace granted',
      graced,
      standing('gold'),
      0,
      { code: 'gold', direction: 'kept', reason: 'grace-granted', graceUntil: '2026-04-19T20:30:00.000Z' },
    ],
    ['in grace', graced, standing('gold', '2026-04-19T20:30:00.000Z'), 0, { code: 'gold', direction: 'kept', reason: 'in-grace', graceUntil: '2026-04-19T20:30:00.000Z' }],
    ['grace ended exactly at the review', graced, standing('gold', '2026-03-20T20:30:00Z'), 1000, { code: 'silver', direction: 'down', reason: 'downgrade' }],
    [
      'grace ended, one level down, still above earned: the ended grace is carried',
      graced,
      standing('platinum', '2026-01-01T00:00:00Z'),
      0,
      { code: 'gold', direction: 'down', reason: 'downgrade', graceUntil: '2026-01-01T00:00:00Z' },
    ],
    ['a granted grace is honoured after graceDays became 0', LADDER, standing('gold', '2026-12-01T00:00:00Z'), 0, { code: 'gold', direction: 'kept', reason: 'in-grace', graceUntil: '2026-12-01T00:00:00Z' }],
    ['a code no longer on the ladder is placed on the earned level', graced, standing('diamond'), 1200, { code: 'silver', direction: 'up', reason: 'upgrade' }],
  ])('%s', (_, ladder, current, metric, expected) => {
    expect(atReview(ladder, current, metric, REVIEW)).toEqual(expected);
  });

  it('throws on an unparseable review instant or grace', () => {
    expect(() => atReview(LADDER, standing('gold'), 0, 'soon')).toThrow(RangeError);
    expect(() => atReview(LADDER, standing('gold', 'later'), 0, REVIEW)).toThrow(RangeError);
  });

  it('stays on the ladder, never below the earned level, downgrades only when the earned level is lower', () => {
    fc.assert(
      fc.property(onLadder, metricArb, reviewAtArb, fc.option(reviewAtArb, { nil: undefined }), ([ladder, at], v, reviewAt, graceUntil) => {
        const r = atReview(ladder, standing(ladder.levels[at].code, graceUntil), v, reviewAt);
        const to = levelIndex(ladder, r.code);
        const earned = levelIndex(ladder, earnedLevel(ladder, v));
        expect(to).toBeGreaterThanOrEqual(0);
        expect(to).toBeGreaterThanOrEqual(earned);
        expect(r.direction).toBe(to > at ? 'up' : to < at ? 'down' : 'kept');
        if (r.direction === 'up') expect(to).toBe(earned);
        if (r.direction === 'down') {
          expect(earned).toBeLessThan(at);
          expect(at - to).toBeLessThanOrEqual(ladder.downgrade === 'one-level' ? 1 : at);
          if (ladder.downgrade === 'to-earned') expect(to).toBe(earned);
        }
        if (r.graceUntil !== undefined) expect(to).toBeGreaterThan(earned);
      }),
    );
  });

  it('with grace, the first review that finds the tier unearned keeps it and grants exactly graceDays', () => {
    fc.assert(
      fc.property(onLadder, metricArb, reviewAtArb, ([ladder, at], v, reviewAt) => {
        fc.pre(ladder.graceDays > 0 && levelIndex(ladder, earnedLevel(ladder, v)) < at);
        const r = atReview(ladder, standing(ladder.levels[at].code), v, reviewAt);
        expect(r).toEqual({ code: ladder.levels[at].code, direction: 'kept', reason: 'grace-granted', graceUntil: r.graceUntil });
        expect(Date.parse(r.graceUntil!) - Date.parse(reviewAt)).toBe(ladder.graceDays * 86_400_000);
      }),
    );
  });

  it('reviews further apart than the grace period, with a steady metric, reach the earned level and stay there', () => {
    fc.assert(
      fc.property(onLadder, metricArb, ([ladder, at], v) => {
        const earned = levelIndex(ladder, earnedLevel(ladder, v));
        let current = standing(ladder.levels[at].code);
        const codes: string[] = [];
        for (let review = 0; review < ladder.levels.length + 3; review++) {
          const reviewAt = new Date(Date.UTC(2030, 2, 20, 20, 30) + review * 400 * 86_400_000).toISOString(); // graceDays ≤ 400
          const r = atReview(ladder, current, v, reviewAt);
          current = { code: r.code, since: SINCE, ...(r.graceUntil ? { graceUntil: r.graceUntil } : {}) };
          codes.push(r.code);
        }
        expect(levelIndex(ladder, current.code)).toBe(earned);
        expect(current.graceUntil).toBeUndefined();
        // Reviews needed: one (up, or straight down), plus one for the grace, plus one per level for one-level steps.
        const steps = earned >= at ? 1 : (ladder.graceDays > 0 ? 1 : 0) + (ladder.downgrade === 'one-level' ? at - earned : 1);
        expect(levelIndex(ladder, codes[Math.max(0, steps - 1)])).toBe(earned);
      }),
    );
  });
});

describe('progressToNext', () => {
  it.each([
    ['bronze', 0, { next: { code: 'silver', threshold: 1000 }, remaining: 1000, percent: 0 }],
    ['bronze', -30, { next: { code: 'silver', threshold: 1000 }, remaining: 1030, percent: 0 }],
    ['bronze', 999, { next: { code: 'silver', threshold: 1000 }, remaining: 1, percent: 99 }],
    ['silver', 1200, { next: { code: 'gold', threshold: 5000 }, remaining: 3800, percent: 24 }],
    ['silver', 4999, { next: { code: 'gold', threshold: 5000 }, remaining: 1, percent: 99 }],
    ['silver', 7000, { next: { code: 'gold', threshold: 5000 }, remaining: 0, percent: 100 }],
    ['gold', 3000, { next: { code: 'platinum', threshold: 20000 }, remaining: 17000, percent: 15 }],
    ['platinum', 3, { remaining: 0, percent: 100 }],
    ['retired-code', 3, { next: { code: 'bronze', threshold: 0 }, remaining: 0, percent: 100 }],
  ])('%s at %d', (code, metric, expected) => {
    expect(progressToNext(LADDER, code, metric)).toEqual(expected);
  });

  it('huge metric values do not lose precision', () => {
    const big = { ...LADDER, levels: [LADDER.levels[0], { ...LADDER.levels[1], threshold: Number.MAX_SAFE_INTEGER }] };
    expect(progressToNext(big, 'bronze', Number.MAX_SAFE_INTEGER - 1).percent).toBe(99);
  });

  it('percent is an integer 0-100, remaining consistent with the next threshold', () => {
    fc.assert(
      fc.property(onLadder, metricArb, ([ladder, at], v) => {
        const p = progressToNext(ladder, ladder.levels[at].code, v);
        expect(Number.isInteger(p.percent) && p.percent >= 0 && p.percent <= 100).toBe(true);
        if (p.next === undefined) expect(at).toBe(ladder.levels.length - 1);
        else {
          expect(p.next.code).toBe(ladder.levels[at + 1].code);
          expect(p.remaining).toBe(Math.max(0, p.next.threshold - v));
          expect(p.percent === 100).toBe(p.remaining === 0);
        }
      }),
    );
  });
});
