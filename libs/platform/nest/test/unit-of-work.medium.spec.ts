import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { createDataSource, readCommittedTransaction } from '@club/platform-db';
import type { OutboxRelay } from '@club/platform-kafka';
import { createTestDatabase, type TestDatabase } from '@club/platform-testing';
import { UnitOfWork } from '../src';

/** Records every statement the data source's query runners send, and the runners themselves. */
function recordStatements(ds: DataSource): { statements: string[]; runners: QueryRunner[]; restore: () => void } {
  const statements: string[] = [];
  const runners: QueryRunner[] = [];
  const create = ds.createQueryRunner.bind(ds);
  const spy = jest.spyOn(ds, 'createQueryRunner').mockImplementation((mode) => {
    const qr = create(mode);
    const query = qr.query.bind(qr);
    qr.query = ((sql: string, ...rest: unknown[]) => {
      statements.push(sql);
      return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as QueryRunner['query'];
    runners.push(qr);
    return qr;
  });
  return { statements, runners, restore: () => spy.mockRestore() };
}

describe('UnitOfWork and readCommittedTransaction (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('platformnest', []);
    await db.dataSource.query(`CREATE TABLE things (id int PRIMARY KEY)`);
  });

  afterAll(async () => {
    await db.drop();
  });

  const ids = async (): Promise<number[]> => (await db.dataSource.query<{ id: number }[]>(`SELECT id FROM things ORDER BY id`)).map((r) => r.id);

  it('opens the transaction with one statement, commits it and releases the connection', async () => {
    const rec = recordStatements(db.dataSource);
    try {
      const level = await readCommittedTransaction(db.dataSource, async (m) => {
        await m.query(`INSERT INTO things (id) VALUES (1)`);
        const [{ transaction_isolation }] = await m.query<{ transaction_isolation: string }[]>(`SHOW transaction_isolation`);
        return transaction_isolation;
      });
      expect(level).toBe('read committed');
      expect(rec.statements).toEqual(['BEGIN ISOLATION LEVEL READ COMMITTED', 'INSERT INTO things (id) VALUES (1)', 'SHOW transaction_isolation', 'COMMIT']);
      expect(rec.runners.map((r) => [r.isTransactionActive, r.isReleased])).toEqual([[false, true]]);
    } finally {
      rec.restore();
    }
    expect(await ids()).toContain(1);
  });

  it('UnitOfWork.run: one BEGIN, the work, COMMIT, then wakes the outbox relay; a failed unit rolls back and wakes nothing', async () => {
    const wake = jest.fn();
    const uow = new UnitOfWork(db.dataSource, { wake } as unknown as OutboxRelay);
    const rec = recordStatements(db.dataSource);
    try {
      const answer = await uow.run(async (m) => {
        await m.query(`INSERT INTO things (id) VALUES (10)`);
        expect(wake).not.toHaveBeenCalled();
        return 'done';
      });
      expect(answer).toBe('done');
      expect(wake).toHaveBeenCalledTimes(1);
      await expect(
        uow.run(async (m) => {
          await m.query(`INSERT INTO things (id) VALUES (11)`);
          throw new Error('nope');
        }),
      ).rejects.toThrow('nope');
      expect(wake).toHaveBeenCalledTimes(1);
      expect(rec.statements).toEqual([
        'BEGIN ISOLATION LEVEL READ COMMITTED',
        'INSERT INTO things (id) VALUES (10)',
        'COMMIT',
        'BEGIN ISOLATION LEVEL READ COMMITTED',
        'INSERT INTO things (id) VALUES (11)',
        'ROLLBACK',
      ]);
    } finally {
      rec.restore();
    }
    expect(await ids()).toContain(10);
    expect(await ids()).not.toContain(11);
  });

  it('rolls back when the work throws, answers the work’s error and releases the connection', async () => {
    const rec = recordStatements(db.dataSource);
    try {
      const err = await readCommittedTransaction(db.dataSource, async (m) => {
        await m.query(`INSERT INTO things (id) VALUES (2)`);
        throw new Error('work failed');
      }).catch((e: unknown) => e);
      expect((err as Error).message).toBe('work failed');
      // A failing statement aborts the transaction; the rollback still ends it.
      const err2 = await readCommittedTransaction(db.dataSource, async (m) => {
        await m.query(`INSERT INTO things (id) VALUES (3)`);
        await m.query(`INSERT INTO things (id) VALUES (3)`);
      }).catch((e: unknown) => e);
      expect((err2 as { code?: string }).code).toBe('23505');
      expect(rec.statements.filter((s) => /^(BEGIN|COMMIT|ROLLBACK)/.test(s))).toEqual([
        'BEGIN ISOLATION LEVEL READ COMMITTED',
        'ROLLBACK',
        'BEGIN ISOLATION LEVEL READ COMMITTED',
        'ROLLBACK',
      ]);
      expect(rec.runners.every((r) => r.isReleased && !r.isTransactionActive)).toBe(true);
    } finally {
      rec.restore();
    }
    expect(await ids()).not.toEqual(expect.arrayContaining([2]));
    expect(await ids()).not.toEqual(expect.arrayContaining([3]));
    // The pool is usable afterwards (no connection left inside an aborted transaction).
    await Promise.all(Array.from({ length: 25 }, () => db.dataSource.query('SELECT 1')));
  });

  it('turns a nested manager.transaction() into a savepoint, as TypeORM does', async () => {
    const rec = recordStatements(db.dataSource);
    try {
      await readCommittedTransaction(db.dataSource, async (m) => {
        await m.query(`INSERT INTO things (id) VALUES (4)`);
        await m
          .transaction(async (inner) => {
            await inner.query(`INSERT INTO things (id) VALUES (5)`);
            throw new Error('inner failed');
          })
          .catch(() => undefined);
        await m.transaction(async (inner) => {
          await inner.query(`INSERT INTO things (id) VALUES (6)`);
        });
      });
      expect(rec.statements.filter((s) => !s.startsWith('INSERT'))).toEqual([
        'BEGIN ISOLATION LEVEL READ COMMITTED',
        'SAVEPOINT typeorm_1',
        'ROLLBACK TO SAVEPOINT typeorm_1',
        'SAVEPOINT typeorm_1',
        'RELEASE SAVEPOINT typeorm_1',
        'COMMIT',
      ]);
    } finally {
      rec.restore();
    }
    const now = await ids();
    expect(now).toEqual(expect.arrayContaining([4, 6]));
    expect(now).not.toContain(5);
  });

  it('is READ COMMITTED whatever the database default is', async () => {
    const [{ name }] = await db.dataSource.query<{ name: string }[]>(`SELECT current_database() AS name`);
    await db.dataSource.query(`ALTER DATABASE ${name} SET default_transaction_isolation = 'serializable'`);
    const ds = createDataSource({ url: db.url, service: 'platformnest', entities: [], migrations: [], poolSize: 2 });
    await ds.initialize();
    try {
      const level = (m: EntityManager) => m.query<{ transaction_isolation: string }[]>(`SHOW transaction_isolation`).then((r) => r[0].transaction_isolation);
      expect(await ds.transaction(level)).toBe('serializable');
      expect(await readCommittedTransaction(ds, level)).toBe('read committed');
    } finally {
      await ds.destroy();
    }
  });
});
