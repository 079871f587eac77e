import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { MemberRepository } from '../src/repositories/member.repository';
import { CardNumberSource } from '../src/repositories/card-number.source';
import { MembersService, type EnrolMemberCommand } from '../src/services/members.service';
import { isValidCardNumber } from '../src/domain/card-number';
import type { MembersConfig } from '../src/config';

function rpcCode(err: unknown): number | undefined {
  return err instanceof RpcException ? (err.getError() as { code: number }).code : undefined;
}

describe('members (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  const enrol = (phone: string): EnrolMemberCommand => ({ phone, firstName: 'Sara', lastName: null, email: null, birthDate: '1996-09-11' });

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
      { CARD_PREFIX: '7091' } as MembersConfig,
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  it('enrols with a normalised phone and a valid card, and emits the enrolment event in the same transaction', async () => {
    const tenant = testTenant();
    const m = await members.enrolMember(tenant, enrol('۰۹۱۲ ۱۱۱-۲۲۳۳'));
    expect(m.phone).toBe('+989121112233');
    expect(isValidCardNumber(m.cardNumber)).toBe(true);
    expect(m.cardNumber.startsWith('7091')).toBe(true);
    expect(m.birthDate).toBe('1996-09-11');
    const events = await db.dataSource.query<{
      topic: string;
      message_key: string;
    }[]>(`SELECT topic, message_key FROM outbox WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(events).toEqual([{ topic: 'members.member.enrolled.v1', message_key: m.id }]);
  });

  it('identifies a member by card, by phone in any form, and by id', async () => {
    const tenant = testTenant();
    const m = await members.enrolMember(tenant, enrol('09122223344'));
    expect((await members.identifyMember(tenant, { cardNumber: m.cardNumber.replace(/(\d{4})/g, '$1 ').trim() })).id).toBe(m.id);
    expect((await members.identifyMember(tenant, { phone: '+98 912 222 3344' })).id).toBe(m.id);
    expect((await members.identifyMember(tenant, { phone: '9122223344' })).id).toBe(m.id);
    expect((await members.identifyMember(tenant, { memberId: m.id })).id).toBe(m.id);
  });

  it('answers 409 for a phone already enrolled in the tenant, and nothing changes', async () => {
    const tenant = testTenant();
    await members.enrolMember(tenant, enrol('09123334455'));
    const err = await members.enrolMember(tenant, enrol('+989123334455')).catch((e: unknown) => e);
    expect(rpcCode(err)).toBe(status.ALREADY_EXISTS);
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM members WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(1);
  });

  it('rejects a mistyped card number as invalid (400), not unknown (404)', async () => {
    const tenant = testTenant();
    const m = await members.enrolMember(tenant, enrol('09124445566'));
    const last = Number(m.cardNumber.at(-1));
    const typo = m.cardNumber.slice(0, -1) + String((last + 1) % 10);
    expect(rpcCode(await members.identifyMember(tenant, { cardNumber: typo }).catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT);
    expect(rpcCode(await members.identifyMember(tenant, { phone: '021-12345678' }).catch((e: unknown) => e))).toBe(status.INVALID_ARGUMENT);
  });

  it('isolates tenants: a second tenant finds nothing of the first and may enrol the same phone', async () => {
    const a = testTenant();
    const b = testTenant();
    const m = await members.enrolMember(a, enrol('09125556677'));
    for (const by of [{ memberId: m.id }, { phone: m.phone }, { cardNumber: m.cardNumber }]) {
      expect(rpcCode(await members.identifyMember(b, by).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    }
    expect(rpcCode(await members.getMember(b, m.id).catch((e: unknown) => e))).toBe(status.NOT_FOUND);
    const inB = await members.enrolMember(b, enrol('09125556677'));
    expect(inB.id).not.toBe(m.id);
  });
});
