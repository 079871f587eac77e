import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import type { EventEnvelope, TenantContext } from '@club/contracts';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { membersKit } from './kit';
import { MembersService } from '../src/services/members.service';
import { PurchasesService } from '../src/services/purchases.service';
import { TiersService } from '../src/services/tiers.service';

const rpcCode = (err: unknown): number | undefined => (err instanceof RpcException ? (err.getError() as { code: number }).code : undefined);

describe('purchases, tiers, referrals and journey (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  let tiers: TiersService;
  let purchases: PurchasesService;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    ({ members, tiers, purchases } = membersKit(db.dataSource));
  });

  afterAll(async () => {
    await db.drop();
  });

  const ladder = {
    metric: 'tier-points' as const,
    window: { kind: 'rolling-months' as const, months: 12 },
    levels: [
      { code: 'base', name: 'عضو', threshold: 0 },
      { code: 'silver', name: 'نقره‌ای', threshold: 100, multiplierPercent: 110 },
      { code: 'gold', name: 'طلایی', threshold: 500, multiplierPercent: 125 },
    ],
    downgrade: 'one-level' as const,
    graceDays: 30,
  };

  const checkout = (tenant: TenantContext, memberId: string, pointsEarned: number, transactionId = randomUUID()): EventEnvelope<'points.checkout.recorded.v1'> => ({
    id: randomUUID(),
    type: 'points.checkout.recorded.v1',
    tenantId: tenant.tenantId,
    subject: memberId,
    time: new Date().toISOString(),
    traceparent: null,
    data: { memberId, transactionId, storeId: 's1', amount: pointsEarned * 10_000, currency: 'IRR', pointsEarned, itemCount: 1, recordedAt: new Date().toISOString() },
  });

  const record = (e: EventEnvelope<'points.checkout.recorded.v1'>) => db.dataSource.transaction((m) => purchases.recordPurchase(e, m));

  const topics = async (tenantId: string): Promise<string[]> =>
    (await db.dataSource.query<{ topic: string }[]>(`SELECT topic FROM outbox WHERE tenant_id = $1 ORDER BY seq`, [tenantId])).map((r) => r.topic);

  it('versions ladders: a new definition is version n+1 and may not take effect in the past', async () => {
    const tenant = testTenant();
    expect((await tiers.defineLadder(tenant, ladder)).version).toBe(1);
    const v2 = await tiers.defineLadder(tenant, { ...ladder, graceDays: 0 });
    expect(v2.version).toBe(2);
    const past = await tiers.defineLadder(tenant, { ...ladder, effectiveFrom: '2020-01-01T00:00:00Z' }).catch((e: unknown) => e);
    expect(rpcCode(past)).toBe(status.INVALID_ARGUMENT);
    const bad = await tiers.defineLadder(tenant, { ...ladder, levels: [{ code: 'x', name: 'x', threshold: 5 }] }).catch((e: unknown) => e);
    expect(rpcCode(bad)).toBe(status.INVALID_ARGUMENT);
    expect((await tiers.listLadders(tenant)).map((l) => l.version)).toEqual([1, 2]);
    expect(await tiers.listLadders(testTenant())).toEqual([]);
  });

  it('upgrades as soon as a purchase qualifies, records history, and shows progress to the next tier', async () => {
    const tenant = testTenant();
    await tiers.defineLadder(tenant, ladder);
    const { member } = await members.enrolMember(tenant, { phone: '09127770001', profile: {} });
    expect(await tiers.getMemberTier(tenant, member.id)).toMatchObject({ code: 'base', metricValue: 0, progress: { nextCode: 'silver', remaining: 100, percent: 0 } });
    await record(checkout(tenant, member.id, 60));
    expect((await tiers.getMemberTier(tenant, member.id)).code).toBe('base');
    const tx = randomUUID();
    await record(checkout(tenant, member.id, 60, tx));
    await record(checkout(tenant, member.id, 60, tx)); // the same checkout again: counted once
    const standing = await tiers.getMemberTier(tenant, member.id);
    expect(standing).toMatchObject({ code: 'silver', name: 'نقره‌ای', metricValue: 120, multiplierPercent: 110, progress: { nextCode: 'gold', remaining: 380, percent: 24 } });
    expect(standing.history).toEqual([expect.objectContaining({ from: 'base', to: 'silver', direction: 'up', reason: 'qualifying-activity', ladderVersion: 1 })]);
    expect((await topics(tenant.tenantId)).filter((t) => t === 'members.tier.changed.v1')).toHaveLength(1);
  });

  it('links a referral at enrolment and completes it once, on the referred member’s first purchase', async () => {
    const tenant = testTenant();
    const { member: referrer } = await members.enrolMember(tenant, { phone: '09127770002', profile: {} });
    expect(referrer.referralCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const { member: friend } = await members.enrolMember(tenant, { phone: '09127770003', profile: {}, referralCode: referrer.referralCode.toLowerCase() });
    expect(friend.referredBy).toBe(referrer.id);
    const unknown = await members.enrolMember(tenant, { phone: '09127770004', profile: {}, referralCode: 'NOPE2345' }).catch((e: unknown) => e);
    expect(rpcCode(unknown)).toBe(status.INVALID_ARGUMENT);
    const otherTenant = await members.enrolMember(testTenant(), { phone: '09127770005', profile: {}, referralCode: referrer.referralCode }).catch((e: unknown) => e);
    expect(rpcCode(otherTenant)).toBe(status.INVALID_ARGUMENT);

    await record(checkout(tenant, friend.id, 10));
    await record(checkout(tenant, friend.id, 10));
    const events = await topics(tenant.tenantId);
    expect(events.filter((t) => t === 'members.referral.completed.v1')).toHaveLength(1);
    expect(events.filter((t) => t === 'members.journey-stage.changed.v1')).toHaveLength(2); // enrolled → first-purchase → active
    expect((await members.getMember(tenant, friend.id)).member.journeyStage).toBe('active');
  });

  it('isolates tenants: another tenant’s purchase facts never count', async () => {
    const a = testTenant();
    const b = testTenant();
    await tiers.defineLadder(a, ladder);
    const { member } = await members.enrolMember(a, { phone: '09127770006', profile: {} });
    await record(checkout(b, member.id, 999)); // an event naming A's member under tenant B
    expect((await tiers.getMemberTier(a, member.id)).metricValue).toBe(0);
    expect(rpcCode(await tiers.getMemberTier(b, member.id).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
  });
});
