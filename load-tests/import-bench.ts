/**
 * Member import at scale: `npm run bench:import -- [--rows 100000]`.
 * Starts its own PostgreSQL (durable defaults) in tmp/, uploads a CSV of N members (5% bad rows)
 * in 512 KiB chunks and runs the import job in process, then runs the same file again (every
 * good row unchanged). Prints rows/s for both. Events stay in the outbox (no Kafka needed).
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { arg, withMembersDatabase } from './bench-db';
import { Kafka } from 'kafkajs';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import type { MembersConfig } from '../apps/members/src/config';
import { ActivityRepository } from '../apps/members/src/repositories/activity.repository';
import { CardNumberSource } from '../apps/members/src/repositories/card-number.source';
import { ImportRepository } from '../apps/members/src/repositories/import.repository';
import { MemberRepository } from '../apps/members/src/repositories/member.repository';
import { ImportService } from '../apps/members/src/services/import.service';
import { MembersService } from '../apps/members/src/services/members.service';

async function main(): Promise<void> {
  const N = arg('rows', 100_000);
  await withMembersDatabase('bench-import', 55498, async (ds) => {
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
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
