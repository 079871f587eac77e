import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import type { ProfileFields } from '@club/contracts';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { MemberRepository } from '../src/repositories/member.repository';
import { CardNumberSource } from '../src/repositories/card-number.source';
import { ActivityRepository } from '../src/repositories/activity.repository';
import { MembersService, toProfile } from '../src/services/members.service';
import { isValidCardNumber } from '../src/domain/card-number';
import type { MembersConfig } from '../src/config';

function rpcCode(err: unknown): number | undefined {
  return err instanceof RpcException ? (err.getError() as { code: number }).code : undefined;
}

function rpcErrors(err: unknown): { pointer: string }[] {
  const e = err instanceof RpcException ? (err.getError() as { message: string }) : undefined;
  return e ? ((JSON.parse(e.message) as { errors?: { pointer: string }[] }).errors ?? []) : [];
}

describe('members (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  const enrol = (phone: string, profile: ProfileFields = { firstName: 'Sara', birthDate: { calendar: 'gregorian', date: '1996-09-11' } }) => ({
    phone,
    profile,
  });

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    const relay = new OutboxRelay(db.dataSource, testKafka(), pino({ level: 'silent' }));
    members = new MembersService(
      new MemberRepository(db.dataSource),
      new OutboxRepository(),
      new UnitOfWork(db.dataSource, relay),
      new Clock(),
      new Ids(),
      new CardNumberSource(),
      new ActivityRepository(db.dataSource),
      { CARD_PREFIX: '7091' } as MembersConfig,
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  const events = async (tenantId: string): Promise<{ topic: string; data: Record<string, unknown> }[]> =>
    (await db.dataSource.query<{ topic: string; value: string }[]>(`SELECT topic, value FROM outbox WHERE tenant_id = $1 ORDER BY seq`, [tenantId])).map((r) => ({
      topic: r.topic,
      data: (JSON.parse(r.value) as { data: Record<string, unknown> }).data,
    }));

  it('enrols with a normalised phone and a valid card, and emits the enrolment event in the same transaction', async () => {
    const tenant = testTenant();
    const { member: m } = await members.enrolMember(tenant, enrol('۰۹۱۲ ۱۱۱-۲۲۳۳'));
    expect(m.phone).toBe('+989121112233');
    expect(isValidCardNumber(m.cardNumber)).toBe(true);
    expect(m.cardNumber.startsWith('7091')).toBe(true);
    expect(m.birthDate).toBe('1996-09-11');
    expect((await events(tenant.tenantId)).map((e) => e.topic)).toEqual(['members.member.enrolled.v1']);
  });

  it('accepts the birth date in the tenant’s Jalali calendar and returns it in both', async () => {
    const tenant = testTenant({ calendar: 'jalali' });
    const view = await members.enrolMember(tenant, enrol('09121119999', { birthDate: '۱۳۷۵/۰۶/۲۱', gender: 'female', interests: ['tea', 'books'] }));
    expect(view.member.birthDate).toBe('1996-09-11');
    expect(toProfile(view)).toMatchObject({ birthDate: { gregorian: '1996-09-11', jalali: '1375-06-21' }, gender: 'female', interests: ['tea', 'books'] });
    const err = await members.enrolMember(tenant, enrol('09121118888', { birthDate: '1400-12-30' })).catch((e: unknown) => e);
    expect(rpcCode(err)).toBe(status.INVALID_ARGUMENT);
    expect(rpcErrors(err)[0].pointer).toBe('#/birthDate');
  });

  it('identifies a member by card, by phone in any form, by e-mail and by id', async () => {
    const tenant = testTenant();
    const { member: m } = await members.enrolMember(tenant, enrol('09122223344', { email: 'Sara@Example.com' }));
    expect((await members.identifyMember(tenant, { cardNumber: m.cardNumber.replace(/(\d{4})/g, '$1 ').trim() })).member.id).toBe(m.id);
    expect((await members.identifyMember(tenant, { phone: '+98 912 222 3344' })).member.id).toBe(m.id);
    expect((await members.identifyMember(tenant, { phone: '9122223344' })).member.id).toBe(m.id);
    expect((await members.identifyMember(tenant, { email: 'sara@example.COM' })).member.id).toBe(m.id);
    expect((await members.identifyMember(tenant, { memberId: m.id })).member.id).toBe(m.id);
  });

  it('answers 409 for a phone or e-mail already enrolled in the tenant, and nothing changes', async () => {
    const tenant = testTenant();
    await members.enrolMember(tenant, enrol('09123334455', { email: 'a@b.co' }));
    expect(rpcCode(await members.enrolMember(tenant, enrol('+989123334455')).catch((e: unknown) => e))).toBe(status.ALREADY_EXISTS);
    expect(rpcCode(await members.enrolMember(tenant, enrol('09123334466', { email: 'A@B.co' })).catch((e: unknown) => e))).toBe(status.ALREADY_EXISTS);
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM members WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(1);
  });

  it('patches the profile (merge patch), validates custom attributes, bumps the version and emits one event per change', async () => {
    const tenant = testTenant();
    await members.defineAttribute(tenant, { key: 'shoe_size', type: 'number', label: 'Shoe size' });
    await members.defineAttribute(tenant, { key: 'segment', type: 'enum', label: 'Segment', options: ['gold', 'silver'] });
    const { member } = await members.enrolMember(tenant, enrol('09125550001'));
    const patched = await members.updateMember(tenant, member.id, { lastName: 'Ahmadi', firstName: null, attributes: { shoe_size: 41, segment: 'gold' } });
    expect(patched.member).toMatchObject({ firstName: null, lastName: 'Ahmadi', version: 2, attributes: { shoe_size: 41, segment: 'gold' } });
    const same = await members.updateMember(tenant, member.id, { lastName: 'Ahmadi' });
    expect(same.member.version).toBe(2); // nothing changed, no event
    const bad = await members.updateMember(tenant, member.id, { attributes: { shoe_size: 'big', unknown_key: 1 } }).catch((e: unknown) => e);
    expect(rpcCode(bad)).toBe(status.INVALID_ARGUMENT);
    expect(rpcErrors(bad).map((e) => e.pointer).sort()).toEqual(['#/attributes/shoe_size', '#/attributes/unknown_key']);
    const updates = (await events(tenant.tenantId)).filter((e) => e.topic === 'members.member.updated.v1');
    expect(updates).toHaveLength(1);
    expect(updates[0].data).toMatchObject({ version: 2, changedFields: ['lastName', 'firstName', 'attributes.shoe_size', 'attributes.segment'] });
  });

  it('keeps the consent history per channel; the latest decision is in force', async () => {
    const tenant = testTenant();
    const { member } = await members.enrolMember(tenant, enrol('09125550002'));
    await members.recordConsent(tenant, member.id, { channel: 'sms', granted: true, source: 'pos-signature' });
    await members.recordConsent(tenant, member.id, { channel: 'email', granted: true, source: 'web-form' });
    const view = await members.recordConsent(tenant, member.id, { channel: 'sms', granted: false, source: 'sms-stop' });
    expect(toProfile(view).consents).toMatchObject({ sms: { granted: false, source: 'sms-stop' }, email: { granted: true, source: 'web-form' } });
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM consents WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(3);
    const last = (await events(tenant.tenantId)).filter((e) => e.topic === 'members.member.updated.v1').at(-1);
    expect(last?.data).toMatchObject({ changedFields: ['consents.sms'], consents: { sms: false, email: true } });
  });

  it('replaces a card (the old one stops identifying), blocks and unblocks, several cards per member', async () => {
    const tenant = testTenant();
    const { member } = await members.enrolMember(tenant, enrol('09125550003'));
    const extra = await members.issueCard(tenant, member.id);
    expect(extra.qr).toBe(`club:card:${extra.cardNumber}`);
    const replacement = await members.replaceCard(tenant, member.cardNumber, 'lost');
    expect(rpcCode(await members.identifyMember(tenant, { cardNumber: member.cardNumber }).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    expect((await members.identifyMember(tenant, { cardNumber: replacement.cardNumber })).member.cardNumber).toBe(replacement.cardNumber);
    expect(rpcCode(await members.replaceCard(tenant, member.cardNumber, null).catch((e: unknown) => e))).toBe(status.FAILED_PRECONDITION);
    await members.setCardBlocked(tenant, extra.cardNumber, true, 'suspicious');
    expect(rpcCode(await members.identifyMember(tenant, { cardNumber: extra.cardNumber }).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    await members.setCardBlocked(tenant, extra.cardNumber, false, null);
    expect((await members.identifyMember(tenant, { cardNumber: extra.cardNumber })).member.id).toBe(member.id);
    const cards = await members.listCards(tenant, member.id);
    expect(cards.map((c) => c.status).sort()).toEqual(['active', 'active', 'replaced']);
    expect(cards.find((c) => c.status === 'replaced')?.replacedBy).toBe(replacement.cardNumber);
    const actions = (await events(tenant.tenantId)).filter((e) => e.topic === 'members.card.changed.v1').map((e) => e.data.action);
    expect(actions).toEqual(['issued', 'replaced', 'blocked', 'unblocked']);
  });

  it('rejects a mistyped card number as invalid (400), not unknown (404)', async () => {
    const tenant = testTenant();
    const { member: m } = await members.enrolMember(tenant, enrol('09124445566'));
    const last = Number(m.cardNumber.at(-1));
    const typo = m.cardNumber.slice(0, -1) + String((last + 1) % 10);
    expect(rpcCode(await members.identifyMember(tenant, { cardNumber: typo }).catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT);
    expect(rpcCode(await members.identifyMember(tenant, { phone: '021-12345678' }).catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT);
  });

  it('isolates tenants: a second tenant finds nothing of the first and may enrol the same phone', async () => {
    const a = testTenant();
    const b = testTenant();
    await members.defineAttribute(a, { key: 'vip', type: 'boolean', label: 'VIP' });
    const { member: m } = await members.enrolMember(a, enrol('09125556677', { email: 'x@y.co' }));
    for (const by of [{ memberId: m.id }, { phone: m.phone }, { cardNumber: m.cardNumber }, { email: 'x@y.co' }]) {
      expect(rpcCode(await members.identifyMember(b, by).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    }
    expect(rpcCode(await members.getMember(b, m.id).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    expect(rpcCode(await members.updateMember(b, m.id, { firstName: 'X' }).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    expect(rpcCode(await members.replaceCard(b, m.cardNumber, null).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    expect(rpcCode(await members.listCards(b, m.id).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    expect(await members.listAttributes(b)).toEqual([]);
    const inB = await members.enrolMember(b, enrol('09125556677', { email: 'x@y.co' }));
    expect(inB.member.id).not.toBe(m.id);
  });

  it('erases a member: personal data, consents and cards gone, the id kept, an erasure event emitted', async () => {
    const tenant = testTenant();
    const { member } = await members.enrolMember(tenant, enrol('09125550999', { email: 'erase@me.co', firstName: 'Erase' }));
    await members.recordConsent(tenant, member.id, { channel: 'sms', granted: true, source: 'pos' });
    const exported = await members.exportMember(tenant, member.id);
    expect(exported).toMatchObject({ member: { phone: '+989125550999' }, consentHistory: [expect.objectContaining({ channel: 'sms' })] });
    expect(await members.eraseMember(tenant, member.id)).toMatchObject({ memberId: member.id, releasedCards: 1 });
    const [row] = await db.dataSource.query<{ phone: string; email: string | null; first_name: string | null; erased_at: Date | null }[]>(
      `SELECT phone, email, first_name, erased_at FROM members WHERE tenant_id = $1 AND id = $2`,
      [tenant.tenantId, member.id],
    );
    expect(row).toMatchObject({ phone: `erased:${member.id}`, email: null, first_name: null });
    expect(row.erased_at).not.toBeNull();
    for (const table of ['consents', 'cards']) {
      const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant.tenantId]);
      expect(n).toBe(0);
    }
    expect(rpcCode(await members.getMember(tenant, member.id).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    expect(rpcCode(await members.identifyMember(tenant, { email: 'erase@me.co' }).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    expect((await events(tenant.tenantId)).at(-1)?.topic).toBe('members.member.erased.v1');
  });
});
