import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { campaignInputSchema, checkoutEvaluationRequestSchema, couponBatchInputSchema, type EventEnvelope, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { CampaignRepository } from '../src/repositories/campaign.repository';
import { CampaignSettingsRepository } from '../src/repositories/campaign-settings.repository';
import { CouponRepository } from '../src/repositories/coupon.repository';
import { EvaluationRepository } from '../src/repositories/evaluation.repository';
import { CampaignCache } from '../src/services/campaign-cache.service';
import { CampaignCheck } from '../src/services/campaign-check';
import { CampaignsService } from '../src/services/campaigns.service';
import { CouponsService } from '../src/services/coupons.service';
import { EvaluationService } from '../src/services/evaluation.service';
import { ReversalService } from '../src/services/reversal.service';

/** A refused sale is voided, a wholly returned one reversed: budgets and coupons come back once. */
describe('giving campaign effects back (real PostgreSQL)', () => {
  let db: TestDatabase;
  let campaigns: CampaignsService;
  let cache: CampaignCache;
  let evaluation: EvaluationService;
  let coupons: CouponsService;
  let reversals: ReversalService;

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const logger = pino({ level: 'silent' });
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), logger));
    const repo = new CampaignRepository(db.dataSource);
    const settings = new CampaignSettingsRepository(db.dataSource);
    campaigns = new CampaignsService(repo, new CampaignCheck(settings), new OutboxRepository(), uow, new Clock(), new Ids());
    cache = new CampaignCache(repo, settings, new Clock(), logger);
    evaluation = new EvaluationService(cache, new EvaluationRepository(db.dataSource), uow, new Clock(), logger);
    const couponRepo = new CouponRepository(db.dataSource);
    coupons = new CouponsService(couponRepo, uow, new Clock(), new Ids());
    reversals = new ReversalService(new EvaluationRepository(db.dataSource), couponRepo, uow, new Clock());
  });

  afterAll(async () => {
    await db.drop();
  });

  /** A club with a 100-point budget (100 points a sale) and a batch of two single-use coupons. */
  const club = async () => {
    const tenant = testTenant();
    const c = await campaigns.create(
      tenant,
      campaignInputSchema.parse({
        name: 'First sale bonus',
        limits: [{ scope: 'campaign', measure: 'points', max: 100, period: 'lifetime' }],
        rules: [{ id: 'bonus', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 100 }] }],
      }),
      'x',
    );
    await campaigns.act(tenant, c.id, 'publish', 'x');
    cache.invalidate(tenant.tenantId);
    const batch = await coupons.createBatch(tenant, couponBatchInputSchema.parse({ name: 'Welcome', prefix: 'WEL', count: 2 }), 'x');
    const codes = (await coupons.listCodes(tenant, batch.id, null, 10)).items.map((i: { code: string }) => i.code);
    return { tenant, codes };
  };

  const sale = (tenant: TenantContext, memberId: string, transactionId: string, codes: string[]) => {
    const req = checkoutEvaluationRequestSchema.parse({
      transactionId,
      requestHash: `hash-of-the-sale-${transactionId}`,
      member: { id: memberId, tenureDays: 1 },
      cart: { amount: 200_000, currency: 'IRR' },
      basePoints: 20,
    });
    return (async () => {
      if (codes.length > 0) await coupons.redeem(tenant, { transactionId, memberId, codes });
      return evaluation.evaluateCheckout(tenant, req);
    })();
  };

  const returned = (tenant: TenantContext, memberId: string, transactionId: string, amountReturned: number): EventEnvelope<'points.checkout.returned.v1'> => ({
    id: randomUUID(),
    type: 'points.checkout.returned.v1',
    tenantId: tenant.tenantId,
    subject: memberId,
    time: new Date().toISOString(),
    traceparent: null,
    data: {
      memberId,
      transactionId,
      returnId: randomUUID(),
      storeId: 's1',
      amountReturned,
      pointsReversed: 0,
      pointsRefunded: 0,
      purchasedAt: new Date().toISOString(),
      returnedAt: new Date().toISOString(),
    },
  });

  it('voids a refused sale once: its budget and coupon come back, a second void changes nothing', async () => {
    const { tenant, codes } = await club();
    const member = randomUUID();
    expect((await sale(tenant, member, 'refused', [codes[0]])).totals.points).toBe(100);
    expect(await coupons.check(tenant, codes[0], member)).toMatchObject({ valid: false, reason: 'used-up' });
    expect(await reversals.voidCheckout(tenant, 'refused')).toEqual({ transactionId: 'refused', voided: true, couponsRestored: [codes[0]] });
    expect(await reversals.voidCheckout(tenant, 'refused')).toEqual({ transactionId: 'refused', voided: false, couponsRestored: [] });
    expect(await reversals.voidCheckout(tenant, 'never-evaluated')).toEqual({ transactionId: 'never-evaluated', voided: false, couponsRestored: [] });
    expect(await coupons.check(tenant, codes[0], member)).toMatchObject({ valid: true });
    expect((await sale(tenant, member, 'next', [codes[0]])).totals.points).toBe(100); // the budget is whole again
    expect((await sale(tenant, member, 'after', [])).totals.points).toBe(0);
  });

  it('reverses a sale when the whole of it has come back, not before, and only once', async () => {
    const { tenant, codes } = await club();
    const member = randomUUID();
    await sale(tenant, member, 'sale-1', [codes[1]]);
    const onReturned = (amount: number) => db.dataSource.transaction((m) => reversals.onReturned(returned(tenant, member, 'sale-1', amount), m));
    await onReturned(50_000);
    expect(await coupons.check(tenant, codes[1], member)).toMatchObject({ valid: false });
    expect((await sale(tenant, member, 'probe-1', [])).totals.points).toBe(0); // a partial return keeps the budget used
    await onReturned(150_000);
    expect(await coupons.check(tenant, codes[1], member)).toMatchObject({ valid: true });
    expect((await sale(tenant, member, 'probe-2', [])).totals.points).toBe(100);
    await onReturned(1); // nothing left to give back
    expect((await sale(tenant, member, 'probe-3', [])).totals.points).toBe(0);
  });

  it('another club’s void touches nothing of this one', async () => {
    const { tenant, codes } = await club();
    const member = randomUUID();
    await sale(tenant, member, 'shared-id', [codes[0]]);
    expect(await reversals.voidCheckout(testTenant(), 'shared-id')).toMatchObject({ voided: false, couponsRestored: [] });
    expect(await coupons.check(tenant, codes[0], member)).toMatchObject({ valid: false });
  });
});
