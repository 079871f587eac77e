/**
 * Member import at scale: `npm run bench:import -- [--rows 100000]`.
 * Starts its own PostgreSQL (durable defaults) in tmp/, uploads a CSV of N members (5% bad rows)
 * in 512 KiB chunks and runs the import job in process, then runs the same file again (every
 * good row unchanged). Prints rows/s for both. Events stay in the outbox (no Kafka needed).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Kafka } from 'kafkajs';
import { createDataSource, runMigrations } from '@club/platform-db';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import type { MembersConfig } from '../apps/members/src/config';
import { MEMBERS_MIGRATIONS } from '../apps/members/src/migrations';
import { ActivityRepository } from '../apps/members/src/repositories/activity.repository';
import { CardNumberSource } from '../apps/members/src/repositories/card-number.source';
import { ImportRepository } from '../apps/members/src/repositories/import.repository';
import { MemberRepository } from '../apps/members/src/repositories/member.repository';
import { ImportService } from '../apps/members/src/services/import.service';
import { MembersService } from '../apps/members/src/services/members.service';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPostgres } = require('../deploy/postgres/postgres.cjs') as {
  startPostgres: (o: { dataDir: string; port: number; logFile?: string }) => Promise<{ url: string; stop: () => Promise<void> }>;
};

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};

async function main(): Promise<void> {
  const N = arg('rows', 100_000);
  const dir = join(__dirname, '..', 'tmp', 'bench-import');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pg = await startPostgres({ dataDir: join(dir, 'pg'), port: arg('port', 55498), logFile: join(dir, 'pg.log') });
  const ds = createDataSource({ url: pg.url, service: 'bench', entities: [], migrations: MEMBERS_MIGRATIONS, poolSize: 4 });
  try {
    await ds.initialize();
    await runMigrations(ds);
    const logger = pino({ level: 'warn' });
    const uow = new UnitOfWork(ds, new OutboxRelay(ds, new Kafka({ brokers: ['127.0.0.1:1'] }), logger));
    const members = new MembersService(new MemberRepository(ds), new OutboxRepository(), uow, new Clock(), new Ids(), new CardNumberSource(), new ActivityRepository(ds), {
      CARD_PREFIX: '7091',
    } as MembersConfig);
    const importer = new ImportService(new ImportRepository(ds), members, uow, new Ids(), logger);
    const tenant = { tenantId: randomUUID(), timezone: 'Asia/Tehran', calendar: 'jalali' as const, currency: 'IRR', locale: 'fa' as const };
    const lines = ['phone,first_name,last_name,email,birth_date,gender,interests'];
    for (let i = 0; i < N; i++) {
      const phone = i % 20 === 19 ? '021-000' : `0912${String(i).padStart(7, '0')}`;
      lines.push(`${phone},نام ${i},Family ${i},m${i}@example.com,13${60 + (i % 40)}-0${(i % 9) + 1}-1${i % 9},${i % 2 ? 'female' : 'male'},books|tea`);
    }
    const text = lines.join('\n');
    process.stdout.write(`csv: ${N} rows, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB\n`);
    for (const label of ['first run', 'same file again']) {
      const t0 = Date.now();
      const job = await importer.createImport(tenant, { format: 'csv' });
      for (let at = 0, seq = 0; at < text.length; at += 512 * 1024, seq++) await importer.appendChunk(tenant, job.id, seq, text.slice(at, at + 512 * 1024));
      await importer.startImport(tenant, job.id);
      await importer.drain();
      const done = await importer.getImport(tenant, job.id);
      const seconds = (Date.now() - t0) / 1000;
      process.stdout.write(
        `import ${label}: rows=${done.recordsDone} imported=${done.imported} unchanged=${done.unchanged} failed=${done.failed} status=${done.status} ` +
          `seconds=${seconds.toFixed(1)} rows/s=${(done.recordsDone / seconds).toFixed(0)}\n`,
      );
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await pg.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
