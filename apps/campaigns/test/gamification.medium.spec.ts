import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { badgeInputSchema, challengeInputSchema, streakInputSchema, type CheckoutEffect, type EventEnvelope, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, KafkaConsumers, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, eventually, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { GamificationRepository } from '../src/repositories/gamification.repository';
import { GamificationService } from '../src/services/gamification.service';
import { GamificationConsumer } from '../src/consumers/gamification.consumer';

const codeOf = (e: unknown) => (e instanceof RpcException ? (e.getError() as { code: number }).code : undefined);
const pointersOf = (e: unknown) => (e instanceof RpcException ? (JSON.parse((e.getError() as { message: string }).message) as { errors?: { pointer: string }[] }).errors?.map((x) => x.pointer) : undefined);

/** A clock the test moves (progress is read "now"). */
class TestClock extends Clock {
  at: Date | null = null;
  override now(): Date {
    return this.at ?? new Date();
  }
}

type Checkout = EventEnvelope<'points.checkout.recorded.v1'>;

describe('gamification (real PostgreSQL and Kafka)', () => {
  let db: TestDatabase;
  let service: GamificationService;
  let consumers: KafkaConsumers;
  const clock = new TestClock();
  const kafka = testKafka();
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, kafka, logger)); // relay not started: events stay in the outbox
    service = new GamificationService(new GamificationRepository(db.dataSource), new OutboxRepository(), uow, clock, logger);
    consumers = new KafkaConsumers(db.dataSource, kafka, logger);
    await new GamificationConsumer(consumers, service).onApplicationBootstrap();
  });

  afterAll(async () => {
    await consumers?.stopAll();
    await db?.drop();
  });

  beforeEach(() => {
    clock.at = null;
  });

  const badge = (code: string) => badgeInputSchema.parse({ code, name: { fa: `نشان ${code}`, en: `Badge ${code}` }, imageUrl: `https://cdn.example.com/${code}.png` });
  const since = '2024-01-01T00:00:00Z';

  const checkout = (tenant: TenantContext, memberId: string, over: Partial<Checkout['data']> = {}): Checkout => ({
    id: randomUUID(),
    type: 'points.checkout.recorded.v1',
    tenantId: tenant.tenantId,
    subject: memberId,
    time: new Date().toISOString(),
    traceparent: null,
    data: {
      memberId,
      transactionId: randomUUID(),
      storeId: 's1',
      amount: 500_000,
      currency: 'IRR',
      pointsEarned: 50,
      itemCount: 1,
      recordedAt: new Date().toISOString(),
      categories: [],
      campaignPoints: 0,
      campaignEffects: [],
      couponCodes: [],
      ...over,
    },
  });
  const effect = (kind: string, reference: string, steps = 0): CheckoutEffect => ({ campaignId: randomUUID(), version: 1, ruleId: 'r1', kind, points: 0, discount: 0, description: kind, reference, steps });

  /** Straight into the service, in a transaction, as the consumer calls it. */
  const record = (e: Checkout) => db.dataSource.transaction((m) => service.recordCheckout(e, m));

  const publish = async (...events: Checkout[]) => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'points.checkout.recorded.v1', messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
    await producer.disconnect();
  };

  const outbox = async (tenantId: string, topic: string) =>
    (await db.dataSource.query<{ value: string }[]>(`SELECT value FROM outbox WHERE tenant_id = $1 AND topic = $2 ORDER BY seq`, [tenantId, topic])).map(
      (r) => (JSON.parse(r.value) as { data: Record<string, unknown> }).data,
    );

  it('through Kafka: five purchases complete the challenge once and award its badge once; redelivered and repeated checkouts count once', async () => {
    const tenant = testTenant();
    await service.defineBadge(tenant, badge('regular'), 'Sara');
    await service.defineChallenge(
      tenant,
      challengeInputSchema.parse({ code: 'five-this-month', name: { fa: 'پنج خرید این ماه', en: 'Five purchases this month' }, goal: { kind: 'purchase-count', target: 5 }, period: 'month', startsAt: since, badgeCode: 'regular' }),
      'Sara',
    );
    const member = randomUUID();
    const progressOf = async () => (await service.getProgress(tenant, member)).challenges.find((c) => c.code === 'five-this-month')!;

    // Three checkouts, each delivered twice (same event id), and one of them again under a new event id.
    const first = [checkout(tenant, member), checkout(tenant, member), checkout(tenant, member)];
    const again = { ...first[0], id: randomUUID() };
    await publish(first[0], first[0], first[1], first[1], first[2], again, first[2]);
    const fourth = checkout(tenant, member);
    await publish(fourth); // same member → same partition → after the others
    await eventually(async () => expect(await progressOf()).toMatchObject({ progress: 4, completed: false }));

    await publish(checkout(tenant, member), checkout(tenant, member), fourth);
    await eventually(async () => expect(await progressOf()).toMatchObject({ progress: 5, target: 5, percent: 100, completed: true, completions: 1 }));
    const view = await service.getProgress(tenant, member);
    expect(view.badges).toEqual([
      expect.objectContaining({ code: 'regular', name: { fa: 'نشان regular', en: 'Badge regular' }, source: 'challenge', reference: 'five-this-month', imageUrl: 'https://cdn.example.com/regular.png' }),
    ]);
    expect(await outbox(tenant.tenantId, 'campaigns.challenge.completed.v1')).toEqual([
      expect.objectContaining({ memberId: member, challengeCode: 'five-this-month', goal: 'purchase-count', target: 5, progress: 5, badgeCode: 'regular', periodKey: expect.stringMatching(/^jalali-month:\d{4}-\d{2}$/) }),
    ]);
    expect(await outbox(tenant.tenantId, 'campaigns.badge.awarded.v1')).toEqual([expect.objectContaining({ memberId: member, badgeCode: 'regular', source: 'challenge', reference: 'five-this-month' })]);
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM gamification_checkouts WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(6);
  });

  it('rule effects award badges once (undefined badges are ignored) and advance steps challenges; categories count distinct', async () => {
    const tenant = testTenant();
    await service.defineBadge(tenant, badge('baker'), 'x');
    await service.defineChallenge(tenant, challengeInputSchema.parse({ code: 'tasting', name: { fa: 'چشیدن', en: 'Tasting' }, goal: { kind: 'steps', target: 3 }, period: 'none', startsAt: since }), 'x');
    await service.defineChallenge(
      tenant,
      challengeInputSchema.parse({ code: 'explorer', name: { fa: 'کاوشگر', en: 'Explorer' }, goal: { kind: 'distinct-categories', target: 3 }, period: 'year', startsAt: since, badgeCode: 'baker' }),
      'x',
    );
    await service.defineChallenge(
      tenant,
      challengeInputSchema.parse({ code: 'big-spender', name: { fa: 'خرید بزرگ', en: 'Big spender' }, goal: { kind: 'spend', target: 2_000_000 }, period: 'month', startsAt: since }),
      'x',
    );
    const member = randomUUID();
    await record(checkout(tenant, member, { categories: ['dairy', 'tea'], campaignEffects: [effect('award-badge', 'baker'), effect('award-badge', 'ghost'), effect('advance-challenge', 'tasting', 2)] }));
    await record(checkout(tenant, member, { amount: 1_600_000, categories: ['tea'], campaignEffects: [effect('award-badge', 'baker')] }));
    let view = await service.getProgress(tenant, member);
    expect(view.badges.map((b) => [b.code, b.source])).toEqual([['baker', 'rule']]);
    expect(view.challenges.map((c) => [c.code, c.progress, c.completed])).toEqual([
      ['big-spender', 2_100_000, true],
      ['explorer', 2, false],
      ['tasting', 2, false],
    ]);
    expect(view.challenges.find((c) => c.code === 'explorer')?.categories).toEqual(['dairy', 'tea']);

    await record(checkout(tenant, member, { categories: ['bakery', 'fruit'], campaignEffects: [effect('advance-challenge', 'tasting', 5), effect('advance-challenge', 'explorer', 4)] }));
    view = await service.getProgress(tenant, member);
    expect(view.challenges.map((c) => [c.code, c.progress, c.completed])).toEqual([
      ['big-spender', 2_100_000, true],
      ['explorer', 3, true], // steps effects never advance other goals
      ['tasting', 7, true],
    ]);
    expect(view.badges).toHaveLength(1); // explorer's badge was already earned by the rule
    expect((await outbox(tenant.tenantId, 'campaigns.badge.awarded.v1')).map((e) => e.badgeCode)).toEqual(['baker']);
    expect((await outbox(tenant.tenantId, 'campaigns.challenge.completed.v1')).map((e) => e.challengeCode)).toEqual(['big-spender', 'explorer', 'tasting']);
  });

  it('progress resets at 1 Farvardin for per-period challenges; a once challenge completed in Esfand stays completed', async () => {
    const tenant = testTenant();
    const monthly = (code: string, repeat: 'per-period' | 'once') =>
      service.defineChallenge(tenant, challengeInputSchema.parse({ code, name: { fa: code, en: code }, goal: { kind: 'purchase-count', target: 2 }, period: 'month', repeat, startsAt: since }), 'x');
    await monthly('monthly-two', 'per-period');
    await monthly('two-once', 'once');
    const member = randomUUID();
    const esfand = ['2025-03-19T08:00:00Z', '2025-03-20T20:29:00Z']; // 29 and 30 Esfand 1403, Tehran
    const farvardin = ['2025-03-20T20:31:00Z', '2025-03-25T08:00:00Z', '2025-03-26T08:00:00Z']; // 1, 5 and 6 Farvardin 1404
    for (const t of esfand) await record(checkout(tenant, member, { recordedAt: t }));

    clock.at = new Date('2025-03-20T20:00:00Z');
    let view = await service.getProgress(tenant, member);
    expect(view.challenges.map((c) => [c.code, c.period.key, c.progress, c.completed])).toEqual([
      ['monthly-two', 'jalali-month:1403-12', 2, true],
      ['two-once', 'jalali-month:1403-12', 2, true],
    ]);

    await record(checkout(tenant, member, { recordedAt: farvardin[0] }));
    clock.at = new Date('2025-03-21T12:00:00Z');
    view = await service.getProgress(tenant, member);
    expect(view.challenges.map((c) => [c.code, c.period.key, c.period.start, c.progress, c.completed, c.completions])).toEqual([
      ['monthly-two', 'jalali-month:1404-01', '2025-03-20T20:30:00.000Z', 1, false, 1],
      ['two-once', 'jalali-month:1404-01', '2025-03-20T20:30:00.000Z', 2, true, 1], // done for good
    ]);
    for (const t of farvardin.slice(1)) await record(checkout(tenant, member, { recordedAt: t }));
    view = await service.getProgress(tenant, member);
    expect(view.challenges.map((c) => [c.code, c.completed, c.completions])).toEqual([
      ['monthly-two', true, 2],
      ['two-once', true, 1],
    ]);
    expect((await outbox(tenant.tenantId, 'campaigns.challenge.completed.v1')).map((e) => [e.challengeCode, e.periodKey])).toEqual([
      ['monthly-two', 'jalali-month:1403-12'],
      ['two-once', 'jalali-month:1403-12'],
      ['monthly-two', 'jalali-month:1404-01'],
    ]);
  });

  it('streaks: consecutive Jalali weeks with a purchase, milestones once per run with their badge, broken by a missed week', async () => {
    const tenant = testTenant();
    await service.defineBadge(tenant, badge('loyal'), 'x');
    await service.defineStreak(
      tenant,
      streakInputSchema.parse({ code: 'weekly', name: { fa: 'هر هفته', en: 'Every week' }, period: 'week', minAmount: 100_000, milestones: [{ length: 2, badgeCode: 'loyal' }, { length: 3 }] }),
      'x',
    );
    const member = randomUUID();
    // Saturdays 2025-03-01, 03-08, 03-15 start Jalali weeks; the 2025-03-22 week is skipped.
    for (const [t, amount] of [
      ['2025-03-01T08:00:00Z', 200_000],
      ['2025-03-07T08:00:00Z', 200_000], // the same week (Friday)
      ['2025-03-08T08:00:00Z', 50_000], // under minAmount: does not qualify
      ['2025-03-09T08:00:00Z', 200_000],
      ['2025-03-15T08:00:00Z', 200_000],
    ] as const) {
      await record(checkout(tenant, member, { recordedAt: t, amount }));
    }
    clock.at = new Date('2025-03-20T08:00:00Z');
    expect((await service.getProgress(tenant, member)).streaks).toEqual([
      expect.objectContaining({ code: 'weekly', current: 3, longest: 3, activeThisPeriod: true, lastActivePeriod: 'jalali-week:2025-03-15', nextMilestone: null, period: expect.objectContaining({ unit: 'week', key: 'jalali-week:2025-03-15' }) }),
    ]);
    clock.at = new Date('2025-03-24T08:00:00Z'); // the next week: still alive, not yet extended
    expect((await service.getProgress(tenant, member)).streaks[0]).toMatchObject({ current: 3, activeThisPeriod: false });
    clock.at = new Date('2025-04-01T08:00:00Z'); // a week missed: broken
    expect((await service.getProgress(tenant, member)).streaks[0]).toMatchObject({ current: 0, longest: 3, nextMilestone: 2 });

    await record(checkout(tenant, member, { recordedAt: '2025-04-01T08:00:00Z' }));
    await record(checkout(tenant, member, { recordedAt: '2025-04-05T08:00:00Z' }));
    expect((await outbox(tenant.tenantId, 'campaigns.streak.milestone-reached.v1')).map((e) => [e.length, e.periodKey, e.badgeCode])).toEqual([
      [2, 'jalali-week:2025-03-08', 'loyal'],
      [3, 'jalali-week:2025-03-15', null],
      [2, 'jalali-week:2025-04-05', 'loyal'], // a new run reaches 2 again
    ]);
    expect((await outbox(tenant.tenantId, 'campaigns.badge.awarded.v1')).map((e) => [e.badgeCode, e.source, e.reference])).toEqual([['loyal', 'streak', 'weekly']]);
  });

  it('loses no increment when checkouts of one member are processed concurrently', async () => {
    const tenant = testTenant();
    await service.defineChallenge(tenant, challengeInputSchema.parse({ code: 'twenty', name: { fa: 'بیست', en: 'Twenty' }, goal: { kind: 'purchase-count', target: 20 }, startsAt: since }), 'x');
    await service.defineChallenge(tenant, challengeInputSchema.parse({ code: 'spend', name: { fa: 'خرج', en: 'Spend' }, goal: { kind: 'spend', target: 100_000_000 }, startsAt: since }), 'x');
    await service.defineStreak(tenant, streakInputSchema.parse({ code: 'monthly', name: { fa: 'ماهانه', en: 'Monthly' }, period: 'month', milestones: [{ length: 2 }] }), 'x');
    const member = randomUUID();
    await Promise.all(Array.from({ length: 12 }, () => record(checkout(tenant, member, { amount: 100_000 }))));
    const view = await service.getProgress(tenant, member);
    expect(view.challenges.map((c) => [c.code, c.progress])).toEqual([
      ['spend', 1_200_000],
      ['twenty', 12],
    ]);
    expect(view.streaks[0]).toMatchObject({ current: 1, longest: 1, activeThisPeriod: true });
  });

  it('keeps tenants apart: definitions, progress and awards are per club; a club without gamification records nothing', async () => {
    const a = testTenant();
    const b = testTenant({ calendar: 'gregorian', timezone: 'Europe/Berlin' });
    const idle = testTenant();
    for (const t of [a, b]) {
      await service.defineBadge(t, badge('first'), 'x');
      await service.defineChallenge(t, challengeInputSchema.parse({ code: 'one', name: { fa: 'یک', en: 'One' }, goal: { kind: 'purchase-count', target: 1 }, startsAt: since, badgeCode: 'first' }), 'x');
    }
    const member = randomUUID();
    await record(checkout(a, member));
    await record(checkout(idle, member));
    expect((await service.getProgress(a, member)).badges.map((x) => x.code)).toEqual(['first']);
    const other = await service.getProgress(b, member);
    expect(other.badges).toEqual([]);
    expect(other.challenges).toEqual([expect.objectContaining({ code: 'one', progress: 0, completed: false, period: expect.objectContaining({ key: expect.stringMatching(/^gregorian-month:/) }) })]);
    expect(await outbox(b.tenantId, 'campaigns.badge.awarded.v1')).toEqual([]);
    expect((await service.listChallenges(a)).items).toHaveLength(1);
    expect((await service.listBadges(idle)).items).toEqual([]);
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM gamification_checkouts WHERE tenant_id = $1`, [idle.tenantId]);
    expect(n).toBe(0);
  });

  it('validates definitions: taken codes, unknown badges, empty windows, and fields fixed once defined', async () => {
    const tenant = testTenant();
    await service.defineBadge(tenant, badge('gold'), 'x');
    expect(codeOf(await service.defineBadge(tenant, badge('gold'), 'x').catch((e: unknown) => e))).toBe(status.ALREADY_EXISTS);
    const input = (over: object = {}) => challengeInputSchema.parse({ code: 'c', name: { fa: 'چ', en: 'C' }, goal: { kind: 'purchase-count', target: 3 }, ...over });
    const unknown = await service.defineChallenge(tenant, input({ badgeCode: 'silver' }), 'x').catch((e: unknown) => e);
    expect([codeOf(unknown), pointersOf(unknown)]).toEqual([status.INVALID_ARGUMENT, ['#/badgeCode']]);
    const empty = await service.defineChallenge(tenant, input({ endsAt: '2020-01-01T00:00:00Z' }), 'x').catch((e: unknown) => e);
    expect([codeOf(empty), pointersOf(empty)]).toEqual([status.INVALID_ARGUMENT, ['#/endsAt']]);
    const created = await service.defineChallenge(tenant, input({ badgeCode: 'gold' }), 'x');
    expect(created).toMatchObject({ code: 'c', calendar: 'jalali', period: 'month', repeat: 'per-period', status: 'active', goal: { kind: 'purchase-count', target: 3, minAmount: 0 } });
    expect(codeOf(await service.defineChallenge(tenant, input(), 'x').catch((e: unknown) => e))).toBe(status.ALREADY_EXISTS);

    const renamed = await service.saveChallenge(tenant, input({ name: { fa: 'چالش', en: 'Challenge' }, badgeCode: 'gold' }), 'x');
    expect(renamed).toMatchObject({ name: { en: 'Challenge' }, startsAt: created.startsAt, badgeCode: 'gold' });
    const changed = await service.saveChallenge(tenant, input({ goal: { kind: 'purchase-count', target: 4 }, period: 'week' }), 'x').catch((e: unknown) => e);
    expect([codeOf(changed), pointersOf(changed)]).toEqual([status.FAILED_PRECONDITION, ['#/goal', '#/period']]);
    expect(codeOf(await service.saveChallenge(tenant, input({ code: 'nope' }), 'x').catch((e: unknown) => e))).toBe(status.NOT_FOUND);

    const streak = streakInputSchema.parse({ code: 's', name: { fa: 'س', en: 'S' }, period: 'month', milestones: [{ length: 3, badgeCode: 'platinum' }] });
    const noBadge = await service.defineStreak(tenant, streak, 'x').catch((e: unknown) => e);
    expect(pointersOf(noBadge)).toEqual(['#/milestones/0/badgeCode']);
    await service.defineStreak(tenant, { ...streak, milestones: [] }, 'x');
    expect(codeOf(await service.saveStreak(tenant, { ...streak, milestones: [], period: 'week' }, 'x').catch((e: unknown) => e))).toBe(status.FAILED_PRECONDITION);
    expect(await service.saveStreak(tenant, { ...streak, milestones: [{ length: 4, badgeCode: 'gold' }] }, 'x')).toMatchObject({ calendar: 'jalali', milestones: [{ length: 4, badgeCode: 'gold' }] });
    expect(await service.saveBadge(tenant, { ...badge('gold'), imageUrl: null }, 'x')).toMatchObject({ code: 'gold', imageUrl: null });
    expect(codeOf(await service.saveBadge(testTenant(), badge('gold'), 'x').catch((e: unknown) => e))).toBe(status.NOT_FOUND);
  });

  it('an erased member’s badges, progress and streaks are deleted', async () => {
    const tenant = testTenant();
    await service.defineBadge(tenant, badge('b'), 'x');
    await service.defineChallenge(tenant, challengeInputSchema.parse({ code: 'one', name: { fa: 'یک', en: 'One' }, goal: { kind: 'purchase-count', target: 1 }, startsAt: since, badgeCode: 'b' }), 'x');
    await service.defineStreak(tenant, streakInputSchema.parse({ code: 'm', name: { fa: 'م', en: 'M' }, period: 'month' }), 'x');
    const member = randomUUID();
    await record(checkout(tenant, member));
    expect((await service.getProgress(tenant, member)).badges).toHaveLength(1);
    await db.dataSource.transaction((m) =>
      service.eraseMember({ id: randomUUID(), type: 'members.member.erased.v1', tenantId: tenant.tenantId, subject: member, time: new Date().toISOString(), traceparent: null, data: { memberId: member, erasedAt: new Date().toISOString() } }, m),
    );
    const view = await service.getProgress(tenant, member);
    expect([view.badges, view.challenges.map((c) => c.progress), view.streaks.map((s) => s.longest)]).toEqual([[], [0], [0]]);
  });
});
