import { randomUUID } from 'node:crypto';
import { eventually } from '@club/platform-testing';
import type { Stack } from '@club/local-stack';
import { api, bootStack, type Api } from './stack.fixture';

/**
 * Rules triggered by member events on the real stack: an `enrolment` campaign credits its points
 * when a member enrols through the gateway (members → Kafka → campaigns → points), and a custom
 * event posted twice with the same eventId credits once.
 */
describe('event-triggered campaign rules (e2e)', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let otherKey: string;

  beforeAll(async () => {
    stack = await bootStack();
    call = api(stack);
    key = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Event chain', calendar: 'gregorian', currency: 'EUR' } })).json.apiKey;
    otherKey = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Quiet chain', calendar: 'gregorian', currency: 'EUR' } })).json.apiKey;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const publish = async (body: object): Promise<string> => {
    const created = await call('POST', '/v1/campaigns', { key, body });
    expect(created.status).toBe(201);
    expect((await call('POST', `/v1/campaigns/${created.json.id}/publish`, { key })).json).toMatchObject({ status: 'active' });
    return created.json.id;
  };
  const phone = () => `0935${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const available = async (memberId: string, apiKey = key): Promise<number> => (await call('GET', `/v1/members/${memberId}/points`, { key: apiKey })).json.available;

  it('credits an enrolment campaign’s 50 points to a member who enrols (and nothing in another club)', async () => {
    await publish({ name: 'Welcome', rules: [{ id: 'welcome', trigger: 'enrolment', effects: [{ kind: 'points-fixed', points: 50 }] }] });
    const member = await call('POST', '/v1/members', { key, body: { phone: phone() } });
    expect(member.status).toBe(201);
    await eventually(async () => {
      const points = await available(member.json.id);
      if (points !== 50) throw new Error(`available ${points}`);
    });
    const other = await call('POST', '/v1/members', { key: otherKey, body: { phone: phone() } });
    await new Promise((r) => setTimeout(r, 2000));
    expect(await available(other.json.id, otherKey)).toBe(0);
    expect(await available(member.json.id)).toBe(50); // still once
  });

  it('credits a custom event once when it is posted twice', async () => {
    await publish({ name: 'App installed', rules: [{ id: 'app', trigger: 'custom-event', eventName: 'app-installed', effects: [{ kind: 'points-fixed', points: 30 }] }] });
    const memberId = (await call('POST', '/v1/members', { key, body: { phone: phone() } })).json.id as string;
    await eventually(async () => {
      if ((await available(memberId)) !== 50) throw new Error('welcome points not credited yet');
    });
    const body = { eventId: randomUUID(), name: 'app-installed', properties: { platform: 'android' } };
    const first = await call('POST', `/v1/members/${memberId}/events`, { key, body });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ eventId: body.eventId, memberId, points: 30, replayed: false });
    const again = await call('POST', `/v1/members/${memberId}/events`, { key, body });
    expect(again.json).toMatchObject({ points: 30, replayed: true });
    expect(await available(memberId)).toBe(80);
    expect((await call('POST', `/v1/members/${memberId}/events`, { key, body: { ...body, name: 'other' } })).status).toBe(409);
    expect((await call('POST', `/v1/members/${randomUUID()}/events`, { key, body })).status).toBe(404);
    expect((await call('POST', `/v1/members/${memberId}/events`, { key, body: { name: 'x' } })).status).toBe(400);
  });
});
