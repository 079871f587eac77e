import { eventually } from '@club/platform-testing';
import type { Stack } from '@club/local-stack';
import { api, bootStack, type Api } from './stack.fixture';

/**
 * A marketer's preview through the gateway on the real stack: custom attributes declared in
 * members reach the campaign rules (through Kafka), the club's campaign settings, real checkouts
 * recorded with their facts, then a draft replayed over them as a background job with its exact
 * cost; another club sees none of it.
 */
describe('campaign settings, declared attributes and replays (e2e)', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let otherKey: string;
  let memberId: string;
  let replayId: string;

  beforeAll(async () => {
    stack = await bootStack();
    call = api(stack);
    key = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Replay chain', calendar: 'gregorian', currency: 'EUR' } })).json.apiKey;
    otherKey = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Other chain', calendar: 'gregorian', currency: 'EUR' } })).json.apiKey;
    expect((await call('PUT', '/v1/points/policy', { key, body: { pendingDays: 0 } })).status).toBe(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const vipCampaign = { name: 'VIP bonus', rules: [{ id: 'vip', trigger: 'purchase', condition: 'member.attributes.vip == true', effects: [{ kind: 'points-fixed', points: 7 }] }] };

  it('a declared attribute reaches the rules: the campaign publishes (undeclared ones are a 400) and applies at the till', async () => {
    const draft = await call('POST', '/v1/campaigns', { key, body: vipCampaign });
    expect(draft.status).toBe(201);
    const refused = await call('POST', `/v1/campaigns/${draft.json.id}/publish`, { key });
    expect(refused.status).toBe(400);
    expect(refused.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/rules/0/condition']);

    expect((await call('PUT', '/v1/member-attributes/vip', { key, body: { type: 'boolean', label: 'VIP' } })).status).toBe(200);
    memberId = (await call('POST', '/v1/members', { key, body: { phone: `0936${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`, attributes: { vip: true } } })).json.id;
    await eventually(
      async () => {
        const published = await call('POST', `/v1/campaigns/${draft.json.id}/publish`, { key });
        if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const sale = await call('POST', '/v1/checkouts', { key, body: { transactionId: 'vip-1', storeId: 'store-1', member: { memberId }, currency: 'EUR', amount: 1_000 } });
    expect(sale.status).toBe(201);
    expect(sale.json.breakdown).toEqual([expect.objectContaining({ ruleId: 'vip', points: 7 })]);
  });

  it('saves and answers the club’s campaign settings; another club keeps the defaults', async () => {
    expect((await call('GET', '/v1/campaign-settings', { key })).json).toMatchObject({ version: 0, groups: {}, pointValue: { minorUnits: 1, perPoints: 1 } });
    const bad = await call('PUT', '/v1/campaign-settings', { key, body: { groups: { promo: { mode: 'random' } } } });
    expect(bad.status).toBe(400);
    const saved = await call('PUT', '/v1/campaign-settings', { key, body: { groups: { promo: { mode: 'first-match', priority: 3 } }, pointValue: { minorUnits: 100, perPoints: 1 } }, headers: { 'x-operator': 'Sara' } });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ version: 1, groups: { promo: { mode: 'first-match', priority: 3 } }, pointValue: { minorUnits: 100, perPoints: 1 } });
    expect((await call('GET', '/v1/campaign-settings', { key })).json).toMatchObject({ version: 1 });
    expect((await call('GET', '/v1/campaign-settings', { key: otherKey })).json).toMatchObject({ version: 0 });
  });

  it('replays a draft doubling dairy points over the real checkouts: 202, then the exact cost', async () => {
    for (let i = 1; i <= 6; i++) {
      const res = await call('POST', '/v1/checkouts', {
        key,
        body: {
          transactionId: `dairy-${i}`,
          storeId: 'store-1',
          member: { memberId },
          currency: 'EUR',
          amount: i * 300 + 500,
          items: [
            { sku: 'milk', category: 'dairy', quantity: i, unitPrice: 300 },
            { sku: 'bread', category: 'bakery', quantity: 1, unitPrice: 500 },
          ],
        },
      });
      expect(res.status).toBe(201);
    }
    const draft = { name: 'Double dairy', rules: [{ id: 'dairy', trigger: 'purchase', effects: [{ kind: 'points-per-amount', points: 1, per: 100, lines: "line.category == 'dairy'" }] }] };
    const started = await call('POST', '/v1/campaigns/replay', { key, body: { draft, days: 1 } });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ status: expect.stringMatching(/pending|running|completed/), name: 'Double dairy', days: 1 });
    replayId = started.json.id;
    const done = await eventually(
      async () => {
        const r = await call('GET', `/v1/campaign-replays/${replayId}`, { key });
        if (r.json.status !== 'completed') throw new Error(`replay ${r.json.status}`);
        return r.json;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    // 3 points per unit of milk: 3 × (1 + … + 6) = 63; the VIP sale had no dairy
    expect(done).toMatchObject({ scanned: 7, matched: 6, membersReached: 1, liveCampaigns: 1, points: '63', discount: '0', rules: [{ ruleId: 'dairy', checkouts: 6, points: '63' }] });
  });

  it('refuses a draft reading an undeclared attribute, and hides the replay from another club', async () => {
    const bad = await call('POST', '/v1/campaigns/replay', {
      key,
      body: { draft: { name: 'x', rules: [{ id: 'r', trigger: 'purchase', condition: 'member.attributes.shoe_size > 40.0', effects: [{ kind: 'points-fixed', points: 1 }] }] }, days: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/draft/rules/0/condition']);
    expect((await call('POST', '/v1/campaigns/replay', { key, body: { days: 1 } })).status).toBe(400);
    expect((await call('POST', '/v1/campaigns/replay', { key, body: { draft: { name: 'x' }, days: 91 } })).status).toBe(400);
    expect((await call('GET', `/v1/campaign-replays/${replayId}`, { key: otherKey })).status).toBe(404);
  });
});
