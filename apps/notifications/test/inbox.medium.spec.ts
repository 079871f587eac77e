import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { EventEnvelope } from '@club/contracts';
import { Clock, Ids } from '@club/platform-nest';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { NOTIFICATIONS_MIGRATIONS } from '../src/migrations';
import { InboxRepository } from '../src/repositories/inbox.repository';
import { InboxService } from '../src/services/inbox.service';

describe('inbox (real PostgreSQL)', () => {
  let db: TestDatabase;
  let inbox: InboxService;

  beforeAll(async () => {
    db = await createTestDatabase('notifications', NOTIFICATIONS_MIGRATIONS);
    inbox = new InboxService(new InboxRepository(db.dataSource), new Clock(), new Ids(), pino({ level: 'silent' }));
  });

  afterAll(async () => {
    await db.drop();
  });

  const enrolled = (tenantId: string, memberId: string, locale: 'fa' | 'en'): EventEnvelope<'members.member.enrolled.v1'> => ({
    id: randomUUID(),
    type: 'members.member.enrolled.v1',
    tenantId,
    subject: memberId,
    time: new Date().toISOString(),
    traceparent: null,
    data: { memberId, phone: '+989121234567', firstName: 'Sara', lastName: null, locale, enrolledAt: new Date().toISOString() },
  });

  const earned = (tenantId: string, memberId: string): EventEnvelope<'points.ledger-entry.created.v1'> => ({
    id: randomUUID(),
    type: 'points.ledger-entry.created.v1',
    tenantId,
    subject: memberId,
    time: new Date().toISOString(),
    traceparent: null,
    data: {
      entryId: randomUUID(),
      memberId,
      kind: 'earn',
      points: 1250,
      transactionId: 't-1',
      storeId: 's-1',
      balance: { available: 1250, pending: 0, lifetimeEarned: 1250 },
      createdAt: new Date().toISOString(),
    },
  });

  it('writes one message per triggering event (a unique constraint), in the member’s locale', async () => {
    const tenant = testTenant();
    const memberId = randomUUID();
    const welcome = enrolled(tenant.tenantId, memberId, 'en');
    const points = earned(tenant.tenantId, memberId);
    await db.dataSource.transaction((m) => inbox.welcomeMember(welcome, m));
    await db.dataSource.transaction((m) => inbox.welcomeMember(welcome, m)); // same event again
    await db.dataSource.transaction((m) => inbox.notifyPointsEarned(points, m));
    const messages = await inbox.listInbox(tenant, memberId, 50);
    expect(messages.map((m) => m.kind).sort()).toEqual(['points-earned', 'welcome']);
    expect(messages.find((m) => m.kind === 'points-earned')!.body).toBe('You earned 1,250 points. Available balance: 1,250 points.');
  });

  it('tells the member about earn entries (to available or pending) only, not about the ledger’s other entries', async () => {
    const tenant = testTenant();
    const memberId = randomUUID();
    const base = earned(tenant.tenantId, memberId);
    const entry = (data: Partial<typeof base.data>) => ({ ...base, id: randomUUID(), data: { ...base.data, entryId: randomUUID(), ...data } });
    for (const event of [
      entry({ kind: 'redeem', from: 'available', to: 'spent' }),
      entry({ kind: 'reverse', from: 'available', to: 'outside', storeId: null }),
      entry({ kind: 'settle', from: null, to: null, transactionId: null, storeId: null }),
      entry({ kind: 'adjust', from: 'outside', to: 'available', transactionId: null, storeId: null }),
    ]) {
      await db.dataSource.transaction((m) => inbox.notifyPointsEarned(event, m));
    }
    expect(await inbox.listInbox(tenant, memberId, 50)).toEqual([]);
    await db.dataSource.transaction((m) => inbox.notifyPointsEarned(entry({ kind: 'earn', from: 'outside', to: 'pending' }), m));
    expect((await inbox.listInbox(tenant, memberId, 50)).map((m) => m.kind)).toEqual(['points-earned']);
  });

  it('warns a member whose points are about to expire, once per warning, with the last day in their calendar', async () => {
    const tenant = testTenant();
    const memberId = randomUUID();
    await db.dataSource.transaction((m) => inbox.welcomeMember(enrolled(tenant.tenantId, memberId, 'fa'), m));
    const warning: EventEnvelope<'points.lot.expiring.v1'> = {
      id: randomUUID(),
      type: 'points.lot.expiring.v1',
      tenantId: tenant.tenantId,
      subject: memberId,
      time: new Date().toISOString(),
      traceparent: null,
      data: { memberId, lotId: 'lot:t-1', points: 300, expiresAt: '2027-03-20T20:30:00.000Z', lastDay: '2027-03-20', warnedAt: new Date().toISOString() },
    };
    await db.dataSource.transaction((m) => inbox.notifyPointsExpiring(warning, m));
    await db.dataSource.transaction((m) => inbox.notifyPointsExpiring(warning, m)); // redelivered
    const messages = (await inbox.listInbox(tenant, memberId, 50)).filter((m) => m.kind === 'points-expiring');
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toContain('۳۰۰ امتیاز شما تا پایان ۲۹ اسفند ۱۴۰۵');
  });

  it('isolates tenants: another tenant’s inbox for the same member id is empty', async () => {
    const a = testTenant();
    const memberId = randomUUID();
    await db.dataSource.transaction((m) => inbox.welcomeMember(enrolled(a.tenantId, memberId, 'fa'), m));
    expect(await inbox.listInbox(a, memberId, 50)).toHaveLength(1);
    expect(await inbox.listInbox(testTenant(), memberId, 50)).toEqual([]);
  });

  it('forgets an erased member: messages and recipient data are deleted', async () => {
    const tenant = testTenant();
    const memberId = randomUUID();
    await db.dataSource.transaction((m) => inbox.welcomeMember(enrolled(tenant.tenantId, memberId, 'fa'), m));
    await db.dataSource.transaction((m) =>
      inbox.forgetMember(
        { id: randomUUID(), type: 'members.member.erased.v1', tenantId: tenant.tenantId, subject: memberId, time: new Date().toISOString(), traceparent: null, data: { memberId, erasedAt: new Date().toISOString() } },
        m,
      ),
    );
    expect(await inbox.listInbox(tenant, memberId, 50)).toEqual([]);
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM recipients WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(0);
  });
});
