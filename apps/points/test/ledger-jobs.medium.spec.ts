import { localDateOf } from '@club/calendar';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { RpcException } from '@nestjs/microservices';
import { status } from '@grpc/grpc-js';
import { ledgerPolicySchema, type LedgerJobView, type TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { expiresAt } from '../src/domain/expiry';
import { POINTS_MIGRATIONS } from '../src/migrations';
import { LedgerJobRepository, type LedgerJob } from '../src/repositories/ledger-job.repository';
import { LiabilityRepository } from '../src/repositories/liability.repository';
import { LotBatchRepository } from '../src/repositories/lot-batch.repository';
import { LedgerBatchService, type BatchOutcome } from '../src/services/ledger-batch.service';
import { LedgerJobSchedulerService } from '../src/services/ledger-job-scheduler.service';
import { LedgerJobService } from '../src/services/ledger-job.service';
import { LiabilityService } from '../src/services/liability.service';

const logger = pino({ level: 'silent' });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

class FixedClock extends Clock {
  constructor(public t = new Date()) {
    super();
  }

  override now(): Date {
    return this.t;
  }
}

interface SeedLot {
  points: number;
  /** Default: points (nothing spent). */
  remaining?: number;
  status: 'pending' | 'active';
  activatesAt?: Date | null;
  expiresAt?: Date | null;
  earnedAt?: Date;
}

interface Balances {
  available: number;
  pending: number;
  held: number;
  spent: number;
  expired: number;
  debt: number;
  lifetimeEarned: number;
}

function rpcCode(err: unknown): number | undefined {
  return err instanceof RpcException ? (err.getError() as { code: number }).code : undefined;
}

/** The gRPC status a call failed with ('resolved' when it did not fail). */
const failure = (p: Promise<unknown>) => p.then(() => 'resolved', rpcCode);

describe('ledger jobs and liability (real PostgreSQL)', () => {
  let db: TestDatabase;
  let clock: FixedClock;
  let jobsRepo: LedgerJobRepository;
  let batches: LedgerBatchService;
  let uow: UnitOfWork;
  let liability: LiabilityService;
  const newService = (b: LedgerBatchService = batches) => new LedgerJobService(jobsRepo, b, uow, clock, new Ids(), logger);

  beforeAll(async () => {
    db = await createTestDatabase('points', POINTS_MIGRATIONS);
    const ds = db.dataSource;
    clock = new FixedClock();
    uow = new UnitOfWork(ds, new OutboxRelay(ds, testKafka(), logger));
    jobsRepo = new LedgerJobRepository(ds);
    batches = new LedgerBatchService(new LotBatchRepository(), new OutboxRepository(), clock, new Ids());
    liability = new LiabilityService(new LiabilityRepository(ds), jobsRepo, clock);
  });

  beforeEach(() => {
    clock.t = new Date();
  });

  afterAll(async () => {
    await db.drop();
  });

  // --- seeding by SQL: lots, entries and cached balances consistent with each other ----------------

  const q = <T = unknown>(sql: string, params: unknown[] = []) => db.dataSource.query<T>(sql, params);

  async function setPolicy(tenant: TenantContext, policy: object): Promise<void> {
    await q(`INSERT INTO ledger_policies (tenant_id, policy) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET policy = EXCLUDED.policy`, [
      tenant.tenantId,
      JSON.stringify(ledgerPolicySchema.parse(policy)),
    ]);
  }

  async function entry(tenantId: string, memberId: string, e: { kind: string; points: number; from: string | null; to: string | null; lotId: string | null; at?: Date }) {
    await q(
      `INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, operation, from_place, to_place, lot_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [tenantId, randomUUID(), memberId, e.kind, e.points, `seed:${randomUUID()}`, e.from, e.to, e.lotId, e.at ?? new Date(clock.t.getTime() - 30 * DAY)],
    );
  }

  /** A member with lots (earned, part spent when remaining < points), entries and the account they add up to. */
  async function seedMember(tenant: TenantContext, lots: SeedLot[], memberId = randomUUID()): Promise<{ memberId: string; lotIds: string[] }> {
    const lotIds: string[] = [];
    const b = { available: 0, pending: 0, spent: 0, lifetime: 0 };
    for (const l of lots) {
      const id = `lot:${randomUUID()}`;
      const remaining = l.remaining ?? l.points;
      const earnedAt = l.earnedAt ?? new Date(clock.t.getTime() - 30 * DAY);
      await q(
        `INSERT INTO lots (tenant_id, id, member_id, points, remaining, status, activates_at, expires_at, earned_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [tenant.tenantId, id, memberId, l.points, remaining, l.status, l.activatesAt ?? (l.status === 'active' ? earnedAt : null), l.expiresAt ?? null, earnedAt],
      );
      const bucket = l.status === 'pending' ? 'pending' : 'available';
      await entry(tenant.tenantId, memberId, { kind: 'earn', points: l.points, from: 'outside', to: bucket, lotId: id, at: earnedAt });
      if (remaining < l.points) {
        if (l.status === 'pending') throw new Error('seed: pending lots cannot be spent');
        await entry(tenant.tenantId, memberId, { kind: 'redeem', points: l.points - remaining, from: 'available', to: 'spent', lotId: id, at: earnedAt });
        b.spent += l.points - remaining;
      }
      b[bucket] += remaining;
      b.lifetime += l.points;
      lotIds.push(id);
    }
    await q(
      `INSERT INTO accounts (tenant_id, member_id, available, pending, spent, lifetime_earned) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, member_id) DO UPDATE SET available = accounts.available + EXCLUDED.available, pending = accounts.pending + EXCLUDED.pending,
         spent = accounts.spent + EXCLUDED.spent, lifetime_earned = accounts.lifetime_earned + EXCLUDED.lifetime_earned`,
      [tenant.tenantId, memberId, b.available, b.pending, b.spent, b.lifetime],
    );
    return { memberId, lotIds };
  }

  /** A hold taking `allocations` from the member's lots (entries available → held). */
  async function seedHold(tenant: TenantContext, memberId: string, allocations: { lotId: string; points: number }[], holdExpiresAt: Date): Promise<string> {
    const id = `hold-${randomUUID()}`;
    const points = allocations.reduce((s, a) => s + a.points, 0);
    await q(`INSERT INTO redemptions (tenant_id, id, member_id, points, status, allocations, hold_expires_at) VALUES ($1, $2, $3, $4, 'held', $5, $6)`, [
      tenant.tenantId,
      id,
      memberId,
      points,
      JSON.stringify(allocations),
      holdExpiresAt,
    ]);
    for (const a of allocations) {
      await q(`UPDATE lots SET remaining = remaining - $3 WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, a.lotId, a.points]);
      await entry(tenant.tenantId, memberId, { kind: 'hold', points: a.points, from: 'available', to: 'held', lotId: a.lotId, at: new Date(holdExpiresAt.getTime() - 15 * 60_000) });
    }
    await q(`UPDATE accounts SET available = available - $3, held = held + $3 WHERE tenant_id = $1 AND member_id = $2`, [tenant.tenantId, memberId, points]);
    return id;
  }

  // --- reading back ------------------------------------------------------------------------------

  async function balances(tenantId: string, memberId: string): Promise<Balances> {
    const [r] = await q<Record<string, string>[]>(
      `SELECT available, pending, held, spent, expired, debt, lifetime_earned FROM accounts WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId],
    );
    return {
      available: Number(r.available),
      pending: Number(r.pending),
      held: Number(r.held),
      spent: Number(r.spent),
      expired: Number(r.expired),
      debt: Number(r.debt),
      lifetimeEarned: Number(r.lifetime_earned),
    };
  }

  async function lot(tenantId: string, id: string): Promise<{ status: string; remaining: number; expiresAt: Date | null; warnedAt: Date | null }> {
    const [r] = await q<{ status: string; remaining: string; expires_at: Date | null; warned_at: Date | null }[]>(
      `SELECT status, remaining, expires_at, warned_at FROM lots WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return { status: r.status, remaining: Number(r.remaining), expiresAt: r.expires_at, warnedAt: r.warned_at };
  }

  /**
   * The ledger's invariants for every member of a tenant: cached balances equal the sums of the
   * entries; pending = pending lots, available = active lots − debt, held = open holds; every
   * lot's remaining equals its entries (moves into and out of pending/available, and settlements).
   */
  async function expectConsistent(tenantId: string): Promise<void> {
    const bad = await q<{ member_id: string; what: string }[]>(
      `WITH e AS (
         SELECT member_id,
           sum(CASE WHEN to_place = 'available' THEN points ELSE 0 END) - sum(CASE WHEN from_place = 'available' THEN points ELSE 0 END) AS available,
           sum(CASE WHEN to_place = 'pending' THEN points ELSE 0 END) - sum(CASE WHEN from_place = 'pending' THEN points ELSE 0 END) AS pending,
           sum(CASE WHEN to_place = 'held' THEN points ELSE 0 END) - sum(CASE WHEN from_place = 'held' THEN points ELSE 0 END) AS held,
           sum(CASE WHEN to_place = 'spent' THEN points ELSE 0 END) - sum(CASE WHEN from_place = 'spent' THEN points ELSE 0 END) AS spent,
           sum(CASE WHEN to_place = 'expired' THEN points ELSE 0 END) - sum(CASE WHEN from_place = 'expired' THEN points ELSE 0 END) AS expired,
           sum(CASE WHEN from_place = 'outside' THEN points ELSE 0 END) - sum(CASE WHEN to_place = 'outside' THEN points ELSE 0 END) AS lifetime
         FROM ledger_entries WHERE tenant_id = $1 GROUP BY member_id),
       l AS (
         SELECT member_id, sum(remaining) FILTER (WHERE status = 'pending') AS pending, sum(remaining) FILTER (WHERE status = 'active') AS active
         FROM lots WHERE tenant_id = $1 GROUP BY member_id),
       h AS (SELECT member_id, sum(points) AS held FROM redemptions WHERE tenant_id = $1 AND status = 'held' GROUP BY member_id)
       SELECT a.member_id, 'balances ≠ entries' AS what FROM accounts a JOIN e USING (member_id)
         WHERE a.tenant_id = $1 AND (a.available, a.pending, a.held, a.spent, a.expired, a.lifetime_earned) IS DISTINCT FROM (e.available, e.pending, e.held, e.spent, e.expired, e.lifetime)
       UNION ALL
       SELECT a.member_id, 'balances ≠ lots' FROM accounts a LEFT JOIN l USING (member_id) LEFT JOIN h USING (member_id)
         WHERE a.tenant_id = $1 AND (a.pending <> coalesce(l.pending, 0) OR a.available <> coalesce(l.active, 0) - a.debt OR a.held <> coalesce(h.held, 0))
       UNION ALL
       SELECT lt.member_id, 'lot ' || lt.id || ' ≠ its entries' FROM lots lt LEFT JOIN LATERAL (
           SELECT coalesce(sum(CASE WHEN to_place IN ('pending', 'available') THEN points ELSE 0 END), 0)
                - coalesce(sum(CASE WHEN from_place IN ('pending', 'available') THEN points ELSE 0 END), 0)
                - coalesce(sum(CASE WHEN kind = 'settle' THEN points ELSE 0 END), 0) AS remaining
           FROM ledger_entries WHERE tenant_id = $1 AND lot_id = lt.id) x ON true
         WHERE lt.tenant_id = $1 AND lt.remaining <> x.remaining`,
      [tenantId],
    );
    expect(bad).toEqual([]);
  }

  const entriesOf = (tenantId: string, operation: string) =>
    q<{ kind: string; points: string; from_place: string | null; to_place: string | null; lot_id: string; member_id: string }[]>(
      `SELECT kind, points, from_place, to_place, lot_id, member_id FROM ledger_entries WHERE tenant_id = $1 AND operation = $2 ORDER BY lot_id, kind`,
      [tenantId, operation],
    );
  const events = (tenantId: string, topic: string) =>
    q<{ value: string }[]>(`SELECT value FROM outbox WHERE tenant_id = $1 AND topic = $2 ORDER BY seq`, [tenantId, topic]).then((rows) =>
      rows.map((r) => (JSON.parse(r.value) as { data: Record<string, unknown> }).data),
    );
  const snapshot = async (tenantId: string) =>
    q(
      `SELECT (SELECT json_agg(a ORDER BY member_id) FROM accounts a WHERE tenant_id = $1) AS accounts,
              (SELECT json_agg(l ORDER BY id) FROM lots l WHERE tenant_id = $1) AS lots,
              (SELECT count(*) FROM ledger_entries WHERE tenant_id = $1) AS entries,
              (SELECT json_agg(r ORDER BY id) FROM redemptions r WHERE tenant_id = $1) AS redemptions,
              (SELECT count(*) FROM outbox WHERE tenant_id = $1) AS events`,
      [tenantId],
    );

  async function run(service: LedgerJobService, tenant: TenantContext, input: { kind: LedgerJobView['kind']; dryRun?: boolean; at?: string }): Promise<LedgerJobView> {
    const started = await service.startJob(tenant, { dryRun: false, ...input });
    await service.drain();
    return service.getJob(tenant, started.id);
  }

  // --- tests --------------------------------------------------------------------------------------

  it('activates and expires after a dry run that previews count and value and changes nothing; running again changes nothing', async () => {
    const tenant = testTenant();
    const policy = { pendingDays: 14, expiry: { kind: 'after', n: 30, unit: 'days' }, pointValue: { minorUnits: 1000, perPoints: 3, rounding: 'half-even' } };
    await setPolicy(tenant, policy);
    const now = clock.t.getTime();
    const a = await seedMember(tenant, [
      { points: 100, status: 'pending', activatesAt: new Date(now - DAY) },
      { points: 50, status: 'pending', activatesAt: new Date(now + DAY) },
      { points: 70, remaining: 40, status: 'active', expiresAt: new Date(now - HOUR) },
      { points: 20, status: 'active', expiresAt: new Date(now + 10 * DAY) },
    ]);
    const b = await seedMember(tenant, [{ points: 33, status: 'pending', activatesAt: new Date(now - 2 * HOUR) }]);
    const service = newService();
    const before = await snapshot(tenant.tenantId);

    const dryActivate = await run(service, tenant, { kind: 'activate', dryRun: true });
    expect(dryActivate).toMatchObject({ status: 'completed', dryRun: true, processed: 2, points: 133, value: '44333' }); // 133 × 1000 / 3 = 44,333.3
    expect(dryActivate.preview).toEqual(
      expect.arrayContaining([
        { memberId: a.memberId, lotId: a.lotIds[0], redemptionId: null, points: 100, at: new Date(now - DAY).toISOString() },
        { memberId: b.memberId, lotId: b.lotIds[0], redemptionId: null, points: 33, at: new Date(now - 2 * HOUR).toISOString() },
      ]),
    );
    const dryExpire = await run(service, tenant, { kind: 'expire', dryRun: true });
    expect(dryExpire).toMatchObject({ status: 'completed', processed: 1, points: 40, value: '13333', holdsReleased: 0 });
    expect(await snapshot(tenant.tenantId)).toEqual(before); // dry runs change nothing

    const activated = await run(service, tenant, { kind: 'activate' });
    expect(activated).toMatchObject({ status: 'completed', dryRun: false, processed: 2, points: 133, value: '44333', preview: [] });
    const activatedLot = await lot(tenant.tenantId, a.lotIds[0]);
    expect(activatedLot).toMatchObject({ status: 'active', remaining: 100 });
    // The expiry clock starts at activation (the lot's activatesAt), not when the job ran.
    expect(activatedLot.expiresAt).toEqual(expiresAt(new Date(now - DAY), { kind: 'after', n: 30, unit: 'days' }, tenant.timezone));
    expect(await lot(tenant.tenantId, a.lotIds[1])).toMatchObject({ status: 'pending', expiresAt: null });
    expect(await entriesOf(tenant.tenantId, `activate:${activated.id}`)).toEqual(
      [
        { kind: 'activate', points: '100', from_place: 'pending', to_place: 'available', lot_id: a.lotIds[0], member_id: a.memberId },
        { kind: 'activate', points: '33', from_place: 'pending', to_place: 'available', lot_id: b.lotIds[0], member_id: b.memberId },
      ].sort((x, y) => (x.lot_id < y.lot_id ? -1 : 1)),
    );
    expect(await balances(tenant.tenantId, a.memberId)).toMatchObject({ available: 160, pending: 50, expired: 0 });
    // One points.ledger-entry.created.v1 per entry, with the member's balance after it.
    const entryEvents = (await events(tenant.tenantId, 'points.ledger-entry.created.v1')).filter((e) => e.operation === `activate:${activated.id}`);
    expect(entryEvents).toHaveLength(2);
    expect(entryEvents.find((e) => e.memberId === a.memberId)).toMatchObject({
      kind: 'activate',
      points: 100,
      from: 'pending',
      to: 'available',
      lotId: a.lotIds[0],
      transactionId: null,
      storeId: null,
      balance: { available: 160, pending: 50, held: 0, spent: 30, expired: 0, lifetimeEarned: 240 },
      createdAt: clock.t.toISOString(),
    });

    const expired = await run(service, tenant, { kind: 'expire' });
    expect(expired).toMatchObject({ status: 'completed', processed: 1, points: 40, value: '13333' });
    expect(await lot(tenant.tenantId, a.lotIds[2])).toMatchObject({ status: 'active', remaining: 0 });
    expect(await balances(tenant.tenantId, a.memberId)).toMatchObject({ available: 120, pending: 50, spent: 30, expired: 40, lifetimeEarned: 240 });
    expect(await events(tenant.tenantId, 'points.lot.expired.v1')).toEqual([
      {
        memberId: a.memberId,
        lotId: a.lotIds[2],
        points: 40,
        cause: 'lot',
        expiresAt: new Date(now - HOUR).toISOString(),
        expiredAt: expired.at,
        operation: `expire:${expired.id}`,
      },
    ]);
    await expectConsistent(tenant.tenantId);

    const after = await snapshot(tenant.tenantId);
    expect(await run(service, tenant, { kind: 'activate' })).toMatchObject({ status: 'completed', processed: 0, points: 0, value: '0' });
    expect(await run(service, tenant, { kind: 'expire' })).toMatchObject({ status: 'completed', processed: 0, points: 0 });
    expect(await snapshot(tenant.tenantId)).toEqual(after); // re-running changes nothing
  });

  it('refuses a real run judging the future but previews it in a dry run; asking twice returns the unfinished run', async () => {
    const tenant = testTenant();
    const now = clock.t.getTime();
    await seedMember(tenant, [{ points: 10, status: 'active', expiresAt: new Date(now + 5 * DAY) }]);
    const service = newService();
    const future = new Date(now + 7 * DAY).toISOString();
    expect(await failure(service.startJob(tenant, { kind: 'expire', at: future, dryRun: false }))).toBe(status.INVALID_ARGUMENT);
    const first = await service.startJob(tenant, { kind: 'expire', at: future, dryRun: true });
    expect((await service.startJob(tenant, { kind: 'expire', dryRun: true })).id).toBe(first.id);
    await service.drain();
    expect(await service.getJob(tenant, first.id)).toMatchObject({ status: 'completed', processed: 1, points: 10, at: future });
  });

  it('pays off a debt from lots that activation makes spendable (settle memos, available unchanged by them)', async () => {
    const tenant = testTenant();
    await setPolicy(tenant, { pendingDays: 7, expiry: { kind: 'never' }, negativeBalance: 'allow-negative' });
    const { memberId, lotIds } = await seedMember(tenant, [{ points: 40, status: 'pending', activatesAt: new Date(clock.t.getTime() - HOUR) }]);
    // A return took 15 points beyond the lots: available −15, debt 15 (a reversal with no lot).
    await entry(tenant.tenantId, memberId, { kind: 'reverse', points: 15, from: 'available', to: 'outside', lotId: null });
    await q(`UPDATE accounts SET available = available - 15, debt = 15, lifetime_earned = lifetime_earned - 15 WHERE tenant_id = $1 AND member_id = $2`, [
      tenant.tenantId,
      memberId,
    ]);
    const job = await run(newService(), tenant, { kind: 'activate' });
    expect(job).toMatchObject({ processed: 1, points: 40 });
    expect(await balances(tenant.tenantId, memberId)).toMatchObject({ available: 25, pending: 0, debt: 0 });
    expect(await lot(tenant.tenantId, lotIds[0])).toMatchObject({ remaining: 25 });
    expect((await entriesOf(tenant.tenantId, `activate:${job.id}`)).map((e) => [e.kind, Number(e.points)])).toEqual([
      ['activate', 40],
      ['settle', 15],
    ]);
    await expectConsistent(tenant.tenantId);
  });

  it('resumes after a crash mid-run (lease expired, drained again) and applies each lot exactly once', async () => {
    const tenant = testTenant();
    await setPolicy(tenant, { pendingDays: 3, expiry: { kind: 'after', n: 6, unit: 'months', roundTo: 'month', calendar: 'jalali' } });
    const members: string[] = [];
    for (let i = 0; i < 10; i++) {
      const lots = [0, 1, 2].map((k) => ({ points: 10 + k, status: 'pending' as const, activatesAt: new Date(clock.t.getTime() - (i * 3 + k + 1) * HOUR) }));
      members.push((await seedMember(tenant, lots)).memberId);
    }
    // A worker whose third batch dies after writing (the connection drops before the commit).
    let calls = 0;
    const crashing = new (class extends LedgerBatchService {
      override async activateLots(...args: Parameters<LedgerBatchService['activateLots']>): Promise<BatchOutcome> {
        const out = await super.activateLots(...args);
        if (++calls === 3) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
        return out;
      }
    })(new LotBatchRepository(), new OutboxRepository(), clock, new Ids());
    const first = newService(crashing);
    first.batchSize = 4;
    const started = await first.startJob(tenant, { kind: 'activate', dryRun: false });
    await first.drain();
    const interrupted = await first.getJob(tenant, started.id);
    expect(interrupted).toMatchObject({ status: 'running', processed: 8 }); // two batches committed, the third rolled back
    const [{ n }] = await q<{ n: number }[]>(`SELECT count(*)::int AS n FROM ledger_entries WHERE tenant_id = $1 AND operation = $2`, [
      tenant.tenantId,
      `activate:${started.id}`,
    ]);
    expect(n).toBe(8);
    await first.drain();
    expect((await first.getJob(tenant, started.id)).processed).toBe(8); // leased: nobody takes it over yet

    await q(`UPDATE ledger_jobs SET lease_until = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, started.id]);
    const second = newService(); // another replica
    second.batchSize = 4;
    await second.drain();
    expect(await second.getJob(tenant, started.id)).toMatchObject({ status: 'completed', processed: 30, points: 330 });
    const twice = await q(`SELECT lot_id FROM ledger_entries WHERE tenant_id = $1 AND kind = 'activate' GROUP BY lot_id HAVING count(*) > 1`, [tenant.tenantId]);
    expect(twice).toEqual([]);
    const [{ pending }] = await q<{ pending: string }[]>(`SELECT count(*) AS pending FROM lots WHERE tenant_id = $1 AND status = 'pending'`, [tenant.tenantId]);
    expect(Number(pending)).toBe(0);
    for (const memberId of members) expect(await balances(tenant.tenantId, memberId)).toMatchObject({ available: 33, pending: 0 });
    await expectConsistent(tenant.tenantId);
  });

  it('two workers on one run take turns batch by batch and apply each lot once', async () => {
    const tenant = testTenant();
    await setPolicy(tenant, { expiry: { kind: 'after', n: 1, unit: 'days' } });
    for (let i = 0; i < 12; i++) {
      await seedMember(tenant, [
        { points: 5, status: 'active', expiresAt: new Date(clock.t.getTime() - (i + 1) * HOUR) },
        { points: 7, status: 'active', expiresAt: new Date(clock.t.getTime() - (i + 1) * HOUR) },
      ]);
    }
    const a = newService();
    const b = newService();
    a.batchSize = 3;
    b.batchSize = 3;
    const started = await a.startJob(tenant, { kind: 'expire', dryRun: false });
    await q(`UPDATE ledger_jobs SET status = 'running', lease_until = now() + interval '2 minutes' WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, started.id]);
    const claimed = (await jobsRepo.find(tenant.tenantId, started.id)) as LedgerJob;
    await Promise.all([a.process(claimed), b.process(claimed)]);
    expect(await a.getJob(tenant, started.id)).toMatchObject({ status: 'completed', processed: 24, points: 144 });
    const twice = await q(`SELECT lot_id FROM ledger_entries WHERE tenant_id = $1 AND kind = 'expire' GROUP BY lot_id HAVING count(*) > 1`, [tenant.tenantId]);
    expect(twice).toEqual([]);
    expect(await events(tenant.tenantId, 'points.lot.expired.v1')).toHaveLength(24);
    await expectConsistent(tenant.tenantId);
  });

  it('expires a lot as it stands under the lock when a live operation took points from it after the batch selected it', async () => {
    const tenant = testTenant();
    await setPolicy(tenant, { expiry: { kind: 'after', n: 10, unit: 'days' } });
    const { memberId, lotIds } = await seedMember(tenant, [
      { points: 100, status: 'active', expiresAt: new Date(clock.t.getTime() - HOUR) },
      { points: 60, status: 'active', expiresAt: new Date(clock.t.getTime() - HOUR) },
      { points: 25, status: 'active', expiresAt: new Date(clock.t.getTime() + DAY) },
    ]);
    const service = newService();
    const started = await service.startJob(tenant, { kind: 'expire', dryRun: false });

    // A live operation (a return reversing earned points, lot by lot) holds the member's account.
    const live = db.dataSource.createQueryRunner();
    await live.connect();
    await live.startTransaction('READ COMMITTED');
    await live.query(`SELECT 1 FROM accounts WHERE tenant_id = $1 AND member_id = $2 FOR UPDATE`, [tenant.tenantId, memberId]);
    const draining = service.drain();
    // The batch has selected its lots and now waits for the account.
    for (let i = 0; ; i++) {
      const [{ waiting }] = await q<{ waiting: number }[]>(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (waiting > 0) break;
      if (i > 200) throw new Error('the job never waited for the account');
      await new Promise((r) => setTimeout(r, 25));
    }
    await live.query(`UPDATE lots SET remaining = remaining - 30 WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, lotIds[0]]);
    await live.query(`UPDATE lots SET remaining = 0 WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, lotIds[1]]);
    for (const [lotId, points] of [
      [lotIds[0], 30],
      [lotIds[1], 60],
    ] as const) {
      await live.query(
        `INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, operation, from_place, to_place, lot_id) VALUES ($1, $2, $3, 'reverse', $4, 'return:r1', 'available', 'outside', $5)`,
        [tenant.tenantId, randomUUID(), memberId, points, lotId],
      );
    }
    await live.query(`UPDATE accounts SET available = available - 90, lifetime_earned = lifetime_earned - 90 WHERE tenant_id = $1 AND member_id = $2`, [
      tenant.tenantId,
      memberId,
    ]);
    await live.commitTransaction();
    await live.release();
    await draining;

    expect(await service.getJob(tenant, started.id)).toMatchObject({ status: 'completed', processed: 1, points: 70 });
    expect(await lot(tenant.tenantId, lotIds[0])).toMatchObject({ remaining: 0 });
    expect(await lot(tenant.tenantId, lotIds[1])).toMatchObject({ remaining: 0 });
    expect(await balances(tenant.tenantId, memberId)).toMatchObject({ available: 25, expired: 70, lifetimeEarned: 95 });
    expect((await entriesOf(tenant.tenantId, `expire:${started.id}`)).map((e) => [e.lot_id, Number(e.points)])).toEqual([[lotIds[0], 70]]);
    await expectConsistent(tenant.tenantId);
  });

  it('releases expired holds: back to a live lot, credited and expired at once for an expired lot', async () => {
    const tenant = testTenant();
    await setPolicy(tenant, { expiry: { kind: 'after', n: 10, unit: 'days' }, pointValue: { minorUnits: 500, perPoints: 1 } });
    const now = clock.t.getTime();
    const { memberId, lotIds } = await seedMember(tenant, [
      { points: 100, status: 'active', expiresAt: new Date(now + 5 * DAY) },
      { points: 40, status: 'active', expiresAt: new Date(now - 10 * 60_000) }, // expired after the hold took it all
      { points: 50, status: 'active', expiresAt: new Date(now + 6 * DAY) },
    ]);
    const stale = await seedHold(tenant, memberId, [{ lotId: lotIds[1], points: 40 }, { lotId: lotIds[0], points: 30 }], new Date(now - 60_000));
    const open = await seedHold(tenant, memberId, [{ lotId: lotIds[2], points: 20 }], new Date(now + 10 * 60_000));
    expect(await balances(tenant.tenantId, memberId)).toMatchObject({ available: 100, held: 90 });
    const service = newService();
    const before = await snapshot(tenant.tenantId);

    const dry = await run(service, tenant, { kind: 'release-holds', dryRun: true });
    expect(dry).toMatchObject({ status: 'completed', holdsReleased: 1, holdPoints: 70, points: 40, value: '20000', processed: 0 });
    expect(dry.preview).toEqual([{ memberId, lotId: null, redemptionId: stale, points: 70, at: new Date(now - 60_000).toISOString() }]);
    expect(await snapshot(tenant.tenantId)).toEqual(before);

    const real = await run(service, tenant, { kind: 'expire' }); // the expire job releases expired holds first
    expect(real).toMatchObject({ status: 'completed', holdsReleased: 1, holdPoints: 70, points: 40, processed: 0 });
    const statuses = await q<{ id: string; status: string }[]>(`SELECT id, status FROM redemptions WHERE tenant_id = $1 ORDER BY id`, [tenant.tenantId]);
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({ [stale]: 'expired', [open]: 'held' });
    expect(await lot(tenant.tenantId, lotIds[0])).toMatchObject({ remaining: 100 });
    expect(await lot(tenant.tenantId, lotIds[1])).toMatchObject({ remaining: 0 });
    expect(await balances(tenant.tenantId, memberId)).toMatchObject({ available: 130, held: 20, expired: 40 });
    expect((await entriesOf(tenant.tenantId, `expire:${real.id}`)).map((e) => [e.kind, e.lot_id, Number(e.points), e.from_place, e.to_place])).toEqual(
      expect.arrayContaining([
        ['release', lotIds[1], 40, 'held', 'available'],
        ['expire', lotIds[1], 40, 'available', 'expired'],
        ['release', lotIds[0], 30, 'held', 'available'],
      ]),
    );
    expect(await events(tenant.tenantId, 'points.lot.expired.v1')).toEqual([expect.objectContaining({ memberId, lotId: lotIds[1], points: 40, cause: 'hold' })]);
    const running = (await events(tenant.tenantId, 'points.ledger-entry.created.v1')).map((e) => [e.kind, e.points, (e.balance as Balances).available, (e.balance as Balances).held, (e.balance as Balances).expired]);
    expect(running).toEqual([
      ['release', 40, 140, 50, 0],
      ['expire', 40, 100, 50, 40],
      ['release', 30, 130, 20, 40],
    ]);
    await expectConsistent(tenant.tenantId);
    expect(await run(service, tenant, { kind: 'release-holds' })).toMatchObject({ holdsReleased: 0 });
  });

  it('warns once per lot expiring within warnDaysBefore', async () => {
    const tenant = testTenant();
    await setPolicy(tenant, { expiry: { kind: 'after', n: 30, unit: 'days' }, warnDaysBefore: 7 });
    const now = clock.t.getTime();
    const { memberId, lotIds } = await seedMember(tenant, [
      { points: 10, status: 'active', expiresAt: new Date(now + 3 * DAY) },
      { points: 20, status: 'active', expiresAt: new Date(now + 10 * DAY) },
      { points: 30, status: 'active', expiresAt: new Date(now - HOUR) },
      { points: 40, remaining: 0, status: 'active', expiresAt: new Date(now + 2 * DAY) },
      { points: 50, status: 'active', expiresAt: null },
    ]);
    const service = newService();
    expect(await run(service, tenant, { kind: 'warn', dryRun: true })).toMatchObject({ processed: 1, points: 10 });
    expect(await events(tenant.tenantId, 'points.lot.expiring.v1')).toEqual([]);
    const real = await run(service, tenant, { kind: 'warn' });
    expect(real).toMatchObject({ processed: 1, points: 10 });
    expect((await lot(tenant.tenantId, lotIds[0])).warnedAt).toEqual(new Date(real.at));
    expect(await events(tenant.tenantId, 'points.lot.expiring.v1')).toEqual([
      { memberId, lotId: lotIds[0], points: 10, expiresAt: new Date(now + 3 * DAY).toISOString(), lastDay: localDateOf(new Date(now + 3 * DAY - 1), tenant.timezone), warnedAt: real.at },
    ]);
    expect(await run(service, tenant, { kind: 'warn' })).toMatchObject({ processed: 0 });
    clock.t = new Date(now + 4 * DAY); // the second lot enters the window
    expect(await run(service, tenant, { kind: 'warn' })).toMatchObject({ processed: 1, points: 20 });
    expect(await events(tenant.tenantId, 'points.lot.expiring.v1')).toHaveLength(2);
  });

  it('reports the liability now from the balances and at a past date from the entries, per tenant', async () => {
    const tenant = testTenant();
    const other = testTenant();
    await setPolicy(tenant, { pendingDays: 7, pointValue: { minorUnits: 1000, perPoints: 1 }, negativeBalance: 'allow-negative' });
    const now = clock.t.getTime();
    const t0 = new Date(now - 10 * DAY);
    const t1 = new Date(now - 5 * DAY);
    const t2 = new Date(now - 2 * DAY);
    const m1 = await seedMember(tenant, [{ points: 100, status: 'active', earnedAt: t0 }]);
    await seedMember(tenant, [{ points: 50, status: 'pending', earnedAt: t1, activatesAt: new Date(now + 2 * DAY) }]);
    // m1 redeems 30 at t2 and holds 20 an hour before now.
    await entry(tenant.tenantId, m1.memberId, { kind: 'redeem', points: 30, from: 'available', to: 'spent', lotId: m1.lotIds[0], at: t2 });
    await q(`UPDATE lots SET remaining = 70 WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, m1.lotIds[0]]);
    await q(`UPDATE accounts SET available = 70, spent = 30 WHERE tenant_id = $1 AND member_id = $2`, [tenant.tenantId, m1.memberId]);
    await seedHold(tenant, m1.memberId, [{ lotId: m1.lotIds[0], points: 20 }], new Date(now + 14 * 60_000 - HOUR));
    // m3 owes 15 points (a reversal beyond the lots) since t2.
    const m3 = await seedMember(tenant, [{ points: 10, status: 'active', earnedAt: t0 }]);
    await entry(tenant.tenantId, m3.memberId, { kind: 'reverse', points: 10, from: 'available', to: 'outside', lotId: m3.lotIds[0], at: t2 });
    await entry(tenant.tenantId, m3.memberId, { kind: 'reverse', points: 15, from: 'available', to: 'outside', lotId: null, at: t2 });
    await q(`UPDATE lots SET remaining = 0 WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, m3.lotIds[0]]);
    await q(`UPDATE accounts SET available = -15, debt = 15, lifetime_earned = -15 WHERE tenant_id = $1 AND member_id = $2`, [tenant.tenantId, m3.memberId]);
    await seedMember(other, [{ points: 999, status: 'active', earnedAt: t0 }]); // another tenant's points never count
    await expectConsistent(tenant.tenantId);

    const current = await liability.getLiability(tenant, {});
    expect(current).toEqual({
      at: clock.t.toISOString(),
      source: 'balances',
      currency: tenant.currency,
      pointValue: { minorUnits: 1000, perPoints: 1, rounding: 'half-even' },
      points: { available: 50, pending: 50, held: 20, outstanding: 120, debt: 15 },
      value: { outstanding: '120000', debt: '15000' },
    });
    const fromLedgerNow = await liability.getLiability(tenant, { at: clock.t.toISOString() });
    expect(fromLedgerNow).toMatchObject({ source: 'ledger', points: current.points, value: current.value });

    const at = async (d: Date) => (await liability.getLiability(tenant, { at: d.toISOString() })).points;
    expect(await at(new Date(t0.getTime() - 1))).toEqual({ available: 0, pending: 0, held: 0, outstanding: 0, debt: 0 });
    expect(await at(new Date(t0.getTime() + HOUR))).toEqual({ available: 110, pending: 0, held: 0, outstanding: 110, debt: 0 });
    expect(await at(new Date(t1.getTime() + HOUR))).toEqual({ available: 110, pending: 50, held: 0, outstanding: 160, debt: 0 });
    expect(await at(new Date(t2.getTime() + HOUR))).toEqual({ available: 70, pending: 50, held: 0, outstanding: 120, debt: 15 });
    expect((await liability.getLiability(other, {})).points).toMatchObject({ outstanding: 999 });
    expect(await failure(liability.getLiability(tenant, { at: new Date(now + DAY).toISOString() }))).toBe(status.INVALID_ARGUMENT);
  });

  it('keeps tenants apart: a run touches only its tenant, and another tenant cannot read it', async () => {
    const a = testTenant();
    const b = testTenant();
    const past = new Date(clock.t.getTime() - HOUR);
    const la = await seedMember(a, [{ points: 10, status: 'pending', activatesAt: past }]);
    const lb = await seedMember(b, [{ points: 20, status: 'pending', activatesAt: past }]);
    const service = newService();
    const job = await run(service, a, { kind: 'activate' });
    expect(job).toMatchObject({ processed: 1, points: 10 });
    expect(await lot(a.tenantId, la.lotIds[0])).toMatchObject({ status: 'active' });
    expect(await lot(b.tenantId, lb.lotIds[0])).toMatchObject({ status: 'pending' });
    expect(await failure(service.getJob(b, job.id))).toBe(status.NOT_FOUND);
  });

  it('schedules each tenant’s daily runs in order, once per local date, and sweeps expired holds', async () => {
    const tenant = testTenant({ timezone: 'Asia/Tehran' });
    const service = newService();
    await service.rememberTenant(tenant);
    const now = clock.t.getTime();
    const { memberId, lotIds } = await seedMember(tenant, [{ points: 10, status: 'active', expiresAt: new Date(now + 5 * DAY) }]);
    await seedHold(tenant, memberId, [{ lotId: lotIds[0], points: 4 }], new Date(now - 60_000));
    const scheduler = new LedgerJobSchedulerService(
      service,
      jobsRepo,
      clock,
      { POINTS_JOBS_SCHEDULER_INTERVAL_MS: 0, POINTS_DAILY_JOBS_HOUR: 0, POINTS_HOLD_SWEEP_INTERVAL_MS: 60_000 },
      logger,
    );
    const mine = () =>
      q<{ kind: string; period_key: string; status: string }[]>(`SELECT kind, period_key, status FROM ledger_jobs WHERE tenant_id = $1 ORDER BY created_at`, [tenant.tenantId]);

    await scheduler.tick();
    expect((await mine()).map((j) => j.kind).sort()).toEqual(['activate', 'release-holds']);
    await scheduler.tick();
    expect(await mine()).toHaveLength(2); // the same day and slot: nothing new
    await service.drain();
    expect(await balances(tenant.tenantId, memberId)).toMatchObject({ available: 10, held: 0 });
    await scheduler.tick();
    await service.drain();
    await scheduler.tick();
    await service.drain();
    await scheduler.tick();
    const jobs = await mine();
    expect(jobs.map((j) => j.kind)).toEqual(['activate', 'release-holds', 'expire', 'warn']);
    const day = jobs[0].period_key;
    expect(jobs.filter((j) => j.kind !== 'release-holds').every((j) => j.period_key === day && j.status === 'completed')).toBe(true);
  });
});
