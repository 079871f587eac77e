import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { campaignInputSchema } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { CampaignRepository } from '../src/repositories/campaign.repository';
import { CampaignSettingsRepository } from '../src/repositories/campaign-settings.repository';
import { CampaignCheck } from '../src/services/campaign-check';
import { CampaignsService } from '../src/services/campaigns.service';

const codeOf = (e: unknown) => (e instanceof RpcException ? (e.getError() as { code: number }).code : undefined);

describe('campaign lifecycle and versions (real PostgreSQL)', () => {
  let db: TestDatabase;
  let campaigns: CampaignsService;

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const logger = pino({ level: 'silent' });
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), logger));
    campaigns = new CampaignsService(new CampaignRepository(db.dataSource), new CampaignCheck(new CampaignSettingsRepository(db.dataSource)), new OutboxRepository(), uow, new Clock(), new Ids());
  });

  afterAll(async () => {
    await db.drop();
  });

  const draft = campaignInputSchema.parse({ name: 'Yalda double points' });
  const ruled = campaignInputSchema.parse({
    name: 'Yalda double points',
    rules: [{ id: 'r1', trigger: 'purchase', condition: 'time.isYalda', effects: [{ kind: 'points-multiplier', percent: 100 }] }],
  });

  it('versions every save, publishes only what can go live, pauses, resumes and ends, with history and events', async () => {
    const tenant = testTenant();
    const created = await campaigns.create(tenant, draft, 'Sara (key: default)');
    expect(created).toMatchObject({ version: 1, status: 'draft', definition: { name: 'Yalda double points', group: 'default', priority: 0 } });
    expect(codeOf(await campaigns.act(tenant, created.id, 'publish', 'Sara').catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT); // no rules yet

    const v2 = await campaigns.save(tenant, created.id, ruled, 'Sara');
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect((await campaigns.act(tenant, created.id, 'publish', 'Sara')).status).toBe('active');
    expect(codeOf(await campaigns.save(tenant, created.id, { ...ruled, rules: [] }, 'Sara').catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT); // live: checked
    expect((await campaigns.act(tenant, created.id, 'pause', 'Ali')).status).toBe('paused');
    expect(codeOf(await campaigns.act(tenant, created.id, 'pause', 'Ali').catch((e: unknown) => e))).toBe(status.FAILED_PRECONDITION);
    expect((await campaigns.act(tenant, created.id, 'resume', 'Ali')).status).toBe('active');
    const ended = await campaigns.act(tenant, created.id, 'end', 'Ali');
    expect(ended.status).toBe('ended');
    expect(codeOf(await campaigns.save(tenant, created.id, ruled, 'Sara').catch((e: unknown) => e))).toBe(status.FAILED_PRECONDITION);
    expect(ended.history.map((h) => [h.action, h.version, h.operator])).toEqual([
      ['create', 1, 'Sara (key: default)'],
      ['save', 2, 'Sara'],
      ['publish', 2, 'Sara'],
      ['pause', 2, 'Ali'],
      ['resume', 2, 'Ali'],
      ['end', 2, 'Ali'],
    ]);
    const versions = await db.dataSource.query<{ version: number }[]>(`SELECT version FROM campaign_versions WHERE tenant_id = $1 ORDER BY version`, [tenant.tenantId]);
    expect(versions.map((v) => v.version)).toEqual([1, 2]); // never rewritten
    const events = await db.dataSource.query<{ value: string }[]>(`SELECT value FROM outbox WHERE tenant_id = $1 AND topic = 'campaigns.campaign.changed.v1' ORDER BY seq`, [tenant.tenantId]);
    expect(events.map((e) => (JSON.parse(e.value) as { data: { status: string } }).data.status)).toEqual(['draft', 'draft', 'active', 'paused', 'active', 'ended']);
  });

  it('type-checks the rules when publishing: a typo in a field is refused with its pointer', async () => {
    const tenant = testTenant();
    const typo = await campaigns.create(tenant, { ...ruled, rules: [{ ...ruled.rules[0], condition: 'cart.totl > 100' }] }, 'x');
    const err = await campaigns.act(tenant, typo.id, 'publish', 'x').catch((e: unknown) => e);
    expect(codeOf(err)).toBe(status.INVALID_ARGUMENT);
    expect(JSON.stringify((err as RpcException).getError())).toContain('#/rules/0/condition');
    expect((await campaigns.get(tenant, typo.id)).status).toBe('draft'); // nothing changed
  });

  it('reads scheduled and ended from the clock', async () => {
    const tenant = testTenant();
    const future = await campaigns.create(tenant, { ...ruled, startsAt: new Date(Date.now() + 86_400_000).toISOString() }, 'x');
    expect((await campaigns.act(tenant, future.id, 'publish', 'x')).status).toBe('scheduled');
    const past = await campaigns.create(tenant, { ...ruled, startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-02-01T00:00:00Z' }, 'x');
    expect((await campaigns.act(tenant, past.id, 'publish', 'x')).status).toBe('ended');
    expect(codeOf(await campaigns.create(tenant, { ...ruled, startsAt: '2020-02-01T00:00:00Z', endsAt: '2020-01-01T00:00:00Z' }, 'x').then((c) => campaigns.act(tenant, c.id, 'publish', 'x')).catch((e: unknown) => e))).toBe(
      status.INVALID_ARGUMENT,
    );
  });

  it('isolates tenants: another tenant sees none of the campaigns', async () => {
    const a = testTenant();
    const c = await campaigns.create(a, draft, 'x');
    expect(await campaigns.list(testTenant())).toEqual([]);
    expect(codeOf(await campaigns.get(testTenant(), c.id).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    expect(codeOf(await campaigns.act(testTenant(), c.id, 'end', 'x').catch((e: unknown) => e))).toBe(status.NOT_FOUND);
  });
});
