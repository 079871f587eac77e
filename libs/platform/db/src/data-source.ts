import { DataSource, type EntityManager, type EntitySchema, type MigrationInterface, type QueryRunner } from 'typeorm';

type EntityTarget = (new (...args: never[]) => unknown) | EntitySchema;
type MigrationClass = new () => MigrationInterface;

export interface DataSourceOptions {
  readonly url: string;
  readonly service: string;
  readonly entities: readonly EntityTarget[];
  readonly migrations: readonly MigrationClass[];
  readonly poolSize?: number;
}

/**
 * One TypeORM data source per service, on the service's own database. Schema changes happen
 * only through migrations: `synchronize` is off everywhere.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: `club-${options.service}`,
    entities: [...options.entities],
    migrations: [...options.migrations],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 },
  });
}

/**
 * Runs pending migrations under a session advisory lock, so several replicas starting at once
 * migrate one after another instead of racing.
 */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query('SELECT pg_advisory_lock(hashtext($1))', ['club:migrations']);
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await qr.query('SELECT pg_advisory_unlock(hashtext($1))', ['club:migrations']).catch(() => undefined);
    await qr.release();
  }
}

/**
 * Runs `work` in a READ COMMITTED transaction, whatever the server's default, and commits it
 * (rolls back when `work` throws, answering `work`'s error even if the rollback fails too) —
 * what `ds.transaction('READ COMMITTED', work)` does, with one round trip fewer: TypeORM opens
 * such a transaction with `START TRANSACTION` and then `SET TRANSACTION ISOLATION LEVEL …`,
 * this with one `BEGIN ISOLATION LEVEL READ COMMITTED`. The query runner's transaction state
 * is TypeORM's own afterwards, so a nested `manager.transaction()` inside `work` still becomes a
 * savepoint, and the connection goes back to the pool in every case.
 */
export async function readCommittedTransaction<T>(ds: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const qr = ds.createQueryRunner();
  try {
    await beginReadCommitted(qr);
    const result = await work(qr.manager);
    await qr.commitTransaction();
    return result;
  } catch (err) {
    try {
      await qr.rollbackTransaction();
    } catch {
      // The original error matters, not the rollback's (as in TypeORM's transaction()).
    }
    throw err;
  } finally {
    await qr.release();
  }
}

/** The query runner state TypeORM's startTransaction() keeps (BaseQueryRunner). */
interface TransactionState {
  isTransactionActive: boolean;
  transactionDepth?: unknown;
}

/**
 * Opens the transaction with one statement and records it the way TypeORM's startTransaction()
 * does (active, depth 1: commit, rollback and nested savepoints then work as usual). A query
 * runner that does not keep that state falls back to startTransaction() (two statements).
 */
async function beginReadCommitted(qr: QueryRunner): Promise<void> {
  const state = qr as unknown as TransactionState;
  if (qr.isTransactionActive || state.transactionDepth !== 0) {
    await qr.startTransaction('READ COMMITTED');
    return;
  }
  state.isTransactionActive = true;
  await qr.query('BEGIN ISOLATION LEVEL READ COMMITTED');
  state.transactionDepth = 1;
}

/** True when the database answers a trivial query within the timeout. */
export async function pingDatabase(ds: DataSource, timeoutMs = 1000): Promise<boolean> {
  if (!ds.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ds.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Rows of a `… RETURNING` query. TypeORM answers UPDATE and DELETE on PostgreSQL with
 * `[rows, affectedCount]`, and INSERT and SELECT with the rows themselves.
 */
export function returnedRows<T>(result: T[] | [T[], number]): T[] {
  const [first, second] = result as unknown[];
  return result.length === 2 && Array.isArray(first) && typeof second === 'number' ? (first as T[]) : (result as T[]);
}
