import { randomUUID } from 'node:crypto';
import { eventually } from '@club/platform-testing';
import type { Stack } from '@club/local-stack';
import { api, bootStack, type Api } from './stack.fixture';
import { readTopic } from './kafka-reader';

/**
 * Gamification end to end, black box through the gateway: a club defines a badge, a challenge
 * and a streak; real checkouts (`POST /v1/checkouts`, through points and Kafka) move the member's
 * progress; the award is an event any Kafka client reads. Checkouts do not carry line categories
 * or campaign effects to gamification yet (points publishes them once the checkout path passes
 * them), so distinct-categories, steps and rule-awarded badges are covered by the campaigns medium
 * tests, not here.
 */
describe('gamification end to end', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let memberId: string;

  beforeAll(async () => {
    stack = await bootStack();
    call = api(stack);
    const tenant = await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Gamified' } });
    expect(tenant.status).toBe(201);
    key = tenant.json.apiKey;
    const member = await call('POST', '/v1/members', { key, body: { phone: `0912${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` } });
    expect(member.status).toBe(201);
    memberId = member.json.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('defines badges, challenges and streaks, with RFC 9457 errors for bad, taken and fixed fields', async () => {
    const badge = await call('POST', '/v1/badges', { key, headers: { 'x-operator': 'Sara' }, body: { code: 'regular', name: { fa: 'مشتری همیشگی', en: 'Regular' }, imageUrl: 'https://cdn.example.com/regular.png' } });
    expect(badge.status).toBe(201);
    expect(badge.json).toMatchObject({ code: 'regular', description: null });
    expect((await call('POST', '/v1/badges', { key, body: { code: 'regular', name: { fa: 'x', en: 'x' } } })).status).toBe(409);
    const bad = await call('POST', '/v1/badges', { key, body: { code: 'bad code', name: { fa: '' }, imageUrl: 'http://insecure.example.com/x.png' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/code', '#/imageUrl', '#/name/en', '#/name/fa']);

    const challenge = { code: 'three-this-month', name: { fa: 'سه خرید در ماه', en: 'Three purchases this month' }, goal: { kind: 'purchase-count', target: 3 }, period: 'month', badgeCode: 'regular' };
    const created = await call('POST', '/v1/challenges', { key, body: challenge });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ code: 'three-this-month', calendar: 'jalali', repeat: 'per-period', status: 'active', goal: { kind: 'purchase-count', target: 3, minAmount: 0 } });
    const unknownBadge = await call('POST', '/v1/challenges', { key, body: { ...challenge, code: 'other', badgeCode: 'nope' } });
    expect([unknownBadge.status, unknownBadge.json.errors]).toEqual([400, [{ pointer: '#/badgeCode', detail: 'no badge nope' }]]);
    const fixed = await call('PUT', '/v1/challenges/three-this-month', { key, body: { ...challenge, goal: { kind: 'purchase-count', target: 2 } } });
    expect([fixed.status, fixed.json.errors]).toEqual([422, [{ pointer: '#/goal', detail: 'fixed once defined' }]]);
    const renamed = await call('PUT', '/v1/challenges/three-this-month', { key, body: { ...challenge, name: { fa: 'سه خرید', en: 'Three purchases' } } });
    expect([renamed.status, renamed.json.name.en]).toEqual([200, 'Three purchases']);
    expect((await call('PUT', '/v1/challenges/other-code', { key, body: challenge })).status).toBe(400); // the body's code is not the path's

    expect((await call('POST', '/v1/streaks', { key, body: { code: 'weekly', name: { fa: 'هر هفته', en: 'Every week' }, period: 'week', milestones: [{ length: 2, badgeCode: 'regular' }] } })).status).toBe(201);
    expect((await call('GET', '/v1/challenges', { key })).json.items.map((c: { code: string }) => c.code)).toEqual(['three-this-month']);
    expect((await call('GET', '/v1/badges', { key })).json.items).toHaveLength(1);
    expect((await call('GET', '/v1/streaks', { key })).json.items).toHaveLength(1);
  });

  it('counts real checkouts into the member’s progress (a till retry counts once), completes the challenge and awards its badge as an event', async () => {
    const empty = await call('GET', `/v1/members/${memberId}/progress`, { key });
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ memberId, badges: [], challenges: [{ code: 'three-this-month', progress: 0, target: 3, completed: false }], streaks: [{ code: 'weekly', current: 0 }] });

    const sale = (transactionId: string) => ({ transactionId, storeId: 'tehran-1', member: { memberId }, amount: 500_000, currency: 'IRR' });
    const first = sale(`g-${randomUUID()}`);
    for (const body of [first, first, sale(`g-${randomUUID()}`)]) expect([200, 201]).toContain((await call('POST', '/v1/checkouts', { key, body })).status);
    const two = await eventually(async () => {
      const p = await call('GET', `/v1/members/${memberId}/progress`, { key });
      if (p.json.challenges[0].progress < 2) throw new Error(`progress ${p.json.challenges[0].progress}`);
      return p.json;
    });
    expect(two.challenges[0]).toMatchObject({ progress: 2, percent: 66, completed: false, period: { unit: 'month', key: expect.stringMatching(/^jalali-month:/) } });
    expect(two.streaks[0]).toMatchObject({ current: 1, longest: 1, activeThisPeriod: true, nextMilestone: 2 });

    expect((await call('POST', '/v1/checkouts', { key, body: sale(`g-${randomUUID()}`) })).status).toBe(201);
    const done = await eventually(async () => {
      const p = await call('GET', `/v1/members/${memberId}/progress`, { key });
      if (!p.json.challenges[0].completed) throw new Error('not completed yet');
      return p.json;
    });
    expect(done.challenges[0]).toMatchObject({ progress: 3, percent: 100, completions: 1 });
    expect(done.badges).toEqual([expect.objectContaining({ code: 'regular', source: 'challenge', reference: 'three-this-month', name: { fa: 'مشتری همیشگی', en: 'Regular' } })]);

    const awarded = await eventually(async () => {
      const events = (await readTopic('campaigns.badge.awarded.v1')).filter((e) => e.subject === memberId);
      if (events.length === 0) throw new Error('no badge event yet');
      return events;
    });
    expect(awarded).toEqual([expect.objectContaining({ type: 'campaigns.badge.awarded.v1', data: expect.objectContaining({ memberId, badgeCode: 'regular', source: 'challenge' }) })]);
    expect((await readTopic('campaigns.challenge.completed.v1')).filter((e) => e.subject === memberId)).toHaveLength(1);
  });

  it('answers 404 for an unknown member or another club’s, and 401 without a key', async () => {
    expect((await call('GET', `/v1/members/${randomUUID()}/progress`, { key })).status).toBe(404);
    expect((await call('GET', '/v1/members/not-a-uuid/progress', { key })).status).toBe(404);
    const other = await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Other club' } });
    expect((await call('GET', `/v1/members/${memberId}/progress`, { key: other.json.apiKey })).status).toBe(404);
    expect((await call('GET', '/v1/badges', { key: other.json.apiKey })).json.items).toEqual([]);
    expect((await call('GET', `/v1/members/${memberId}/progress`)).status).toBe(401);
  });
});
