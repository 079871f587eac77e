import { randomUUID } from 'node:crypto';
import type { Stack } from '@club/local-stack';
import { eventually } from '@club/platform-testing';
import { api, bootStack, type Api } from './stack.fixture';

/**
 * The points ledger through the gateway: a checkout that spends and earns, redemptions held and
 * captured or released, retries answered with the first response, not enough points as 422,
 * returns, audited adjustments, the statement, the club's policy, jobs and the liability report,
 * and a second club that sees none of it.
 */
describe('points ledger end to end', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let otherKey: string;
  let memberId: string;

  beforeAll(async () => {
    stack = await bootStack();
    call = api(stack);
    key = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Euro chain', calendar: 'gregorian', currency: 'EUR' } })).json.apiKey;
    otherKey = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Other', calendar: 'gregorian', currency: 'EUR' } })).json.apiKey;
    memberId = (await call('POST', '/v1/members', { key, body: { phone: `0936${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` } })).json.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const checkout = (body: object) => call('POST', '/v1/checkouts', { key, body: { storeId: 's1', member: { memberId }, currency: 'EUR', ...body } });
  const points = async () => (await call('GET', `/v1/members/${memberId}/points`, { key })).json;

  it('sets the club’s ledger policy (validated, audited) and earns per line at checkout', async () => {
    expect((await call('PUT', '/v1/points/policy', { key, body: { negativeBalance: 'sometimes' } })).status).toBe(400);
    const policy = await call('PUT', '/v1/points/policy', { key, body: { pendingDays: 0, negativeBalance: 'within-balance', holdTtlSeconds: 600 } });
    expect(policy.status).toBe(200);
    expect((await call('GET', '/v1/points/policy', { key })).json).toMatchObject({ pendingDays: 0, negativeBalance: 'within-balance', expiry: { kind: 'never' } });

    const sale = await checkout({
      transactionId: 'sale-1',
      amount: 30_000,
      items: [
        { sku: 'tea', quantity: 2, unitPrice: 5_000 },
        { sku: 'rice', quantity: 1, unitPrice: 20_000 },
      ],
    });
    expect(sale.status).toBe(201);
    expect(sale.json).toMatchObject({ pointsEarned: 300, pointsRedeemed: 0, pending: false });
    expect(await points()).toEqual({ available: 300, pending: 0, held: 0, lifetimeEarned: 300, spent: 0, expired: 0 });
  });

  it('holds, captures and releases redemptions; a retry answers the first response; too many points is a 422 that changes nothing', async () => {
    const hold = await call('POST', `/v1/members/${memberId}/redemptions`, { key, body: { redemptionId: 'r-hold', points: 100, hold: true } });
    expect(hold.status).toBe(201);
    expect(hold.json).toMatchObject({ redemptionId: 'r-hold', status: 'held', balance: { available: 200, held: 100 } });
    const again = await call('POST', `/v1/members/${memberId}/redemptions`, { key, body: { redemptionId: 'r-hold', points: 100, hold: true } });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(hold.json);
    expect((await call('POST', `/v1/members/${memberId}/redemptions`, { key, body: { redemptionId: 'r-hold', points: 99, hold: true } })).status).toBe(409);

    const captured = await call('POST', '/v1/redemptions/r-hold/capture', { key });
    expect(captured.status).toBe(200);
    expect(captured.json).toMatchObject({ status: 'captured', balance: { available: 200, held: 0, spent: 100 } });
    expect((await call('POST', '/v1/redemptions/r-hold/release', { key })).status).toBe(422); // already captured

    const second = await call('POST', `/v1/members/${memberId}/redemptions`, { key, body: { redemptionId: 'r-2', points: 50, hold: true } });
    expect(second.json.status).toBe('held');
    expect((await call('POST', '/v1/redemptions/r-2/release', { key })).json).toMatchObject({ status: 'released', balance: { available: 200, held: 0 } });

    const tooMany = await call('POST', `/v1/members/${memberId}/redemptions`, { key, body: { redemptionId: 'r-3', points: 1_000 } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.headers.get('content-type')).toContain('application/problem+json');
    expect(await points()).toMatchObject({ available: 200, spent: 100 });
    expect((await call('POST', '/v1/redemptions/nope/capture', { key })).status).toBe(404);
  });

  it('spends points within a checkout, all or nothing; a refused sale’s id stays refused', async () => {
    const refused = await checkout({ transactionId: 'sale-2-refused', amount: 1_000, redeemPoints: 10_000 });
    expect(refused.status).toBe(422);
    expect(await points()).toMatchObject({ available: 200, lifetimeEarned: 300 }); // nothing earned, nothing spent
    expect((await checkout({ transactionId: 'sale-2-refused', amount: 1_000, redeemPoints: 10_000 })).status).toBe(422); // the same answer again
    expect((await checkout({ transactionId: 'sale-2-refused', amount: 1_000, redeemPoints: 150 })).status).toBe(409); // the id is taken by the refused sale
    const paid = await checkout({ transactionId: 'sale-2', amount: 1_000, redeemPoints: 150 });
    expect(paid.status).toBe(201);
    expect(paid.json).toMatchObject({ pointsEarned: 10, pointsRedeemed: 150, balance: { available: 60 } });
  });

  it('reverses earned points line by line on a return and refuses to return more than was bought', async () => {
    const ret = await call('POST', '/v1/checkouts/sale-1/returns', { key, body: { returnId: 'ret-1', items: [{ sku: 'tea', quantity: 1 }] } });
    expect(ret.status).toBe(201);
    expect(ret.json).toMatchObject({ transactionId: 'sale-1', returnId: 'ret-1', pointsReversed: 50, pointsRefunded: 0 });
    expect((await call('POST', '/v1/checkouts/sale-1/returns', { key, body: { returnId: 'ret-1', items: [{ sku: 'tea', quantity: 1 }] } })).status).toBe(200);
    const over = await call('POST', '/v1/checkouts/sale-1/returns', { key, body: { returnId: 'ret-2', items: [{ sku: 'tea', quantity: 2 }] } });
    expect(over.status).toBe(422);
    expect((await call('POST', '/v1/checkouts/sale-1/returns', { key, body: { returnId: 'ret-3', items: [{ sku: 'tea', quantity: 1 }], amount: 5 } })).status).toBe(400);
    expect((await call('POST', '/v1/checkouts/nope/returns', { key, body: { returnId: 'ret-4', amount: 5 } })).status).toBe(404);
  });

  it('records manual adjustments with the operator and shows every entry in the statement', async () => {
    const before = (await points()).available;
    const credit = await call('POST', `/v1/members/${memberId}/points/adjustments`, { key, body: { adjustmentId: 'adj-1', points: 25, reason: 'goodwill' }, headers: { 'x-operator': 'Sara' } });
    expect(credit.status).toBe(201);
    expect(credit.json.balance.available).toBe(before + 25);
    expect((await call('POST', `/v1/members/${memberId}/points/adjustments`, { key, body: { adjustmentId: 'adj-2', points: -1_000_000, reason: 'oops' } })).status).toBe(422);
    expect((await call('POST', `/v1/members/${memberId}/points/adjustments`, { key, body: { adjustmentId: 'adj-3', points: 0, reason: 'x' } })).status).toBe(400);

    const first = (await call('GET', `/v1/members/${memberId}/points/entries?limit=2`, { key })).json;
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ kind: 'adjust', points: 25, reason: 'goodwill', operator: 'Sara (key: default)' });
    const all: { kind: string }[] = [...first.items];
    for (let cursor = first.nextCursor; cursor; ) {
      const page = (await call('GET', `/v1/members/${memberId}/points/entries?limit=2&cursor=${encodeURIComponent(cursor)}`, { key })).json;
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(['earn', 'hold', 'capture', 'release', 'redeem', 'reverse', 'adjust']));
  });

  it('runs ledger jobs with a dry run and reports the liability', async () => {
    const job = await call('POST', '/v1/points-jobs', { key, body: { kind: 'expire', dryRun: true } });
    expect(job.status).toBe(202);
    const done = await eventually(async () => {
      const r = await call('GET', `/v1/points-jobs/${job.json.id}`, { key });
      if (r.json.status !== 'completed') throw new Error(`job ${r.json.status}`);
      return r.json;
    });
    expect(done).toMatchObject({ kind: 'expire', dryRun: true });
    const liability = await call('GET', '/v1/reports/points-liability', { key });
    expect(liability.status).toBe(200);
    expect(JSON.stringify(liability.json)).toContain(String((await points()).available));
    expect((await call('GET', '/v1/reports/points-liability?at=yesterday', { key })).status).toBe(400);
  });

  it('manages campaigns: drafts, versions, publishing checked, the lifecycle, with the operator in the history', async () => {
    const created = await call('POST', '/v1/campaigns', { key, body: { name: 'Nowruz double points', priority: 10 }, headers: { 'x-operator': 'Sara' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ version: 1, status: 'draft' });
    const id = created.json.id;
    expect((await call('POST', `/v1/campaigns/${id}/publish`, { key })).status).toBe(400); // no rules: refused now, not at the till
    const rules = [{ id: 'r1', trigger: 'purchase', condition: 'cart.amount >= 10000', effects: [{ kind: 'points-fixed', points: 10 }] }];
    const typo = await call('PUT', `/v1/campaigns/${id}`, { key, body: { name: 'Nowruz double points', rules: [{ ...rules[0], condition: 'cart.amout >= 10000' }] } });
    expect(typo.status).toBe(200); // a draft may hold unfinished rules …
    expect((await call('POST', `/v1/campaigns/${id}/publish`, { key })).json.errors[0].pointer).toBe('#/rules/0/condition'); // … publishing checks them
    expect((await call('PUT', `/v1/campaigns/${id}`, { key, body: { name: 'Nowruz double points', rules } })).json.version).toBe(3);
    expect((await call('POST', `/v1/campaigns/${id}/publish`, { key })).json.status).toBe('active');
    expect((await call('POST', `/v1/campaigns/${id}/publish`, { key })).status).toBe(422);
    expect((await call('POST', `/v1/campaigns/${id}/pause`, { key })).json.status).toBe('paused');
    expect((await call('POST', `/v1/campaigns/${id}/launch`, { key })).status).toBe(404);
    expect((await call('GET', '/v1/campaigns?status=paused', { key })).json.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const history = (await call('GET', `/v1/campaigns/${id}`, { key })).json.history;
    expect(history[0]).toMatchObject({ action: 'create', operator: 'Sara (key: default)' });
    expect((await call('GET', `/v1/campaigns/${id}`, { key: otherKey })).status).toBe(404);

    const simulated = await call('POST', '/v1/campaigns/simulate', {
      key,
      body: {
        checkout: { member: { id: memberId, tenureDays: 3 }, cart: { amount: 20_000, currency: 'EUR', lines: [{ sku: 'tea', quantity: 2, unitPrice: 10_000 }] }, basePoints: 200 },
        draft: { name: 'Try', rules: [{ id: 'x', trigger: 'purchase', condition: "cart.lines.exists(l, l.sku == 'tea')", effects: [{ kind: 'points-multiplier', percent: 50 }] }] },
      },
    });
    expect(simulated.status).toBe(200);
    expect(simulated.json.totals).toEqual({ points: 100, discount: 0 }); // the paused campaign does not apply; the draft's +50 % does
  });

  it('issues coupon batches and checks codes (mistyped → 400, unknown → not valid)', async () => {
    const batch = await call('POST', '/v1/coupon-batches', { key, body: { name: 'Yalda', prefix: 'YALDA', count: 3 } });
    expect(batch.status).toBe(201);
    const codes = (await call('GET', `/v1/coupon-batches/${batch.json.id}/codes`, { key })).json.items.map((i: { code: string }) => i.code);
    expect(codes).toHaveLength(3);
    expect((await call('GET', `/v1/coupons/${codes[0].toLowerCase()}?memberId=${memberId}`, { key })).json).toMatchObject({ code: codes[0], valid: true });
    const typo = codes[0].slice(0, -1) + (codes[0].endsWith('A') ? 'C' : 'A');
    expect((await call('GET', `/v1/coupons/${typo}`, { key })).status).toBe(400);
    expect((await call('GET', `/v1/coupons/${codes[0]}`, { key: otherKey })).json).toMatchObject({ valid: false, reason: 'unknown' });
    expect((await call('GET', `/v1/coupon-batches/${batch.json.id}/codes`, { key: otherKey })).status).toBe(404);
  });

  it('isolates clubs: another club sees none of the member’s points, entries or redemptions', async () => {
    expect((await call('GET', `/v1/members/${memberId}/points`, { key: otherKey })).status).toBe(404);
    expect((await call('GET', `/v1/members/${memberId}/points/entries`, { key: otherKey })).status).toBe(404);
    expect((await call('POST', '/v1/redemptions/r-2/release', { key: otherKey })).status).toBe(404);
    expect((await call('POST', '/v1/checkouts/sale-1/returns', { key: otherKey, body: { returnId: randomUUID(), amount: 1 } })).status).toBe(404);
    expect((await call('POST', `/v1/members/${memberId}/redemptions`, { key: otherKey, body: { redemptionId: 'x', points: 1 } })).status).toBe(404);
  });
});
