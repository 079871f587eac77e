/**
 * Shared set-up of the in-process job benchmarks: command-line numbers, and a fresh PostgreSQL
 * (durable defaults) under tmp/ with a service's database migrated, torn down afterwards.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, MigrationInterface } from 'typeorm';
import { createDataSource, runMigrations } from '@club/platform-db';
import { MEMBERS_MIGRATIONS } from '../apps/members/src/migrations';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPostgres } = require('../deploy/postgres/postgres.cjs') as {
  startPostgres: (o: { dataDir: string; port: number; logFile?: string }) => Promise<{ url: string; stop: () => Promise<void> }>;
};

export const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};

export async function withMembersDatabase(name: string, defaultPort: number, work: (ds: DataSource) => Promise<void>): Promise<void> {
  return withDatabase(name, defaultPort, MEMBERS_MIGRATIONS, work);
}

/** A fresh PostgreSQL under tmp/<name> with the given migrations run, torn down afterwards. */
export async function withDatabase(
  name: string,
  defaultPort: number,
  migrations: readonly (new () => MigrationInterface)[],
  work: (ds: DataSource) => Promise<void>,
): Promise<void> {
  const dir = join(__dirname, '..', 'tmp', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pg = await startPostgres({ dataDir: join(dir, 'pg'), port: arg('port', defaultPort), logFile: join(dir, 'pg.log') });
  const ds = createDataSource({ url: pg.url, service: 'bench', entities: [], migrations, poolSize: 4 });
  try {
    await ds.initialize();
    await runMigrations(ds);
    await work(ds);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await pg.stop();
  }
}
