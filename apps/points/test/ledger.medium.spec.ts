import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import pino from 'pino';
import { OutboxRelay, OutboxRepository } from '@club/platform-kafka';
import { Clock, Ids, UnitOfWork } from '@club/platform-nest';
import { createTestDatabase, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { randomUUID } from 'node:crypto';
import { POINTS_MIGRATIONS } from '../src/migrations';
import { LedgerRepository } from '../src/repositories/ledger.repository';
import { LedgerService, type EarnForCheckoutCommand } from '../src/services/ledger.service';

const logger = pino({ level: 'silent' });

function rpcCode(err: unknown): number | undefined {
  return err instanceof RpcException ? (err.getError() as { code: number }).code : undefined;
}

describe('points ledger (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ledger: LedgerService;
  let relay: OutboxRelay;

  beforeAll(async () => {
    db = await createTestDatabase('points', POINTS_MIGRATIONS);
    relay = new OutboxRelay(db.dataSource, testKafka(), logger);
    ledger = new LedgerService(new LedgerRepository(db.dataSource), new OutboxRepository(), new UnitOfWork(db.dataSource, relay), new Clock(), new Ids());
  });

  afterAll(async () => {
    await db.drop();
  });

  const checkout = (over: Partial<EarnForCheckoutCommand> = {}): EarnForCheckoutCommand => ({
    transactionId: `t-${randomUUID()}`,
    storeId: 'store-1',
    memberId: randomUUID(),
    amount: 1_250_000,
    currency: 'IRR',
    requestHash: 'a'.repeat(64),
    ...over,
  });

  const sumOfEntries = async (tenantId: string, memberId: string): Promise<number> => {
    const [{ sum }] = await db.dataSource.query<[{ sum: string }]>(
      `SELECT coalesce(sum(points), 0)::bigint AS sum FROM ledger_entries WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId],
    );
    return Number(sum);
  };

  it('credits a checkout at the flat rate and writes entry, balance and outbox event together', async () => {
    const tenant = testTenant();
    const cmd = checkout();
    const res = await ledger.earnPoints(tenant, cmd);
    expect(res).toEqual({
      transactionId: cmd.transactionId,
      memberId: cmd.memberId,
      pointsEarned: 125,
      balance: { available: 125, pending: 0, lifetimeEarned: 125 },
      replayed: false,
    });
    expect(await sumOfEntries(tenant.tenantId, cmd.memberId)).toBe(125);
    const outbox = await db.dataSource.query<{
      topic: string;
      message_key: string;
      value: string;
    }[]>(`SELECT topic, message_key, value FROM outbox WHERE tenant_id = $1 ORDER BY seq`, [tenant.tenantId]);
    expect(outbox.map((o) => o.topic)).toEqual(['points.ledger-entry.created.v1', 'points.checkout.recorded.v1']);
    expect(outbox.every((o) => o.message_key === cmd.memberId)).toBe(true);
    expect(JSON.parse(outbox[0].value).data).toMatchObject({ points: 125, transactionId: cmd.transactionId });
    expect(JSON.parse(outbox[1].value).data).toMatchObject({ amount: 1_250_000, currency: 'IRR', pointsEarned: 125, storeId: 'store-1' });
  });

  it('applies a checkout retried concurrently exactly once, answering every retry with the first response', async () => {
    const tenant = testTenant();
    const cmd = checkout();
    const results = await Promise.all(Array.from({ length: 10 }, () => ledger.earnPoints(tenant, cmd)));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const [first, ...rest] = results.map(({ replayed: _replayed, ...body }) => body);
    for (const body of rest) expect(body).toEqual(first);
    expect(await sumOfEntries(tenant.tenantId, cmd.memberId)).toBe(125);
    expect(await ledger.getBalance(tenant, cmd.memberId)).toEqual({ available: 125, pending: 0, lifetimeEarned: 125 });
  });

  it('refuses the same transaction id with a different request (409) and changes nothing', async () => {
    const tenant = testTenant();
    const cmd = checkout();
    await ledger.earnPoints(tenant, cmd);
    const err = await ledger.earnPoints(tenant, { ...cmd, amount: 2_000_000, requestHash: 'b'.repeat(64) }).catch((e: unknown) => e);
    expect(rpcCode(err)).toBe(status.ALREADY_EXISTS);
    expect(await sumOfEntries(tenant.tenantId, cmd.memberId)).toBe(125);
  });

  it('keeps the cached balance equal to the sum of entries under concurrent distinct checkouts', async () => {
    const tenant = testTenant();
    const memberId = randomUUID();
    const amounts = Array.from({ length: 25 }, (_, i) => 10_000 * (i + 1));
    await Promise.all(amounts.map((amount) => ledger.earnPoints(tenant, checkout({ memberId, amount }))));
    const expected = amounts.reduce((a, b) => a + b / 10_000, 0);
    expect(await sumOfEntries(tenant.tenantId, memberId)).toBe(expected);
    expect((await ledger.getBalance(tenant, memberId)).available).toBe(expected);
  });

  it('rejects a checkout in another currency than the tenant’s', async () => {
    const err = await ledger.earnPoints(testTenant(), checkout({ currency: 'EUR' })).catch((e: unknown) => e);
    expect(rpcCode(err)).toBe(status.INVALID_ARGUMENT);
  });

  it('isolates tenants: the same transaction id and member id are independent per tenant', async () => {
    const a = testTenant();
    const b = testTenant();
    const cmd = checkout();
    await ledger.earnPoints(a, cmd);
    expect(await ledger.getBalance(b, cmd.memberId)).toEqual({ available: 0, pending: 0, lifetimeEarned: 0 });
    const inB = await ledger.earnPoints(b, { ...cmd, amount: 30_000 });
    expect(inB).toMatchObject({ replayed: false, pointsEarned: 3 });
    expect((await ledger.getBalance(a, cmd.memberId)).available).toBe(125);
  });

  it('refuses to update or delete ledger entries (append-only)', async () => {
    const tenant = testTenant();
    const cmd = checkout();
    await ledger.earnPoints(tenant, cmd);
    await expect(db.dataSource.query(`UPDATE ledger_entries SET points = 1 WHERE tenant_id = $1`, [tenant.tenantId])).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM ledger_entries WHERE tenant_id = $1`, [tenant.tenantId])).rejects.toThrow(/append-only/);
  });
});
