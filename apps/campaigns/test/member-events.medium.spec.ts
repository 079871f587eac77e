import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { campaignInputSchema, type AwardPointsRequest, type EventEnvelope, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { CampaignRepository } from '../src/repositories/campaign.repository';
import { CampaignSettingsRepository } from '../src/repositories/campaign-settings.repository';
import { EvaluationRepository } from '../src/repositories/evaluation.repository';
import { GamificationRepository } from '../src/repositories/gamification.repository';
import type { PointsClient } from '../src/repositories/points.client';
import { CampaignCache } from '../src/services/campaign-cache.service';
import { CampaignCheck } from '../src/services/campaign-check';
import { CampaignsService } from '../src/services/campaigns.service';
import { MemberEventsService } from '../src/services/member-events.service';

/**
 * A points service that keeps awards by id, as the real one does (idempotent per awardId); it can
 * be told to lose its answer once (the credit happened, the caller saw a timeout).
 */
class FakePoints {
  readonly awards = new Map<string, AwardPointsRequest & { tenantId: string }>();
  calls = 0;
  loseNextAnswer = false;
  down = false;
  async award(tenant: TenantContext, req: AwardPointsRequest): Promise<void> {
    this.calls++;
    if (this.down) throw new Error('points unavailable');
    if (!this.awards.has(`${tenant.tenantId}/${req.awardId}`)) this.awards.set(`${tenant.tenantId}/${req.awardId}`, { ...req, tenantId: tenant.tenantId });
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      await Promise.resolve();
      throw new Error('deadline exceeded');
    }
  }
  pointsOf(tenantId: string, memberId: string): number {
    return [...this.awards.values()].filter((a) => a.tenantId === tenantId && a.memberId === memberId).reduce((s, a) => s + a.points, 0);
  }
}

describe('rules triggered by member events (real PostgreSQL)', () => {
  let db: TestDatabase;
  let campaigns: CampaignsService;
  let cache: CampaignCache;
  let points: FakePoints;
  let service: MemberEventsService;

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const logger = pino({ level: 'silent' });
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), logger));
    const repo = new CampaignRepository(db.dataSource);
    const settings = new CampaignSettingsRepository(db.dataSource);
    campaigns = new CampaignsService(repo, new CampaignCheck(settings), new OutboxRepository(), uow, new Clock(), new Ids());
    cache = new CampaignCache(repo, settings, new Clock(), logger);
    points = new FakePoints();
    service = new MemberEventsService(cache, new EvaluationRepository(db.dataSource), new GamificationRepository(db.dataSource), points as unknown as PointsClient, uow, new Clock(), logger);
  });

  afterAll(async () => {
    await db.drop();
  });

  const publish = async (tenant: TenantContext, input: unknown) => {
    const c = await campaigns.create(tenant, campaignInputSchema.parse(input), 'x');
    await campaigns.act(tenant, c.id, 'publish', 'x');
    cache.invalidate(tenant.tenantId);
    return c.id;
  };

  const enrolled = (tenant: TenantContext, memberId: string, id = randomUUID()): EventEnvelope<'members.member.enrolled.v1'> => ({
    id,
    type: 'members.member.enrolled.v1',
    tenantId: tenant.tenantId,
    subject: memberId,
    time: new Date().toISOString(),
    traceparent: null,
    data: { memberId, phone: '+989121234567', firstName: null, lastName: null, locale: 'fa', enrolledAt: new Date().toISOString() },
  });

  const deliver = (event: EventEnvelope<'members.member.enrolled.v1' | 'members.tier.changed.v1' | 'members.referral.completed.v1'>) =>
    db.dataSource.transaction((m) => service.onMemberEvent(event, m));

  const welcome = { name: 'Welcome', rules: [{ id: 'welcome', trigger: 'enrolment', effects: [{ kind: 'points-fixed', points: 50 }] }] };

  it('credits an enrolment rule once per event, also when Kafka redelivers it or the points answer is lost', async () => {
    const tenant = testTenant();
    const campaignId = await publish(tenant, welcome);
    const member = randomUUID();
    const event = enrolled(tenant, member);
    await deliver(event);
    await deliver(event); // redelivery
    expect(points.pointsOf(tenant.tenantId, member)).toBe(50);
    const [award] = [...points.awards.values()].filter((a) => a.memberId === member);
    expect(award).toMatchObject({ awardId: `event:${event.id}/${campaignId}/welcome`, points: 50, provenance: { basePoints: 0, campaigns: [{ campaignId, ruleId: 'welcome', points: 50 }] } });

    // The credit happened but campaigns saw a timeout: the delivery fails, the redelivery credits the same award.
    const other = randomUUID();
    const second = enrolled(tenant, other);
    points.loseNextAnswer = true;
    await expect(deliver(second)).rejects.toThrow('deadline exceeded');
    await deliver(second);
    expect(points.pointsOf(tenant.tenantId, other)).toBe(50);

    // Points down: the evaluation is recorded, nothing credited, the event is retried until it is.
    const third = randomUUID();
    const retried = randomUUID();
    points.down = true;
    await expect(deliver(enrolled(tenant, third, retried))).rejects.toThrow('points unavailable');
    points.down = false;
    await deliver(enrolled(tenant, third, retried));
    expect(points.pointsOf(tenant.tenantId, third)).toBe(50);
  });

  it('respects a campaign budget across members and counts a redelivered event once', async () => {
    const tenant = testTenant();
    await publish(tenant, { ...welcome, limits: [{ scope: 'campaign', measure: 'points', max: 100, period: 'lifetime' }] });
    const members = [randomUUID(), randomUUID(), randomUUID()];
    const first = enrolled(tenant, members[0]);
    await deliver(first);
    await deliver(first);
    await Promise.all(members.slice(1).map((m) => deliver(enrolled(tenant, m))));
    expect(members.map((m) => points.pointsOf(tenant.tenantId, m)).reduce((a, b) => a + b, 0)).toBe(100);
    expect(points.pointsOf(tenant.tenantId, members[0])).toBe(50);
  });

  it('fires custom-event rules by name, once per eventId; another payload under the same id is refused', async () => {
    const tenant = testTenant();
    await publish(tenant, {
      name: 'App installed',
      rules: [{ id: 'app', trigger: 'custom-event', eventName: 'app-installed', condition: 'event.properties.platform == "android"', effects: [{ kind: 'points-fixed', points: 30 }] }],
    });
    const member = randomUUID();
    const event = { eventId: 'install-1', name: 'app-installed', properties: { platform: 'android' } };
    const first = await service.recordCustomEvent(tenant, member, event);
    expect(first).toMatchObject({ eventId: 'install-1', points: 30, replayed: false });
    expect(await service.recordCustomEvent(tenant, member, event)).toMatchObject({ points: 30, replayed: true });
    expect(points.pointsOf(tenant.tenantId, member)).toBe(30);
    await expect(service.recordCustomEvent(tenant, member, { ...event, name: 'other' })).rejects.toThrow('already recorded for a different event'); // ALREADY_EXISTS
    expect(await service.recordCustomEvent(tenant, member, { eventId: 'install-2', name: 'app-installed', properties: { platform: 'ios' } })).toMatchObject({ points: 0, awards: [] });
    expect(await service.recordCustomEvent(tenant, member, { eventId: 'install-3', name: 'signed-up', properties: {} })).toMatchObject({ points: 0 });
    expect(points.pointsOf(tenant.tenantId, member)).toBe(30);
  });

  it('keeps clubs apart: one club’s campaign gives nothing to another’s members, the same event id counts per club', async () => {
    const a = testTenant();
    const b = testTenant();
    await publish(a, welcome);
    const member = randomUUID();
    const id = randomUUID();
    await deliver(enrolled(b, member, id));
    expect(points.pointsOf(b.tenantId, member)).toBe(0);
    await deliver(enrolled(a, member, id));
    expect(points.pointsOf(a.tenantId, member)).toBe(50);
    expect(points.pointsOf(b.tenantId, member)).toBe(0);
  });

  it('evaluates tier-changed rules on the new tier', async () => {
    const tenant = testTenant();
    await publish(tenant, { name: 'Gold', rules: [{ id: 'gold', trigger: 'tier-changed', condition: 'event.properties.to == "gold" && member.tier == "gold"', effects: [{ kind: 'points-fixed', points: 200 }] }] });
    const member = randomUUID();
    const changed = (to: string): EventEnvelope<'members.tier.changed.v1'> => ({
      id: randomUUID(),
      type: 'members.tier.changed.v1',
      tenantId: tenant.tenantId,
      subject: member,
      time: new Date().toISOString(),
      traceparent: null,
      data: { memberId: member, from: 'silver', to, direction: 'up', reason: 'review', ladderVersion: 1, at: new Date().toISOString() },
    });
    await deliver(changed('silver'));
    await deliver(changed('gold'));
    expect(points.pointsOf(tenant.tenantId, member)).toBe(200);
  });
});
