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
  resolveStanding,
  standingResolver,
  tierMultiplierPercent,
  validateFormerCodes,
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

describe('former codes (renamed and dropped tiers)', () => {
  /** A version with the given codes (thresholds 0, 1000, 2000 …). */
  const version = (n: number, effectiveFrom: string, codes: string[], formerCodes?: Record<string, string>): TierLadder => ({
    ...LADDER,
    version: n,
    effectiveFrom,
    levels: codes.map((code, i) => ({ code, name: code, threshold: i * 1000 })),
    ...(formerCodes ? { formerCodes } : {}),
  });
  const v1 = version(1, '2024-01-01T00:00:00Z', ['bronze', 'silver', 'gold']);
  const v2 = version(2, '2025-01-01T00:00:00Z', ['bronze', 'argent', 'gold'], { silver: 'argent' });
  const v3 = version(3, '2026-01-01T00:00:00Z', ['bronze', 'plata', 'gold'], { argent: 'plata' });
  const v4 = version(4, '2027-01-01T00:00:00Z', ['bronze', 'plata'], { gold: 'plata' }); // the top level is dropped
  const v5 = version(5, '2028-01-01T00:00:00Z', ['bronze', 'copper', 'gold'], { plata: 'gold' }); // plata's holders go up a rank
  const RENAMES = [v1, v2, v3, v4, v5];

  describe('validateFormerCodes', () => {
    it.each<[string, TierLadder[], TierLadder]>([
      ['a first version without a map', [], v1],
      ['a rename', [v1], v2],
      ['a second rename', [v1, v2], v3],
      ['a dropped level mapped onto another', [v1, v2, v3], v4],
      ['a mapping of a code older than the previous version (a repair)', [v1, v2], version(3, '2026-01-01T00:00:00Z', ['bronze', 'argent', 'gold'], { silver: 'argent' })],
      ['codes kept, levels added, no map needed', [v1], version(2, '2025-01-01T00:00:00Z', ['bronze', 'silver', 'gold', 'platinum'])],
    ])('accepts %s', (_, history, candidate) => {
      expect(validateFormerCodes(history, candidate)).toEqual([]);
    });

    it('names every code of the previous version that is dropped without a mapping, pointing at formerCodes', () => {
      const problems = validateFormerCodes([v1], version(2, '2025-01-01T00:00:00Z', ['bronze', 'argent']));
      expect(problems).toEqual([{ pointer: '#/formerCodes', detail: expect.stringMatching(/version 1 .*"silver", "gold"/) }]);
      const partly = validateFormerCodes([v1], version(2, '2025-01-01T00:00:00Z', ['bronze', 'argent'], { silver: 'argent' }));
      expect(partly).toEqual([{ pointer: '#/formerCodes', detail: expect.stringMatching(/"gold"/) }]);
      expect(partly[0].detail).not.toMatch(/"silver"/);
    });

    it.each<[string, TierLadder[], Record<string, string>, string, RegExp]>([
      ['a code this version still has', [v1], { bronze: 'argent', silver: 'argent' }, '#/formerCodes/bronze', /is a code of this version/],
      ['a code no earlier version had', [v1], { silver: 'argent', copper: 'argent' }, '#/formerCodes/copper', /not a code of any earlier version/],
      ['a key on the first version', [], { silver: 'argent' }, '#/formerCodes/silver', /not a code of any earlier version/],
      ['a target this version does not have', [v1], { silver: 'argentum' }, '#/formerCodes/silver', /maps to "argentum", which is not a code of this version/],
    ])('rejects %s', (_, history, formerCodes, pointer, detail) => {
      const problems = validateFormerCodes(history, version(history.length + 1, '2025-01-01T00:00:00Z', ['bronze', 'argent', 'gold'], formerCodes));
      expect(problems).toContainEqual({ pointer, detail: expect.stringMatching(detail) });
    });

    it('checks against the version in force just before the candidate, skipping a scheduled one it supersedes', () => {
      const scheduled = version(2, '2026-01-01T00:00:00Z', ['bronze', 'argent', 'gold'], { silver: 'argent' });
      // Same instant as the scheduled v2: v2 never takes effect, so v1's dropped codes must be mapped.
      const superseding = version(3, '2026-01-01T00:00:00Z', ['bronze', 'plata', 'gold'], { argent: 'plata' });
      expect(validateFormerCodes([v1, scheduled], superseding)).toEqual([{ pointer: '#/formerCodes', detail: expect.stringMatching(/version 1 .*"silver"/) }]);
      expect(validateFormerCodes([v1, scheduled], { ...superseding, formerCodes: { silver: 'plata' } })).toEqual([]);
      // Later than v2: v2's dropped codes must be mapped (v1's were mapped by v2).
      const later = version(3, '2026-06-01T00:00:00Z', ['bronze', 'plata', 'gold']);
      expect(validateFormerCodes([v1, scheduled], later)).toEqual([{ pointer: '#/formerCodes', detail: expect.stringMatching(/version 2 .*"argent"/) }]);
      expect(validateFormerCodes([v1, scheduled], { ...later, formerCodes: { argent: 'plata' } })).toEqual([]);
    });
  });

  describe('standingResolver', () => {
    const SINCE_V1 = '2024-06-01T00:00:00Z';
    const at = (ladderVersion: number, code: string) => ({ code, since: SINCE_V1, ladderVersion });

    it.each<[string, TierLadder[], number, string, number, string, boolean]>([
      // description, versions, ladder in force, stored code, written under, expected code, mapped
      ['a code every version kept', RENAMES, 3, 'bronze', 1, 'bronze', false],
      ['a code kept up to the ladder in force', RENAMES, 3, 'gold', 1, 'gold', false],
      ['a rename', RENAMES, 2, 'silver', 1, 'argent', true],
      ['a chain of renames (silver → argent → plata)', RENAMES, 3, 'silver', 1, 'plata', true],
      ['a chain over four versions', RENAMES, 5, 'silver', 1, 'gold', true],
      ['a code written under a later version', RENAMES, 3, 'argent', 2, 'plata', true],
      ['a code already in the new name', RENAMES, 3, 'plata', 3, 'plata', false],
      ['a standing written under the ladder in force', RENAMES, 2, 'argent', 2, 'argent', false],
      ['an unknown code with no mapping (left as is: below the first level)', RENAMES, 3, 'diamond', 1, 'diamond', false],
      ['a code written under a later version than the ladder (no backward mapping)', RENAMES, 1, 'argent', 2, 'argent', false],
    ])('%s', (_, versions, inForce, code, writtenUnder, expected, mapped) => {
      const ladder = versions.find((v) => v.version === inForce)!;
      const r = resolveStanding(versions, ladder, at(writtenUnder, code));
      expect(r.standing.code).toBe(expected);
      expect(r.mapped).toBe(mapped);
    });

    it('an unknown code falls back to the first level at the next decision, as before', () => {
      const r = resolveStanding(RENAMES, v3, at(1, 'diamond'));
      expect(onQualifyingActivity(v3, r.standing, 0)).toEqual({ code: 'bronze', changed: true, direction: 'up' });
      expect(progressToNext(v3, r.standing.code, 0).next?.code).toBe('bronze');
    });

    it('a rename keeps since and grace and is not a move', () => {
      const r = resolveStanding(RENAMES, v3, { code: 'silver', since: SINCE_V1, graceUntil: '2026-02-01T00:00:00.000Z', ladderVersion: 1 });
      expect(r).toEqual({ standing: { code: 'plata', since: SINCE_V1, graceUntil: '2026-02-01T00:00:00.000Z' }, mapped: true });
      // …so a purchase that earns nothing more is no 'up' move, and a review of an earned plata keeps it.
      expect(onQualifyingActivity(v3, r.standing, 1500)).toEqual({ code: 'plata', changed: false, direction: 'none' });
      expect(atReview(v3, r.standing, 1500, '2026-06-01T00:00:00Z')).toEqual({ code: 'plata', direction: 'kept', reason: 'requalified' });
    });

    it.each<[string, number, string, number, string, 'up' | 'down', number]>([
      ['a dropped top level mapped one rank down', 4, 'gold', 1, 'plata', 'down', 4],
      ['a mapping one rank up', 5, 'plata', 3, 'gold', 'up', 5],
      ['a chain whose ranks differ end to end (silver, rank 1 → … → gold, rank 2)', 5, 'silver', 1, 'gold', 'up', 5],
    ])('records %s as a ladder-change move', (_, inForce, code, writtenUnder, expected, direction, by) => {
      const ladder = RENAMES.find((v) => v.version === inForce)!;
      const r = resolveStanding(RENAMES, ladder, at(writtenUnder, code));
      const effectiveFrom = new Date(RENAMES.find((v) => v.version === by)!.effectiveFrom).toISOString();
      expect(r.standing).toEqual({ code: expected, since: effectiveFrom });
      expect(r.change).toEqual({ from: code, to: expected, direction, ladderVersion: by, at: effectiveFrom });
    });

    it('follows only versions that took effect, from the version a standing was written under', () => {
      // A scheduled rename superseded on the same instant never took effect: silver is kept.
      const s2 = version(2, '2026-01-01T00:00:00Z', ['bronze', 'argent', 'gold'], { silver: 'argent' });
      const s3 = version(3, '2026-01-01T00:00:00Z', ['bronze', 'silver', 'gold', 'platinum']);
      expect(resolveStanding([v1, s2, s3], s3, at(1, 'silver')).standing.code).toBe('silver');
      // A code renamed away and later reused for another level: a standing written after the reuse is not mapped.
      const r1 = version(1, '2024-01-01T00:00:00Z', ['base', 'gold']);
      const r2 = version(2, '2025-01-01T00:00:00Z', ['base', 'or'], { gold: 'or' });
      const r3 = version(3, '2026-01-01T00:00:00Z', ['base', 'or', 'gold']);
      expect(resolveStanding([r1, r2, r3], r3, at(3, 'gold')).standing.code).toBe('gold');
      expect(resolveStanding([r1, r2, r3], r3, at(1, 'gold')).standing.code).toBe('or');
      // A code dropped without a mapping (saved before mappings existed) and mapped by a later version.
      const q1 = version(1, '2024-01-01T00:00:00Z', ['base', 'legacy']);
      const q2 = version(2, '2025-01-01T00:00:00Z', ['base', 'silver']);
      const q3 = version(3, '2026-01-01T00:00:00Z', ['base', 'silver', 'gold'], { legacy: 'silver' });
      expect(resolveStanding([q1, q2], q2, at(1, 'legacy')).standing.code).toBe('legacy');
      expect(resolveStanding([q1, q2, q3], q3, at(1, 'legacy'))).toMatchObject({ standing: { code: 'silver' }, mapped: true });
    });

    it('a code mapped away and back onto itself is unchanged', () => {
      // gold: kept by v2 and v3, mapped onto plata by v4, plata mapped onto gold by v5.
      expect(resolveStanding(RENAMES, v5, at(1, 'gold'))).toEqual({ standing: at(1, 'gold'), mapped: false });
    });

    it('a move never dates a standing before it was reached', () => {
      const lateSince = '2027-06-01T00:00:00.000Z'; // written under v1 by a back-dated review
      expect(resolveStanding(RENAMES, v4, { code: 'gold', since: lateSince, ladderVersion: 1 }).standing.since).toBe(lateSince);
    });

    it('no member is stranded: with validated maps, every code of every version resolves onto the ladder in force', () => {
      const POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
      const chainArb = fc.array(fc.tuple(fc.shuffledSubarray(POOL, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 })), {
        minLength: 1,
        maxLength: 6,
      });
      fc.assert(
        fc.property(chainArb, (specs) => {
          const versions: TierLadder[] = [];
          specs.forEach(([codes, picks], i) => {
            const previous = versions.at(-1);
            const dropped = previous ? previous.levels.map((l) => l.code).filter((c) => !codes.includes(c)) : [];
            const formerCodes = Object.fromEntries(dropped.map((c, j) => [c, codes[picks[j] % codes.length]]));
            const v = version(i + 1, `${2020 + i}-01-01T00:00:00Z`, codes, formerCodes);
            expect(validateFormerCodes(versions, v)).toEqual([]);
            versions.push(v);
          });
          const ladder = versions.at(-1)!;
          const resolve = standingResolver(versions, ladder);
          for (const v of versions) {
            for (const { code } of v.levels) {
              const r = resolve(at(v.version, code));
              expect(levelIndex(ladder, r.standing.code)).toBeGreaterThanOrEqual(0);
              expect(r.mapped).toBe(r.standing.code !== code);
              if (r.change) expect(r.change.direction === 'up').toBe(levelIndex(ladder, r.change.to) > levelIndex(v, code));
            }
          }
        }),
      );
    });
  });
});
