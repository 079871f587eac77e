import fc from 'fast-check';
import { addDays, localDateOf } from '@club/calendar';
import {
  advance,
  challengePeriod,
  challengeStatus,
  contribution,
  effectsForGamification,
  extendStreak,
  inWindow,
  milestonesReached,
  NO_PROGRESS,
  percentOf,
  periodIndex,
  periodKeyOfIndex,
  streakPeriod,
  streakStanding,
  type ChallengeDefinition,
  type GoalDefinition,
  type ProgressState,
  type StreakRun,
} from './gamification';
import { periodKey } from './limits';

const TEHRAN = 'Asia/Tehran';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);
const calendars = fc.constantFrom<'jalali' | 'gregorian'>('jalali', 'gregorian');
const isoDate = fc.integer({ min: 0, max: 40_000 }).map((days) => new Date(Date.UTC(1990, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));

const challenge = (over: Partial<ChallengeDefinition> = {}): ChallengeDefinition => ({
  code: 'five',
  goal: { kind: 'purchase-count', target: 5, minAmount: 0 },
  period: 'month',
  calendar: 'jalali',
  startsAt: at('2020-01-01T00:00:00Z'),
  endsAt: null,
  repeat: 'per-period',
  badgeCode: null,
  ...over,
});

describe('challengePeriod', () => {
  it.each<[string, Partial<ChallengeDefinition>, string, string, string | null, string | null]>([
    // The Jalali month turns at Tehran midnight of 1 Farvardin (Nowruz), not at UTC midnight.
    ['last second of Esfand 1403', {}, '2025-03-20T20:29:59Z', 'jalali-month:1403-12', '2025-02-18T20:30:00.000Z', '2025-03-20T20:30:00.000Z'],
    ['first second of Farvardin 1404', {}, '2025-03-20T20:30:00Z', 'jalali-month:1404-01', '2025-03-20T20:30:00.000Z', '2025-04-20T20:30:00.000Z'],
    ['Esfand 30 of leap 1403 is still Esfand', {}, '2025-03-20T10:00:00Z', 'jalali-month:1403-12', '2025-02-18T20:30:00.000Z', '2025-03-20T20:30:00.000Z'],
    ['Jalali year', { period: 'year' }, '2025-03-20T20:30:00Z', 'jalali-year:1404', '2025-03-20T20:30:00.000Z', '2026-03-20T20:30:00.000Z'],
    ['Jalali week starts Saturday', { period: 'week' }, '2025-03-21T12:00:00Z', 'jalali-week:2025-03-15', '2025-03-14T20:30:00.000Z', '2025-03-21T20:30:00.000Z'],
    ['Gregorian month in Berlin (DST)', { calendar: 'gregorian' }, '2025-03-31T22:30:00Z', 'gregorian-month:2025-04', '2025-03-31T22:00:00.000Z', '2025-04-30T22:00:00.000Z'],
    ['ISO week starts Monday', { calendar: 'gregorian', period: 'week' }, '2025-03-23T12:00:00Z', 'gregorian-week:2025-03-17', '2025-03-16T23:00:00.000Z', '2025-03-23T23:00:00.000Z'],
    ['no period: the challenge window', { period: 'none', startsAt: at('2025-01-01T00:00:00Z'), endsAt: at('2025-02-01T00:00:00Z') }, '2025-01-15T00:00:00Z', 'lifetime', '2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z'],
  ])('%s', (_, over, instant, key, start, end) => {
    const def = challenge(over);
    const zone = def.calendar === 'gregorian' ? BERLIN : TEHRAN;
    const p = challengePeriod(def, at(instant), zone);
    expect({ key: p.key, start: p.start?.toISOString() ?? null, end: p.end?.toISOString() ?? null }).toEqual({ key, start, end });
  });

  it('a period contains the instant it is computed for (property, both calendars and units)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        calendars,
        fc.constantFrom<'week' | 'month' | 'year'>('week', 'month', 'year'),
        fc.constantFrom(TEHRAN, BERLIN, 'UTC', 'America/Sao_Paulo'),
        (t, calendar, period, zone) => {
          const p = challengePeriod(challenge({ calendar, period }), new Date(t), zone);
          expect(p.start!.getTime()).toBeLessThanOrEqual(t);
          expect(p.end!.getTime()).toBeGreaterThan(t);
          // The instant just before the end is in the same period; the end is in the next.
          expect(challengePeriod(challenge({ calendar, period }), new Date(p.end!.getTime() - 1), zone).key).toBe(p.key);
          expect(challengePeriod(challenge({ calendar, period }), p.end!, zone).key).not.toBe(p.key);
        },
      ),
    );
  });
});

describe('window and status', () => {
  const def = challenge({ startsAt: at('2025-03-01T00:00:00Z'), endsAt: at('2025-04-01T00:00:00Z') });
  it.each([
    ['2025-02-28T23:59:59Z', false, 'scheduled'],
    ['2025-03-01T00:00:00Z', true, 'active'],
    ['2025-03-31T23:59:59Z', true, 'active'],
    ['2025-04-01T00:00:00Z', false, 'ended'],
  ])('%s', (instant, inside, status) => {
    expect(inWindow(def, at(instant))).toBe(inside);
    expect(challengeStatus(def, at(instant))).toBe(status);
  });
});

describe('contribution and advance', () => {
  const checkout = (amount: number, categories: string[] = []) => ({ amount, categories });

  it.each<[string, GoalDefinition, ReturnType<typeof checkout>, number, { by: number; categories: string[] }]>([
    ['a purchase counts one', { kind: 'purchase-count', target: 5, minAmount: 0 }, checkout(10), 0, { by: 1, categories: [] }],
    ['a purchase under minAmount counts nothing', { kind: 'purchase-count', target: 5, minAmount: 500_000 }, checkout(499_999), 0, { by: 0, categories: [] }],
    ['a purchase at minAmount counts', { kind: 'purchase-count', target: 5, minAmount: 500_000 }, checkout(500_000), 0, { by: 1, categories: [] }],
    ['spend adds the amount', { kind: 'spend', target: 1_000_000 }, checkout(250_000), 3, { by: 250_000, categories: [] }],
    ['steps come only from rule effects', { kind: 'steps', target: 3 }, checkout(250_000, ['dairy']), 2, { by: 2, categories: [] }],
    ['categories: distinct, sorted, blanks dropped', { kind: 'distinct-categories', target: 3, categories: null }, checkout(1, ['tea', 'dairy', 'tea', '']), 0, { by: 0, categories: ['dairy', 'tea'] }],
    ['categories: only the listed ones', { kind: 'distinct-categories', target: 2, categories: ['dairy', 'bakery'] }, checkout(1, ['tea', 'dairy']), 0, { by: 0, categories: ['dairy'] }],
  ])('%s', (_, goal, c, steps, expected) => {
    expect(contribution(goal, c, steps)).toEqual(expected);
  });

  it('five purchases complete a purchase-count challenge on the fifth, once; a completed period takes nothing more', () => {
    const goal: GoalDefinition = { kind: 'purchase-count', target: 5, minAmount: 0 };
    let state: ProgressState = NO_PROGRESS;
    const completions: number[] = [];
    for (let i = 1; i <= 7; i++) {
      const r = advance(goal, state, { by: 1, categories: [] });
      if (r.completedNow) completions.push(i);
      if (i > 5) expect(r.changed).toBe(false);
      state = r.state;
    }
    expect(completions).toEqual([5]);
    expect(state).toEqual({ progress: 5, categories: [], completed: true });
  });

  it('distinct categories accumulate up to the target, not beyond', () => {
    const goal: GoalDefinition = { kind: 'distinct-categories', target: 3, categories: null };
    const a = advance(goal, NO_PROGRESS, { by: 0, categories: ['dairy', 'tea'] });
    expect(a).toMatchObject({ changed: true, completedNow: false, state: { progress: 2, categories: ['dairy', 'tea'] } });
    const same = advance(goal, a.state, { by: 0, categories: ['tea'] });
    expect(same.changed).toBe(false);
    const b = advance(goal, a.state, { by: 0, categories: ['bakery', 'fruit', 'meat'] });
    expect(b).toMatchObject({ completedNow: true, state: { progress: 3, categories: ['dairy', 'tea', 'bakery'], completed: true } });
  });

  it('completes exactly once, when the running total first reaches the target (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 40 }), (target, adds) => {
        const goal: GoalDefinition = { kind: 'steps', target };
        let state = NO_PROGRESS;
        let total = 0;
        let completedAt: number | null = null;
        adds.forEach((by, i) => {
          const r = advance(goal, state, { by, categories: [] });
          if (!state.completed) total += by;
          if (r.completedNow) {
            expect(completedAt).toBeNull();
            completedAt = i;
            expect(total).toBeGreaterThanOrEqual(target);
            expect(total - by).toBeLessThan(target);
          }
          state = r.state;
        });
        expect(completedAt !== null).toBe(adds.reduce((a, b) => a + b, 0) >= target);
      }),
    );
  });

  it('progress resets per period: the same checkouts in two Jalali months count apart', () => {
    const def = challenge();
    const esfand = challengePeriod(def, at('2025-03-20T20:00:00Z'), TEHRAN).key;
    const farvardin = challengePeriod(def, at('2025-03-20T21:00:00Z'), TEHRAN).key;
    expect([esfand, farvardin]).toEqual(['jalali-month:1403-12', 'jalali-month:1404-01']);
    const progress = new Map<string, ProgressState>();
    for (const key of [esfand, esfand, esfand, farvardin, farvardin]) {
      progress.set(key, advance(def.goal, progress.get(key) ?? NO_PROGRESS, { by: 1, categories: [] }).state);
    }
    expect(progress.get(esfand)?.progress).toBe(3);
    expect(progress.get(farvardin)?.progress).toBe(2);
  });

  it('spend saturates instead of losing precision', () => {
    const goal: GoalDefinition = { kind: 'spend', target: Number.MAX_SAFE_INTEGER };
    const r = advance(goal, { progress: Number.MAX_SAFE_INTEGER - 1, categories: [], completed: false }, { by: 10, categories: [] });
    expect(r.state.progress).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.completedNow).toBe(true);
  });
});

describe('percentOf', () => {
  it.each([
    [0, 5, 0],
    [1, 3, 33],
    [2, 3, 66],
    [5, 5, 100],
    [7, 5, 100],
    [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER, 99],
  ])('%d of %d → %d%%', (p, t, expected) => {
    expect(percentOf(p, t)).toBe(expected);
  });
});

describe('effectsForGamification', () => {
  it('reads award-badge and advance-challenge effects, summing steps per challenge and ignoring the rest', () => {
    const effect = (kind: string, reference: string | null, steps = 0) => ({ campaignId: 'c1', ruleId: 'r1', kind, reference, steps });
    const r = effectsForGamification([
      effect('points-fixed', null),
      effect('award-badge', 'baker'),
      effect('advance-challenge', 'tasting', 2),
      effect('advance-challenge', 'tasting', 1),
      effect('advance-challenge', 'other', 0),
      effect('award-badge', null),
      effect('issue-coupon', 'batch-1'),
    ]);
    expect(r.badges).toEqual([{ code: 'baker', reference: 'campaign:c1/rule:r1' }]);
    expect([...r.steps]).toEqual([['tasting', 3]]);
  });
});

describe('streak periods', () => {
  it.each<['week' | 'month', 'jalali' | 'gregorian', string, string]>([
    ['month', 'jalali', '2025-03-20', 'jalali-month:1403-12'],
    ['month', 'jalali', '2025-03-21', 'jalali-month:1404-01'],
    ['week', 'jalali', '2025-03-21', 'jalali-week:2025-03-15'],
    ['week', 'jalali', '2025-03-22', 'jalali-week:2025-03-22'],
    ['week', 'gregorian', '2025-03-23', 'gregorian-week:2025-03-17'],
    ['month', 'gregorian', '2024-02-29', 'gregorian-month:2024-02'],
  ])('%s %s on %s → %s, and back from its ordinal', (unit, calendar, date, key) => {
    expect(periodKey({ unit, calendar }, date, calendar)).toBe(key);
    expect(periodKeyOfIndex(unit, calendar, periodIndex(unit, calendar, date))).toBe(key);
  });

  it('Esfand 1403 and Farvardin 1404 are consecutive months; the last week of a year and the first of the next are consecutive weeks', () => {
    expect(periodIndex('month', 'jalali', '2025-03-21') - periodIndex('month', 'jalali', '2025-03-20')).toBe(1);
    expect(periodIndex('week', 'gregorian', '2025-01-01') - periodIndex('week', 'gregorian', '2024-12-29')).toBe(1);
  });

  it('ordinals: consecutive periods differ by one, a period’s days share one, and the key round-trips (property)', () => {
    fc.assert(
      fc.property(isoDate, calendars, fc.constantFrom<'week' | 'month'>('week', 'month'), (date, calendar, unit) => {
        const i = periodIndex(unit, calendar, date);
        expect(periodKeyOfIndex(unit, calendar, i)).toBe(periodKey({ unit, calendar }, date, calendar));
        const next = addDays(date, 1);
        const j = periodIndex(unit, calendar, next);
        const sameKey = periodKey({ unit, calendar }, next, calendar) === periodKey({ unit, calendar }, date, calendar);
        expect(j).toBe(sameKey ? i : i + 1);
      }),
    );
  });

  it('streakPeriod reads the club zone', () => {
    const def = { period: 'month' as const, calendar: 'jalali' as const };
    expect(streakPeriod(def, at('2025-03-20T20:29:59Z'), TEHRAN).key).toBe('jalali-month:1403-12');
    expect(streakPeriod(def, at('2025-03-20T20:30:00Z'), TEHRAN).key).toBe('jalali-month:1404-01');
    expect(localDateOf(at('2025-03-20T20:30:00Z'), 'UTC')).toBe('2025-03-20');
  });
});

describe('streak runs', () => {
  const run = (start: number, end: number, longest: number): StreakRun => ({ start, end, longest });

  it.each<[string, StreakRun | null, number, StreakRun, number | null]>([
    ['first purchase starts a run of one', null, 10, run(10, 10, 1), 1],
    ['same period again changes nothing', run(8, 10, 3), 10, run(8, 10, 3), null],
    ['next period extends', run(8, 10, 3), 11, run(8, 11, 4), 4],
    ['a gap starts over, keeping the longest', run(8, 10, 3), 13, run(13, 13, 3), 1],
    ['a late purchase just before the run extends it backwards', run(8, 10, 3), 7, run(7, 10, 4), 4],
    ['an older late purchase is ignored', run(8, 10, 3), 5, run(8, 10, 3), null],
    ['a new run longer than the old longest raises it', run(20, 24, 4), 25, run(20, 25, 6), 6],
  ])('%s', (_, before, index, after, grewTo) => {
    expect(extendStreak(before, index)).toEqual({ run: after, grewTo });
  });

  it('in arrival order by period, the run is the last consecutive block and longest the longest block (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }), (indices) => {
        const sorted = [...indices].sort((a, b) => a - b);
        let state: StreakRun | null = null;
        for (const i of sorted) state = extendStreak(state, i).run;
        if (sorted.length === 0) return;
        // The model: blocks of consecutive ordinals.
        const blocks: number[][] = [];
        for (const i of sorted) {
          const last = blocks[blocks.length - 1];
          if (last && last[last.length - 1] === i - 1) last.push(i);
          else blocks.push([i]);
        }
        const lastBlock = blocks[blocks.length - 1];
        expect(state).toEqual({ start: lastBlock[0], end: lastBlock[lastBlock.length - 1], longest: Math.max(...blocks.map((b) => b.length)) });
      }),
    );
  });

  it('reaches each milestone once per run as it grows one period at a time', () => {
    const milestones = [{ length: 2 }, { length: 4 }];
    let state: StreakRun | null = null;
    const reached: number[] = [];
    for (const i of [1, 2, 2, 3, 4, 6, 7]) {
      const r = extendStreak(state, i);
      reached.push(...milestonesReached(milestones, r.grewTo).map((m) => m.length));
      state = r.run;
    }
    expect(reached).toEqual([2, 4, 2]); // 1-4 reaches 2 and 4; the new run 6-7 reaches 2 again
  });

  it.each<[string, StreakRun | null, number, { current: number; longest: number; activeThisPeriod: boolean; nextMilestone: number | null }]>([
    ['never', null, 10, { current: 0, longest: 0, activeThisPeriod: false, nextMilestone: 2 }],
    ['active this period', run(7, 10, 4), 10, { current: 4, longest: 4, activeThisPeriod: true, nextMilestone: 8 }],
    ['alive through the current period until it ends', run(7, 9, 3), 10, { current: 3, longest: 3, activeThisPeriod: false, nextMilestone: 4 }],
    ['broken after a missed period', run(7, 8, 5), 10, { current: 0, longest: 5, activeThisPeriod: false, nextMilestone: 2 }],
    ['past every milestone', run(1, 10, 10), 10, { current: 10, longest: 10, activeThisPeriod: true, nextMilestone: null }],
  ])('standing: %s', (_, r, now, expected) => {
    expect(streakStanding(r, now, [{ length: 8 }, { length: 2 }, { length: 4 }])).toEqual(expected);
  });
});
