import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { CIVILFORMD_FACTORS } from '../src/domain/civilformd';
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

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    ({ members, scores, activity } = membersKit(db.dataSource));
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
    expect(await scores.recompute(tenant)).toMatchObject({ members: 10 });

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
    expect(await scores.recompute(tenant)).toMatchObject({ members: 10 }); // idempotent: overwrites
  });

  it('isolates tenants: scores are relative to, and visible in, the member’s own tenant only', async () => {
    const a = testTenant();
    const { member } = await members.enrolMember(a, { phone: '09126660100', profile: {} });
    await scores.recompute(a);
    await expect(scores.getMemberScores(testTenant(), member.id)).rejects.toBeDefined();
    await expect(scores.setManualFactor(testTenant(), member.id, { factor: 'debt', score: 1, setBy: 'x' })).rejects.toBeDefined();
    expect(await scores.recompute(testTenant())).toMatchObject({ members: 0 });
  });
});
