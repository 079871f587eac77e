import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import type { EventEnvelope, RpcProblem, TenantContext } from '@club/contracts';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { membersKit } from './kit';
import { MembersService } from '../src/services/members.service';
import { PurchasesService } from '../src/services/purchases.service';
import { TiersService } from '../src/services/tiers.service';

const rpcCode = (err: unknown): number | undefined => (err instanceof RpcException ? (err.getError() as { code: number }).code : undefined);
const rpcProblem = (err: unknown): RpcProblem | undefined => (err instanceof RpcException ? (JSON.parse((err.getError() as { message: string }).message) as RpcProblem) : undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('purchases, tiers, referrals and journey (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  let tiers: TiersService;
  let purchases: PurchasesService;
  let kit: ReturnType<typeof membersKit>;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    kit = membersKit(db.dataSource);
    ({ members, tiers, purchases } = kit);
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
    data: { memberId, transactionId, storeId: 's1', amount: pointsEarned * 10_000, currency: 'IRR', pointsEarned, itemCount: 1, recordedAt: new Date().toISOString(), categories: [], campaignPoints: 0, campaignEffects: [], couponCodes: [] },
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

  it('a ladder version that renames and merges codes maps its holders: a rename is no move, a merge onto another rank is one', async () => {
    const tenant = testTenant();
    await tiers.defineLadder(tenant, ladder);
    const enrol = async (phone: string, points: number) => {
      const { member } = await members.enrolMember(tenant, { phone, profile: {} });
      await record(checkout(tenant, member.id, points));
      return member.id;
    };
    const buyer = await enrol('09127770011', 120); // silver; buys again after the rename
    const quiet = await enrol('09127770012', 120); // silver; next seen by the review
    const gold = await enrol('09127770013', 600); // gold, merged into argent
    const silverSince = (await tiers.getMemberTier(tenant, buyer)).since;
    const tierEvents = async () => (await topics(tenant.tenantId)).filter((t) => t === 'members.tier.changed.v1').length;
    expect(await tierEvents()).toBe(3);

    // v2 renames silver to argent and merges gold into it, effective shortly (never in the past).
    const effectiveFrom = new Date(Date.now() + 1500).toISOString();
    const v2 = { ...ladder, effectiveFrom, levels: [ladder.levels[0], { code: 'argent', name: 'Argent', threshold: 100, multiplierPercent: 115 }] };
    const unmapped = await tiers.defineLadder(tenant, v2).catch((e: unknown) => e);
    expect(rpcCode(unmapped)).toBe(status.INVALID_ARGUMENT);
    expect(rpcProblem(unmapped)?.errors).toEqual([{ pointer: '#/formerCodes', detail: expect.stringMatching(/"silver", "gold"/) }]);
    const bad = await tiers.defineLadder(tenant, { ...v2, formerCodes: { silver: 'argent', gold: 'oro' } }).catch((e: unknown) => e);
    expect(rpcProblem(bad)?.errors).toEqual([{ pointer: '#/formerCodes/gold', detail: expect.stringMatching(/not a code of this version/) }]);
    const saved = await tiers.defineLadder(tenant, { ...v2, formerCodes: { silver: 'argent', gold: 'argent' } });
    expect(saved).toMatchObject({ version: 2, formerCodes: { silver: 'argent', gold: 'argent' } });
    expect((await tiers.getMemberTier(tenant, buyer)).code).toBe('silver'); // v1 still in force

    await sleep(Date.parse(effectiveFrom) - Date.now() + 50);
    const renamed = await tiers.getMemberTier(tenant, buyer);
    expect(renamed).toMatchObject({ code: 'argent', name: 'Argent', since: silverSince, ladderVersion: 2, multiplierPercent: 115, progress: { nextCode: null } });
    expect(renamed.history).toHaveLength(1);
    expect((await tiers.getMemberTier(tenant, gold)).code).toBe('argent');

    // A purchase after the rename: no 'up' move, no event; the row is rewritten in the new code.
    await record(checkout(tenant, buyer, 10));
    expect((await tiers.getMemberTier(tenant, buyer)).history).toEqual([expect.objectContaining({ from: 'base', to: 'silver', direction: 'up' })]);
    expect(await db.dataSource.transaction((m) => kit.activity.findMemberTier(m, tenant.tenantId, buyer))).toMatchObject({ code: 'argent', ladderVersion: 2 });
    expect(await tierEvents()).toBe(3);

    // The review keeps the renamed members at argent (the rows it writes hold the new code) and
    // records the merge of gold into argent, a rank lower, as a ladder change.
    const reviewer = kit.newReviewer();
    const run = await reviewer.requestReview(tenant, { reviewAt: new Date().toISOString(), dryRun: false });
    await reviewer.drain();
    expect(await reviewer.getReview(tenant, run.id)).toMatchObject({ status: 'completed', processed: 3, kept: 3, upgraded: 0, downgraded: 0, ladderVersion: 2 });
    for (const id of [buyer, quiet, gold]) {
      expect(await db.dataSource.transaction((m) => kit.activity.findMemberTier(m, tenant.tenantId, id))).toMatchObject({ code: 'argent', ladderVersion: 2 });
      expect((await tiers.getMemberTier(tenant, id)).code).toBe('argent');
    }
    expect((await tiers.getMemberTier(tenant, quiet)).history).toHaveLength(1);
    const merged = await tiers.getMemberTier(tenant, gold);
    expect(merged.since).toBe(new Date(effectiveFrom).toISOString());
    expect(merged.history.at(-1)).toEqual({ from: 'gold', to: 'argent', direction: 'down', reason: 'ladder-change', ladderVersion: 2, at: new Date(effectiveFrom).toISOString() });
    expect(await tierEvents()).toBe(4);
  });

  it('takes a return’s spend and tier points off the purchase’s window once; no downgrade before the review', async () => {
    const tenant = testTenant();
    await tiers.defineLadder(tenant, ladder);
    const { member } = await members.enrolMember(tenant, { phone: '09127770009', profile: {} });
    const tx = randomUUID();
    await record(checkout(tenant, member.id, 150, tx));
    expect(await tiers.getMemberTier(tenant, member.id)).toMatchObject({ code: 'silver', metricValue: 150 });
    const returned: EventEnvelope<'points.checkout.returned.v1'> = {
      id: randomUUID(),
      type: 'points.checkout.returned.v1',
      tenantId: tenant.tenantId,
      subject: member.id,
      time: new Date().toISOString(),
      traceparent: null,
      data: { memberId: member.id, transactionId: tx, returnId: 'ret-1', storeId: 's1', amountReturned: 600_000, pointsReversed: 60, pointsRefunded: 0, purchasedAt: new Date().toISOString(), returnedAt: new Date().toISOString() },
    };
    await db.dataSource.transaction((m) => purchases.recordReturn(returned, m));
    await db.dataSource.transaction((m) => purchases.recordReturn({ ...returned, id: randomUUID() }, m)); // the same return again (a new event id): once
    expect(await tiers.getMemberTier(tenant, member.id)).toMatchObject({ code: 'silver', metricValue: 90 }); // kept until the review
    const [stats] = await db.dataSource.query<{ purchase_count: number; total_spend: string; tier_points: string }[]>(
      `SELECT purchase_count, total_spend, tier_points FROM member_stats WHERE tenant_id = $1 AND member_id = $2`,
      [tenant.tenantId, member.id],
    );
    expect(stats).toEqual({ purchase_count: 1, total_spend: String(1_500_000 - 600_000), tier_points: '90' });
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
