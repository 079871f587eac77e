import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { EarnRate } from '../domain/earn';

export interface StoredCheckout {
  readonly requestHash: string;
  readonly response: CheckoutResult;
}

export interface BalanceRow {
  readonly available: number;
  readonly pending: number;
  readonly lifetimeEarned: number;
}

export interface CheckoutResult {
  readonly transactionId: string;
  readonly memberId: string;
  readonly pointsEarned: number;
  readonly balance: BalanceRow;
}

export interface NewCheckout {
  readonly transactionId: string;
  readonly requestHash: string;
  readonly memberId: string;
  readonly storeId: string;
  readonly amount: number;
  readonly currency: string;
}

/** Every table the ledger touches. Methods take the tenant first; bigint columns come back as numbers. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly ds: DataSource) {}

  async findEarnRate(tenantId: string): Promise<EarnRate | undefined> {
    const rows = await this.ds.query<{ points: number; per: string }[]>(
      `SELECT earn_points::int AS points, earn_per_amount::bigint AS per FROM tenant_settings WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0] ? { points: rows[0].points, perAmount: Number(rows[0].per) } : undefined;
  }

  async upsertEarnRate(tenantId: string, rate: EarnRate): Promise<void> {
    await this.ds.query(
      `INSERT INTO tenant_settings (tenant_id, earn_points, earn_per_amount) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET earn_points = EXCLUDED.earn_points, earn_per_amount = EXCLUDED.earn_per_amount, updated_at = now()`,
      [tenantId, rate.points, rate.perAmount],
    );
  }

  /**
   * Claims the transaction id. Returns true when this call inserted it; false when it existed.
   * A concurrent claim of the same id waits here on the unique index until the first commits.
   */
  async claimCheckout(m: EntityManager, tenantId: string, c: NewCheckout): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO checkouts (tenant_id, transaction_id, request_hash, member_id, store_id, amount, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING transaction_id`,
      [tenantId, c.transactionId, c.requestHash, c.memberId, c.storeId, c.amount, c.currency],
    );
    return rows.length === 1;
  }

  async findCheckout(m: EntityManager, tenantId: string, transactionId: string): Promise<StoredCheckout | undefined> {
    const rows = await m.query<{ request_hash: string; response: CheckoutResult }[]>(
      `SELECT request_hash, response FROM checkouts WHERE tenant_id = $1 AND transaction_id = $2`,
      [tenantId, transactionId],
    );
    return rows[0] ? { requestHash: rows[0].request_hash, response: rows[0].response } : undefined;
  }

  async completeCheckout(m: EntityManager, tenantId: string, result: CheckoutResult): Promise<void> {
    await m.query(`UPDATE checkouts SET points_earned = $3, response = $4 WHERE tenant_id = $1 AND transaction_id = $2`, [
      tenantId,
      result.transactionId,
      result.pointsEarned,
      JSON.stringify(result),
    ]);
  }

  async insertEntry(
    m: EntityManager,
    tenantId: string,
    e: { id: string; memberId: string; kind: 'earn'; points: number; transactionId: string; createdAt: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, transaction_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, e.id, e.memberId, e.kind, e.points, e.transactionId, e.createdAt],
    );
  }

  /** Adds earned points to the cached balance (creating it) and returns the new balance. */
  async creditAvailable(m: EntityManager, tenantId: string, memberId: string, points: number): Promise<BalanceRow> {
    const rows = await m.query<{ available: string; pending: string; lifetime_earned: string }[]>(
      `INSERT INTO accounts (tenant_id, member_id, available, lifetime_earned) VALUES ($1, $2, $3, $3)
       ON CONFLICT (tenant_id, member_id) DO UPDATE
         SET available = accounts.available + EXCLUDED.available,
             lifetime_earned = accounts.lifetime_earned + EXCLUDED.lifetime_earned,
             updated_at = now()
       RETURNING available::bigint AS available, pending::bigint AS pending, lifetime_earned::bigint AS lifetime_earned`,
      [tenantId, memberId, points],
    );
    return toBalance(rows[0]);
  }

  async findBalance(tenantId: string, memberId: string): Promise<BalanceRow> {
    const rows = await this.ds.query<{ available: string; pending: string; lifetime_earned: string }[]>(
      `SELECT available, pending, lifetime_earned FROM accounts WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId],
    );
    return rows[0] ? toBalance(rows[0]) : { available: 0, pending: 0, lifetimeEarned: 0 };
  }
}

function toBalance(r: { available: string; pending: string; lifetime_earned: string }): BalanceRow {
  return { available: Number(r.available), pending: Number(r.pending), lifetimeEarned: Number(r.lifetime_earned) };
}
