import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { campaignInputSchema, campaignSettingsInputSchema, checkoutEvaluationRequestSchema, type EventEnvelope, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, KafkaConsumers, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, eventually, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CampaignCacheConsumer } from '../src/consumers/campaign-cache.consumer';
import { MemberFactsConsumer } from '../src/consumers/member-facts.consumer';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { CampaignRepository } from '../src/repositories/campaign.repository';
import { CampaignSettingsRepository } from '../src/repositories/campaign-settings.repository';
import { EvaluationRepository } from '../src/repositories/evaluation.repository';
import { CampaignCache } from '../src/services/campaign-cache.service';
import { CampaignCheck } from '../src/services/campaign-check';
import { CampaignSettingsService } from '../src/services/campaign-settings.service';
import { CampaignsService } from '../src/services/campaigns.service';
import { EvaluationService } from '../src/services/evaluation.service';
import { ReplayRepository } from '../src/repositories/replay.repository';
import { ReplayService } from '../src/services/replay.service';

const codeOf = (e: unknown) => (e instanceof RpcException ? (e.getError() as { code: number }).code : undefined);
const problemOf = (e: unknown) => (e instanceof RpcException ? (JSON.parse((e.getError() as { message: string }).message) as { detail: string; errors?: { pointer: string; detail: string }[] }) : undefined);

type AttributeEvent = EventEnvelope<'members.attribute.defined.v1'>;

describe('campaign settings and declared attributes (real PostgreSQL and Kafka)', () => {
  let db: TestDatabase;
  let relay: OutboxRelay;
  let consumers: KafkaConsumers;
  let settings: CampaignSettingsService;
  let campaigns: CampaignsService;
  let cache: CampaignCache;
  let evaluation: EvaluationService;
  const kafka = testKafka();
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    relay = new OutboxRelay(db.dataSource, kafka, logger, { idleMs: 50 });
    await relay.start(); // events reach Kafka, as in the service
    const uow = new UnitOfWork(db.dataSource, relay);
    const repo = new CampaignRepository(db.dataSource);
    const settingsRepo = new CampaignSettingsRepository(db.dataSource);
    settings = new CampaignSettingsService(settingsRepo, new OutboxRepository(), uow, new Clock());
    campaigns = new CampaignsService(repo, new CampaignCheck(settingsRepo), new OutboxRepository(), uow, new Clock(), new Ids());
    cache = new CampaignCache(repo, settingsRepo, new Clock(), logger);
    evaluation = new EvaluationService(cache, new EvaluationRepository(db.dataSource), uow, new Clock(), logger);
    consumers = new KafkaConsumers(db.dataSource, kafka, logger);
    await new CampaignCacheConsumer(consumers, cache).onApplicationBootstrap();
    await new MemberFactsConsumer(consumers, settings, new ReplayService(new ReplayRepository(db.dataSource), repo, settingsRepo, uow, new Clock(), new Ids(), logger)).onApplicationBootstrap();
  });

  afterAll(async () => {
    await consumers?.stopAll();
    await relay?.stop();
    await db?.drop();
  });

  const live = async (tenant: TenantContext, definition: object) => {
    const c = await campaigns.create(tenant, campaignInputSchema.parse(definition), 'x');
    await campaigns.act(tenant, c.id, 'publish', 'x');
    cache.invalidate(tenant.tenantId); // what the change event does on every replica
    return c.id;
  };
  const checkout = (attributes: Record<string, string | number | boolean> = {}) =>
    checkoutEvaluationRequestSchema.parse({
      transactionId: randomUUID(),
      requestHash: `hash-${randomUUID()}`,
      member: { id: randomUUID(), tenureDays: 10, attributes },
      cart: { amount: 200_000, currency: 'IRR', lines: [{ sku: 'tea', category: 'drinks', quantity: 2, unitPrice: 100_000 }] },
      basePoints: 20,
    });
  const simulate = async (tenant: TenantContext) => (await evaluation.simulate(tenant, checkout(), null)).effects.map((e) => [e.ruleId, e.points, e.discount]);
  const put = (tenant: TenantContext, body: object, who = 'Sara') => settings.set(tenant, campaignSettingsInputSchema.parse(body), who);

  const attributeEvent = (tenant: TenantContext, key: string, type: AttributeEvent['data']['type'], definedAt: string): AttributeEvent => ({
    id: randomUUID(),
    type: 'members.attribute.defined.v1',
    tenantId: tenant.tenantId,
    subject: key,
    time: definedAt,
    traceparent: null,
    data: { key, type, options: null, definedAt },
  });
  const publish = async (...events: AttributeEvent[]) => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'members.attribute.defined.v1', messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
    await producer.disconnect();
  };

  describe('settings', () => {
    it('answers the defaults until saved, then every save is a new version with its operator; tenants do not see each other’s', async () => {
      const tenant = testTenant();
      expect(await settings.get(tenant)).toEqual({ groups: {}, pointValue: { minorUnits: 1, perPoints: 1 }, version: 0, updatedAt: null, updatedBy: null });
      const first = await put(tenant, { groups: { promo: { mode: 'first-match' } }, pointValue: { minorUnits: 1000, perPoints: 1 } });
      expect(first).toMatchObject({ version: 1, updatedBy: 'Sara', groups: { promo: { mode: 'first-match', priority: 0 } }, pointValue: { minorUnits: 1000, perPoints: 1 } });
      await put(tenant, { groups: { promo: { mode: 'best-for-customer', priority: 5 } } }, 'Reza');
      expect(await settings.get(tenant)).toMatchObject({ version: 2, updatedBy: 'Reza', groups: { promo: { mode: 'best-for-customer', priority: 5 } }, pointValue: { minorUnits: 1, perPoints: 1 } });
      const versions = await db.dataSource.query<{ version: number; created_by: string }[]>(`SELECT version, created_by FROM campaign_settings WHERE tenant_id = $1 ORDER BY version`, [tenant.tenantId]);
      expect(versions).toEqual([
        { version: 1, created_by: 'Sara' },
        { version: 2, created_by: 'Reza' },
      ]);
      expect((await settings.get(testTenant())).version).toBe(0);
    });

    it('numbers concurrent saves one after the other', async () => {
      const tenant = testTenant();
      const saved = await Promise.all(Array.from({ length: 6 }, (_, i) => put(tenant, { pointValue: { minorUnits: i, perPoints: 1 } })));
      expect(saved.map((s) => s.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('the club’s group modes and point value decide how campaigns stack', async () => {
      const tenant = testTenant();
      await live(tenant, { name: 'Points', group: 'promo', priority: 2, rules: [{ id: 'points', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 10 }] }] });
      await live(tenant, { name: 'Discount', group: 'promo', priority: 1, rules: [{ id: 'discount', trigger: 'purchase', effects: [{ kind: 'discount-amount', amount: 5000 }] }] });
      expect(await simulate(tenant)).toEqual([
        ['points', 10, 0],
        ['discount', 0, 5000],
      ]); // unconfigured: stack all

      await put(tenant, { groups: { promo: { mode: 'first-match' } } });
      cache.invalidate(tenant.tenantId);
      expect(await simulate(tenant)).toEqual([['points', 10, 0]]);

      await put(tenant, { groups: { promo: { mode: 'best-for-customer' } }, pointValue: { minorUnits: 1, perPoints: 1 } });
      cache.invalidate(tenant.tenantId);
      expect(await simulate(tenant)).toEqual([['discount', 0, 5000]]); // 10 points × 1 < 5,000

      await put(tenant, { groups: { promo: { mode: 'best-for-customer' } }, pointValue: { minorUnits: 1000, perPoints: 1 } });
      cache.invalidate(tenant.tenantId);
      expect(await simulate(tenant)).toEqual([['points', 10, 0]]); // 10 points × 1,000 > 5,000
    });

    it('a save reaches the evaluation cache through campaigns.settings.changed.v1', async () => {
      const tenant = testTenant();
      await live(tenant, { name: 'A', group: 'promo', priority: 2, rules: [{ id: 'a', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 1 }] }] });
      await live(tenant, { name: 'B', group: 'promo', priority: 1, rules: [{ id: 'b', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 2 }] }] });
      expect(await simulate(tenant)).toHaveLength(2); // cached now
      await put(tenant, { groups: { promo: { mode: 'first-match' } } });
      await eventually(async () => expect(await simulate(tenant)).toEqual([['a', 1, 0]]), { timeoutMs: 60_000 });
    });
  });

  describe('declared attributes', () => {
    const vipRule = {
      name: 'VIP bonus',
      rules: [{ id: 'vip', trigger: 'purchase', condition: 'has(member.attributes.vip) && member.attributes.vip && member.attributes.visits >= 3.0', effects: [{ kind: 'points-fixed', points: 25 }] }],
    };

    it('a campaign reading declared attributes publishes and evaluates; undeclared is a 400 naming the condition; tenants are apart', async () => {
      const tenant = testTenant();
      const draft = await campaigns.create(tenant, campaignInputSchema.parse(vipRule), 'x');
      const refused = await campaigns.act(tenant, draft.id, 'publish', 'x').catch((e: unknown) => e);
      expect(codeOf(refused)).toBe(status.INVALID_ARGUMENT);
      expect(problemOf(refused)?.errors).toEqual([{ pointer: '#/rules/0/condition', detail: expect.stringContaining('unknown field "vip" of member.attributes') }]);

      const at = new Date().toISOString();
      await publish(attributeEvent(tenant, 'vip', 'boolean', at), attributeEvent(tenant, 'visits', 'number', at));
      await eventually(async () => expect((await campaigns.act(tenant, draft.id, 'publish', 'x')).status).toBe('active'), { timeoutMs: 60_000 });

      // the consumer's change event reloads the cache; the rule reads the member's values, typed
      await eventually(async () => expect((await evaluation.evaluateCheckout(tenant, checkout({ vip: true, visits: 3 }))).totals.points).toBe(25), { timeoutMs: 60_000 });
      expect((await evaluation.evaluateCheckout(tenant, checkout({ vip: true, visits: 2 }))).totals.points).toBe(0);
      expect((await evaluation.evaluateCheckout(tenant, checkout({ vip: false, visits: 9 }))).totals.points).toBe(0);
      expect((await evaluation.evaluateCheckout(tenant, checkout({}))).totals.points).toBe(0); // unset: has() is false

      const other = testTenant();
      const elsewhere = await campaigns.create(other, campaignInputSchema.parse(vipRule), 'x');
      expect(codeOf(await campaigns.act(other, elsewhere.id, 'publish', 'x').catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT);
    });

    it('rules are typed by the declaration; the latest definition wins whatever order events come in', async () => {
      const tenant = testTenant();
      const record = (e: AttributeEvent) => db.dataSource.transaction((m) => settings.recordAttribute(m, tenant.tenantId, e.data));
      await record(attributeEvent(tenant, 'shoe_size', 'number', '2026-01-02T00:00:00.000Z'));
      await record(attributeEvent(tenant, 'shoe_size', 'string', '2026-01-01T00:00:00.000Z')); // older: ignored
      const asNumber = await campaigns.create(tenant, campaignInputSchema.parse({ name: 'Big feet', rules: [{ id: 'r', trigger: 'purchase', condition: 'member.attributes.shoe_size > 44.0', effects: [{ kind: 'points-fixed', points: 1 }] }] }), 'x');
      expect((await campaigns.act(tenant, asNumber.id, 'publish', 'x')).status).toBe('active');
      const asString = await campaigns.create(tenant, campaignInputSchema.parse({ name: 'Wrong type', rules: [{ id: 'r', trigger: 'purchase', condition: 'member.attributes.shoe_size == "44"', effects: [{ kind: 'points-fixed', points: 1 }] }] }), 'x');
      const err = await campaigns.act(tenant, asString.id, 'publish', 'x').catch((e: unknown) => e);
      expect(problemOf(err)?.errors?.map((e) => e.pointer)).toEqual(['#/rules/0/condition']);

      expect(await db.dataSource.query(`SELECT key, type, defined_at FROM rule_attributes WHERE tenant_id = $1`, [tenant.tenantId])).toEqual([
        { key: 'shoe_size', type: 'number', defined_at: new Date('2026-01-02T00:00:00.000Z') },
      ]);
    });

    it('a simulated draft compiles against the club’s declared attributes', async () => {
      const tenant = testTenant();
      await db.dataSource.transaction((m) => settings.recordAttribute(m, tenant.tenantId, attributeEvent(tenant, 'vip', 'boolean', new Date().toISOString()).data));
      cache.invalidate(tenant.tenantId);
      const draft = campaignInputSchema.parse({ name: 'VIP', rules: [{ id: 'v', trigger: 'purchase', condition: 'member.attributes.vip', effects: [{ kind: 'points-fixed', points: 3 }] }] });
      expect((await evaluation.simulate(tenant, checkout({ vip: true }), draft)).totals.points).toBe(3);
      const err = await evaluation.simulate(testTenant(), checkout({ vip: true }), draft).catch((e: unknown) => e);
      expect(problemOf(err)?.errors?.map((e) => e.pointer)).toEqual(['#/draft/rules/0/condition']);
    });
  });
});
