import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { couponBatchInputSchema, type EventEnvelope, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { CouponRepository } from '../src/repositories/coupon.repository';
import { CouponAwardsService } from '../src/services/coupon-awards.service';
import { CouponsService } from '../src/services/coupons.service';

/** `issue-coupon` effects of recorded checkouts: a fresh code per effect for the member, once. */
describe('coupons issued by rules (real PostgreSQL)', () => {
  let db: TestDatabase;
  let coupons: CouponsService;
  let awards: CouponAwardsService;

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const logger = pino({ level: 'silent' });
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), logger));
    const repo = new CouponRepository(db.dataSource);
    coupons = new CouponsService(repo, uow, new Clock(), new Ids());
    awards = new CouponAwardsService(repo, new OutboxRepository(), new Clock(), logger);
  });

  afterAll(async () => {
    await db.drop();
  });

  const campaignId = randomUUID();
  const recorded = (tenant: TenantContext, memberId: string, batchId: string, transactionId: string): EventEnvelope<'points.checkout.recorded.v1'> => ({
    id: randomUUID(),
    type: 'points.checkout.recorded.v1',
    tenantId: tenant.tenantId,
    subject: memberId,
    time: new Date().toISOString(),
    traceparent: null,
    data: {
      memberId,
      transactionId,
      storeId: 's1',
      amount: 100_000,
      currency: 'IRR',
      pointsEarned: 10,
      itemCount: 1,
      recordedAt: new Date().toISOString(),
      categories: [],
      campaignPoints: 0,
      campaignEffects: [
        { campaignId, version: 1, ruleId: 'come-back', kind: 'issue-coupon', points: 0, discount: 0, description: 'A coupon for next time', reference: batchId, steps: 0 },
      ],
      couponCodes: [],
    },
  });

  const issuedEvents = async (tenantId: string) =>
    (await db.dataSource.query<{ value: string }[]>(`SELECT value FROM outbox WHERE tenant_id = $1 AND topic = 'campaigns.coupon.issued.v1' ORDER BY seq`, [tenantId])).map(
      (r) => (JSON.parse(r.value) as { data: { code: string; memberId: string } }).data,
    );

  it('issues one usable code per effect, announces it, and a second delivery of the same checkout issues nothing', async () => {
    const tenant = testTenant();
    const batch = await coupons.createBatch(tenant, couponBatchInputSchema.parse({ name: 'Come back', prefix: 'BACK', count: 1 }), 'x');
    const member = randomUUID();
    await db.dataSource.transaction((m) => awards.onRecorded(recorded(tenant, member, batch.id, 'sale-1'), m));
    await db.dataSource.transaction((m) => awards.onRecorded(recorded(tenant, member, batch.id, 'sale-1'), m));
    const events = await issuedEvents(tenant.tenantId);
    expect(events).toHaveLength(1);
    expect(events[0].memberId).toBe(member);
    expect(await coupons.check(tenant, events[0].code, member)).toMatchObject({ valid: true, batchId: batch.id });
    expect((await coupons.listCodes(tenant, batch.id, null, 10)).items).toHaveLength(2);
    await db.dataSource.transaction((m) => awards.onRecorded(recorded(tenant, member, batch.id, 'sale-2'), m));
    expect(await issuedEvents(tenant.tenantId)).toHaveLength(2);
  });

  it('issues nothing from a batch of another club', async () => {
    const tenant = testTenant();
    const batch = await coupons.createBatch(tenant, couponBatchInputSchema.parse({ name: 'Mine', count: 1 }), 'x');
    const other = testTenant();
    await db.dataSource.transaction((m) => awards.onRecorded(recorded(other, randomUUID(), batch.id, 'sale-1'), m));
    expect(await issuedEvents(other.tenantId)).toHaveLength(0);
    expect((await coupons.listCodes(tenant, batch.id, null, 10)).items).toHaveLength(1);
  });
});
