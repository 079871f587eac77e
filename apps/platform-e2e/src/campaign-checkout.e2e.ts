import { randomUUID } from 'node:crypto';
import { eventually } from '@club/platform-testing';
import type { Stack } from '@club/local-stack';
import { api, bootStack, type Api } from './stack.fixture';
import { readTopic } from './kafka-reader';

/**
 * The full checkout path through the gateway on the real stack: the member's facts from members,
 * coupons redeemed in campaigns, the live campaigns evaluated (budgets counted once), base and
 * campaign points credited in the ledger with their provenance, the breakdown in the response,
 * a refused sale giving its coupon and budget back, and a whole return restoring the coupon.
 */
describe('checkout with campaigns and coupons (e2e)', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let otherKey: string;
  let memberId: string;
  let batchId: string;
  let codes: string[];
  const campaignIds: string[] = [];

  beforeAll(async () => {
    stack = await bootStack();
    call = api(stack);
    key = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Campaign chain', calendar: 'gregorian', currency: 'EUR' } })).json.apiKey;
    otherKey = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Other chain', calendar: 'gregorian', currency: 'EUR' } })).json.apiKey;
    memberId = (await call('POST', '/v1/members', { key, body: { phone: `0935${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` } })).json.id;
    expect((await call('PUT', '/v1/points/policy', { key, body: { pendingDays: 0, negativeBalance: 'within-balance' } })).status).toBe(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const sale = (transactionId: string, extra: object = {}, apiKey = key) =>
    call('POST', '/v1/checkouts', {
      key: apiKey,
      body: {
        transactionId,
        storeId: 'store-7',
        member: { memberId },
        currency: 'EUR',
        amount: 30_000,
        items: [
          { sku: 'green-tea', category: 'tea', quantity: 2, unitPrice: 5_000 },
          { sku: 'rice', category: 'grocery', quantity: 1, unitPrice: 20_000 },
        ],
        ...extra,
      },
    });

  const publish = async (body: object): Promise<string> => {
    const created = await call('POST', '/v1/campaigns', { key, body });
    expect(created.status).toBe(201);
    const published = await call('POST', `/v1/campaigns/${created.json.id}/publish`, { key });
    expect(published.json).toMatchObject({ status: 'active' });
    campaignIds.push(created.json.id);
    return created.json.id;
  };

  it('publishes campaigns: tea points per unit, double points with a 250-point budget, and a coupon-gated 10 % off', async () => {
    const batch = await call('POST', '/v1/coupon-batches', { key, body: { name: 'Ten off', prefix: 'TEN', count: 3 } });
    expect(batch.status).toBe(201);
    batchId = batch.json.id;
    codes = (await call('GET', `/v1/coupon-batches/${batchId}/codes`, { key })).json.items.map((i: { code: string }) => i.code);
    await publish({
      name: 'Tea lovers',
      rules: [{ id: 'tea', trigger: 'purchase', effects: [{ kind: 'points-per-line', lines: "line.category == 'tea'", pointsPerUnit: 10 }] }],
    });
    await publish({
      name: 'Double points week',
      group: 'multipliers',
      limits: [{ scope: 'campaign', measure: 'points', max: 250, period: 'lifetime' }],
      rules: [{ id: 'double', trigger: 'purchase', condition: 'cart.amount >= 10000', effects: [{ kind: 'points-multiplier', percent: 100 }] }],
    });
    await publish({
      name: 'Coupon: 10 % off',
      group: 'coupons',
      targeting: { couponBatches: [batchId] },
      rules: [{ id: 'ten-off', trigger: 'purchase', effects: [{ kind: 'discount-percent', percent: 10 }] }],
    });
  });

  it('a refused sale (not enough points to redeem) gives its coupon and budget back and keeps answering 422', async () => {
    const refused = await sale('refused-1', { redeemPoints: 1_000_000, coupons: [codes[0]] });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await sale('refused-1', { redeemPoints: 1_000_000, coupons: [codes[0]] })).status).toBe(422);
    expect((await call('GET', `/v1/coupons/${codes[0]}?memberId=${memberId}`, { key })).json).toMatchObject({ valid: true });
  });

  it('credits base + campaign points with the breakdown and the discount; the till retry gets the identical body', async () => {
    const first = await sale('sale-1', { coupons: [codes[0].toLowerCase()] });
    expect(first.status).toBe(201);
    const body = first.json;
    expect(body.basePoints).toBe(300); // 1 point per euro
    const byRule = Object.fromEntries(body.breakdown.map((b: { ruleId: string }) => [b.ruleId, b]));
    expect(byRule.tea).toMatchObject({ kind: 'points-per-line', points: 20 });
    expect(byRule.double).toMatchObject({ kind: 'points-multiplier', points: 250 }); // 300 asked, the budget had 250
    expect(byRule['ten-off']).toMatchObject({ kind: 'discount-percent', discount: 3_000 });
    expect(body.campaignPoints).toBe(270);
    expect(body.pointsEarned).toBe(570);
    expect(body.discount).toBe(3_000);
    expect(body.balance.available).toBe(570);
    for (const b of body.breakdown) expect(campaignIds).toContain(b.campaignId);

    const retry = await sale('sale-1', { coupons: [codes[0].toLowerCase()] });
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(body);
    expect((await call('GET', `/v1/coupons/${codes[0]}?memberId=${memberId}`, { key })).json).toMatchObject({ valid: false, reason: 'used-up' });
  });

  it('the budget is spent: the next sale gets no more doubling, and the coupon cannot be used twice', async () => {
    const next = await sale('sale-2');
    expect(next.status).toBe(201);
    expect(next.json.breakdown.map((b: { ruleId: string }) => b.ruleId)).toEqual(['tea']);
    expect(next.json.pointsEarned).toBe(320);
    const reused = await sale('sale-3', { coupons: [codes[0]] });
    expect(reused.status).toBe(422);
    expect(reused.json.errors[0]).toMatchObject({ pointer: '#/coupons/0' });
  });

  it('publishes the checkout with its campaign effects, categories and coupons', async () => {
    const events = await eventually(async () => {
      const found = (await readTopic('points.checkout.recorded.v1')).filter((e) => e.data.transactionId === 'sale-1' && e.data.memberId === memberId);
      if (found.length === 0) throw new Error('not yet');
      return found;
    });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ pointsEarned: 570, campaignPoints: 270, categories: ['tea', 'grocery'], couponCodes: [codes[0]] });
    expect((events[0].data.campaignEffects as { ruleId: string }[]).map((e) => e.ruleId).sort()).toEqual(['double', 'tea', 'ten-off']);
  });

  it('a whole return reverses the campaign points with the base and restores the coupon', async () => {
    const ret = await call('POST', '/v1/checkouts/sale-1/returns', { key, body: { returnId: randomUUID(), amount: 30_000 } });
    expect(ret.status).toBe(201);
    expect(ret.json.pointsReversed).toBe(570);
    await eventually(async () => {
      const check = (await call('GET', `/v1/coupons/${codes[0]}?memberId=${memberId}`, { key })).json;
      if (!check.valid) throw new Error(`coupon still ${check.reason}`);
    });
  });

  it('issues a coupon to the member when a rule says so, once, and announces it', async () => {
    const rewardBatch = (await call('POST', '/v1/coupon-batches', { key, body: { name: 'Come back', prefix: 'BACK', count: 1 } })).json.id;
    await publish({
      name: 'Big basket gets a coupon',
      group: 'awards',
      rules: [{ id: 'come-back', trigger: 'purchase', condition: 'cart.amount >= 50000', effects: [{ kind: 'issue-coupon', batchId: rewardBatch }] }],
    });
    const big = await sale('big-1', { amount: 60_000, items: [{ sku: 'tv', category: 'electronics', quantity: 1, unitPrice: 60_000 }] });
    expect(big.status).toBe(201);
    expect(big.json.breakdown.find((b: { ruleId: string }) => b.ruleId === 'come-back')).toMatchObject({ kind: 'issue-coupon', reference: rewardBatch });
    expect((await sale('big-1', { amount: 60_000, items: [{ sku: 'tv', category: 'electronics', quantity: 1, unitPrice: 60_000 }] })).status).toBe(200);
    const issued = await eventually(async () => {
      const found = (await readTopic('campaigns.coupon.issued.v1')).filter((e) => e.data.transactionId === 'big-1' && e.data.memberId === memberId);
      if (found.length === 0) throw new Error('not yet');
      return found;
    });
    expect(issued).toHaveLength(1);
    expect(issued[0].data).toMatchObject({ batchId: rewardBatch, ruleId: 'come-back' });
    expect((await call('GET', `/v1/coupons/${String(issued[0].data.code)}?memberId=${memberId}`, { key })).json).toMatchObject({ valid: true, batchId: rewardBatch });
    expect((await call('GET', `/v1/coupon-batches/${rewardBatch}/codes`, { key })).json.items).toHaveLength(2);
  });

  it('another club sees none of it: its sale gets no campaign effects', async () => {
    const otherMember = (await call('POST', '/v1/members', { key: otherKey, body: { phone: `0937${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` } })).json.id;
    const res = await call('POST', '/v1/checkouts', {
      key: otherKey,
      body: { transactionId: 'sale-1', storeId: 'store-7', member: { memberId: otherMember }, currency: 'EUR', amount: 30_000 },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ basePoints: 300, campaignPoints: 0, breakdown: [], discount: 0 });
    expect((await call('GET', `/v1/coupons/${codes[1]}`, { key: otherKey })).json).toMatchObject({ valid: false, reason: 'unknown' });
  });
});
