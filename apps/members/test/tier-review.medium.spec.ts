import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import type { MembersConfig } from '../src/config';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { ActivityRepository } from '../src/repositories/activity.repository';
import { CardNumberSource } from '../src/repositories/card-number.source';
import { MemberRepository } from '../src/repositories/member.repository';
import { TierReviewRepository } from '../src/repositories/tier-review.repository';
import { MembersService } from '../src/services/members.service';
import { TierReviewService } from '../src/services/tier-review.service';
import { TiersService } from '../src/services/tiers.service';

describe('tier review job (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  let tiers: TiersService;
  let activity: ActivityRepository;
  let reviewRepo: TierReviewRepository;
  let newReviewer: () => TierReviewService;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    const ds = db.dataSource;
    const logger = pino({ level: 'silent' });
    const uow = new UnitOfWork(ds, new OutboxRelay(ds, testKafka(), logger));
    const repo = new MemberRepository(ds);
    activity = new ActivityRepository(ds);
    reviewRepo = new TierReviewRepository(ds);
    const outbox = new OutboxRepository();
    members = new MembersService(repo, outbox, uow, new Clock(), new Ids(), new CardNumberSource(), activity, { CARD_PREFIX: '7091' } as MembersConfig);
    tiers = new TiersService(activity, repo, outbox, uow, new Clock(), new Ids());
    newReviewer = () => new TierReviewService(reviewRepo, activity, outbox, uow, new Clock(), new Ids(), logger);
  });

  afterAll(async () => {
    await db.drop();
  });

  const levels = [
    { code: 'base', name: 'Base', threshold: 0 },
    { code: 'silver', name: 'Silver', threshold: 100 },
    { code: 'gold', name: 'Gold', threshold: 500 },
  ];

  /** A member with a stored tier and tier points earned recently (facts inserted directly). */
  async function member(tenant: TenantContext, phone: string, code: string | null, tierPoints: number): Promise<string> {
    const { member: m } = await members.enrolMember(tenant, { phone, profile: {} });
    await db.dataSource.transaction(async (em) => {
      if (code) await activity.upsertMemberTier(em, tenant.tenantId, m.id, { code, since: new Date(Date.now() - 800 * 86_400_000), graceUntil: null, ladderVersion: 1 });
      if (tierPoints > 0) {
        await activity.insertPurchase(em, tenant.tenantId, { transactionId: randomUUID(), memberId: m.id, storeId: 's', amount: tierPoints, tierPoints, occurredAt: new Date(Date.now() - 3_600_000) });
      }
    });
    return m.id;
  }

  const tierOf = async (tenant: TenantContext, id: string) => (await tiers.getMemberTier(tenant, id)).code;

  it('previews in a dry run, then downgrades one level, keeps the requalified and applies earned upgrades', async () => {
    const tenant = testTenant();
    await tiers.defineLadder(tenant, { metric: 'tier-points', window: { kind: 'rolling-months', months: 12 }, levels, downgrade: 'one-level', graceDays: 0 });
    const lapsedGold = await member(tenant, '09128880001', 'gold', 0);
    const steadySilver = await member(tenant, '09128880002', 'silver', 150);
    const unpromoted = await member(tenant, '09128880003', null, 600);
    const reviewer = newReviewer();
    const reviewAt = new Date().toISOString(); // the ladder is in force from its definition on

    const dry = await reviewer.requestReview(tenant, { reviewAt, dryRun: true });
    await reviewer.drain();
    const preview = await reviewer.getReview(tenant, dry.id);
    expect(preview).toMatchObject({ status: 'completed', processed: 3, downgraded: 1, upgraded: 1, kept: 1, graced: 0 });
    expect(preview.preview).toEqual(
      expect.arrayContaining([
        { memberId: lapsedGold, from: 'gold', to: 'silver', direction: 'down', reason: 'downgrade' },
        { memberId: unpromoted, from: 'base', to: 'gold', direction: 'up', reason: 'upgrade' },
      ]),
    );
    expect(await tierOf(tenant, lapsedGold)).toBe('gold'); // a dry run changes nothing

    const real = await reviewer.requestReview(tenant, { reviewAt, dryRun: false });
    expect((await reviewer.requestReview(tenant, { reviewAt, dryRun: false })).id).toBe(real.id); // idempotent request
    await reviewer.drain();
    expect(await reviewer.getReview(tenant, real.id)).toMatchObject({ status: 'completed', processed: 3, downgraded: 1, upgraded: 1 });
    expect(await tierOf(tenant, lapsedGold)).toBe('silver');
    expect(await tierOf(tenant, steadySilver)).toBe('silver');
    expect(await tierOf(tenant, unpromoted)).toBe('gold');
    expect((await tiers.getMemberTier(tenant, lapsedGold)).history.at(-1)).toMatchObject({ from: 'gold', to: 'silver', direction: 'down', reason: 'review:downgrade' });
  });

  it('reads stored codes through later versions’ formerCodes: a rename is kept without a move, a merged level moves by rank', async () => {
    const tenant = testTenant();
    // Versions saved in the past directly (the API only accepts versions that take effect from now on).
    const definition = { metric: 'tier-points' as const, window: { kind: 'rolling-months' as const, months: 12 }, levels, downgrade: 'one-level' as const, graceDays: 0 };
    const v2From = new Date(Date.now() - 86_400_000);
    await db.dataSource.transaction(async (em) => {
      await activity.insertLadder(em, tenant.tenantId, { version: 1, effectiveFrom: new Date(Date.now() - 900 * 86_400_000), definition });
      await activity.insertLadder(em, tenant.tenantId, {
        version: 2,
        effectiveFrom: v2From,
        definition: { ...definition, levels: [levels[0], { code: 'argent', name: 'Argent', threshold: 100 }], formerCodes: { silver: 'argent', gold: 'argent' } },
      });
    });
    const renamed = await member(tenant, '09128880041', 'silver', 150);
    const merged = await member(tenant, '09128880042', 'gold', 600);
    const unknown = await member(tenant, '09128880043', 'diamond', 0); // no version ever had it: below the first level, as before
    const stored = async (id: string) => (await db.dataSource.transaction((em) => activity.findMemberTier(em, tenant.tenantId, id)))?.code;
    const reviewer = newReviewer();
    const reviewAt = new Date().toISOString();

    const dry = await reviewer.requestReview(tenant, { reviewAt, dryRun: true });
    await reviewer.drain();
    const preview = await reviewer.getReview(tenant, dry.id);
    expect(preview).toMatchObject({ status: 'completed', ladderVersion: 2, processed: 3, upgraded: 1, downgraded: 0, kept: 2 });
    expect(preview.preview).toEqual(
      expect.arrayContaining([
        { memberId: merged, from: 'gold', to: 'argent', direction: 'down', reason: 'ladder-change' },
        { memberId: unknown, from: 'diamond', to: 'base', direction: 'up', reason: 'upgrade' },
      ]),
    );
    expect(preview.preview).toHaveLength(2);
    expect(await stored(renamed)).toBe('silver'); // a dry run changes nothing

    const run = await reviewer.requestReview(tenant, { reviewAt, dryRun: false });
    await reviewer.drain();
    expect(await reviewer.getReview(tenant, run.id)).toMatchObject({ status: 'completed', processed: 3, upgraded: 1, downgraded: 0, kept: 2 });
    expect([await stored(renamed), await stored(merged), await stored(unknown)]).toEqual(['argent', 'argent', 'base']);
    expect((await tiers.getMemberTier(tenant, renamed)).history).toEqual([]);
    expect((await tiers.getMemberTier(tenant, merged)).history).toEqual([
      { from: 'gold', to: 'argent', direction: 'down', reason: 'ladder-change', ladderVersion: 2, at: v2From.toISOString() },
    ]);
    const events = await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1 AND topic = 'members.tier.changed.v1'`, [tenant.tenantId]);
    expect(events[0].n).toBe(2); // the merge and the unknown code's upgrade; none for the rename
  });

  it('grants a grace period instead of downgrading when the ladder has one', async () => {
    const tenant = testTenant();
    await tiers.defineLadder(tenant, { metric: 'tier-points', window: { kind: 'jalali-year' }, levels, downgrade: 'to-earned', graceDays: 30 });
    const gold = await member(tenant, '09128880004', 'gold', 0);
    const reviewer = newReviewer();
    const run = await reviewer.requestReview(tenant, { dryRun: false });
    await reviewer.drain();
    expect(await reviewer.getReview(tenant, run.id)).toMatchObject({ graced: 1, downgraded: 0 });
    const standing = await tiers.getMemberTier(tenant, gold);
    expect(standing.code).toBe('gold');
    expect(new Date(standing.graceUntil!).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it('resumes a crashed run from its cursor without applying any batch twice', async () => {
    const tenant = testTenant();
    await tiers.defineLadder(tenant, { metric: 'tier-points', window: { kind: 'calendar-year' }, levels, downgrade: 'to-earned', graceDays: 0 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await member(tenant, `0912888001${i}`, 'gold', 0));
    const first = newReviewer();
    first.batchSize = 2;
    const run = await first.requestReview(tenant, { dryRun: false });
    const claimed = await reviewRepo.claimRun(60_000);
    expect(claimed?.id).toBe(run.id);
    expect(await first.runBatch(tenant.tenantId, run.id)).toBe(true); // two members done, then the worker "dies"
    expect((await reviewRepo.findRun(tenant.tenantId, run.id))?.processed).toBe(2);

    const second = newReviewer();
    second.batchSize = 2;
    await second.processRun(claimed!); // another replica takes the run over after the lease
    const done = await second.getReview(tenant, run.id);
    expect(done).toMatchObject({ status: 'completed', processed: 5, downgraded: 5 });
    for (const id of ids) expect(await tierOf(tenant, id)).toBe('base');
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM tier_history WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(5);
  });

  it('isolates tenants: a review touches only its own tenant’s members', async () => {
    const a = testTenant();
    const b = testTenant();
    for (const t of [a, b]) await tiers.defineLadder(t, { metric: 'tier-points', window: { kind: 'calendar-year' }, levels, downgrade: 'to-earned', graceDays: 0 });
    const inB = await member(b, '09128880021', 'gold', 0);
    await member(a, '09128880022', 'gold', 0);
    const reviewer = newReviewer();
    const run = await reviewer.requestReview(a, { dryRun: false });
    await reviewer.drain();
    expect((await reviewer.getReview(a, run.id)).processed).toBe(1);
    expect(await tierOf(b, inB)).toBe('gold');
    await expect(reviewer.getReview(b, run.id)).rejects.toBeDefined();
  });

  it('judges a window once: a second review of the same period changes nothing, and a fresh upgrade is not judged on an old window', async () => {
    const tenant = testTenant();
    await tiers.defineLadder(tenant, { metric: 'tier-points', window: { kind: 'calendar-year' }, levels, downgrade: 'one-level', graceDays: 0 });
    const gold = await member(tenant, '09128880031', 'gold', 0);
    const reviewer = newReviewer();
    const first = await reviewer.requestReview(tenant, { dryRun: false });
    await reviewer.drain();
    expect((await reviewer.getReview(tenant, first.id)).downgraded).toBe(1);
    expect(await tierOf(tenant, gold)).toBe('silver');
    const second = await reviewer.requestReview(tenant, { reviewAt: new Date(Date.now() + 1000).toISOString(), dryRun: false });
    await reviewer.drain();
    expect(await reviewer.getReview(tenant, second.id)).toMatchObject({ downgraded: 0, processed: 1 });
    expect(await tierOf(tenant, gold)).toBe('silver'); // one level per period, not per run

    const fresh = await member(tenant, '09128880032', null, 0);
    await db.dataSource.transaction((em) => activity.upsertMemberTier(em, tenant.tenantId, fresh, { code: 'gold', since: new Date(), graceUntil: null, ladderVersion: 1 }));
    const third = await reviewer.requestReview(tenant, { reviewAt: new Date(Date.now() + 2000).toISOString(), dryRun: false });
    await reviewer.drain();
    expect((await reviewer.getReview(tenant, third.id)).downgraded).toBe(0);
    expect(await tierOf(tenant, fresh)).toBe('gold'); // reached this year: last year's window does not judge it
  });
});
