import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CivilformdCuts } from '../domain/civilformd';
import { NEVER_PURCHASED_DAYS } from '../domain/rfm';

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
   * The facts scores are computed from, for a page of (not erased) members after `after` in id
   * order: statistics, completed referrals made, the managers' manual factors and the current
   * scores, in one query.
   */
  async pageFacts(m: EntityManager, tenantId: string, after: string | null, limit: number): Promise<(ScoringFacts & { current: StoredScore | null })[]> {
    const rows = await m.query<
      {
        id: string;
        created_at: Date;
        purchase_count: number | null;
        total_spend: string | null;
        last_purchase_at: Date | null;
        referrals: number;
        manual: Record<string, number> | null;
        r: number | null;
        f: number | null;
        m: number | null;
        rfm: string | null;
        civilformd: Record<string, number> | null;
        civilformd_total: number | null;
        computed_at: Date | null;
      }[]
    >(
      `SELECT mb.id, mb.created_at, s.purchase_count, s.total_spend, s.last_purchase_at,
              (SELECT count(*)::int FROM members r WHERE r.tenant_id = $1 AND r.referred_by = mb.id AND r.referral_completed) AS referrals,
              (SELECT jsonb_object_agg(f.factor, f.score) FROM manual_factors f WHERE f.tenant_id = $1 AND f.member_id = mb.id) AS manual,
              sc.r, sc.f, sc.m, sc.rfm, sc.civilformd, sc.civilformd_total, sc.computed_at
       FROM (SELECT id, created_at FROM members WHERE tenant_id = $1 AND erased_at IS NULL ${after === null ? '' : 'AND id > $3'} ORDER BY id LIMIT $2) mb
       LEFT JOIN LATERAL (SELECT purchase_count, total_spend, last_purchase_at FROM member_stats WHERE tenant_id = $1 AND member_id = mb.id) s ON true
       LEFT JOIN LATERAL (SELECT r, f, m, rfm, civilformd, civilformd_total, computed_at FROM member_scores WHERE tenant_id = $1 AND member_id = mb.id) sc ON true
       ORDER BY mb.id`,
      after === null ? [tenantId, limit] : [tenantId, limit, after],
    );
    return rows.map((r) => ({
      memberId: r.id,
      createdAt: r.created_at,
      purchaseCount: r.purchase_count ?? 0,
      totalSpend: Number(r.total_spend ?? 0),
      lastPurchaseAt: r.last_purchase_at,
      referralsMade: r.referrals,
      manual: r.manual ?? {},
      current:
        r.rfm === null
          ? null
          : { memberId: r.id, r: r.r!, f: r.f!, m: r.m!, rfm: r.rfm, civilformd: r.civilformd!, civilformdTotal: r.civilformd_total!, computedAt: r.computed_at! },
    }));
  }

  /**
   * The quintile cuts of the club's population as of `asOf` (see `quintileCutPositions`): one
   * sort per measure in PostgreSQL, nothing held in memory. Purchasers for recency, frequency,
   * money and income; every member for referrals and tenure. Days are whole days to `asOf`.
   */
  async populationCuts(m: EntityManager, tenantId: string, asOf: Date, positions: (n: number) => number[]): Promise<Omit<CivilformdCuts, 'cooperation'> & { members: number; purchasers: number }> {
    await m.query(
      `CREATE TEMP TABLE score_population ON COMMIT DROP AS
       SELECT mb.id, coalesce(s.purchase_count, 0) AS pc, coalesce(s.total_spend, 0)::bigint AS spend,
              CASE WHEN s.last_purchase_at IS NULL THEN ${NEVER_PURCHASED_DAYS}::bigint
                   ELSE greatest(0, floor(extract(epoch FROM ($2::timestamptz - s.last_purchase_at)) / 86400))::bigint END AS days,
              greatest(0, floor(extract(epoch FROM ($2::timestamptz - mb.created_at)) / 86400))::bigint AS tenure,
              coalesce(rc.n, 0)::bigint AS referrals
       FROM members mb
       LEFT JOIN member_stats s ON s.tenant_id = mb.tenant_id AND s.member_id = mb.id
       LEFT JOIN (SELECT referred_by, count(*) AS n FROM members WHERE tenant_id = $1 AND referral_completed AND referred_by IS NOT NULL GROUP BY referred_by) rc
         ON rc.referred_by = mb.id
       WHERE mb.tenant_id = $1 AND mb.erased_at IS NULL`,
      [tenantId, asOf],
    );
    const counts = await m.query<{ members: number; purchasers: number }[]>(`SELECT count(*)::int AS members, (count(*) FILTER (WHERE pc > 0))::int AS purchasers FROM score_population`);
    const { members, purchasers } = counts[0];
    const cutsOf = async (expr: string, order: 'ASC' | 'DESC', buyersOnly: boolean): Promise<number[]> => {
      const pos = positions(buyersOnly ? purchasers : members);
      if (pos.length === 0) return [];
      const rows = await m.query<{ pos: string; v: string }[]>(
        `SELECT pos, v FROM (SELECT ${expr} AS v, row_number() OVER (ORDER BY ${expr} ${order}) - 1 AS pos FROM score_population ${buyersOnly ? 'WHERE pc > 0' : ''}) x
         WHERE pos = ANY($1::bigint[])`,
        [[...new Set(pos)]],
      );
      const at = new Map(rows.map((r) => [Number(r.pos), Number(r.v)]));
      return pos.map((p) => at.get(p)!);
    };
    const money = await cutsOf('spend', 'ASC', true);
    return {
      members,
      purchasers,
      money,
      income: money, // gross profit = spend until margin data exists
      recency: await cutsOf('days', 'DESC', true),
      frequency: await cutsOf('pc', 'ASC', true),
      viralMarketing: await cutsOf('referrals', 'ASC', false),
      length: await cutsOf('tenure', 'ASC', false),
    };
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
