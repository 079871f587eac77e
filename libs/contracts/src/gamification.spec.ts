import { badgeInputSchema, challengeInputSchema, streakInputSchema } from './gamification';

const name = { fa: 'نام', en: 'Name' };
const pointers = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => `#/${i.path.map(String).join('/')}`);

describe('gamification contracts', () => {
  it('badges: codes rules can name, Persian and English names, https images only', () => {
    expect(badgeInputSchema.parse({ code: 'Baker_1', name })).toEqual({ code: 'Baker_1', name, description: null, imageUrl: null });
    expect(pointers(badgeInputSchema.safeParse({ code: '-x', name: { fa: 'x' }, imageUrl: 'http://example.com/a.png' }))).toEqual(['#/code', '#/name/en', '#/imageUrl']);
  });

  it('challenges: defaults, goal kinds, a category list that can reach the target, a non-empty window', () => {
    expect(challengeInputSchema.parse({ code: 'c', name, goal: { kind: 'purchase-count', target: 5 } })).toMatchObject({
      period: 'month',
      repeat: 'per-period',
      startsAt: null,
      endsAt: null,
      badgeCode: null,
      goal: { kind: 'purchase-count', target: 5, minAmount: 0 },
    });
    expect(challengeInputSchema.parse({ code: 'c', name, goal: { kind: 'distinct-categories', target: 2, categories: ['tea', 'dairy'] } }).goal).toEqual({ kind: 'distinct-categories', target: 2, categories: ['tea', 'dairy'] });
    expect(pointers(challengeInputSchema.safeParse({ code: 'c', name, goal: { kind: 'distinct-categories', target: 3, categories: ['tea', 'tea', 'dairy'] } }))).toEqual(['#/goal/target']);
    expect(pointers(challengeInputSchema.safeParse({ code: 'c', name, goal: { kind: 'spend', target: 1.5 } }))).toEqual(['#/goal/target']);
    expect(pointers(challengeInputSchema.safeParse({ code: 'c', name, goal: { kind: 'visits', target: 1 } }))).toEqual(['#/goal/kind']);
    expect(pointers(challengeInputSchema.safeParse({ code: 'c', name, goal: { kind: 'steps', target: 1 }, startsAt: '2025-03-21T00:00:00Z', endsAt: '2025-03-21T00:00:00Z' }))).toEqual(['#/endsAt']);
  });

  it('streaks: weeks or months, unique milestone lengths of at least two', () => {
    expect(streakInputSchema.parse({ code: 's', name, period: 'week' })).toMatchObject({ minAmount: 0, milestones: [] });
    expect(pointers(streakInputSchema.safeParse({ code: 's', name, period: 'day', milestones: [{ length: 1 }] }))).toEqual(['#/period', '#/milestones/0/length']);
    expect(pointers(streakInputSchema.safeParse({ code: 's', name, period: 'month', milestones: [{ length: 3 }, { length: 3 }] }))).toEqual(['#/milestones']);
  });
});
