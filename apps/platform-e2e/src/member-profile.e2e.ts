import { randomUUID } from 'node:crypto';
import type { Stack } from '@club/local-stack';
import { eventually } from '@club/platform-testing';
import { api, bootStack, type Api } from './stack.fixture';

/**
 * Member profiles through the gateway: the rich profile with a Jalali birth date, custom
 * attributes, merge-patch updates, consent history, and card replacement/blocking.
 */
describe('member profiles and cards end to end', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let otherKey: string;
  const phone = `0935${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

  beforeAll(async () => {
    stack = await bootStack();
    call = api(stack);
    key = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Refah' } })).json.apiKey;
    otherKey = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Other' } })).json.apiKey;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('enrols with a rich profile, a Jalali birth date and declared custom attributes', async () => {
    expect((await call('PUT', '/v1/member-attributes/shoe_size', { key, body: { type: 'number', label: 'Shoe size' } })).status).toBe(200);
    expect((await call('PUT', '/v1/member-attributes/tier_hint', { key, body: { type: 'enum', label: 'Hint', options: ['gold', 'silver'] } })).status).toBe(200);
    const badDef = await call('PUT', '/v1/member-attributes/Bad-Key', { key, body: { type: 'colour', label: 'x' } });
    expect(badDef.status).toBe(400);
    expect((await call('GET', '/v1/member-attributes', { key })).json.items.map((d: { key: string }) => d.key)).toEqual(['shoe_size', 'tier_hint']);
    expect((await call('GET', '/v1/member-attributes', { key: otherKey })).json.items).toEqual([]);

    const res = await call('POST', '/v1/members', {
      key,
      body: {
        phone,
        firstName: 'مریم',
        email: `maryam.${randomUUID().slice(0, 6)}@example.com`,
        birthDate: '۱۳۷۵/۰۶/۲۱',
        gender: 'female',
        maritalStatus: 'married',
        economicBand: 'middle',
        interests: ['books', 'tea'],
        preferredChannels: ['sms', 'in-app'],
        primaryNeed: 'weekly groceries',
        joinReason: 'discounts',
        attributes: { shoe_size: 38 },
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      birthDate: '1996-09-11',
      birthDateJalali: '1375-06-21',
      gender: 'female',
      interests: ['books', 'tea'],
      attributes: { shoe_size: 38 },
      consents: {},
      version: 1,
    });
    const bad = await call('POST', '/v1/members', { key, body: { phone: '09350000001', birthDate: '1400-12-30', attributes: { shoe_size: 'big' } } });
    expect(bad.status).toBe(400);
  });

  it('patches the profile with merge-patch semantics and validates every field', async () => {
    const m = (await call('GET', `/v1/members?phone=${phone}`, { key })).json.items[0];
    const res = await call('PATCH', `/v1/members/${m.id}`, {
      key,
      headers: { 'content-type': 'application/merge-patch+json' },
      raw: JSON.stringify({ lastName: 'Karimi', primaryNeed: null, attributes: { shoe_size: 39, tier_hint: 'gold' } }),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ lastName: 'Karimi', primaryNeed: null, firstName: 'مریم', attributes: { shoe_size: 39, tier_hint: 'gold' }, version: 2 });
    const invalid = await call('PATCH', `/v1/members/${m.id}`, { key, body: { gender: 'robot', attributes: { tier_hint: 'bronze' } } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.map((e: { pointer: string }) => e.pointer)).toContain('#/gender');
    expect((await call('PATCH', `/v1/members/${m.id}`, { key: otherKey, body: { lastName: 'X' } })).status).toBe(404);
    expect((await call('GET', `/v1/members/${m.id}`, { key })).json.version).toBe(2);
  });

  it('records consent per channel with its history; the latest decision is in force', async () => {
    const m = (await call('GET', `/v1/members?phone=${phone}`, { key })).json.items[0];
    await call('POST', `/v1/members/${m.id}/consents`, { key, body: { channel: 'sms', granted: true, source: 'pos-signature' } });
    const res = await call('POST', `/v1/members/${m.id}/consents`, { key, body: { channel: 'sms', granted: false, source: 'sms-stop' } });
    expect(res.status).toBe(201);
    expect(res.json.consents.sms).toMatchObject({ granted: false, source: 'sms-stop' });
    expect((await call('POST', `/v1/members/${m.id}/consents`, { key, body: { channel: 'fax', granted: true, source: 'x' } })).status).toBe(400);
  });

  it('replaces, blocks and unblocks cards; a replaced or blocked card no longer identifies the member', async () => {
    const m = (await call('GET', `/v1/members?phone=${phone}`, { key })).json.items[0];
    const replaced = await call('POST', `/v1/cards/${m.cardNumber}/replace`, { key, body: { reason: 'lost' } });
    expect(replaced.status).toBe(201);
    expect(replaced.json.barcode).toEqual({ format: 'code128', payload: replaced.json.cardNumber });
    expect((await call('GET', `/v1/members?cardNumber=${m.cardNumber}`, { key })).json.items).toEqual([]);
    expect((await call('GET', `/v1/members/${m.id}`, { key })).json.cardNumber).toBe(replaced.json.cardNumber);
    const checkout = (cardNumber: string) =>
      call('POST', '/v1/checkouts', { key, body: { transactionId: randomUUID(), storeId: 's', member: { cardNumber }, amount: 10_000, currency: 'IRR' } });
    expect((await checkout(m.cardNumber)).status).toBe(404);
    expect((await checkout(replaced.json.cardNumber)).status).toBe(201);
    expect((await call('POST', `/v1/cards/${replaced.json.cardNumber}/block`, { key, body: { reason: 'stolen' } })).json.status).toBe('blocked');
    expect((await checkout(replaced.json.cardNumber)).status).toBe(404);
    expect((await call('POST', `/v1/cards/${replaced.json.cardNumber}/unblock`, { key, body: {} })).json.status).toBe('active');
    expect((await call('POST', `/v1/cards/${m.cardNumber}/replace`, { key, body: {} })).status).toBe(422);
    expect((await call('POST', `/v1/cards/${m.cardNumber}/block`, { key: otherKey, body: {} })).status).toBe(404);
    const cards = (await call('GET', `/v1/members/${m.id}/cards`, { key })).json.items;
    expect(cards.map((c: { status: string }) => c.status).sort()).toEqual(['active', 'replaced']);
  });

  it('upgrades a tier from real checkouts (points → Kafka → members) and completes a referral', async () => {
    const ladder = await call('POST', '/v1/tier-ladders', {
      key,
      body: {
        metric: 'spend',
        window: { kind: 'jalali-year' },
        levels: [
          { code: 'member', name: 'عضو', threshold: 0 },
          { code: 'gold', name: 'طلایی', threshold: 2_000_000, multiplierPercent: 125 },
        ],
        downgrade: 'one-level',
        graceDays: 30,
      },
    });
    expect(ladder.status).toBe(201);
    expect(ladder.json.version).toBe(1);
    expect((await call('POST', '/v1/tier-ladders', { key, body: { metric: 'spend' } })).status).toBe(400);
    // A version that drops a code must say where its holders go (formerCodes); nothing is saved otherwise.
    const unmapped = await call('POST', '/v1/tier-ladders', {
      key,
      body: { metric: 'spend', window: { kind: 'jalali-year' }, levels: [{ code: 'member', name: 'عضو', threshold: 0 }, { code: 'zarrin', name: 'زرین', threshold: 2_000_000 }], downgrade: 'one-level', graceDays: 30 },
    });
    expect(unmapped.status).toBe(400);
    expect(unmapped.json.errors).toEqual([{ pointer: '#/formerCodes', detail: expect.stringContaining('"gold"') }]);
    expect((await call('GET', '/v1/tier-ladders', { key })).json.items).toHaveLength(1);

    const referrer = (await call('GET', `/v1/members?phone=${phone}`, { key })).json.items[0];
    const friendPhone = `0936${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const friend = await call('POST', '/v1/members', { key, body: { phone: friendPhone, referralCode: referrer.referralCode } });
    expect(friend.status).toBe(201);
    expect(friend.json.referredBy).toBe(referrer.id);
    expect((await call('POST', '/v1/members', { key, body: { phone: '09360000009', referralCode: 'ZZZZ2222' } })).status).toBe(400);

    const before = await call('GET', `/v1/members/${friend.json.id}/tier`, { key });
    expect(before.json).toMatchObject({ code: 'member', metric: 'spend', metricValue: 0, progress: { nextCode: 'gold', remaining: 2_000_000 } });
    for (const amount of [1_500_000, 800_000]) {
      const res = await call('POST', '/v1/checkouts', {
        key,
        body: { transactionId: randomUUID(), storeId: 'tehran-3', member: { phone: friendPhone }, amount, currency: 'IRR' },
      });
      expect(res.status).toBe(201);
    }
    const after = await eventually(async () => {
      const t = await call('GET', `/v1/members/${friend.json.id}/tier`, { key });
      if (t.json.code !== 'gold') throw new Error(`still ${t.json.code} at ${t.json.metricValue}`);
      return t.json;
    });
    expect(after).toMatchObject({ metricValue: 2_300_000, multiplierPercent: 125, history: [expect.objectContaining({ from: 'member', to: 'gold', direction: 'up' })] });
    expect((await call('GET', `/v1/members/${friend.json.id}`, { key })).json.journeyStage).toBe('active');
    expect((await call('GET', `/v1/members/${friend.json.id}/tier`, { key: otherKey })).status).toBe(404);

    // The periodic review as an asynchronous job: a dry run previews without changing anything.
    const started = await call('POST', '/v1/tier-reviews', { key, body: { dryRun: true } });
    expect(started.status).toBe(202);
    const review = await eventually(async () => {
      const r = await call('GET', `/v1/tier-reviews/${started.json.id}`, { key });
      if (r.json.status !== 'completed') throw new Error(`review ${r.json.status}`);
      return r.json;
    });
    expect(review).toMatchObject({ dryRun: true, ladderVersion: 1, downgraded: 0 });
    expect(review.processed).toBeGreaterThanOrEqual(2);
    expect((await call('GET', `/v1/tier-reviews/${started.json.id}`, { key: otherKey })).status).toBe(404);
  });

  it('imports a customer base from CSV and JSON Lines: good rows in, bad rows reported by line, a re-run changes nothing', async () => {
    const base = Math.floor(Math.random() * 1e6);
    const p = (i: number) => `0937${String(base * 10 + i).padStart(7, '0')}`;
    const csv = [
      'phone,first_name,Gender,interests,attr.shoe_size,loyalty_legacy_id',
      `${p(1)},Ali,male,books|tea,42,L1`,
      `"${p(2)}","Zahra, the second",FEMALE,,39,L2`,
      `021-5555,Bad phone,male,,,L3`,
      `${p(4)},Robot,robot,,,L4`,
      `${p(1)},Ali-Reza,male,books|tea,42,L1b`,
    ].join('\r\n');
    const run = async (body: string, type: string) => {
      const res = (await fetch(`${stack.gatewayUrl}/v1/member-imports`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': type }, body }));
      expect(res.status).toBe(202);
      const job = (await res.json()) as { id: string };
      return eventually(async () => {
        const j = await call('GET', `/v1/member-imports/${job.id}`, { key });
        if (j.json.status !== 'completed') throw new Error(`import ${j.json.status}`);
        return j.json;
      });
    };
    const first = await run(csv, 'text/csv');
    expect(first).toMatchObject({ format: 'csv', recordsDone: 5, imported: 2, updated: 0, unchanged: 1, failed: 2 });
    expect(first.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [4, 'phone'],
      [5, 'gender'],
    ]);
    expect(first.warnings).toEqual(['unknown column ignored: loyalty_legacy_id']);
    const zahra = (await call('GET', `/v1/members?phone=${p(2)}`, { key })).json.items[0];
    expect(zahra).toMatchObject({ firstName: 'Zahra, the second', gender: 'female', attributes: { shoe_size: 39 } });

    const again = await run(csv, 'text/csv');
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3, failed: 2 }); // a phone on two lines: the last line wins, every run

    const jsonl = [JSON.stringify({ phone: p(1), lastName: 'Rezaei' }), '{not json', JSON.stringify({ phone: p(5), locale: 'en' })].join('\n');
    const third = await run(jsonl, 'application/x-ndjson');
    expect(third).toMatchObject({ format: 'jsonl', imported: 1, updated: 1, failed: 1, errors: [expect.objectContaining({ line: 2 })] });
    expect((await call('GET', `/v1/members?phone=${p(1)}`, { key })).json.items[0]).toMatchObject({ firstName: 'Ali-Reza', lastName: 'Rezaei' });
    expect((await fetch(`${stack.gatewayUrl}/v1/member-imports`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await call('GET', `/v1/member-imports/${third.id}`, { key: otherKey })).status).toBe(404);
  });

  it('exports everything held about a member and erases them everywhere', async () => {
    const m = (await call('GET', `/v1/members?phone=${phone}`, { key })).json.items[0];
    await call('POST', '/v1/checkouts', { key, body: { transactionId: randomUUID(), storeId: 's', member: { memberId: m.id }, amount: 50_000, currency: 'IRR' } });
    const exported = await eventually(async () => {
      const e = await call('GET', `/v1/members/${m.id}/export`, { key });
      if (e.json.purchases?.length < 2 || e.json.inbox?.length < 1) throw new Error('not all data arrived yet');
      return e.json;
    });
    expect(exported).toMatchObject({ member: { id: m.id, phone: m.phone }, profile: { firstName: 'مریم' }, points: { available: expect.any(Number) } });
    expect(exported.consentHistory.map((c: { source: string }) => c.source)).toEqual(['pos-signature', 'sms-stop']);
    expect((await call('GET', `/v1/members/${m.id}/export`, { key: otherKey })).status).toBe(404);

    const erased = await call('POST', `/v1/members/${m.id}/erasure`, { key });
    expect(erased.status).toBe(200);
    expect(erased.json.releasedCards).toBeGreaterThanOrEqual(1);
    expect((await call('GET', `/v1/members/${m.id}`, { key })).status).toBe(404);
    expect((await call('GET', `/v1/members?phone=${phone}`, { key })).json.items).toEqual([]);
    expect((await call('POST', `/v1/members/${m.id}/erasure`, { key })).status).toBe(404);
    // The phone is free again: the person may enrol afresh.
    expect((await call('POST', '/v1/members', { key, body: { phone } })).status).toBe(201);
  });

  it('scores customer value (RFM, CIVILFORMD) with managers’ factors and the club’s weights', async () => {
    const m = (await call('POST', '/v1/members', { key, body: { phone: `0938${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` } })).json;
    expect((await call('PUT', '/v1/scoring/weights', { key, body: { weights: { money: 3, nope: 1 } } })).status).toBe(400);
    expect((await call('PUT', '/v1/scoring/weights', { key, body: { weights: { money: 3 } } })).json.weights.money).toBe(3);
    const factor = await call('PUT', `/v1/members/${m.id}/value-factors/impression`, { key, body: { score: 4 }, headers: { 'x-operator': encodeURIComponent('سارا احمدی') } });
    expect(factor.status).toBe(200);
    expect(factor.json.manualFactors).toEqual([expect.objectContaining({ factor: 'impression', score: 4, setBy: 'سارا احمدی (key: default)' })]);
    expect((await call('PUT', `/v1/members/${m.id}/value-factors/impression`, { key, body: { score: 4, setBy: 'forged' } })).status).toBe(400); // never from the body
    expect((await call('PUT', `/v1/members/${m.id}/value-factors/recency`, { key, body: { score: 4 } })).status).toBe(400);
    const started = await call('POST', '/v1/scoring/recompute', { key });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ kind: 'scores' });
    const pass = await eventually(async () => {
      const r = await call('GET', `/v1/member-passes/${started.json.id}`, { key });
      if (r.json.status !== 'completed') throw new Error(`pass ${r.json.status}`);
      return r.json;
    });
    expect(pass.processed).toBeGreaterThanOrEqual(1);
    expect((await call('GET', `/v1/member-passes/${started.json.id}`, { key: otherKey })).status).toBe(404);
    const scored = (await call('GET', `/v1/members/${m.id}/scores`, { key })).json;
    expect(scored.rfm.code).toMatch(/^[1-5]{3}$/);
    expect(scored.civilformd).toMatchObject({ factors: { impression: 4 }, weights: { money: 3 } });
    expect((await call('GET', `/v1/members/${m.id}/scores`, { key: otherKey })).status).toBe(404);
  });

  it('segments members by type-checked rules and pages through them', async () => {
    expect((await call('POST', '/v1/segments', { key, body: { name: 'typo', rule: { field: 'tierr', op: 'eq', value: 'gold' } } })).status).toBe(400);
    const gold = await call('POST', '/v1/segments', { key, body: { name: 'gold members', rule: { field: 'tier', op: 'eq', value: 'gold' } } });
    expect(gold.status).toBe(201);
    expect((await call('POST', '/v1/segments/recompute', { key })).status).toBe(202);
    const page = await eventually(async () => {
      const p = await call('GET', `/v1/segments/${gold.json.id}/members?limit=10`, { key });
      if (p.json.items.length === 0) throw new Error('not recomputed yet');
      return p.json;
    });
    const first = page.items[0].memberId;
    expect((await call('GET', `/v1/members/${first}/segments`, { key })).json.segments).toEqual([expect.objectContaining({ name: 'gold members' })]);
    expect((await call('GET', `/v1/segments/${gold.json.id}/members`, { key: otherKey })).status).toBe(404);
  });
});
