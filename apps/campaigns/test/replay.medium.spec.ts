import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { campaignInputSchema, campaignReplayRequestSchema, checkoutEvaluationRequestSchema, type CampaignReplayView, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CAMPAIGNS_MIGRATIONS } from '../src/migrations';
import { CampaignRepository } from '../src/repositories/campaign.repository';
import { CampaignSettingsRepository } from '../src/repositories/campaign-settings.repository';
import { EvaluationRepository } from '../src/repositories/evaluation.repository';
import { ReplayRepository } from '../src/repositories/replay.repository';
import { CampaignCache } from '../src/services/campaign-cache.service';
import { CampaignCheck } from '../src/services/campaign-check';
import { CampaignsService } from '../src/services/campaigns.service';
import { EvaluationService } from '../src/services/evaluation.service';
import { ReplayService } from '../src/services/replay.service';

const codeOf = (e: unknown) => (e instanceof RpcException ? (e.getError() as { code: number }).code : undefined);
const pointersOf = (e: unknown) => (e instanceof RpcException ? (JSON.parse((e.getError() as { message: string }).message) as { errors?: { pointer: string }[] }).errors?.map((x) => x.pointer) : undefined);

const DOUBLE_DAIRY = {
  name: 'Double dairy points',
  rules: [{ id: 'dairy', trigger: 'purchase', effects: [{ kind: 'points-per-amount', points: 1, per: 10_000, lines: 'line.category == "dairy"' }] }],
};

describe('campaign replays (real PostgreSQL)', () => {
  let db: TestDatabase;
  let campaigns: CampaignsService;
  let cache: CampaignCache;
  let evaluation: EvaluationService;
  let replays: ReplayService;
  let newReplayService: () => ReplayService;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    db = await createTestDatabase('campaigns', CAMPAIGNS_MIGRATIONS);
    const uow = new UnitOfWork(db.dataSource, new OutboxRelay(db.dataSource, testKafka(), logger)); // relay not started: events stay in the outbox
    const repo = new CampaignRepository(db.dataSource);
    const settings = new CampaignSettingsRepository(db.dataSource);
    campaigns = new CampaignsService(repo, new CampaignCheck(settings), new OutboxRepository(), uow, new Clock(), new Ids());
    cache = new CampaignCache(repo, settings, new Clock(), logger);
    evaluation = new EvaluationService(cache, new EvaluationRepository(db.dataSource), uow, new Clock(), logger);
    newReplayService = () => new ReplayService(new ReplayRepository(db.dataSource), repo, settings, uow, new Clock(), new Ids(), logger);
    replays = newReplayService();
  });

  afterAll(async () => {
    await db.drop();
  });

  const live = async (tenant: TenantContext, definition: object) => {
    const c = await campaigns.create(tenant, campaignInputSchema.parse(definition), 'x');
    await campaigns.act(tenant, c.id, 'publish', 'x');
    cache.invalidate(tenant.tenantId);
    return c.id;
  };

  /** Checkout i: member i % 9 of `members`, i + 1 units of milk (10,000 each), one loaf (50,000); base points 1 per 10,000. */
  const sale = (members: readonly string[], i: number) => {
    const amount = (i + 1) * 10_000 + 50_000;
    return checkoutEvaluationRequestSchema.parse({
      transactionId: `sale-${String(i).padStart(3, '0')}-${randomUUID().slice(0, 8)}`,
      requestHash: `hash-${randomUUID()}`,
      member: { id: members[i % members.length], tier: i % 2 === 0 ? 'gold' : 'silver', tenureDays: 100 },
      cart: {
        amount,
        currency: 'IRR',
        lines: [
          { sku: 'MILK', category: 'dairy', quantity: i + 1, unitPrice: 10_000 },
          { sku: 'BREAD', category: 'bakery', quantity: 1, unitPrice: 50_000 },
        ],
      },
      basePoints: amount / 10_000,
      store: 'store-1',
      channel: 'pos',
    });
  };

  /** Records `n` checkouts through the real evaluation (what the till does); answers their transaction ids in recorded order. */
  const record = async (tenant: TenantContext, n: number): Promise<string[]> => {
    const members = Array.from({ length: 9 }, () => randomUUID());
    for (let i = 0; i < n; i++) await evaluation.evaluateCheckout(tenant, sale(members, i));
    const rows = await db.dataSource.query<{ transaction_id: string }[]>(`SELECT transaction_id FROM campaign_applications WHERE tenant_id = $1 ORDER BY created_at, transaction_id`, [tenant.tenantId]);
    return rows.map((r) => r.transaction_id);
  };
  const dairyPoints = (transactionId: string) => Number(/^sale-(\d+)-/.exec(transactionId)![1]) + 1;

  const run = async (tenant: TenantContext, body: object, service = replays): Promise<CampaignReplayView> => {
    const started = await service.request(tenant, campaignReplayRequestSchema.parse(body), 'Sara');
    expect(started.status).toBe('pending');
    await service.drain();
    return service.get(tenant, started.id);
  };

  it('stores what the evaluation read with each recorded checkout', async () => {
    const tenant = testTenant();
    const [tx] = await record(tenant, 1);
    const [{ facts }] = await db.dataSource.query<{ facts: Record<string, unknown> }[]>(`SELECT facts FROM campaign_applications WHERE tenant_id = $1 AND transaction_id = $2`, [tenant.tenantId, tx]);
    expect(facts).toMatchObject({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      member: { tier: 'gold', tenureDays: 100, segments: [], attributes: {} },
      cart: { amount: 60_000, currency: 'IRR', lines: [{ sku: 'MILK', category: 'dairy', quantity: 1, unitPrice: 10_000 }, { sku: 'BREAD' }] },
      basePoints: 6,
      store: 'store-1',
      channel: 'pos',
    });
  });

  it('50 recorded checkouts: a draft doubling dairy points costs exactly the dairy points, per rule, over the members it reaches', async () => {
    const tenant = testTenant();
    await live(tenant, { name: 'Bakery bonus', rules: [{ id: 'bread', trigger: 'purchase', condition: 'cart.lines.exists(l, l.category == "bakery")', effects: [{ kind: 'points-fixed', points: 5 }] }] });
    const txs = await record(tenant, 50);
    const expected = txs.reduce((s, tx) => s + dairyPoints(tx), 0); // 1 + 2 + … + 50 = 1,275
    expect(expected).toBe(1275);
    replays.pageSize = 7; // several pages: the keyset and the carried counters are exercised
    const report = await run(tenant, { draft: DOUBLE_DAIRY, days: 7 });
    expect(report).toMatchObject({
      status: 'completed',
      campaignId: null,
      name: 'Double dairy points',
      days: 7,
      liveCampaigns: 1,
      scanned: 50,
      matched: 50,
      membersReached: 9,
      skipped: 0,
      points: '1275',
      discount: '0',
      campaign: { points: '1275', discount: '0' },
      displaced: { points: '0', discount: '0' },
      rules: [{ ruleId: 'dairy', checkouts: 50, points: '1275', discount: '0' }],
      budgetExhaustedAt: null,
      error: null,
    });
    expect(Date.parse(report.to) - Date.parse(report.from)).toBe(7 * 86_400_000);
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM campaign_replay_tallies WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(0); // tallies are dropped once the report is final
  });

  it('respects a budget cap and says at which checkout it ran out; checkouts outside the window or voided are not scanned', async () => {
    const tenant = testTenant();
    const txs = await record(tenant, 30);
    await db.dataSource.query(`UPDATE campaign_applications SET created_at = created_at - interval '10 days' WHERE tenant_id = $1 AND transaction_id = ANY($2)`, [tenant.tenantId, txs.slice(0, 5)]);
    await db.dataSource.query(`UPDATE campaign_applications SET reversed_at = now(), reversed_by = 'void' WHERE tenant_id = $1 AND transaction_id = $2`, [tenant.tenantId, txs[5]]);
    const scanned = txs.slice(6); // in recorded order
    let left = 100;
    let exhaustedAt = '';
    for (const tx of scanned) {
      left -= Math.min(left, dairyPoints(tx));
      if (left === 0) {
        exhaustedAt = tx;
        break;
      }
    }
    replays.pageSize = 4;
    const report = await run(tenant, { draft: { ...DOUBLE_DAIRY, limits: [{ scope: 'campaign', measure: 'points', max: 100, period: 'lifetime' }] }, days: 7 });
    expect(report).toMatchObject({ status: 'completed', scanned: 24, points: '100', campaign: { points: '100' }, budgetExhaustedAt: { transactionId: exhaustedAt } });
    expect(report.budgetExhaustedAt!.limit).toMatch(/^campaign:.+\/campaign\/points\/lifetime$/);
    expect(report.matched).toBe(scanned.indexOf(exhaustedAt) + 1);
    expect((await run(tenant, { draft: DOUBLE_DAIRY, days: 30 })).scanned).toBe(29); // the older five are in a longer window
  });

  it('a replica resuming after the lease goes on from the committed page with the same numbers', async () => {
    const tenant = testTenant();
    await record(tenant, 20);
    const draft = { ...DOUBLE_DAIRY, limits: [{ scope: 'member', measure: 'applications', max: 1, period: 'lifetime' }] };
    replays.pageSize = 20;
    const whole = await run(tenant, { draft, days: 1 });
    expect(whole).toMatchObject({ scanned: 20, matched: 9, membersReached: 9 });

    const first = newReplayService();
    first.pageSize = 3;
    const started = await first.request(tenant, campaignReplayRequestSchema.parse({ draft, days: 1 }), 'Sara');
    const claimed = await new ReplayRepository(db.dataSource).claim(120_000);
    expect(claimed?.id).toBe(started.id);
    expect(await first.step(tenant.tenantId, started.id)).toBe(true);
    expect(await first.step(tenant.tenantId, started.id)).toBe(true); // then the replica dies
    expect(await first.get(tenant, started.id)).toMatchObject({ status: 'running', scanned: 6 });
    await db.dataSource.query(`UPDATE campaign_replays SET lease_until = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, started.id]);

    const second = newReplayService();
    second.pageSize = 5;
    await second.drain();
    const resumed = await second.get(tenant, started.id);
    const { id: _a, createdAt: _b, startedAt: _c, finishedAt: _d, from: _e, to: _f, ...numbers } = resumed;
    const { id: _g, createdAt: _h, startedAt: _i, finishedAt: _j, from: _k, to: _l, ...expected } = whole;
    expect(numbers).toEqual(expected);
  });

  it('replays a saved campaign by id: a live one is left out of the line-up it is compared with', async () => {
    const tenant = testTenant();
    const bonus = await live(tenant, { name: 'Dairy bonus', rules: [{ id: 'dairy', trigger: 'purchase', condition: 'cart.lines.exists(l, l.category == "dairy")', effects: [{ kind: 'points-fixed', points: 4 }] }] });
    await record(tenant, 10);
    replays.pageSize = 1000;
    expect(await run(tenant, { campaignId: bonus, days: 1 })).toMatchObject({ campaignId: bonus, name: 'Dairy bonus', liveCampaigns: 0, matched: 10, points: '40', displaced: { points: '0' } });

    const saved = await campaigns.create(tenant, campaignInputSchema.parse({ ...DOUBLE_DAIRY, group: 'promo' }), 'x'); // a draft, never published
    expect(await run(tenant, { campaignId: saved.id, days: 1 })).toMatchObject({ liveCampaigns: 1, matched: 10, points: '55' });
  });

  it('reports what a first-match group’s live campaign no longer gives', async () => {
    const tenant = testTenant();
    await new CampaignSettingsRepository(db.dataSource).insertVersion(db.dataSource.manager, tenant.tenantId, { groups: { promo: { mode: 'first-match', priority: 0 } }, pointValue: { minorUnits: 1, perPoints: 1 } }, 'x');
    await live(tenant, { name: 'Everyone', group: 'promo', priority: 1, rules: [{ id: 'all', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 3 }] }] });
    await record(tenant, 10); // gold on even sales
    const report = await run(tenant, {
      draft: { name: 'Gold', group: 'promo', priority: 5, rules: [{ id: 'gold', trigger: 'purchase', condition: 'member.tier == "gold"', effects: [{ kind: 'points-fixed', points: 10 }] }] },
      days: 1,
    });
    expect(report).toMatchObject({ matched: 5, campaign: { points: '50' }, displaced: { points: '15' }, points: '35' });
  });

  it('refuses a draft that does not compile (400 naming the field), unknown campaigns (404), and more than three at once (429)', async () => {
    const tenant = testTenant();
    const bad = await replays
      .request(tenant, campaignReplayRequestSchema.parse({ draft: { name: 'x', rules: [{ id: 'r', trigger: 'purchase', condition: 'member.attributes.vip', effects: [{ kind: 'points-fixed', points: 1 }] }] }, days: 3 }), 'x')
      .catch((e: unknown) => e);
    expect(codeOf(bad)).toBe(status.INVALID_ARGUMENT);
    expect(pointersOf(bad)).toEqual(['#/draft/rules/0/condition']);
    expect(codeOf(await replays.request(tenant, { campaignId: randomUUID(), days: 3 }, 'x').catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    for (let i = 0; i < 3; i++) await replays.request(tenant, campaignReplayRequestSchema.parse({ draft: DOUBLE_DAIRY, days: 3 }), 'x');
    expect(codeOf(await replays.request(tenant, campaignReplayRequestSchema.parse({ draft: DOUBLE_DAIRY, days: 3 }), 'x').catch((e: unknown) => e))).toBe(status.RESOURCE_EXHAUSTED);
    await replays.drain();
    expect(campaignReplayRequestSchema.safeParse({ draft: DOUBLE_DAIRY, days: 91 }).success).toBe(false);
    expect(campaignReplayRequestSchema.safeParse({ days: 5 }).success).toBe(false);
  });

  it('an erased member’s stored facts are deleted: their checkouts drop out of replays', async () => {
    const tenant = testTenant();
    await record(tenant, 18); // 9 members, two checkouts each
    const [{ member_id: erased }] = await db.dataSource.query<{ member_id: string }[]>(`SELECT member_id FROM campaign_applications WHERE tenant_id = $1 LIMIT 1`, [tenant.tenantId]);
    const forgotten = async () =>
      (await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM campaign_applications WHERE tenant_id = $1 AND facts IS NULL`, [tenant.tenantId]))[0].n;
    await db.dataSource.transaction((m) => replays.forgetMember(m, testTenant().tenantId, erased)); // another club's erasure
    expect(await forgotten()).toBe(0);
    await db.dataSource.transaction((m) => replays.forgetMember(m, tenant.tenantId, erased));
    expect(await forgotten()).toBe(2);
    expect(await run(tenant, { draft: DOUBLE_DAIRY, days: 1 })).toMatchObject({ scanned: 16, membersReached: 8 });
  });

  it('scans only its own tenant’s checkouts and shows a replay only to its tenant', async () => {
    const a = testTenant();
    const b = testTenant();
    await record(a, 5);
    const report = await run(b, { draft: DOUBLE_DAIRY, days: 90 });
    expect(report).toMatchObject({ status: 'completed', scanned: 0, matched: 0, points: '0' });
    expect(codeOf(await replays.get(a, report.id).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
  });
});
