import { scheduleErrors, statusAt, transition, type StoredState } from './campaign-lifecycle';

const now = new Date('2026-11-23T12:00:00Z');
const open = { startsAt: null, endsAt: null };

describe('campaign lifecycle', () => {
  it.each<[StoredState, { startsAt: string | null; endsAt: string | null }, string]>([
    ['draft', open, 'draft'],
    ['published', open, 'active'],
    ['published', { startsAt: '2026-12-01T00:00:00Z', endsAt: null }, 'scheduled'],
    ['published', { startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-11-23T12:00:00Z' }, 'ended'], // the end is exclusive
    ['paused', { startsAt: '2026-12-01T00:00:00Z', endsAt: null }, 'paused'],
    ['ended', open, 'ended'],
  ])('%s with %j reads as %s', (state, schedule, status) => {
    expect(statusAt(state, schedule, now)).toBe(status);
  });

  it.each([
    ['draft', 'publish', 'published'],
    ['published', 'pause', 'paused'],
    ['paused', 'resume', 'published'],
    ['paused', 'end', 'ended'],
    ['draft', 'end', 'ended'],
  ] as const)('%s --%s--> %s', (state, action, next) => {
    expect(transition(state, open, action, now)).toEqual({ ok: true, state: next });
  });

  it.each([
    ['published', 'publish'],
    ['draft', 'pause'],
    ['published', 'resume'],
    ['ended', 'end'],
    ['ended', 'resume'],
  ] as const)('refuses: %s then %s', (state, action) => {
    expect(transition(state, open, action, now)).toMatchObject({ ok: false, reason: expect.stringContaining(`cannot ${action}`) });
  });

  it('checks schedules', () => {
    expect(scheduleErrors(open)).toEqual([]);
    expect(scheduleErrors({ startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-11-01T00:00:00Z' })).toEqual(['endsAt must be after startsAt']);
    expect(scheduleErrors({ startsAt: 'soon', endsAt: null })).toEqual(['startsAt is not a valid instant']);
  });
});
