import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { membersKit } from './kit';
import { MembersService } from '../src/services/members.service';
import { SegmentsService } from '../src/services/segments.service';

describe('segments and personas (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  let segments: SegmentsService;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    ({ members, segments } = membersKit(db.dataSource));
  });

  afterAll(async () => {
    await db.drop();
  });

  it('type-checks rules when saved, evaluates personas then segments, emits changes, and a recompute is idempotent', async () => {
    const tenant = testTenant();
    await members.defineAttribute(tenant, { key: 'shoe_size', type: 'number', label: 'Shoe size' });
    const typo = await segments.defineSegment(tenant, { kind: 'segment', name: 'x', rule: { field: 'gendr', op: 'eq', value: 'female' } }).catch((e: unknown) => e);
    expect(typo instanceof RpcException && (typo.getError() as { code: number }).code).toBe(status.INVALID_ARGUMENT);
    const wrongType = await segments.defineSegment(tenant, { kind: 'segment', name: 'x', rule: { field: 'attributes.shoe_size', op: 'gt', value: 'big' } }).catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(RpcException);

    const reader = await segments.defineSegment(tenant, { kind: 'persona', name: 'reader', rule: { field: 'interests', op: 'contains', value: 'books' } });
    const bigFeetReaders = await segments.defineSegment(tenant, {
      kind: 'segment',
      name: 'big-feet readers',
      rule: { all: [{ field: 'personas', op: 'contains', value: 'reader' }, { field: 'attributes.shoe_size', op: 'gte', value: 42 }] },
    });
    const a = (await members.enrolMember(tenant, { phone: '09127770101', profile: { interests: ['books'], attributes: { shoe_size: 43 } } })).member;
    const b = (await members.enrolMember(tenant, { phone: '09127770102', profile: { interests: ['books'], attributes: { shoe_size: 38 } } })).member;
    await members.enrolMember(tenant, { phone: '09127770103', profile: { interests: ['tea'] } });

    expect(await segments.recompute(tenant)).toEqual({ members: 3, joined: 3, left: 0 });
    expect((await segments.listMembers(tenant, bigFeetReaders.id, null, 10)).items.map((i) => i.memberId)).toEqual([a.id]);
    expect((await segments.listMembers(tenant, reader.id, null, 1)).nextCursor).not.toBeNull(); // paginated
    expect(await segments.memberSegments(tenant, a.id)).toMatchObject({ personas: ['reader'], segments: [{ name: 'big-feet readers' }] });
    expect(await segments.memberSegments(tenant, b.id)).toEqual({ personas: ['reader'], segments: [] });
    expect(await segments.recompute(tenant)).toEqual({ members: 3, joined: 0, left: 0 });

    await members.updateMember(tenant, a.id, { interests: ['tea'] });
    expect(await segments.recompute(tenant)).toEqual({ members: 3, joined: 0, left: 2 });
    const events = await db.dataSource.query<{ value: string }[]>(
      `SELECT value FROM outbox WHERE tenant_id = $1 AND topic = 'members.segment-membership.changed.v1' ORDER BY seq`,
      [tenant.tenantId],
    );
    expect(events.map((e) => (JSON.parse(e.value) as { data: { change: string } }).data.change)).toEqual(['joined', 'joined', 'joined', 'left', 'left']);
  });

  it('isolates tenants: another tenant sees none of the segments or their members', async () => {
    const a = testTenant();
    const s = await segments.defineSegment(a, { kind: 'segment', name: 'all', rule: { field: 'journeyStage', op: 'exists' } });
    await members.enrolMember(a, { phone: '09127770104', profile: {} });
    await segments.recompute(a);
    const other = testTenant();
    expect(await segments.listSegments(other)).toEqual([]);
    await expect(segments.listMembers(other, s.id, null, 10)).rejects.toBeDefined();
  });
});
