import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import type { TenantContext } from '@club/contracts';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { membersKit } from './kit';
import type { ActivityRepository } from '../src/repositories/activity.repository';
import { JourneyService } from '../src/services/journey.service';
import { MembersService } from '../src/services/members.service';

describe('journey daily pass (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  let journey: JourneyService;
  let activity: ActivityRepository;
  let runPass: ReturnType<typeof membersKit>['runPass'];

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    ({ members, journey, activity, runPass } = membersKit(db.dataSource));
  });

  afterAll(async () => {
    await db.drop();
  });

  async function buyer(tenant: TenantContext, phone: string, daysAgo: number, purchases: number, stage: string): Promise<string> {
    const { member } = await members.enrolMember(tenant, { phone, profile: {} });
    await db.dataSource.transaction(async (m) => {
      for (let i = 0; i < purchases; i++) {
        const fact = { transactionId: randomUUID(), memberId: member.id, storeId: 's', amount: 1000, tierPoints: 1, occurredAt: new Date(Date.now() - daysAgo * 86_400_000) };
        await activity.insertPurchase(m, tenant.tenantId, fact);
        await activity.addToStats(m, tenant.tenantId, fact);
      }
      await m.query(`UPDATE members SET journey_stage = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, member.id, stage]);
    });
    return member.id;
  }

  const stageOf = async (tenant: TenantContext, id: string) => (await members.getMember(tenant, id)).member.journeyStage;

  it('moves members who stopped buying along the journey with the club’s thresholds; a second pass changes nothing', async () => {
    const tenant = testTenant();
    expect(rpcCodeOf(await journey.setThresholds(tenant, { activeMinPurchases: 2, atRiskAfterDays: 30, lapsedAfterDays: 20, churnedAfterDays: 90 }).catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT);
    await journey.setThresholds(tenant, { activeMinPurchases: 2, atRiskAfterDays: 30, lapsedAfterDays: 60, churnedAfterDays: 120 });
    const fresh = await buyer(tenant, '09127780001', 5, 3, 'active');
    const risky = await buyer(tenant, '09127780002', 40, 3, 'active');
    const gone = await buyer(tenant, '09127780003', 200, 3, 'lapsed');
    expect(await runPass(tenant, 'journey')).toMatchObject({ status: 'completed', processed: 3, changed: 2 });
    expect(await stageOf(tenant, fresh)).toBe('active');
    expect(await stageOf(tenant, risky)).toBe('at-risk');
    expect(await stageOf(tenant, gone)).toBe('churned');
    expect(await runPass(tenant, 'journey')).toMatchObject({ status: 'completed', changed: 0 });
  });
});

function rpcCodeOf(err: unknown): number | undefined {
  return err instanceof RpcException ? (err.getError() as { code: number }).code : undefined;
}
