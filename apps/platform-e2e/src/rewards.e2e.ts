import type { Stack } from '@club/local-stack';
import { eventually } from '@club/platform-testing';
import { readTopic } from './kafka-reader';
import { api, bootStack, type Api } from './stack.fixture';

const phone = () => `0935${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/**
 * The rewards catalogue through the gateway: an operator defines a reward priced in points with
 * stock; a member redeems it (points hold → capture; the balance drops by the price, the stock
 * by one), a retry answers the first response, a member short of points gets a 422 and the stock
 * is untouched, a redemption stranded by the points service being down is released by the
 * campaigns sweep, the fulfilment is an event on Kafka, and another club sees none of it.
 */
describe('rewards end to end', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let tenantId: string;
  let otherKey: string;
  let rich: string;
  let poor: string;
  let rewardId: string;

  beforeAll(async () => {
    // A short abandonment timeout so the sweep's work is visible within the test.
    stack = await bootStack({ REWARDS_RESERVATION_TIMEOUT_MS: '10000', REWARDS_SWEEP_INTERVAL_MS: '500' });
    call = api(stack);
    const t = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Rewards chain' } })).json;
    key = t.apiKey;
    tenantId = t.id;
    otherKey = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Other chain' } })).json.apiKey;
    rich = (await call('POST', '/v1/members', { key, body: { phone: phone() } })).json.id;
    poor = (await call('POST', '/v1/members', { key, body: { phone: phone() } })).json.id;
    expect((await call('POST', `/v1/members/${rich}/points/adjustments`, { key, body: { adjustmentId: 'seed-rich', points: 1_000, reason: 'welcome' } })).status).toBe(201);
    expect((await call('POST', `/v1/members/${poor}/points/adjustments`, { key, body: { adjustmentId: 'seed-poor', points: 100, reason: 'welcome' } })).status).toBe(201);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const points = async (memberId: string) => (await call('GET', `/v1/members/${memberId}/points`, { key })).json;
  const reward = async () => (await call('GET', `/v1/rewards/${rewardId}`, { key })).json;
  const redeem = (memberId: string, redemptionId: string, id = rewardId, k = key) => call('POST', `/v1/members/${memberId}/reward-redemptions`, { key: k, body: { rewardId: id, redemptionId } });

  it('keeps a catalogue: create (validated, unique code), get, replace, list', async () => {
    const body = { code: 'CINEMA', name: { fa: 'بلیت سینما', en: 'Cinema ticket' }, description: { fa: 'یک بلیت برای هر سانس' }, pointsPrice: 400, stock: 3, perMemberLimit: 2 };
    expect((await call('POST', '/v1/rewards', { key, body: { ...body, pointsPrice: 0 } })).status).toBe(400);
    expect((await call('POST', '/v1/rewards', { key, body: { ...body, name: {} } })).status).toBe(400);
    const created = await call('POST', '/v1/rewards', { key, body, headers: { 'x-operator': 'Sara' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ code: 'CINEMA', pointsPrice: 400, stock: 3, reserved: 0, redeemed: 0, available: true, version: 1, status: 'active' });
    rewardId = created.json.id;
    const dup = await call('POST', '/v1/rewards', { key, body });
    expect(dup.status).toBe(409);
    expect(dup.headers.get('content-type')).toContain('application/problem+json');

    const replaced = await call('PUT', `/v1/rewards/${rewardId}`, { key, body: { ...body, stock: 2, name: { fa: 'بلیت سینما (ویژه)', en: 'Cinema ticket' } } });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ stock: 2, version: 2, name: { fa: 'بلیت سینما (ویژه)' } });
    expect(await reward()).toEqual(replaced.json);
    await call('POST', '/v1/rewards', { key, body: { ...body, code: 'OLD-MUG', status: 'archived' } });
    expect((await call('GET', '/v1/rewards?available=true', { key })).json.items.map((r: { code: string }) => r.code)).toEqual(['CINEMA']);
    expect((await call('GET', '/v1/rewards?limit=1', { key })).json).toMatchObject({ items: [{ code: 'CINEMA' }], nextCursor: 'CINEMA' });
    expect((await call('GET', '/v1/rewards/not-a-uuid', { key })).status).toBe(404);
  });

  it('redeems a reward: the balance drops by the price and the stock by one; a retry answers the same body with 200', async () => {
    const first = await redeem(rich, 'app-order-1');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      redemptionId: 'app-order-1',
      rewardId,
      rewardCode: 'CINEMA',
      memberId: rich,
      points: 400,
      status: 'fulfilled',
      pointsRedemptionId: 'reward:app-order-1',
      balance: { available: 600, held: 0, spent: 400 },
    });
    expect(await points(rich)).toMatchObject({ available: 600, held: 0, spent: 400 });
    expect(await reward()).toMatchObject({ stock: 1, reserved: 0, redeemed: 1 });

    const again = await redeem(rich, 'app-order-1');
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await points(rich)).toMatchObject({ available: 600, spent: 400 }); // charged once
    expect(await reward()).toMatchObject({ stock: 1, redeemed: 1 }); // one unit
    expect((await redeem(poor, 'app-order-1')).status).toBe(409); // the id belongs to another member's redemption

    const statement = (await call('GET', `/v1/members/${rich}/points/entries`, { key })).json.items.map((e: { kind: string; reference: string }) => e.kind);
    expect(statement).toEqual(expect.arrayContaining(['hold', 'capture']));
    const list = await call('GET', `/v1/members/${rich}/reward-redemptions`, { key });
    expect(list.json.items).toEqual([expect.objectContaining({ redemptionId: 'app-order-1', status: 'fulfilled', rewardName: { fa: 'بلیت سینما (ویژه)', en: 'Cinema ticket' } })]);

    const events = await eventually(async () => {
      const found = (await readTopic('campaigns.reward.redeemed.v1')).filter((e) => e.tenantId === tenantId);
      if (found.length === 0) throw new Error('no event yet');
      return found;
    });
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ redemptionId: 'app-order-1', rewardId, memberId: rich, points: 400, pointsRedemptionId: 'reward:app-order-1' })]);
    expect(events[0].subject).toBe(rich);
  });

  it('refuses a member short of points with a 422 that leaves the stock and the balance as they were, again on a retry', async () => {
    const refused = await redeem(poor, 'poor-1');
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.json).toMatchObject({ type: expect.stringContaining('insufficient-points'), status: 422, detail: expect.stringContaining('400 points') });
    expect(await reward()).toMatchObject({ stock: 1, reserved: 0, redeemed: 1 });
    expect(await points(poor)).toMatchObject({ available: 100, held: 0, spent: 0 });
    expect((await redeem(poor, 'poor-1')).json).toEqual(refused.json);
    expect((await call('GET', `/v1/members/${poor}/reward-redemptions`, { key })).json.items).toEqual([expect.objectContaining({ status: 'released', releaseReason: 'points-refused' })]);
  });

  it('takes the last unit, then refuses out of stock; unknown rewards and members are 404s', async () => {
    expect((await redeem(rich, 'app-order-2')).status).toBe(201);
    expect(await reward()).toMatchObject({ stock: 0, redeemed: 2, available: false });
    const out = await redeem(rich, 'app-order-3');
    expect(out.status).toBe(422);
    expect(out.json.errors).toEqual([{ pointer: '#/rewardId', detail: 'out-of-stock' }]);
    expect(await points(rich)).toMatchObject({ available: 200, held: 0, spent: 800 });
    expect((await redeem(rich, 'x-1', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await redeem('00000000-0000-4000-8000-000000000000', 'x-2')).status).toBe(404);
    expect((await call('POST', `/v1/members/${rich}/reward-redemptions`, { key, body: { rewardId } })).status).toBe(400);
  });

  it('releases a redemption stranded by the points service being down, so no stock is lost; its retry is a 409 and nothing is charged', async () => {
    await call('PUT', `/v1/rewards/${rewardId}`, { key, body: { code: 'CINEMA', name: { en: 'Cinema ticket' }, pointsPrice: 100, stock: 5 } });
    const member = (await call('POST', '/v1/members', { key, body: { phone: phone() } })).json.id;
    await call('POST', `/v1/members/${member}/points/adjustments`, { key, body: { adjustmentId: 'seed-stranded', points: 500, reason: 'welcome' } });
    await stack.stopService('points');
    try {
      const stranded = await redeem(member, 'stranded-1');
      expect(stranded.status).toBe(503); // the unit is reserved; points did not answer
      expect(await reward()).toMatchObject({ stock: 4, reserved: 1 });
      await eventually(async () => expect(await reward()).toMatchObject({ stock: 5, reserved: 0 }), { timeoutMs: 30_000, intervalMs: 250 }); // the sweep gave it back
    } finally {
      await stack.startService('points');
    }
    // The gateway's channel to points reconnects with backoff: wait until points answers again.
    await eventually(async () => expect(await points(member)).toMatchObject({ available: 500, held: 0, spent: 0 }), { timeoutMs: 30_000, intervalMs: 250 });
    const retry = await redeem(member, 'stranded-1');
    expect(retry.status).toBe(409);
    expect(retry.json.type).toContain('redemption-expired');
    expect(await points(member)).toMatchObject({ available: 500, held: 0, spent: 0 });
    expect((await redeem(member, 'stranded-2')).status).toBe(201); // a new id goes through
    expect(await points(member)).toMatchObject({ available: 400, spent: 100 });
  });

  it('shows another club none of it', async () => {
    expect((await call('GET', '/v1/rewards', { key: otherKey })).json).toEqual({ items: [], nextCursor: null });
    expect((await call('GET', `/v1/rewards/${rewardId}`, { key: otherKey })).status).toBe(404);
    expect((await call('PUT', `/v1/rewards/${rewardId}`, { key: otherKey, body: { code: 'X', name: { en: 'X' }, pointsPrice: 1 } })).status).toBe(404);
    expect((await redeem(rich, 'other-1', rewardId, otherKey)).status).toBe(404); // their member is unknown here
    expect((await call('GET', `/v1/members/${rich}/reward-redemptions`, { key: otherKey })).status).toBe(404);
    const doc = (await call('GET', '/openapi.json')).json;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/rewards', '/v1/rewards/{id}', '/v1/members/{id}/reward-redemptions']));
  });
});
