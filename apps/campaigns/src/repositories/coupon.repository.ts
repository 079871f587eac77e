import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';

export interface CouponBatch {
  readonly id: string;
  readonly campaignId: string | null;
  readonly name: string;
  readonly prefix: string;
  readonly count: number;
  readonly maxUsesPerCode: number | null;
  readonly perMemberLimit: number | null;
  readonly validFrom: Date | null;
  readonly validUntil: Date | null;
  readonly active: boolean;
  readonly createdAt: Date;
}

interface BatchRow {
  id: string;
  campaign_id: string | null;
  name: string;
  prefix: string;
  code_count: number;
  max_uses_per_code: number | null;
  per_member_limit: number | null;
  valid_from: Date | null;
  valid_until: Date | null;
  active: boolean;
  created_at: Date;
}

const toBatch = (r: BatchRow): CouponBatch => ({
  id: r.id,
  campaignId: r.campaign_id,
  name: r.name,
  prefix: r.prefix,
  count: r.code_count,
  maxUsesPerCode: r.max_uses_per_code,
  perMemberLimit: r.per_member_limit,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  active: r.active,
  createdAt: r.created_at,
});

/** A code with its batch and use counts, locked for a redemption. */
export interface LockedCoupon {
  readonly code: string;
  readonly uses: number;
  readonly batch: CouponBatch;
}

/** Coupon batches, codes and redemptions. Tenant first everywhere. */
@Injectable()
export class CouponRepository {
  constructor(private readonly ds: DataSource) {}

  async insertBatch(m: EntityManager, tenantId: string, b: Omit<CouponBatch, 'active' | 'createdAt'>, operator: string): Promise<void> {
    await m.query(
      `INSERT INTO coupon_batches (tenant_id, id, campaign_id, name, prefix, code_count, max_uses_per_code, per_member_limit, valid_from, valid_until, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [tenantId, b.id, b.campaignId, b.name, b.prefix, b.count, b.maxUsesPerCode, b.perMemberLimit, b.validFrom, b.validUntil, operator],
    );
  }

  /** Inserts codes, skipping any that already exist in the tenant; returns how many were new. */
  async insertCodes(m: EntityManager, tenantId: string, batchId: string, codes: readonly string[]): Promise<number> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO coupons (tenant_id, code, batch_id) SELECT $1, c, $2 FROM unnest($3::text[]) AS c ON CONFLICT DO NOTHING RETURNING code`,
      [tenantId, batchId, codes],
    );
    return rows.length;
  }

  /** The code issued for `issuedFor` in the batch, if any (a redelivered award issues nothing twice). */
  async findIssued(m: EntityManager, tenantId: string, batchId: string, issuedFor: string): Promise<string | undefined> {
    const rows = await m.query<{ code: string }[]>(`SELECT code FROM coupons WHERE tenant_id = $1 AND batch_id = $2 AND issued_for = $3`, [tenantId, batchId, issuedFor]);
    return rows[0]?.code;
  }

  /**
   * Adds one code to the batch, issued to a member for `issuedFor`; false when the code was taken
   * (draw again) or the award was issued concurrently. The batch's count grows with it.
   */
  async issueCode(m: EntityManager, tenantId: string, batchId: string, code: string, memberId: string, issuedFor: string, at: Date): Promise<boolean> {
    const rows = returnedRows<{ code: string }>(
      await m.query(
        `WITH issued AS (
           INSERT INTO coupons (tenant_id, code, batch_id, issued_to, issued_for, issued_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING code)
         UPDATE coupon_batches b SET code_count = b.code_count + 1 FROM issued WHERE b.tenant_id = $1 AND b.id = $3 RETURNING issued.code`,
        [tenantId, code, batchId, memberId, issuedFor, at],
      ),
    );
    return rows.length === 1;
  }

  async findBatch(tenantId: string, id: string): Promise<CouponBatch | undefined> {
    const rows = await this.ds.query<BatchRow[]>(`SELECT * FROM coupon_batches WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toBatch(rows[0]) : undefined;
  }

  async listCodes(tenantId: string, batchId: string, after: string | null, limit: number): Promise<{ code: string; uses: number }[]> {
    return this.ds.query(
      `SELECT code, uses FROM coupons WHERE tenant_id = $1 AND batch_id = $2 ${after === null ? '' : 'AND code > $4'} ORDER BY code LIMIT $3`,
      after === null ? [tenantId, batchId, limit] : [tenantId, batchId, limit, after],
    );
  }

  /** A code with its batch (no lock), for a check. */
  async findCoupon(tenantId: string, code: string): Promise<LockedCoupon | undefined> {
    return this.couponQuery(this.ds.manager, tenantId, [code], false).then((r) => r[0]);
  }

  /** Codes with their batches, locked in code order (a checkout's codes never deadlock another's). */
  lockCoupons(m: EntityManager, tenantId: string, codes: readonly string[]): Promise<LockedCoupon[]> {
    return this.couponQuery(m, tenantId, [...codes].sort(), true);
  }

  /** This member's unrestored uses of a batch. */
  async memberUses(m: EntityManager | undefined, tenantId: string, batchId: string, memberId: string): Promise<number> {
    const rows = await (m ?? this.ds).query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM coupon_redemptions WHERE tenant_id = $1 AND batch_id = $2 AND member_id = $3 AND restored_at IS NULL`,
      [tenantId, batchId, memberId],
    );
    return rows[0].n;
  }

  /** The redemptions a checkout already made (a retry). */
  async redemptionsOf(m: EntityManager, tenantId: string, transactionId: string): Promise<{ code: string; memberId: string; restoredAt: Date | null }[]> {
    const rows = await m.query<{ code: string; member_id: string; restored_at: Date | null }[]>(
      `SELECT code, member_id, restored_at FROM coupon_redemptions WHERE tenant_id = $1 AND transaction_id = $2 ORDER BY code`,
      [tenantId, transactionId],
    );
    return rows.map((r) => ({ code: r.code, memberId: r.member_id, restoredAt: r.restored_at }));
  }

  async redeem(m: EntityManager, tenantId: string, transactionId: string, memberId: string, coupons: readonly LockedCoupon[]): Promise<void> {
    await m.query(
      `INSERT INTO coupon_redemptions (tenant_id, code, transaction_id, batch_id, member_id) SELECT $1, c, $2, b, $3 FROM unnest($4::text[], $5::uuid[]) AS x(c, b)`,
      [tenantId, transactionId, memberId, coupons.map((c) => c.code), coupons.map((c) => c.batch.id)],
    );
    await m.query(`UPDATE coupons SET uses = uses + 1 WHERE tenant_id = $1 AND code = ANY($2::text[])`, [tenantId, coupons.map((c) => c.code)]);
  }

  /** Restores a checkout's unrestored redemptions; returns the codes restored now. */
  async restore(m: EntityManager, tenantId: string, transactionId: string): Promise<string[]> {
    const rows = returnedRows<{ code: string }>(
      await m.query(
        `WITH r AS (UPDATE coupon_redemptions SET restored_at = now() WHERE tenant_id = $1 AND transaction_id = $2 AND restored_at IS NULL RETURNING code)
         UPDATE coupons c SET uses = c.uses - 1 FROM r WHERE c.tenant_id = $1 AND c.code = r.code RETURNING c.code`,
        [tenantId, transactionId],
      ),
    );
    return rows.map((r) => r.code).sort();
  }

  private async couponQuery(m: EntityManager, tenantId: string, codes: readonly string[], lock: boolean): Promise<LockedCoupon[]> {
    const rows = await m.query<(BatchRow & { code: string; uses: number })[]>(
      `SELECT c.code, c.uses, b.* FROM coupons c JOIN coupon_batches b ON b.tenant_id = c.tenant_id AND b.id = c.batch_id
       WHERE c.tenant_id = $1 AND c.code = ANY($2::text[]) ORDER BY c.code ${lock ? 'FOR UPDATE OF c' : ''}`,
      [tenantId, codes],
    );
    return rows.map((r) => ({ code: r.code, uses: r.uses, batch: toBatch(r) }));
  }
}
