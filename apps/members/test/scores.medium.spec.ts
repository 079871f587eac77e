import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { CIVILFORMD_FACTORS, scoreCivilformd } from '../src/domain/civilformd';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { membersKit } from './kit';
import type { ScoresService } from '../src/services/scores.service';
import type { ActivityRepository } from '../src/repositories/activity.repository';
import { MembersService } from '../src/services/members.service';

describe('customer value scores (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  let scores: ScoresService;
  let activity: ActivityRepository;
  let kit: ReturnType<typeof membersKit>;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    kit = membersKit(db.dataSource);
    ({ members, scores, activity } = kit);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('scores RFM quintiles and the ten CIVILFORMD factors within the tenant, with manual factors and weights', async () => {
    const tenant = testTenant();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const { member } = await members.enrolMember(tenant, { phone: `091266600${String(i).padStart(2, '0')}`, profile: {} });
      ids.push(member.id);
      await db.dataSource.transaction(async (m) => {
        for (let k = 0; k < i; k++) {
          const fact = { transactionId: randomUUID(), memberId: member.id, storeId: 's', amount: 100_000 * (i + 1), tierPoints: 10, occurredAt: new Date(Date.now() - (10 - i) * 86_400_000) };
          await activity.insertPurchase(m, tenant.tenantId, fact);
          await activity.addToStats(m, tenant.tenantId, fact);
        }
      });
    }
    await scores.setManualFactor(tenant, ids[9], { factor: 'impression', score: 5, setBy: 'manager-7', note: 'VIP' });
    await scores.setWeights(tenant, { money: 3, impression: 2 });
    expect(await kit.runPass(tenant, 'scores')).toMatchObject({ kind: 'scores', status: 'completed', processed: 10, changed: 10 });

    const best = await scores.getMemberScores(tenant, ids[9]);
    const none = await scores.getMemberScores(tenant, ids[0]);
    expect(best.rfm).toEqual({ r: 5, f: 5, m: 5, code: '555' });
    expect(none.rfm).toEqual({ r: 1, f: 1, m: 1, code: '111' });
    expect(Object.keys(best.civilformd!.factors).sort()).toEqual([...CIVILFORMD_FACTORS].sort());
    expect(best.civilformd!.factors.impression).toBe(5);
    expect(best.civilformd!.weights).toMatchObject({ money: 3, impression: 2, debt: 1 });
    expect(best.civilformd!.total).toBeGreaterThan(none.civilformd!.total);
    expect(best.manualFactors).toEqual([expect.objectContaining({ factor: 'impression', score: 5, setBy: 'manager-7', note: 'VIP' })]);

    const bad = await scores.setWeights(tenant, { money: -1 }).catch((e: unknown) => e);
    expect(bad instanceof RpcException && (bad.getError() as { code: number }).code).toBe(status.INVALID_ARGUMENT);
    expect(await kit.runPass(tenant, 'scores')).toMatchObject({ status: 'completed', processed: 10, changed: 0 }); // idempotent
  });

  it('isolates tenants: scores are relative to, and visible in, the member’s own tenant only', async () => {
    const a = testTenant();
    const { member } = await members.enrolMember(a, { phone: '09126660100', profile: {} });
    await kit.runPass(a, 'scores');
    await expect(scores.getMemberScores(testTenant(), member.id)).rejects.toBeDefined();
    await expect(scores.setManualFactor(testTenant(), member.id, { factor: 'debt', score: 1, setBy: 'x' })).rejects.toBeDefined();
    expect(await kit.runPass(testTenant(), 'scores')).toMatchObject({ status: 'completed', processed: 0 });
  });

  it('pages through the club against the population’s cuts, resumes after a crash, and gives what scoring everyone at once gives', async () => {
    const tenant = testTenant();
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const { member } = await members.enrolMember(tenant, { phone: `09126661${String(i).padStart(3, '0')}`, profile: {} });
      ids.push(member.id);
      await db.dataSource.transaction(async (m) => {
        for (let k = 0; k < i % 7; k++) {
          const fact = { transactionId: randomUUID(), memberId: member.id, storeId: 's', amount: 1_000 * ((i * 37) % 11), tierPoints: 1, occurredAt: new Date(Date.now() - ((i * 13) % 40) * 86_400_000) };
          await activity.insertPurchase(m, tenant.tenantId, fact);
          await activity.addToStats(m, tenant.tenantId, fact);
        }
      });
    }
    await db.dataSource.query(`UPDATE members SET referred_by = $3, referral_completed = true WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, ids[3], ids[1]]);
    await scores.setManualFactor(tenant, ids[5], { factor: 'debt', score: 1, setBy: 'manager-2' });

    kit.passes.batchSize = 5;
    const started = await kit.passes.request(tenant, 'scores');
    const claimed = await kit.passRepo.claim(60_000);
    expect(claimed?.id).toBe(started.id);
    expect(await kit.passes.step(tenant.tenantId, started.id)).toBe(true); // cuts taken
    expect(await kit.passes.step(tenant.tenantId, started.id)).toBe(true); // first page
    // The worker dies here; its lease runs out and another worker resumes from the cursor.
    await db.dataSource.query(`UPDATE member_passes SET lease_until = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, started.id]);
    await kit.passes.drain();
    kit.passes.batchSize = 2000;
    expect(await kit.passes.get(tenant, started.id)).toMatchObject({ status: 'completed', processed: 23, changed: 23 });

    // The same population scored in memory by the domain functions.
    const facts = await db.dataSource.query<{ id: string; created_at: Date; purchase_count: number | null; total_spend: string | null; last_purchase_at: Date | null }[]>(
      `SELECT m.id, m.created_at, s.purchase_count, s.total_spend, s.last_purchase_at FROM members m
       LEFT JOIN member_stats s ON s.tenant_id = m.tenant_id AND s.member_id = m.id WHERE m.tenant_id = $1`,
      [tenant.tenantId],
    );
    const asOf = new Date((await kit.passes.get(tenant, started.id)).asOf).getTime();
    const days = (d: Date | null) => (d ? Math.max(0, Math.floor((asOf - d.getTime()) / 86_400_000)) : null);
    const expected = scoreCivilformd(
      facts.map((f) => ({
        memberId: f.id,
        participations: 0,
        referralsMade: f.id === ids[1] ? 1 : 0,
        grossProfit: Number(f.total_spend ?? 0),
        tenureDays: days(f.created_at) ?? 0,
        purchaseCount: f.purchase_count ?? 0,
        daysSinceLastPurchase: days(f.last_purchase_at),
        totalSpend: Number(f.total_spend ?? 0),
        manual: f.id === ids[5] ? { debt: 1 } : {},
      })),
    );
    for (const e of expected) {
      const got = await scores.getMemberScores(tenant, e.memberId);
      expect(got.civilformd).toMatchObject({ factors: e.factors, total: e.total });
    }
  });
});
