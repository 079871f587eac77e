import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { TenantContext } from '@club/contracts';
import { createDataSource, runMigrations } from '@club/platform-db';

/** The real PostgreSQL and Kafka the jest global setup (or `npm test`) started. */
export function testInfra(): { databaseUrl: string; kafkaBrokers: string[] } {
  const databaseUrl = process.env.CLUB_TEST_DATABASE_URL;
  const brokers = process.env.CLUB_TEST_KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('test infrastructure not started: run medium tests through jest --selectProjects medium (its global setup starts PostgreSQL and Kafka)');
  }
  return { databaseUrl, kafkaBrokers: brokers.split(',') };
}

function dbUrl(admin: string, database: string): string {
  const u = new URL(admin);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: testInfra().databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file: the service's migrations run once into a template
 * database (per migration set), and every test file clones it with CREATE DATABASE … TEMPLATE,
 * which takes milliseconds and keeps test files independent.
 */
export async function createTestDatabase(
  service: string,
  migrations: readonly (new () => MigrationInterface)[],
): Promise<TestDatabase> {
  const digest = createHash('sha256')
    .update(migrations.map((m) => m.name).join(','))
    .digest('hex')
    .slice(0, 10);
  const template = `tpl_${service}_${digest}`;
  await withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        await c.query(`CREATE DATABASE ${template}`);
        const ds = createDataSource({ url: dbUrl(testInfra().databaseUrl, template), service, entities: [], migrations, poolSize: 2 });
        await ds.initialize();
        await runMigrations(ds);
        await ds.destroy();
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  const name = `t_${service}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  // Cloning needs the template to have no other sessions; the lock above serialises creators.
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = dbUrl(testInfra().databaseUrl, name);
  const dataSource = createDataSource({ url, service, entities: [], migrations, poolSize: 20 });
  await dataSource.initialize();
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export function testTenant(overrides: Partial<TenantContext> = {}): TenantContext {
  return { tenantId: randomUUID(), timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR', locale: 'fa', ...overrides };
}

export function testKafka(clientId = `test-${randomUUID().slice(0, 8)}`): Kafka {
  return new Kafka({ clientId, brokers: testInfra().kafkaBrokers, logLevel: logLevel.NOTHING });
}

/** Polls until the check passes or the timeout expires (for effects that arrive through Kafka). */
export async function eventually<T>(check: () => Promise<T>, { timeoutMs = 15_000, intervalMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw lastError instanceof Error ? lastError : new Error(`condition not met within ${timeoutMs} ms`);
}
