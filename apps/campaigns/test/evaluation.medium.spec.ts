import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { campaignInputSchema, checkoutEvaluationRequestSchema, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { CampaignRepository } from '../src/repositories/campaign.repository';
import { EvaluationRepository } from '../src/repositories/evaluation.repository';
import { CampaignSettingsRepository } from '../src/repositories/campaign-settings.repository';
import { CampaignCache } from '../src/services/campaign-cache.service';
import { CampaignCheck } from '../src/services/campaign-check';
import { CampaignsService } from '../src/services/campaigns.service';
import { EvaluationService } from '../src/services/evaluation.service';

const codeOf = (e: unknown) => (e instanceof RpcException ? (e.getError() as { code: number }).code : undefined);

describe('checkout evaluation (real PostgreSQL)', () => {
  let db: TestDatabase;
  let campaigns: CampaignsService;
  let cache: CampaignCache;
  let evaluation: EvaluationService;

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const logger = pino({ level: 'silent' });
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), logger));
    const repo = new CampaignRepository(db.dataSource);
    const settings = new CampaignSettingsRepository(db.dataSource);
    campaigns = new CampaignsService(repo, new CampaignCheck(settings), new OutboxRepository(), uow, new Clock(), new Ids());
    cache = new CampaignCache(repo, settings, new Clock(), logger);
    evaluation = new EvaluationService(cache, new EvaluationRepository(db.dataSource), uow, new Clock(), logger);
  });

  afterAll(async () => {
    await db.drop();
  });

  const live = async (tenant: TenantContext, definition: object) => {
    const c = await campaigns.create(tenant, campaignInputSchema.parse(definition), 'x');
    await campaigns.act(tenant, c.id, 'publish', 'x');
    cache.invalidate(tenant.tenantId); // what the change event does on every replica
    return c.id;
  };
  const checkout = (memberId: string, transactionId: string = randomUUID(), amount = 200_000) =>
    checkoutEvaluationRequestSchema.parse({
      transactionId,
      requestHash: `hash-of-${transactionId}-${amount}`,
      member: { id: memberId, tenureDays: 10, tier: 'gold' },
      cart: { amount, currency: 'IRR', lines: [{ sku: 'tea', category: 'drinks', quantity: 2, unitPrice: amount / 2 }] },
      basePoints: amount / 10_000,
    });

  it('applies the live campaigns with provenance, once per transaction, within the member’s limit', async () => {
    const tenant = testTenant();
    const id = await live(tenant, {
      name: 'Tea bonus',
      rules: [{ id: 'tea', trigger: 'purchase', condition: "cart.lines.exists(l, l.category == 'drinks')", effects: [{ kind: 'points-fixed', points: 15 }] }],
      limits: [{ scope: 'member', measure: 'applications', max: 1, period: 'lifetime' }],
    });
    await live(tenant, { name: 'Small carts', rules: [{ id: 'r', trigger: 'purchase', condition: 'cart.amount < 1000', effects: [{ kind: 'points-fixed', points: 99 }] }] });
    const member = randomUUID();
    const first = await evaluation.evaluateCheckout(tenant, checkout(member, 'sale-1'));
    expect(first).toMatchObject({ replayed: false, totals: { points: 15, discount: 0 }, effects: [{ campaignId: id, version: 1, ruleId: 'tea', kind: 'points-fixed', points: 15 }] });
    expect(await evaluation.evaluateCheckout(tenant, checkout(member, 'sale-1'))).toEqual({ ...first, replayed: true });
    expect(codeOf(await evaluation.evaluateCheckout(tenant, checkout(member, 'sale-1', 400_000)).catch((e: unknown) => e))).toBe(status.ALREADY_EXISTS);
    expect((await evaluation.evaluateCheckout(tenant, checkout(member, 'sale-2'))).totals.points).toBe(0); // the member's one application is used
    expect((await evaluation.evaluateCheckout(tenant, checkout(randomUUID(), 'sale-3'))).totals.points).toBe(15);
  });

  it('never overshoots a budget under concurrent checkouts', async () => {
    const tenant = testTenant();
    await live(tenant, {
      name: 'First five',
      rules: [{ id: 'r', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 100 }] }],
      limits: [{ scope: 'campaign', measure: 'points', max: 500, period: 'lifetime' }],
    });
    const results = await Promise.all(Array.from({ length: 12 }, () => evaluation.evaluateCheckout(tenant, checkout(randomUUID()))));
    expect(results.reduce((sum, r) => sum + r.totals.points, 0)).toBe(500);
    const [counter] = await db.dataSource.query<{ used: string }[]>(`SELECT used FROM campaign_counters WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(counter.used).toBe('500');
  });

  it('simulates a checkout against the live campaigns plus a draft, recording and counting nothing', async () => {
    const tenant = testTenant();
    await live(tenant, {
      name: 'Budgeted',
      rules: [{ id: 'r', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 5 }] }],
      limits: [{ scope: 'campaign', measure: 'points', max: 5, period: 'lifetime' }],
    });
    const draft = campaignInputSchema.parse({ name: 'Draft', rules: [{ id: 'd', trigger: 'purchase', effects: [{ kind: 'discount-percent', percent: 10 }] }] });
    const sim = await evaluation.simulate(tenant, checkout(randomUUID(), 'sim-1'), draft);
    expect(sim.totals).toEqual({ points: 5, discount: 20_000 });
    expect((await evaluation.simulate(tenant, checkout(randomUUID(), 'sim-1'), null)).totals).toEqual({ points: 5, discount: 0 }); // nothing was counted
    const broken = campaignInputSchema.parse({ name: 'Broken', rules: [{ id: 'd', trigger: 'purchase', condition: 'cart.amont > 1', effects: [{ kind: 'points-fixed', points: 1 }] }] });
    const err = await evaluation.simulate(tenant, checkout(randomUUID()), broken).catch((e: unknown) => e);
    expect(codeOf(err)).toBe(status.INVALID_ARGUMENT);
    expect(JSON.stringify((err as RpcException).getError())).toContain('#/draft/rules/0/condition');
  });

  it('sees only its own tenant’s campaigns', async () => {
    const a = testTenant();
    await live(a, { name: 'A only', rules: [{ id: 'r', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 7 }] }] });
    expect((await evaluation.evaluateCheckout(testTenant(), checkout(randomUUID()))).effects).toEqual([]);
  });
});
