import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { couponBatchInputSchema } from '@club/contracts';
import { OutboxRelay } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { CouponRepository } from '../src/repositories/coupon.repository';
import { CouponsService } from '../src/services/coupons.service';

const codeOf = (e: unknown) => (e instanceof RpcException ? (e.getError() as { code: number }).code : undefined);

describe('coupons (real PostgreSQL)', () => {
  let db: TestDatabase;
  let coupons: CouponsService;

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), pino({ level: 'silent' })));
    coupons = new CouponsService(new CouponRepository(db.dataSource), uow, new Clock(), new Ids());
  });

  afterAll(async () => {
    await db.drop();
  });

  const batch = (over: object = {}) => couponBatchInputSchema.parse({ name: 'Yalda', prefix: 'YALDA', count: 50, ...over });
  const allCodes = async (tenant: ReturnType<typeof testTenant>, batchId: string) => (await coupons.listCodes(tenant, batchId, null, 1000)).items.map((i) => i.code);

  it('issues unique codes, redeems them once per checkout (idempotently), enforces single use and restores them on return', async () => {
    const tenant = testTenant();
    const b = await coupons.createBatch(tenant, batch(), 'Sara');
    const codes = await allCodes(tenant, b.id);
    expect(codes).toHaveLength(50);
    expect(new Set(codes).size).toBe(50);
    expect(codes.every((c) => c.startsWith('YALDA') && c.length === 16)).toBe(true);

    const [code] = codes;
    const member = randomUUID();
    expect(await coupons.check(tenant, code.toLowerCase(), member)).toMatchObject({ valid: true, batchId: b.id });
    const first = await coupons.redeem(tenant, { transactionId: 'sale-1', memberId: member, codes: [code] });
    expect(first).toMatchObject({ replayed: false, codes: [{ code, valid: true }] });
    expect(await coupons.redeem(tenant, { transactionId: 'sale-1', memberId: member, codes: [code] })).toMatchObject({ replayed: true }); // the till retries
    expect(codeOf(await coupons.redeem(tenant, { transactionId: 'sale-2', memberId: randomUUID(), codes: [code] }).catch((e: unknown) => e))).toBe(status.FAILED_PRECONDITION); // used up
    expect(await coupons.check(tenant, code, null)).toMatchObject({ valid: false, reason: 'used-up' });

    expect(await coupons.restore(tenant, 'sale-1')).toEqual({ restored: [code] });
    expect(await coupons.restore(tenant, 'sale-1')).toEqual({ restored: [] }); // once
    expect(await coupons.check(tenant, code, null)).toMatchObject({ valid: true });

    const typo = code.slice(0, -1) + (code.endsWith('A') ? 'C' : 'A');
    expect(codeOf(await coupons.check(tenant, typo, null).catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT); // mistyped: 400, not unknown
  });

  it('redeems all of a checkout’s codes or none, and keeps the per-member limit of multi-use codes under concurrency', async () => {
    const tenant = testTenant();
    const multi = await coupons.createBatch(tenant, batch({ name: 'Multi', prefix: 'M', count: 1, maxUsesPerCode: 100, perMemberLimit: 2 }), 'x');
    const [shared] = await allCodes(tenant, multi.id);
    const single = await coupons.createBatch(tenant, batch({ name: 'Single', prefix: 'S', count: 1 }), 'x');
    const [once] = await allCodes(tenant, single.id);
    const member = randomUUID();
    await coupons.redeem(tenant, { transactionId: 't-0', memberId: randomUUID(), codes: [once] });
    expect(codeOf(await coupons.redeem(tenant, { transactionId: 't-1', memberId: member, codes: [shared, once] }).catch((e: unknown) => e))).toBe(status.FAILED_PRECONDITION);
    expect(await coupons.check(tenant, shared, member)).toMatchObject({ valid: true }); // nothing redeemed

    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => coupons.redeem(tenant, { transactionId: `c-${i}`, memberId: member, codes: [shared] })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2); // exactly the member limit
    expect(await coupons.check(tenant, shared, member)).toMatchObject({ valid: false, reason: 'member-limit' });
  });

  it('honours the validity window and isolates tenants', async () => {
    const tenant = testTenant();
    const later = await coupons.createBatch(tenant, batch({ count: 1, validFrom: new Date(Date.now() + 86_400_000).toISOString() }), 'x');
    const [code] = await allCodes(tenant, later.id);
    expect(await coupons.check(tenant, code, null)).toMatchObject({ valid: false, reason: 'not-yet-valid' });
    expect(await coupons.check(testTenant(), code, null)).toMatchObject({ valid: false, reason: 'unknown' });
    expect(codeOf(await coupons.listCodes(testTenant(), later.id, null, 10).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
  });
});
