import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, testTenant, type TestDatabase } from '@club/platform-testing';
import { POINTS_MIGRATIONS } from '../src/migrations';
import type { LedgerService } from '../src/services/ledger.service';
import { ledgerKit } from './ledger-kit';

/** Every statement this process sends to PostgreSQL while `work` runs (its first words). */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: Client, ...args: unknown[]): unknown {
    const q = args[0] as string | { text: string };
    sent.push((typeof q === 'string' ? q : q.text).trim().split(/\s+/).slice(0, 3).join(' '));
    return query.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = query;
  }
  return sent;
}

describe('the till’s checkout on the wire (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ledger: LedgerService;

  beforeAll(async () => {
    db = await createTestDatabase('points', POINTS_MIGRATIONS);
    ledger = ledgerKit(db.dataSource);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('costs four round trips: BEGIN, the lock with the idempotency lookup, the write with its events, COMMIT; a retry three', async () => {
    const tenant = testTenant();
    const cmd = { transactionId: `t-${randomUUID()}`, storeId: 's-1', memberId: randomUUID(), amount: 1_250_000, currency: 'IRR', requestHash: 'a'.repeat(64) };
    const first = await statementsOf(() => ledger.earnPoints(tenant, cmd));
    expect(first).toEqual(['BEGIN ISOLATION LEVEL', 'WITH account AS', 'WITH entries AS', 'COMMIT']);
    const [{ n }] = await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(n).toBe(2);

    let replay: unknown;
    const again = await statementsOf(async () => {
      replay = await ledger.earnPoints(tenant, cmd);
    });
    expect(again).toEqual(['BEGIN ISOLATION LEVEL', 'WITH account AS', 'COMMIT']);
    expect(replay).toMatchObject({ pointsEarned: 125, replayed: true });
  });
});
