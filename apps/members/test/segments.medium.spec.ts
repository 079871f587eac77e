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
  let runPass: ReturnType<typeof membersKit>['runPass'];
  let tiers: ReturnType<typeof membersKit>['tiers'];

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    ({ members, segments, runPass, tiers } = membersKit(db.dataSource));
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

    expect(await runPass(tenant, 'segments')).toMatchObject({ kind: 'segments', status: 'completed', processed: 3, changed: 2 });
    expect((await segments.listMembers(tenant, bigFeetReaders.id, null, 10)).items.map((i) => i.memberId)).toEqual([a.id]);
    expect((await segments.listMembers(tenant, reader.id, null, 1)).nextCursor).not.toBeNull(); // paginated
    expect(await segments.memberSegments(tenant, a.id)).toMatchObject({ personas: ['reader'], segments: [{ name: 'big-feet readers' }] });
    expect(await segments.memberSegments(tenant, b.id)).toEqual({ personas: ['reader'], segments: [] });
    expect(await runPass(tenant, 'segments')).toMatchObject({ status: 'completed', processed: 3, changed: 0 });

    await members.updateMember(tenant, a.id, { interests: ['tea'] });
    expect(await runPass(tenant, 'segments')).toMatchObject({ status: 'completed', processed: 3, changed: 1 });
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
    await runPass(a, 'segments');
    const other = testTenant();
    expect(await segments.listSegments(other)).toEqual([]);
    await expect(segments.listMembers(other, s.id, null, 10)).rejects.toBeDefined();
  });

  it('reads tier codes against the ladder in force: a renamed tier is matched by its new code', async () => {
    const tenant = testTenant();
    const levels = (silver: string) => [
      { code: 'base', name: 'Base', threshold: 0 },
      { code: silver, name: 'Silver', threshold: 100 },
    ];
    await tiers.defineLadder(tenant, { metric: 'spend', window: { kind: 'calendar-year' }, levels: levels('silver'), downgrade: 'one-level', graceDays: 0 });
    const effectiveFrom = new Date(Date.now() + 1500).toISOString();
    await tiers.defineLadder(tenant, { effectiveFrom, metric: 'spend', window: { kind: 'calendar-year' }, levels: levels('argent'), downgrade: 'one-level', graceDays: 0, formerCodes: { silver: 'argent' } });
    const { member } = await members.enrolMember(tenant, { phone: '09127770105', profile: {} });
    await db.dataSource.query(`INSERT INTO member_tiers (tenant_id, member_id, code, since, ladder_version) VALUES ($1, $2, 'silver', now(), 1)`, [tenant.tenantId, member.id]);
    const argent = await segments.defineSegment(tenant, { kind: 'segment', name: 'argent', rule: { field: 'tier', op: 'eq', value: 'argent' } });
    await new Promise((r) => setTimeout(r, Date.parse(effectiveFrom) - Date.now() + 50));
    await runPass(tenant, 'segments');
    expect((await segments.listMembers(tenant, argent.id, null, 10)).items.map((i) => i.memberId)).toEqual([member.id]);
  });
});
