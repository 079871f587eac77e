import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { credentials, loadPackageDefinition, type Client } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { HEALTH_PROTO, PROTO_LOADER_OPTIONS, PROTO_ROOT, SERVICE_NAMES } from '@club/contracts';
import { eventually } from '@club/platform-testing';
import { NODE, ROOT, type Stack } from '@club/local-stack';
import { api, bootStack, type Api } from './stack.fixture';
import { readTopic } from './kafka-reader';
import { startOtlpReceiver, type ReceivedSpan } from './otlp-receiver';

/**
 * The first checkout end to end, black box through the gateway, on real PostgreSQL and Kafka:
 * tenants, enrolment, identification, an idempotent checkout under concurrent retries, the
 * member inbox fed by Kafka, events readable by an independent client, one trace across the
 * services, tenant isolation and RFC 9457 errors.
 */
describe('platform end to end', () => {
  let stack: Stack;
  let call: Api;
  let key: string;
  let tenantId: string;
  const phone = `0912${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const e164 = `+98${phone.slice(1)}`;
  let member: { id: string; cardNumber: string };

  let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    otlp = await startOtlpReceiver();
    stack = await bootStack({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_BSP_SCHEDULE_DELAY: '200' });
    call = api(stack);
  });

  afterAll(async () => {
    await stack?.stop();
    await otlp?.close();
  });

  it('serves liveness, readiness, metrics and gRPC health on every service', async () => {
    const def = loadSync(join(PROTO_ROOT, HEALTH_PROTO.protoPath), { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
    const Health = (loadPackageDefinition(def).grpc as any).health.v1.Health as new (a: string, c: unknown) => Client & { // eslint-disable-line @typescript-eslint/no-explicit-any
      check(req: object, cb: (e: Error | null, r: { status: string }) => void): void;
    };
    for (const s of SERVICE_NAMES) {
      const base = `http://127.0.0.1:${stack.ports[s].http}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: true, kafka: true } });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('club_grpc_server_handling_seconds');
      expect(metrics).toContain(`service="${s}"`);
      const client = new Health(`127.0.0.1:${stack.ports[s].grpc}`, credentials.createInsecure());
      const check = (service: string) =>
        new Promise<{ status: string }>((resolve, reject) => client.check({ service }, (e, r) => (e ? reject(e) : resolve(r))));
      expect((await check('')).status).toBe('SERVING'); // liveness
      expect((await check('readiness')).status).toBe('SERVING'); // database, Kafka and consumers answer
      client.close();
    }
  });

  it('creates a tenant with the admin token; the API key is shown once', async () => {
    expect((await call('POST', '/v1/admin/tenants', { body: { name: 'x' } })).status).toBe(401);
    const bad = await call('POST', '/v1/admin/tenants', { admin: true, body: { name: '', timezone: 'Mars/Olympus', currency: 'XYZ' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/currency', '#/name', '#/timezone']);
    const res = await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Hyper Shahrvand' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'Hyper Shahrvand', timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR' });
    expect(res.json.apiKey).toMatch(/^ck_/);
    key = res.json.apiKey;
    tenantId = res.json.id;
  });

  it('enrols a member from a Persian-digit phone, identifies them by phone and card, and refuses the phone twice', async () => {
    const persian = phone.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    const res = await call('POST', '/v1/members', { key, body: { phone: `${persian.slice(0, 4)} ${persian.slice(4)}`, firstName: 'سارا' } });
    expect(res.status).toBe(201);
    expect(res.json.phone).toBe(e164);
    expect(res.json.cardNumber).toMatch(/^\d{16}$/);
    member = res.json;
    expect((await call('POST', '/v1/members', { key, body: { phone: e164 } })).status).toBe(409);
    expect((await call('GET', `/v1/members/${member.id}`, { key })).json.id).toBe(member.id);
    expect((await call('GET', `/v1/members?phone=${encodeURIComponent(`0098${phone.slice(1)}`)}`, { key })).json.items[0].id).toBe(member.id);
    expect((await call('GET', `/v1/members?cardNumber=${member.cardNumber}`, { key })).json.items[0].id).toBe(member.id);
    const typo = member.cardNumber.slice(0, 15) + String((Number(member.cardNumber[15]) + 1) % 10);
    const mistyped = await call('GET', `/v1/members?cardNumber=${typo}`, { key });
    expect(mistyped.status).toBe(400);
    expect(mistyped.json.errors[0].pointer).toBe('#/cardNumber');
  });

  it('credits a checkout sent three times concurrently exactly once, with identical bodies', async () => {
    const body = { transactionId: `till-7-${randomUUID()}`, storeId: 'tehran-12', member: { cardNumber: member.cardNumber }, amount: 1_250_000, currency: 'IRR' };
    const started = Date.now();
    const results = await Promise.all([1, 2, 3].map(() => call('POST', '/v1/checkouts', { key, body })));
    const elapsed = Date.now() - started;
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(results[0].json).toEqual({
      transactionId: body.transactionId,
      memberId: member.id,
      pointsEarned: 125,
      basePoints: 125,
      campaignPoints: 0,
      pointsRedeemed: 0,
      discount: 0,
      breakdown: [],
      coupons: [],
      pending: false,
      balance: { available: 125, pending: 0 },
    });
    expect((await call('GET', `/v1/members/${member.id}/points`, { key })).json).toEqual({ available: 125, pending: 0, held: 0, lifetimeEarned: 125, spent: 0, expired: 0 });
    const conflict = await call('POST', '/v1/checkouts', { key, body: { ...body, amount: 1_300_000 } });
    expect(conflict.status).toBe(409);
    expect(conflict.json.errors[0].pointer).toBe('#/transactionId');
    process.stdout.write(`e2e: three concurrent checkout retries answered in ${elapsed} ms\n`);
  });

  it('delivers the welcome and points-earned messages to the inbox through Kafka', async () => {
    const inbox = await eventually(async () => {
      const res = await call('GET', `/v1/members/${member.id}/inbox`, { key });
      if (res.json.items.length < 2) throw new Error(`inbox has ${res.json.items.length} messages`);
      return res.json.items as { kind: string; body: string }[];
    });
    expect(inbox.map((m) => m.kind).sort()).toEqual(['points-earned', 'welcome']);
    expect(inbox.find((m) => m.kind === 'points-earned')!.body).toContain('۱۲۵');
  });

  it('puts the enrolment and checkout events on the broker for any Kafka client', async () => {
    const read = readTopic;
    const enrolled = await eventually(async () => {
      const e = (await read('members.member.enrolled.v1')).find((x) => x.subject === member.id);
      if (!e) throw new Error('no enrolment event yet');
      return e;
    });
    expect(enrolled).toMatchObject({ type: 'members.member.enrolled.v1', tenantId, data: { memberId: member.id, phone: e164 } });
    const earned = (await read('points.ledger-entry.created.v1')).filter((x) => x.subject === member.id);
    expect(earned).toHaveLength(1);
    expect(earned[0].data).toMatchObject({ kind: 'earn', points: 125 });
  });

  it('returns a trace id that appears in the logs of gateway, members, points and notifications', async () => {
    const res = await call('POST', '/v1/checkouts', {
      key,
      body: { transactionId: `till-8-${randomUUID()}`, storeId: 'tehran-12', member: { phone }, amount: 500_000, currency: 'IRR' },
    });
    expect(res.status).toBe(201);
    const traceId = res.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get('traceparent')).toContain(traceId);
    await eventually(async () => {
      for (const s of ['gateway', 'members', 'points', 'notifications']) {
        const lines = readFileSync(join(stack.logDir, `${s}.log`), 'utf8').split('\n').filter((l) => l.includes(`"trace_id":"${traceId}"`));
        if (lines.length === 0) throw new Error(`no ${s} log line with trace ${traceId}`);
        const line = JSON.parse(lines[0]);
        expect(line.service).toBe(s);
        expect(line.tenant_id).toBe(tenantId);
      }
    });
    // The exported spans form one trace: gateway HTTP → gRPC into members and points → the
    // outbox relay's publish span in points → the notifications consumer span under it.
    const trace = await eventually(async () => {
      const spans = otlp.spans.filter((sp) => sp.traceId === traceId);
      const publish = spans.find((sp) => sp.service === 'points' && sp.name === 'points.ledger-entry.created.v1 publish');
      const consume = spans.find((sp) => sp.service === 'notifications' && sp.name === 'points.ledger-entry.created.v1 process');
      if (!publish || !consume) throw new Error(`trace incomplete: ${spans.map((sp) => `${sp.service}:${sp.name}`).join(', ')}`);
      return { spans, publish, consume };
    });
    const byId = new Map<string, ReceivedSpan>(trace.spans.map((sp) => [sp.spanId, sp]));
    expect(new Set(trace.spans.map((sp) => sp.service))).toEqual(new Set(['gateway', 'members', 'campaigns', 'points', 'notifications']));
    expect(trace.consume.parentSpanId).toBe(trace.publish.spanId);
    expect(byId.get(trace.publish.parentSpanId)?.service).toBe('points');
    const root = trace.spans.find((sp) => sp.parentSpanId === '');
    expect(root?.service).toBe('gateway');

    // No personal data in any log.
    for (const s of SERVICE_NAMES) {
      const log = readFileSync(join(stack.logDir, `${s}.log`), 'utf8');
      expect(log).not.toContain(e164);
      expect(log).not.toContain(member.cardNumber);
    }
  });

  it('isolates tenants: a second tenant gets 404 for the first tenant’s member', async () => {
    const other = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Other chain', calendar: 'gregorian', currency: 'EUR' } })).json;
    expect(other.locale).toBe('en');
    for (const path of [`/v1/members/${member.id}`, `/v1/members/${member.id}/points`, `/v1/members/${member.id}/inbox`]) {
      const res = await call('GET', path, { key: other.apiKey });
      expect(res.status).toBe(404);
      expect(res.json.title).toBe('Not Found');
    }
    expect((await call('GET', `/v1/members?phone=${phone}`, { key: other.apiKey })).json.items).toEqual([]);
    const checkout = await call('POST', '/v1/checkouts', {
      key: other.apiKey,
      body: { transactionId: randomUUID(), storeId: 's', member: { memberId: member.id }, amount: 100, currency: 'EUR' },
    });
    expect(checkout.status).toBe(404);
  });

  it('applies the flat earn rate an admin sets for a tenant', async () => {
    const t = (await call('POST', '/v1/admin/tenants', { admin: true, body: { name: 'Euro chain', calendar: 'gregorian', currency: 'EUR' } })).json;
    expect((await call('GET', `/v1/admin/tenants/${t.id}/earn-rate`, { admin: true })).json).toEqual({ points: 1, perAmount: 100, isDefault: true, rounding: 'floor' });
    expect((await call('PUT', `/v1/admin/tenants/${t.id}/earn-rate`, { admin: true, body: { points: 3, perAmount: 0 } })).status).toBe(400);
    expect((await call('PUT', `/v1/admin/tenants/${randomUUID()}/earn-rate`, { admin: true, body: { points: 3, perAmount: 100 } })).status).toBe(404);
    expect((await call('PUT', `/v1/admin/tenants/${t.id}/earn-rate`, { key, body: { points: 3, perAmount: 100 } })).status).toBe(401);
    const set = await call('PUT', `/v1/admin/tenants/${t.id}/earn-rate`, { admin: true, body: { points: 3, perAmount: 100 } });
    expect(set.json).toEqual({ points: 3, perAmount: 100, isDefault: false, rounding: 'floor' });
    const m = (await call('POST', '/v1/members', { key: t.apiKey, body: { phone } })).json; // same phone, another club
    const res = await call('POST', '/v1/checkouts', {
      key: t.apiKey,
      body: { transactionId: randomUUID(), storeId: 'berlin-1', member: { memberId: m.id }, amount: 1999, currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 1999 }] },
    });
    expect(res.json).toMatchObject({ pointsEarned: 59, balance: { available: 59, pending: 0 } }); // 3 per euro, rounded down
  });

  it('answers bad input with RFC 9457 problems and changes nothing', async () => {
    const badKey = await call('GET', `/v1/members/${member.id}`, { key: `${key}x` });
    expect(badKey.status).toBe(401);
    expect(badKey.headers.get('www-authenticate')).toContain('X-Api-Key');
    expect((await call('GET', `/v1/members/${member.id}`)).status).toBe(401);
    const malformed = await call('POST', '/v1/checkouts', { key, raw: '{"transactionId": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.type).toContain('malformed-json');
    const invalid = await call('POST', '/v1/checkouts', {
      key,
      body: { transactionId: '', storeId: 's', member: {}, amount: 12.5, currency: 'IRR', extra: 1 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['#/transactionId', '#/amount', '#/member']));
    expect((await call('GET', `/v1/members/${randomUUID()}`, { key })).status).toBe(404);
    expect((await call('GET', '/v1/members/not-a-uuid', { key })).status).toBe(404);
    expect((await call('GET', `/v1/members/${member.id}/points`, { key })).json.available).toBe(125 + 50);
  });

  it('publishes its OpenAPI document and browsable docs', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining(['/v1/admin/tenants', '/v1/members', '/v1/members/{id}', '/v1/checkouts', '/v1/members/{id}/points', '/v1/members/{id}/inbox']),
    );
    const docs = await fetch(`${stack.gatewayUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('refuses to start with a bad configuration and says which value is wrong', () => {
    const r = spawnSync(NODE, ['-r', '@swc-node/register', join(ROOT, 'apps/points/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), SERVICE_NAME: 'points', PORT: 'eighty', GRPC_PORT: '1', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'k:1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('Invalid configuration for points');
    expect(r.stderr).toMatch(/PORT: /);
    expect(r.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it('shuts every service down gracefully on SIGTERM (gateway first)', async () => {
    for (const s of ['gateway', 'members', 'points', 'notifications', 'campaigns', 'feedback'] as const) {
      expect(await stack.stopService(s)).toBe(0);
    }
    const log = readFileSync(join(stack.logDir, 'notifications.log'), 'utf8');
    expect(log).toContain('shutting down: stopping consumers, flushing outbox');
    expect(log).toContain('shutdown complete');
  });
});
