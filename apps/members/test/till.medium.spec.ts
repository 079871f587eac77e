import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import type { EventEnvelope, TenantContext } from '@club/contracts';
import { Clock } from '@club/platform-nest';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { TillService } from '../src/services/till.service';
import { membersKit } from './kit';

/** IdentifyAtTill: the member's facts for the campaigns in one query, on real PostgreSQL. */
describe('identification at the till (real PostgreSQL)', () => {
  let db: TestDatabase;
  let kit: ReturnType<typeof membersKit>;
  let till: TillService;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    kit = membersKit(db.dataSource);
    till = new TillService(kit.members, kit.repo, kit.tiers, new Clock());
  });

  afterAll(async () => {
    await db.drop();
  });

  const purchase = (tenant: TenantContext, memberId: string, pointsEarned: number): EventEnvelope<'points.checkout.recorded.v1'> => ({
    id: randomUUID(),
    type: 'points.checkout.recorded.v1',
    tenantId: tenant.tenantId,
    subject: memberId,
    time: new Date().toISOString(),
    traceparent: null,
    data: {
      memberId,
      transactionId: randomUUID(),
      storeId: 's1',
      amount: pointsEarned * 10_000,
      currency: 'IRR',
      pointsEarned,
      itemCount: 1,
      recordedAt: new Date().toISOString(),
      categories: [],
      campaignPoints: 0,
      campaignEffects: [],
      couponCodes: [],
    },
  });

  it('answers tier, tenure, segments, personas, stage, attributes and birth date by card, phone or id', async () => {
    const tenant = testTenant();
    await kit.members.defineAttribute(tenant, { key: 'shoe_size', type: 'number', label: 'Shoe size' });
    await kit.tiers.defineLadder(tenant, {
      metric: 'tier-points',
      window: { kind: 'rolling-months', months: 12 },
      levels: [
        { code: 'base', name: 'عضو', threshold: 0 },
        { code: 'gold', name: 'طلایی', threshold: 500, multiplierPercent: 125 },
      ],
      downgrade: 'one-level',
      graceDays: 30,
    });
    await kit.segments.defineSegment(tenant, { kind: 'persona', name: 'reader', rule: { field: 'interests', op: 'contains', value: 'books' } });
    await kit.segments.defineSegment(tenant, { kind: 'segment', name: 'big feet', rule: { field: 'attributes.shoe_size', op: 'gte', value: 42 } });
    const { member } = await kit.members.enrolMember(tenant, {
      phone: '09127771201',
      profile: { interests: ['books'], attributes: { shoe_size: 43 }, birthDate: { calendar: 'gregorian', date: '1990-03-21' } },
    });
    await db.dataSource.transaction((m) => kit.purchases.recordPurchase(purchase(tenant, member.id, 600), m));
    await kit.runPass(tenant, 'segments');

    const expected = {
      id: member.id,
      tier: 'gold',
      tenureDays: 0,
      segments: ['big feet'],
      personas: ['reader'],
      attributes: { shoe_size: 43 },
      birthDate: '1990-03-21',
    };
    expect(await till.identify(tenant, { cardNumber: member.cardNumber })).toMatchObject(expected);
    expect(await till.identify(tenant, { phone: '۰۹۱۲ ۷۷۷ ۱۲۰۱' })).toMatchObject(expected);
    expect(await till.identify(tenant, { memberId: member.id })).toMatchObject(expected);
  });

  it('has no tier without a ladder, and another club finds nobody', async () => {
    const tenant = testTenant();
    const { member } = await kit.members.enrolMember(tenant, { phone: '09127771202', profile: {} });
    expect(await till.identify(tenant, { phone: '09127771202' })).toMatchObject({ id: member.id, tier: null, segments: [], personas: [], birthDate: null });
    const other = await till.identify(testTenant(), { phone: '09127771202' }).catch((e: unknown) => e);
    expect(other instanceof RpcException && (other.getError() as { code: number }).code).toBe(status.NOT_FOUND);
    const typo = await till.identify(tenant, { cardNumber: member.cardNumber.slice(0, -1) + String((Number(member.cardNumber.at(-1)) + 1) % 10) }).catch((e: unknown) => e);
    expect(typo instanceof RpcException && (typo.getError() as { code: number }).code).toBe(status.INVALID_ARGUMENT);
  });
});
