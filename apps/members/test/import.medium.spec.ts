import pino from 'pino';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import type { MembersConfig } from '../src/config';
import { MEMBERS_MIGRATIONS } from '../src/migrations';
import { ActivityRepository } from '../src/repositories/activity.repository';
import { CardNumberSource } from '../src/repositories/card-number.source';
import { ImportRepository } from '../src/repositories/import.repository';
import { MemberRepository } from '../src/repositories/member.repository';
import { ImportService } from '../src/services/import.service';
import { MembersService } from '../src/services/members.service';

describe('member import job (real PostgreSQL)', () => {
  let db: TestDatabase;
  let members: MembersService;
  let repo: ImportRepository;
  let newImporter: () => ImportService;

  beforeAll(async () => {
    db = await createTestDatabase('members', MEMBERS_MIGRATIONS);
    const ds = db.dataSource;
    const logger = pino({ level: 'silent' });
    const uow = new UnitOfWork(ds, new OutboxRelay(ds, testKafka(), logger));
    members = new MembersService(new MemberRepository(ds), new OutboxRepository(), uow, new Clock(), new Ids(), new CardNumberSource(), new ActivityRepository(ds), {
      CARD_PREFIX: '7091',
    } as MembersConfig);
    repo = new ImportRepository(ds);
    newImporter = () => new ImportService(repo, members, uow, new Ids(), logger);
  });

  afterAll(async () => {
    await db.drop();
  });

  const csv = (rows: number, offset = 0) =>
    ['phone,first_name,birth_date', ...Array.from({ length: rows }, (_, i) => `0912555${String(offset + i).padStart(4, '0')},Member ${i},1370-01-0${(i % 9) + 1}`)].join('\n');

  it('upserts by phone in batches, across chunk boundaries, and a re-run changes nothing', async () => {
    const tenant = testTenant({ calendar: 'jalali' });
    const importer = newImporter();
    importer.batchSize = 3;
    const text = csv(7);
    const run = async () => {
      const job = await importer.createImport(tenant, { format: 'csv' });
      for (let i = 0, seq = 0; i < text.length; i += 37, seq++) await importer.appendChunk(tenant, job.id, seq, text.slice(i, i + 37));
      await importer.startImport(tenant, job.id);
      await importer.drain();
      return importer.getImport(tenant, job.id);
    };
    expect(await run()).toMatchObject({ status: 'completed', recordsDone: 7, imported: 7, failed: 0 });
    expect(await run()).toMatchObject({ status: 'completed', recordsDone: 7, imported: 0, unchanged: 7 });
    const member = await members.identifyMember(tenant, { phone: '09125550003' });
    expect(member.member).toMatchObject({ firstName: 'Member 3', birthDate: '1991-03-24' });
  });

  it('resumes a crashed job after the records it finished, importing each row once', async () => {
    const tenant = testTenant();
    const first = newImporter();
    first.batchSize = 2;
    const job = await first.createImport(tenant, { format: 'csv' });
    await first.appendChunk(tenant, job.id, 0, csv(5, 100));
    await first.startImport(tenant, job.id);
    const claimed = await repo.claimJob(60_000);
    expect(claimed?.id).toBe(job.id);
    // The first worker does two records and dies: simulate by advancing as its batch would.
    await db.dataSource.transaction(async (m) => {
      for (const i of [0, 1]) await members.importMember(m, tenant, { phone: `+98912555${String(100 + i).padStart(4, '0')}`, profile: { firstName: `Member ${i}` } }, []);
      await repo.advanceJob(m, tenant.tenantId, job.id, { records: 2, imported: 2, updated: 0, unchanged: 0, failed: 0, errors: [] }, 60_000);
    });
    const second = newImporter();
    second.batchSize = 2;
    await second.processJob((await repo.findJob(tenant.tenantId, job.id))!);
    expect(await second.getImport(tenant, job.id)).toMatchObject({ status: 'completed', recordsDone: 5, imported: 5, unchanged: 0, failed: 0 });
    const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM members WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(5);
  });

  it('isolates tenants: another tenant cannot read or append to an import', async () => {
    const a = testTenant();
    const importer = newImporter();
    const job = await importer.createImport(a, { format: 'jsonl' });
    await expect(importer.getImport(testTenant(), job.id)).rejects.toBeDefined();
    await expect(importer.appendChunk(testTenant(), job.id, 0, '{}')).rejects.toBeDefined();
  });
});
