import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantLadderDefinition } from '../domain/tier-program';

export interface TenantSettings {
  readonly timezone: string;
  readonly calendar: 'jalali' | 'gregorian';
  readonly currency: string;
  readonly locale: 'fa' | 'en';
}

export interface PurchaseFact {
  readonly transactionId: string;
  readonly memberId: string;
  readonly storeId: string;
  readonly amount: number;
  readonly tierPoints: number;
  readonly occurredAt: Date;
}

export interface MemberStats {
  readonly purchaseCount: number;
  readonly totalSpend: number;
  readonly tierPoints: number;
  readonly firstPurchaseAt: Date | null;
  readonly lastPurchaseAt: Date | null;
}

export interface StoredLadder {
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly definition: TenantLadderDefinition;
}

export interface MemberTierRow {
  readonly code: string;
  readonly since: Date;
  readonly graceUntil: Date | null;
  readonly ladderVersion: number;
}

export interface TierHistoryRow {
  readonly from: string | null;
  readonly to: string;
  readonly direction: 'up' | 'down' | 'initial';
  readonly reason: string;
  readonly ladderVersion: number;
  readonly at: Date;
}

type Metric = 'tier-points' | 'spend' | 'purchase-count';

const METRIC_SQL: Record<Metric, string> = {
  'tier-points': 'coalesce(sum(tier_points), 0)',
  spend: 'coalesce(sum(amount), 0)',
  'purchase-count': 'count(*) FILTER (WHERE NOT is_return)',
};

/** Purchase facts, member statistics, tier ladders and standings, tenant settings. Tenant first everywhere. */
@Injectable()
export class ActivityRepository {
  constructor(private readonly ds: DataSource) {}

  /** Remembers the tenant's settings as the gateway passed them; a no-op when unchanged. */
  async rememberTenant(tenantId: string, s: TenantSettings): Promise<void> {
    await this.ds.query(
      `INSERT INTO tenant_settings (tenant_id, timezone, calendar, currency, locale) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id) DO UPDATE SET timezone = EXCLUDED.timezone, calendar = EXCLUDED.calendar, currency = EXCLUDED.currency,
         locale = EXCLUDED.locale, updated_at = now()
       WHERE (tenant_settings.timezone, tenant_settings.calendar, tenant_settings.currency, tenant_settings.locale)
         IS DISTINCT FROM (EXCLUDED.timezone, EXCLUDED.calendar, EXCLUDED.currency, EXCLUDED.locale)`,
      [tenantId, s.timezone, s.calendar, s.currency, s.locale],
    );
  }

  async findTenant(m: EntityManager, tenantId: string): Promise<TenantSettings | undefined> {
    const rows = await m.query<TenantSettings[]>(`SELECT timezone, calendar, currency, locale FROM tenant_settings WHERE tenant_id = $1`, [tenantId]);
    return rows[0];
  }

  /** Records a purchase once per transaction id; false when it was already recorded. */
  async insertPurchase(m: EntityManager, tenantId: string, p: PurchaseFact): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO member_purchases (tenant_id, transaction_id, member_id, store_id, amount, tier_points, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING transaction_id`,
      [tenantId, p.transactionId, p.memberId, p.storeId, p.amount, p.tierPoints, p.occurredAt],
    );
    return rows.length === 1;
  }

  /** Records a return once per return id, as a negative fact dated at the purchase it returns; false when already recorded. */
  async insertReturn(m: EntityManager, tenantId: string, r: { returnId: string; memberId: string; storeId: string; amount: number; tierPoints: number; purchasedAt: Date }): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO member_purchases (tenant_id, transaction_id, member_id, store_id, amount, tier_points, occurred_at, is_return)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true) ON CONFLICT DO NOTHING RETURNING transaction_id`,
      [tenantId, `return:${r.returnId}`, r.memberId, r.storeId, -r.amount, -r.tierPoints, r.purchasedAt],
    );
    return rows.length === 1;
  }

  /** Takes a return's spend and tier points off the member's statistics (the purchase count stays). */
  async subtractFromStats(m: EntityManager, tenantId: string, memberId: string, amount: number, tierPoints: number): Promise<void> {
    await m.query(
      `UPDATE member_stats SET total_spend = total_spend - $3, tier_points = tier_points - $4 WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId, amount, tierPoints],
    );
  }

  async addToStats(m: EntityManager, tenantId: string, p: PurchaseFact): Promise<MemberStats> {
    const rows = await m.query<{ purchase_count: number; total_spend: string; tier_points: string; first_purchase_at: Date | null; last_purchase_at: Date | null }[]>(
      `INSERT INTO member_stats (tenant_id, member_id, purchase_count, total_spend, tier_points, first_purchase_at, last_purchase_at)
       VALUES ($1, $2, 1, $3, $4, $5, $5)
       ON CONFLICT (tenant_id, member_id) DO UPDATE SET
         purchase_count = member_stats.purchase_count + 1,
         total_spend = member_stats.total_spend + EXCLUDED.total_spend,
         tier_points = member_stats.tier_points + EXCLUDED.tier_points,
         first_purchase_at = least(member_stats.first_purchase_at, EXCLUDED.first_purchase_at),
         last_purchase_at = greatest(member_stats.last_purchase_at, EXCLUDED.last_purchase_at)
       RETURNING purchase_count, total_spend, tier_points, first_purchase_at, last_purchase_at`,
      [tenantId, p.memberId, p.amount, p.tierPoints, p.occurredAt],
    );
    const r = rows[0];
    return {
      purchaseCount: r.purchase_count,
      totalSpend: Number(r.total_spend),
      tierPoints: Number(r.tier_points),
      firstPurchaseAt: r.first_purchase_at,
      lastPurchaseAt: r.last_purchase_at,
    };
  }

  /** The qualifying metric over [start, end): one indexed range scan of the member's purchases. */
  async windowMetric(m: EntityManager | DataSource, tenantId: string, memberId: string, metric: Metric, start: Date, end: Date): Promise<number> {
    const rows = await m.query<{ v: string }[]>(
      `SELECT ${METRIC_SQL[metric]}::bigint AS v FROM member_purchases
       WHERE tenant_id = $1 AND member_id = $2 AND occurred_at >= $3 AND occurred_at < $4`,
      [tenantId, memberId, start, end],
    );
    return Number(rows[0].v);
  }

  async listLadders(m: EntityManager | DataSource, tenantId: string): Promise<StoredLadder[]> {
    const rows = await m.query<{ version: number; effective_from: Date; definition: TenantLadderDefinition }[]>(
      `SELECT version, effective_from, definition FROM tier_ladders WHERE tenant_id = $1 ORDER BY version`,
      [tenantId],
    );
    return rows.map((r) => ({ version: r.version, effectiveFrom: r.effective_from, definition: r.definition }));
  }

  /** Serialises ladder edits of one tenant (version numbers are dense). */
  async lockLadders(m: EntityManager, tenantId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('tier-ladders:' || $1::text))`, [tenantId]);
  }

  async insertLadder(m: EntityManager, tenantId: string, l: StoredLadder): Promise<void> {
    await m.query(`INSERT INTO tier_ladders (tenant_id, version, effective_from, definition) VALUES ($1, $2, $3, $4)`, [
      tenantId,
      l.version,
      l.effectiveFrom,
      JSON.stringify(l.definition),
    ]);
  }

  async findMemberTier(m: EntityManager | DataSource, tenantId: string, memberId: string): Promise<MemberTierRow | undefined> {
    const rows = await m.query<{ code: string; since: Date; grace_until: Date | null; ladder_version: number }[]>(
      `SELECT code, since, grace_until, ladder_version FROM member_tiers WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId],
    );
    return rows[0] ? { code: rows[0].code, since: rows[0].since, graceUntil: rows[0].grace_until, ladderVersion: rows[0].ladder_version } : undefined;
  }

  async upsertMemberTier(m: EntityManager, tenantId: string, memberId: string, t: MemberTierRow): Promise<void> {
    await m.query(
      `INSERT INTO member_tiers (tenant_id, member_id, code, since, grace_until, ladder_version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, member_id) DO UPDATE SET code = EXCLUDED.code, since = EXCLUDED.since, grace_until = EXCLUDED.grace_until,
         ladder_version = EXCLUDED.ladder_version`,
      [tenantId, memberId, t.code, t.since, t.graceUntil, t.ladderVersion],
    );
  }

  /** Many standings in one statement (the review job's batches). */
  async upsertMemberTiers(m: EntityManager, tenantId: string, rows: readonly (MemberTierRow & { memberId: string })[]): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO member_tiers (tenant_id, member_id, code, since, grace_until, ladder_version)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[])
       ON CONFLICT (tenant_id, member_id) DO UPDATE SET code = EXCLUDED.code, since = EXCLUDED.since, grace_until = EXCLUDED.grace_until,
         ladder_version = EXCLUDED.ladder_version`,
      [tenantId, rows.map((r) => r.memberId), rows.map((r) => r.code), rows.map((r) => r.since), rows.map((r) => r.graceUntil), rows.map((r) => r.ladderVersion)],
    );
  }

  async insertTierHistoryMany(m: EntityManager, tenantId: string, rows: readonly (TierHistoryRow & { id: string; memberId: string })[]): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO tier_history (tenant_id, id, member_id, from_code, to_code, direction, reason, ladder_version, at)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::timestamptz[])`,
      [
        tenantId,
        rows.map((r) => r.id),
        rows.map((r) => r.memberId),
        rows.map((r) => r.from),
        rows.map((r) => r.to),
        rows.map((r) => r.direction),
        rows.map((r) => r.reason),
        rows.map((r) => r.ladderVersion),
        rows.map((r) => r.at),
      ],
    );
  }

  async insertTierHistory(m: EntityManager, tenantId: string, memberId: string, id: string, h: TierHistoryRow): Promise<void> {
    await m.query(
      `INSERT INTO tier_history (tenant_id, id, member_id, from_code, to_code, direction, reason, ladder_version, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, id, memberId, h.from, h.to, h.direction, h.reason, h.ladderVersion, h.at],
    );
  }

  async findStats(tenantId: string, memberId: string): Promise<MemberStats | undefined> {
    const rows = await this.ds.query<{ purchase_count: number; total_spend: string; tier_points: string; first_purchase_at: Date | null; last_purchase_at: Date | null }[]>(
      `SELECT purchase_count, total_spend, tier_points, first_purchase_at, last_purchase_at FROM member_stats WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId],
    );
    const r = rows[0];
    return r
      ? { purchaseCount: r.purchase_count, totalSpend: Number(r.total_spend), tierPoints: Number(r.tier_points), firstPurchaseAt: r.first_purchase_at, lastPurchaseAt: r.last_purchase_at }
      : undefined;
  }

  async listPurchases(tenantId: string, memberId: string): Promise<PurchaseFact[]> {
    const rows = await this.ds.query<{ transaction_id: string; store_id: string; amount: string; tier_points: string; occurred_at: Date }[]>(
      `SELECT transaction_id, store_id, amount, tier_points, occurred_at FROM member_purchases WHERE tenant_id = $1 AND member_id = $2 ORDER BY occurred_at`,
      [tenantId, memberId],
    );
    return rows.map((r) => ({ transactionId: r.transaction_id, memberId, storeId: r.store_id, amount: Number(r.amount), tierPoints: Number(r.tier_points), occurredAt: r.occurred_at }));
  }

  async listTierHistory(tenantId: string, memberId: string): Promise<TierHistoryRow[]> {
    const rows = await this.ds.query<{ from_code: string | null; to_code: string; direction: TierHistoryRow['direction']; reason: string; ladder_version: number; at: Date }[]>(
      `SELECT from_code, to_code, direction, reason, ladder_version, at FROM tier_history WHERE tenant_id = $1 AND member_id = $2 ORDER BY at, id`,
      [tenantId, memberId],
    );
    return rows.map((r) => ({ from: r.from_code, to: r.to_code, direction: r.direction, reason: r.reason, ladderVersion: r.ladder_version, at: r.at }));
  }
}
