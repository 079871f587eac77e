/**
 * Member passes at scale: `npm run bench:member-passes -- [--members 1000000]`.
 * Starts its own PostgreSQL (durable defaults) in tmp/, creates one club with N members (80 %
 * purchasers with varied counts, spend and recency; every 50th member referred), two personas and
 * three segments, then runs the scores, journey and segments passes in process — each twice (the
 * second run shows the cost of a pass that changes nothing) — and prints members/s.
 * Events stay in the outbox (no Kafka), as they would while a relay catches up.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Kafka } from 'kafkajs';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { arg, withMembersDatabase } from './bench-db';
import { ActivityRepository } from '../apps/members/src/repositories/activity.repository';
import { JourneyRepository } from '../apps/members/src/repositories/journey.repository';
import { MemberPassRepository, type PassKind } from '../apps/members/src/repositories/member-pass.repository';
import { MemberRepository } from '../apps/members/src/repositories/member.repository';
import { ScoresRepository } from '../apps/members/src/repositories/scores.repository';
import { SegmentsRepository } from '../apps/members/src/repositories/segments.repository';
import { JourneyService } from '../apps/members/src/services/journey.service';
import { MemberPassService } from '../apps/members/src/services/member-pass.service';
import { ScoresService } from '../apps/members/src/services/scores.service';
import { SegmentsService } from '../apps/members/src/services/segments.service';

async function main(): Promise<void> {
  const N = arg('members', 1_000_000);
  await withMembersDatabase('bench-member-passes', 55498, async (ds) => {
    const tenantId = randomUUID();
    let t0 = Date.now();
    await ds.query(
      `INSERT INTO members (tenant_id, id, phone, card_number, referral_code, created_at, updated_at, interests, gender, journey_stage)
       SELECT $1, gen_random_uuid(), '+98912' || lpad(i::text, 7, '0'), '7091' || lpad(i::text, 12, '0'), 'R' || lpad(i::text, 7, '0'),
              now() - (i % 900) * interval '1 day', now(),
              CASE WHEN i % 3 = 0 THEN ARRAY['books'] WHEN i % 3 = 1 THEN ARRAY['tea', 'books'] ELSE ARRAY['sport'] END,
              CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
              CASE WHEN i % 5 = 0 THEN 'enrolled' ELSE 'active' END
       FROM generate_series(1, $2::int) i`,
      [tenantId, N],
    );
    await ds.query(
      `INSERT INTO member_stats (tenant_id, member_id, purchase_count, total_spend, tier_points, first_purchase_at, last_purchase_at)
       SELECT $1, id, 1 + rn % 40, 100000 * (1 + (rn * 7919) % 500), 0, now() - interval '900 days', now() - ((rn * 31) % 400) * interval '1 day'
       FROM (SELECT id, row_number() OVER () AS rn FROM members WHERE tenant_id = $1) m WHERE rn % 5 <> 0`,
      [tenantId],
    );
    await ds.query(
      `UPDATE members c SET referred_by = r.id, referral_completed = true
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM members WHERE tenant_id = $1) cr
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM members WHERE tenant_id = $1) r ON r.rn = cr.rn + 1
       WHERE c.tenant_id = $1 AND c.id = cr.id AND cr.rn % 50 = 0`,
      [tenantId],
    );
    const segments: [string, string, unknown][] = [
      ['persona', 'reader', { field: 'interests', op: 'contains', value: 'books' }],
      ['persona', 'athlete', { field: 'interests', op: 'contains', value: 'sport' }],
      ['segment', 'champions', { field: 'rfm.r', op: 'gte', value: 4 }],
      ['segment', 'female readers', { all: [{ field: 'gender', op: 'eq', value: 'female' }, { field: 'personas', op: 'contains', value: 'reader' }] }],
      ['segment', 'veterans', { field: 'tenureDays', op: 'gte', value: 365 }],
    ];
    for (const [kind, name, rule] of segments) {
      await ds.query(`INSERT INTO segments (tenant_id, id, kind, name, rule) VALUES ($1, $2, $3, $4, $5)`, [tenantId, randomUUID(), kind, name, JSON.stringify(rule)]);
    }
    await ds.query('ANALYZE');
    process.stdout.write(`generated ${N} members in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

    const logger = pino({ level: 'warn' });
    const uow = new UnitOfWork(ds, new OutboxRelay(ds, new Kafka({ brokers: ['127.0.0.1:1'] }), logger));
    const outbox = new OutboxRepository();
    const members = new MemberRepository(ds);
    const passes = new MemberPassService(
      new MemberPassRepository(ds),
      new ActivityRepository(ds),
      uow,
      new Clock(),
      new Ids(),
      new ScoresService(new ScoresRepository(ds), members, new Clock()),
      new SegmentsService(new SegmentsRepository(ds), members, new ActivityRepository(ds), outbox, new Ids()),
      new JourneyService(new JourneyRepository(ds), outbox),
      logger,
    );
    const tenant = { tenantId, timezone: 'Asia/Tehran', calendar: 'jalali' as const, currency: 'IRR', locale: 'fa' as const };
    for (const kind of ['scores', 'journey', 'segments', 'scores', 'journey', 'segments'] as PassKind[]) {
      const pass = await passes.request(tenant, kind);
      t0 = Date.now();
      await passes.drain();
      const seconds = (Date.now() - t0) / 1000;
      const done = await passes.get(tenant, pass.id);
      process.stdout.write(
        `${kind} pass: members=${done.processed} changed=${done.changed} status=${done.status} seconds=${seconds.toFixed(1)} members/s=${(done.processed / seconds).toFixed(0)}\n`,
      );
    }
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
