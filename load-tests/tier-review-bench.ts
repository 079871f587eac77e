/**
 * Tier review at scale: `npm run bench:tier-review -- [--members 1000000]`.
 * Starts its own PostgreSQL (durable defaults) in tmp/, creates one tenant with N members, about
 * 1.6 purchases per member over the last 400 days and a third of them on the gold tier, then
 * runs the review job in process — a dry run, then the real run — and prints members/s.
 * Nothing here talks to Kafka: events stay in the outbox, as they would while a relay catches up.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { arg, withMembersDatabase } from './bench-db';
import { Kafka } from 'kafkajs';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { ActivityRepository } from '../apps/members/src/repositories/activity.repository';
import { TierReviewRepository } from '../apps/members/src/repositories/tier-review.repository';
import { TierReviewService } from '../apps/members/src/services/tier-review.service';

async function main(): Promise<void> {
  const N = arg('members', 1_000_000);
  await withMembersDatabase('bench-tier-review', 55499, async (ds) => {
    const tenantId = randomUUID();
    let t0 = Date.now();
    await ds.query(
      `INSERT INTO members (tenant_id, id, phone, card_number, referral_code, created_at, updated_at)
       SELECT $1, gen_random_uuid(), '+98912' || lpad(i::text, 7, '0'), '7091' || lpad(i::text, 12, '0'), 'R' || lpad(i::text, 7, '0'),
              now() - (i % 700) * interval '1 day', now()
       FROM generate_series(1, $2::int) i`,
      [tenantId, N],
    );
    await ds.query(
      `INSERT INTO member_purchases (tenant_id, transaction_id, member_id, store_id, amount, tier_points, occurred_at)
       SELECT $1, 'tx-' || m.rn || '-' || k, m.id, 's1', 100000 * (m.rn % 50), (m.rn * 13 + k * 7) % 900, now() - ((m.rn * 7 + k) % 400) * interval '1 day'
       FROM (SELECT id, row_number() OVER () AS rn FROM members WHERE tenant_id = $1) m, generate_series(1, 2) k
       WHERE m.rn % 5 <> 0`,
      [tenantId],
    );
    await ds.query(
      `INSERT INTO member_tiers (tenant_id, member_id, code, since, ladder_version)
       SELECT $1, id, 'gold', now() - interval '500 days', 1 FROM (SELECT id, row_number() OVER () AS rn FROM members WHERE tenant_id = $1) m WHERE m.rn % 3 = 0`,
      [tenantId],
    );
    await ds.query(`INSERT INTO tier_ladders (tenant_id, version, effective_from, definition) VALUES ($1, 1, now() - interval '2 years', $2)`, [
      tenantId,
      JSON.stringify({
        metric: 'tier-points',
        window: { kind: 'rolling-months', months: 12 },
        levels: [
          { code: 'base', name: 'Base', threshold: 0 },
          { code: 'silver', name: 'Silver', threshold: 500 },
          { code: 'gold', name: 'Gold', threshold: 1200 },
        ],
        downgrade: 'one-level',
        graceDays: 0,
      }),
    ]);
    await ds.query('ANALYZE');
    process.stdout.write(`generated ${N} members in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

    const logger = pino({ level: 'warn' });
    const uow = new UnitOfWork(ds, new OutboxRelay(ds, new Kafka({ brokers: ['127.0.0.1:1'] }), logger));
    const repo = new TierReviewRepository(ds);
    const reviewer = new TierReviewService(repo, new ActivityRepository(ds), new OutboxRepository(), uow, new Clock(), new Ids(), logger);
    const tenant = { tenantId, timezone: 'Asia/Tehran', calendar: 'jalali' as const, currency: 'IRR', locale: 'fa' as const };
    for (const dryRun of [true, false]) {
      const run = await reviewer.requestReview(tenant, { dryRun });
      t0 = Date.now();
      await reviewer.drain();
      const seconds = (Date.now() - t0) / 1000;
      const done = await reviewer.getReview(tenant, run.id);
      process.stdout.write(
        `tier review ${dryRun ? 'dry run' : 'real run'}: members=${done.processed} status=${done.status} up=${done.upgraded} down=${done.downgraded} kept=${done.kept} ` +
          `seconds=${seconds.toFixed(1)} members/s=${(done.processed / seconds).toFixed(0)}\n`,
      );
    }
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
