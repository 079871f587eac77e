import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface ScoringFacts {
  readonly memberId: string;
  readonly createdAt: Date;
  readonly purchaseCount: number;
  readonly totalSpend: number;
  readonly lastPurchaseAt: Date | null;
  readonly referralsMade: number;
  readonly manual: Partial<Record<'impression' | 'opportunity' | 'debt', number>>;
}

export interface StoredScore {
  readonly memberId: string;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly rfm: string;
  readonly civilformd: Record<string, number>;
  readonly civilformdTotal: number;
  readonly computedAt: Date;
}

@Injectable()
export class ScoresRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The facts scores are computed from, for every (not erased) member of the tenant: statistics,
   * completed referrals made and the managers' manual factors, in one query.
   */
  async loadFacts(tenantId: string): Promise<ScoringFacts[]> {
    const rows = await this.ds.query<
      { id: string; created_at: Date; purchase_count: number | null; total_spend: string | null; last_purchase_at: Date | null; referrals: number; manual: Record<string, number> | null }[]
    >(
      `SELECT m.id, m.created_at, s.purchase_count, s.total_spend, s.last_purchase_at,
              (SELECT count(*)::int FROM members r WHERE r.tenant_id = m.tenant_id AND r.referred_by = m.id AND r.referral_completed) AS referrals,
              (SELECT jsonb_object_agg(f.factor, f.score) FROM manual_factors f WHERE f.tenant_id = m.tenant_id AND f.member_id = m.id) AS manual
       FROM members m LEFT JOIN member_stats s ON s.tenant_id = m.tenant_id AND s.member_id = m.id
       WHERE m.tenant_id = $1 AND m.erased_at IS NULL`,
      [tenantId],
    );
    return rows.map((r) => ({
      memberId: r.id,
      createdAt: r.created_at,
      purchaseCount: r.purchase_count ?? 0,
      totalSpend: Number(r.total_spend ?? 0),
      lastPurchaseAt: r.last_purchase_at,
      referralsMade: r.referrals,
      manual: r.manual ?? {},
    }));
  }

  async upsertScores(m: EntityManager, tenantId: string, scores: readonly StoredScore[]): Promise<void> {
    if (scores.length === 0) return;
    await m.query(
      `INSERT INTO member_scores (tenant_id, member_id, r, f, m, rfm, civilformd, civilformd_total, computed_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::smallint[], $4::smallint[], $5::smallint[], $6::text[], $7::jsonb[], $8::smallint[], $9::timestamptz[])
       ON CONFLICT (tenant_id, member_id) DO UPDATE SET r = EXCLUDED.r, f = EXCLUDED.f, m = EXCLUDED.m, rfm = EXCLUDED.rfm,
         civilformd = EXCLUDED.civilformd, civilformd_total = EXCLUDED.civilformd_total, computed_at = EXCLUDED.computed_at`,
      [
        tenantId,
        scores.map((s) => s.memberId),
        scores.map((s) => s.r),
        scores.map((s) => s.f),
        scores.map((s) => s.m),
        scores.map((s) => s.rfm),
        scores.map((s) => JSON.stringify(s.civilformd)),
        scores.map((s) => s.civilformdTotal),
        scores.map((s) => s.computedAt),
      ],
    );
  }

  async findScore(tenantId: string, memberId: string): Promise<StoredScore | undefined> {
    const rows = await this.ds.query<{ r: number; f: number; m: number; rfm: string; civilformd: Record<string, number>; civilformd_total: number; computed_at: Date }[]>(
      `SELECT r, f, m, rfm, civilformd, civilformd_total, computed_at FROM member_scores WHERE tenant_id = $1 AND member_id = $2`,
      [tenantId, memberId],
    );
    const r = rows[0];
    return r ? { memberId, r: r.r, f: r.f, m: r.m, rfm: r.rfm, civilformd: r.civilformd, civilformdTotal: r.civilformd_total, computedAt: r.computed_at } : undefined;
  }

  async setManualFactor(tenantId: string, memberId: string, factor: string, score: number, setBy: string, note: string | null, at: Date): Promise<void> {
    await this.ds.query(
      `INSERT INTO manual_factors (tenant_id, member_id, factor, score, set_by, note, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, member_id, factor) DO UPDATE SET score = EXCLUDED.score, set_by = EXCLUDED.set_by, note = EXCLUDED.note, set_at = EXCLUDED.set_at`,
      [tenantId, memberId, factor, score, setBy, note, at],
    );
  }

  async listManualFactors(tenantId: string, memberId: string): Promise<{ factor: string; score: number; setBy: string; note: string | null; setAt: Date }[]> {
    const rows = await this.ds.query<{ factor: string; score: number; set_by: string; note: string | null; set_at: Date }[]>(
      `SELECT factor, score, set_by, note, set_at FROM manual_factors WHERE tenant_id = $1 AND member_id = $2 ORDER BY factor`,
      [tenantId, memberId],
    );
    return rows.map((r) => ({ factor: r.factor, score: r.score, setBy: r.set_by, note: r.note, setAt: r.set_at }));
  }

  async findWeights(tenantId: string): Promise<Record<string, number> | undefined> {
    const rows = await this.ds.query<{ weights: Record<string, number> }[]>(`SELECT weights FROM scoring_settings WHERE tenant_id = $1`, [tenantId]);
    return rows[0]?.weights;
  }

  async saveWeights(tenantId: string, weights: Record<string, number>): Promise<void> {
    await this.ds.query(
      `INSERT INTO scoring_settings (tenant_id, weights) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET weights = EXCLUDED.weights, updated_at = now()`,
      [tenantId, JSON.stringify(weights)],
    );
  }
}
