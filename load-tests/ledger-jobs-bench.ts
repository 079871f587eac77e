/**
 * Ledger jobs at scale: `npm run bench:ledger-jobs -- [--lots 1000000] [--holds 10000] [--batch 2000]`.
 * Starts its own PostgreSQL (durable defaults) in tmp/, creates one tenant (Asia/Tehran; pending
 * 14 days, expiry 12 Jalali months rounded to the month's end, warnings 30 days before, a point
 * worth 1,000 rials) with lots/4 members × 4 lots: half of the lots pending and due, a quarter
 * active and past their expiry, a quarter active and expiring within 1–300 days; every lot has
 * its earn entry and every member a consistent account. `--holds` expired holds take 5 points
 * each from the last kind. Then runs in process, each first as a dry run: activation, expiry
 * (the expired holds first, then the lots), warnings; and the liability now and at a past date.
 * Prints lots/s. Events stay in the outbox (no Kafka), as they would while a relay catches up.
 * `BENCH_SLOW_MS=30` logs statements slower than that to tmp/bench-ledger-jobs/pg.log.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Kafka } from 'kafkajs';
import type { LedgerJobKind, TenantContext } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { arg, withDatabase } from './bench-db';
import { POINTS_MIGRATIONS } from '../apps/points/src/migrations';
import { LedgerJobRepository } from '../apps/points/src/repositories/ledger-job.repository';
import { LiabilityRepository } from '../apps/points/src/repositories/liability.repository';
import { LotBatchRepository } from '../apps/points/src/repositories/lot-batch.repository';
import { LedgerBatchService } from '../apps/points/src/services/ledger-batch.service';
import { LedgerJobService } from '../apps/points/src/services/ledger-job.service';
import { LiabilityService } from '../apps/points/src/services/liability.service';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const lots = arg('lots', 1_000_000);
  const holds = arg('holds', 10_000);
  const batch = arg('batch', 2000);
  const members = Math.ceil(lots / 4);
  await withDatabase('bench-ledger-jobs', 55496, POINTS_MIGRATIONS, async (ds) => {
    const tenant: TenantContext = { tenantId: randomUUID(), timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR', locale: 'fa' };
    const t = tenant.tenantId;
    let t0 = Date.now();
    await ds.query(`INSERT INTO ledger_policies (tenant_id, policy) VALUES ($1, $2)`, [
      t,
      JSON.stringify({
        pendingDays: 14,
        expiry: { kind: 'after', n: 12, unit: 'months', calendar: 'jalali', roundTo: 'month' },
        negativeBalance: 'within-balance',
        holdTtlSeconds: 900,
        warnDaysBefore: 30,
        pointValue: { minorUnits: 1000, perPoints: 1, rounding: 'half-even' },
        earnRounding: 'floor',
      }),
    ]);
    // Member n's id: a v4-shaped uuid derived from n (events validate member ids as uuids).
    await ds.query(
      `CREATE FUNCTION member_uuid(n bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
         SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid FROM (SELECT md5('member' || n::text) AS h) x $$`,
    );
    // Lot i belongs to member i/4; i%4: 0,1 pending and due (activated within the last 10 days),
    // 2 active and expired within the last day, 3 active and expiring in 1–300 days.
    await ds.query(
      `INSERT INTO lots (tenant_id, id, member_id, points, remaining, status, activates_at, expires_at, earned_at)
       SELECT $1, 'lot:' || md5(i::text), member_uuid(i / 4), p, p,
              CASE WHEN i % 4 < 2 THEN 'pending' ELSE 'active' END,
              CASE WHEN i % 4 < 2 THEN now() - ((i * 7919) % 14400 + 1) * interval '1 minute'
                   WHEN i % 4 = 2 THEN now() - interval '400 days' ELSE now() - interval '30 days' END,
              CASE WHEN i % 4 = 2 THEN now() - ((i * 31) % 1440 + 1) * interval '1 minute'
                   WHEN i % 4 = 3 THEN now() + ((i * 13) % 300 + 1) * interval '1 day' END,
              CASE WHEN i % 4 < 2 THEN now() - ((i * 7919) % 14400 + 1) * interval '1 minute' - interval '14 days'
                   WHEN i % 4 = 2 THEN now() - interval '400 days' ELSE now() - interval '30 days' END
       FROM generate_series(0, $2::bigint - 1) i, LATERAL (SELECT 10 + (i * 37) % 100 AS p) x`,
      [t, lots],
    );
    await ds.query(
      `INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, operation, from_place, to_place, lot_id, transaction_id, created_at)
       SELECT tenant_id, gen_random_uuid(), member_id, 'earn', points, 'earn:' || id, 'outside', CASE status WHEN 'pending' THEN 'pending' ELSE 'available' END, id, id, earned_at
       FROM lots WHERE tenant_id = $1`,
      [t],
    );
    // Expired holds of 5 points on the lots expiring later (every (lots/4/holds)-th member).
    const step = Math.max(1, Math.floor(members / Math.max(1, holds)));
    await ds.query(
      `WITH h AS (
         SELECT 'hold-' || i AS id, member_uuid(i * $3::int) AS member_id, 'lot:' || md5((i * $3::int * 4 + 3)::text) AS lot_id
         FROM generate_series(0, $2::int - 1) i WHERE i * $3::int * 4 + 3 < $4::int),
       r AS (INSERT INTO redemptions (tenant_id, id, member_id, points, status, allocations, hold_expires_at)
             SELECT $1, id, member_id, 5, 'held', jsonb_build_array(jsonb_build_object('lotId', lot_id, 'points', 5)), now() - interval '5 minutes' FROM h),
       e AS (INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, operation, from_place, to_place, lot_id, created_at)
             SELECT $1, gen_random_uuid(), member_id, 'hold', 5, 'hold:' || id, 'available', 'held', lot_id, now() - interval '20 minutes' FROM h)
       UPDATE lots SET remaining = remaining - 5 FROM h WHERE lots.tenant_id = $1 AND lots.id = h.lot_id`,
      [t, holds, step, lots],
    );
    await ds.query(
      `INSERT INTO accounts (tenant_id, member_id, available, pending, held, lifetime_earned)
       SELECT l.tenant_id, l.member_id, coalesce(sum(remaining) FILTER (WHERE status = 'active'), 0), coalesce(sum(remaining) FILTER (WHERE status = 'pending'), 0),
              coalesce(max(r.held), 0), sum(points)
       FROM lots l LEFT JOIN (SELECT member_id, sum(points) AS held FROM redemptions WHERE tenant_id = $1 GROUP BY member_id) r USING (member_id)
       WHERE l.tenant_id = $1 GROUP BY l.tenant_id, l.member_id`,
      [t],
    );
    await ds.query('VACUUM ANALYZE');
    if (process.env.BENCH_SLOW_MS) {
      await ds.query(`ALTER SYSTEM SET log_min_duration_statement = '${Number(process.env.BENCH_SLOW_MS)}'`);
      await ds.query(`SELECT pg_reload_conf()`);
    }
    const [{ n: heldCount }] = await ds.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM redemptions WHERE tenant_id = $1`, [t]);
    out(`generated ${lots} lots of ${members} members, ${heldCount} expired holds, ${lots} earn entries in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const logger = pino({ level: 'warn' });
    const uow = new UnitOfWork(ds, new OutboxRelay(ds, new Kafka({ brokers: ['127.0.0.1:1'] }), logger));
    const jobsRepo = new LedgerJobRepository(ds);
    const service = new LedgerJobService(jobsRepo, new LedgerBatchService(new LotBatchRepository(), new OutboxRepository(), new Clock(), new Ids()), uow, new Clock(), new Ids(), logger);
    service.batchSize = batch;
    const liability = new LiabilityService(new LiabilityRepository(ds), jobsRepo, new Clock());

    const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
      t0 = Date.now();
      const result = await work();
      out(`${what}: ${((Date.now() - t0) / 1000).toFixed(2)} s`);
      return result;
    };
    const liabilityAt = (at?: Date) => liability.getLiability(tenant, at ? { at: at.toISOString() } : {});
    const before = await timed('liability now (balances)', () => liabilityAt());
    out(`  ${JSON.stringify(before.points)} value ${before.value.outstanding}`);
    const pastAt = new Date(Date.now() - 7 * 86_400_000);
    const past = await timed('liability 7 days ago (ledger entries)', () => liabilityAt(pastAt));
    out(`  ${JSON.stringify(past.points)} value ${past.value.outstanding}`);

    for (const kind of ['activate', 'expire', 'warn'] as LedgerJobKind[]) {
      for (const dryRun of [true, false]) {
        const job = await service.startJob(tenant, { kind, dryRun });
        t0 = Date.now();
        await service.drain();
        const seconds = (Date.now() - t0) / 1000;
        const done = await service.getJob(tenant, job.id);
        out(
          `${kind}${dryRun ? ' (dry run)' : ''}: lots=${done.processed} points=${done.points} value=${done.value} holds=${done.holdsReleased} status=${done.status} ` +
            `seconds=${seconds.toFixed(1)} lots/s=${(done.processed / seconds).toFixed(0)}`,
        );
      }
    }
    const again = await service.startJob(tenant, { kind: 'expire', dryRun: false });
    t0 = Date.now();
    await service.drain();
    out(`expire again (nothing due): lots=${(await service.getJob(tenant, again.id)).processed} seconds=${((Date.now() - t0) / 1000).toFixed(2)}`);

    const after = await timed('liability now (balances)', () => liabilityAt());
    out(`  ${JSON.stringify(after.points)} value ${after.value.outstanding}`);
    const viaLedger = await timed('liability now (ledger entries)', () => liabilityAt(new Date()));
    out(`  ${JSON.stringify(viaLedger.points)} ${JSON.stringify(viaLedger.points) === JSON.stringify(after.points) ? '(equal)' : '(DIFFERENT)'}`);
    const [{ n: entries }] = await ds.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM ledger_entries WHERE tenant_id = $1`, [t]);
    const [{ n: events }] = await ds.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1`, [t]);
    out(`ledger entries: ${entries}, outbox events: ${events}`);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
