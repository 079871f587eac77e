import { Clock } from '@club/platform-nest';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { scheduledReviewAt } from '../src/domain/schedule';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { membersKit } from './kit';

class FixedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  override now(): Date {
    return this.at;
  }
}

describe('member job scheduler (real PostgreSQL)', () => {
  let db: TestDatabase;
  let kit: ReturnType<typeof membersKit>;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    kit = membersKit(db.dataSource);
  });

  afterAll(async () => {
    await db.drop();
  });

  const passesOf = (tenantId: string) =>
    db.dataSource.query<{ kind: string; period_key: string; status: string }[]>(
      `SELECT kind, period_key, status FROM member_passes WHERE tenant_id = $1 ORDER BY kind, period_key`,
      [tenantId],
    );

  it('runs the daily passes once per club-local day from the configured hour, segments after journey and scores, on every replica safely', async () => {
    const tenant = testTenant(); // Asia/Tehran
    await kit.members.enrolMember(tenant, { phone: '09127790001', profile: {} });
    const clock = new FixedClock(new Date('2026-11-22T22:00:00Z')); // 01:30 in Tehran
    const replicaA = kit.newScheduler(clock);
    const replicaB = kit.newScheduler(clock);

    await replicaA.tick();
    expect(await passesOf(tenant.tenantId)).toEqual([]); // before 02:00 local

    clock.at = new Date('2026-11-22T23:00:00Z'); // 02:30 local, 2026-11-23
    await Promise.all([replicaA.tick(), replicaB.tick()]);
    expect(await passesOf(tenant.tenantId)).toEqual([
      { kind: 'journey', period_key: '2026-11-23', status: 'pending' },
      { kind: 'scores', period_key: '2026-11-23', status: 'pending' },
    ]);
    await kit.passes.drain();
    await replicaB.tick(); // both done: now the segments pass
    await kit.passes.drain();
    await replicaA.tick(); // nothing new the same day
    expect(await passesOf(tenant.tenantId)).toEqual([
      { kind: 'journey', period_key: '2026-11-23', status: 'completed' },
      { kind: 'scores', period_key: '2026-11-23', status: 'completed' },
      { kind: 'segments', period_key: '2026-11-23', status: 'completed' },
    ]);

    clock.at = new Date('2026-11-23T23:00:00Z'); // the next local day
    await replicaA.tick();
    expect((await passesOf(tenant.tenantId)).filter((p) => p.period_key === '2026-11-24').map((p) => p.kind)).toEqual(['journey', 'scores']);
  });

  it('requests the tier review at the ladder’s scheduled instant, once, and not for instants before the programme existed', async () => {
    const tenant = testTenant();
    await kit.members.enrolMember(tenant, { phone: '09127790002', profile: {} });
    await kit.tiers.defineLadder(tenant, {
      metric: 'spend',
      window: { kind: 'jalali-year' },
      levels: [
        { code: 'base', name: 'Base', threshold: 0 },
        { code: 'gold', name: 'Gold', threshold: 1_000_000 },
      ],
      downgrade: 'one-level',
      graceDays: 0,
    });
    const clock = new FixedClock(new Date('2030-06-01T10:00:00Z'));
    const scheduler = kit.newScheduler(clock);
    await scheduler.tick();
    await scheduler.tick();
    const runs = await db.dataSource.query<{ review_at: Date; dry_run: boolean }[]>(`SELECT review_at, dry_run FROM tier_reviews WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(runs).toEqual([{ review_at: scheduledReviewAt({ kind: 'jalali-year' }, 'jalali', clock.at, tenant.timezone), dry_run: false }]); // Nowruz 1409
    expect(runs[0].review_at.toISOString()).toBe('2030-03-20T20:30:00.000Z');

    const late = testTenant();
    await kit.members.enrolMember(late, { phone: '09127790003', profile: {} });
    await kit.tiers.defineLadder(late, {
      effectiveFrom: '2030-05-01T00:00:00Z', // after Nowruz 1409
      metric: 'spend',
      window: { kind: 'jalali-year' },
      levels: [{ code: 'base', name: 'Base', threshold: 0 }],
      downgrade: 'one-level',
      graceDays: 0,
    });
    await scheduler.tick();
    expect(await db.dataSource.query(`SELECT 1 FROM tier_reviews WHERE tenant_id = $1`, [late.tenantId])).toEqual([]);
  });
});
