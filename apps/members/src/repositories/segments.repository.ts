import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';

export interface SegmentRecord {
  readonly id: string;
  readonly kind: 'segment' | 'persona';
  readonly name: string;
  readonly rule: unknown;
  readonly updatedAt: Date;
}

/** What segment rules can look at, per member, in one query. */
export interface MemberFactsRow {
  readonly id: string;
  readonly gender: string | null;
  readonly marital_status: string | null;
  readonly economic_band: string | null;
  readonly interests: string[];
  readonly lifestyle: string[];
  readonly preferred_channels: string[];
  readonly primary_need: string | null;
  readonly secondary_needs: string[];
  readonly join_reason: string | null;
  readonly birth_date: string | null;
  readonly created_at: Date;
  readonly journey_stage: string;
  readonly attributes: Record<string, string | number | boolean>;
  readonly tier: string | null;
  readonly tier_since: Date | null;
  readonly tier_version: number | null;
  readonly r: number | null;
  readonly f: number | null;
  readonly m: number | null;
  readonly rfm: string | null;
  readonly civilformd_total: number | null;
}

@Injectable()
export class SegmentsRepository {
  constructor(private readonly ds: DataSource) {}

  async upsertSegment(tenantId: string, s: { id: string; kind: SegmentRecord['kind']; name: string; rule: unknown }): Promise<SegmentRecord> {
    const rows = await this.ds.query<{ id: string; kind: SegmentRecord['kind']; name: string; rule: unknown; updated_at: Date }[]>(
      `INSERT INTO segments (tenant_id, id, kind, name, rule) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, kind, name) DO UPDATE SET rule = EXCLUDED.rule, updated_at = now()
       RETURNING id, kind, name, rule, updated_at`,
      [tenantId, s.id, s.kind, s.name, JSON.stringify(s.rule)],
    );
    const r = rows[0];
    return { id: r.id, kind: r.kind, name: r.name, rule: r.rule, updatedAt: r.updated_at };
  }

  async listSegments(tenantId: string): Promise<SegmentRecord[]> {
    const rows = await this.ds.query<{ id: string; kind: SegmentRecord['kind']; name: string; rule: unknown; updated_at: Date }[]>(
      `SELECT id, kind, name, rule, updated_at FROM segments WHERE tenant_id = $1 ORDER BY kind, name`,
      [tenantId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, rule: r.rule, updatedAt: r.updated_at }));
  }

  async segmentExists(tenantId: string, id: string): Promise<boolean> {
    return (await this.ds.query<unknown[]>(`SELECT 1 FROM segments WHERE tenant_id = $1 AND id = $2`, [tenantId, id])).length === 1;
  }

  /** A page of a segment's members, keyset-paginated by member id. */
  async listMembers(tenantId: string, segmentId: string, after: string | null, limit: number): Promise<{ memberId: string; since: Date }[]> {
    const rows = await this.ds.query<{ member_id: string; since: Date }[]>(
      `SELECT member_id, since FROM segment_members WHERE tenant_id = $1 AND segment_id = $2 ${after ? 'AND member_id > $4' : ''}
       ORDER BY member_id LIMIT $3`,
      after ? [tenantId, segmentId, limit, after] : [tenantId, segmentId, limit],
    );
    return rows.map((r) => ({ memberId: r.member_id, since: r.since }));
  }

  async memberSegments(tenantId: string, memberId: string): Promise<{ id: string; kind: SegmentRecord['kind']; name: string; since: Date }[]> {
    const rows = await this.ds.query<{ id: string; kind: SegmentRecord['kind']; name: string; since: Date }[]>(
      `SELECT s.id, s.kind, s.name, sm.since FROM segment_members sm JOIN segments s ON s.tenant_id = sm.tenant_id AND s.id = sm.segment_id
       WHERE sm.tenant_id = $1 AND sm.member_id = $2 ORDER BY s.kind, s.name`,
      [tenantId, memberId],
    );
    return rows;
  }

  /** What rules look at, for a page of (not erased) members after `after` in id order. */
  async pageFacts(m: EntityManager, tenantId: string, after: string | null, limit: number): Promise<MemberFactsRow[]> {
    return m.query<MemberFactsRow[]>(
      `SELECT mb.id, mb.gender, mb.marital_status, mb.economic_band, mb.interests, mb.lifestyle, mb.preferred_channels, mb.primary_need, mb.secondary_needs,
              mb.join_reason, to_char(mb.birth_date, 'YYYY-MM-DD') AS birth_date, mb.created_at, mb.journey_stage, mb.attributes,
              t.code AS tier, t.since AS tier_since, t.ladder_version AS tier_version, s.r, s.f, s.m, s.rfm, s.civilformd_total
       FROM (SELECT * FROM members WHERE tenant_id = $1 AND erased_at IS NULL ${after === null ? '' : 'AND id > $3'} ORDER BY id LIMIT $2) mb
       LEFT JOIN LATERAL (SELECT code, since, ladder_version FROM member_tiers WHERE tenant_id = $1 AND member_id = mb.id) t ON true
       LEFT JOIN LATERAL (SELECT r, f, m, rfm, civilformd_total FROM member_scores WHERE tenant_id = $1 AND member_id = mb.id) s ON true
       ORDER BY mb.id`,
      after === null ? [tenantId, limit] : [tenantId, limit, after],
    );
  }

  /** The segment memberships of some members (`segmentId|memberId`). */
  async membershipOf(m: EntityManager, tenantId: string, memberIds: readonly string[]): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows = await m.query<{ segment_id: string; member_id: string }[]>(
      `SELECT segment_id, member_id FROM segment_members WHERE tenant_id = $1 AND member_id = ANY($2::uuid[])`,
      [tenantId, memberIds],
    );
    return new Set(rows.map((r) => `${r.segment_id}|${r.member_id}`));
  }

  /** Returns the pairs actually added (`segmentId|memberId`). */
  async addMembers(m: EntityManager, tenantId: string, pairs: readonly { segmentId: string; memberId: string }[], at: Date): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows = await m.query<{ segment_id: string; member_id: string }[]>(
      `INSERT INTO segment_members (tenant_id, segment_id, member_id, since) SELECT $1, s, mm, $4 FROM unnest($2::uuid[], $3::uuid[]) AS x(s, mm)
       ON CONFLICT DO NOTHING RETURNING segment_id, member_id`,
      [tenantId, pairs.map((p) => p.segmentId), pairs.map((p) => p.memberId), at],
    );
    return new Set(rows.map((r) => `${r.segment_id}|${r.member_id}`));
  }

  /** Returns the pairs actually removed (`segmentId|memberId`). */
  async removeMembers(m: EntityManager, tenantId: string, pairs: readonly { segmentId: string; memberId: string }[]): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows = returnedRows<{ segment_id: string; member_id: string }>(
      await m.query(
        `DELETE FROM segment_members sm USING unnest($2::uuid[], $3::uuid[]) AS x(s, mm) WHERE sm.tenant_id = $1 AND sm.segment_id = x.s AND sm.member_id = x.mm
         RETURNING sm.segment_id, sm.member_id`,
        [tenantId, pairs.map((p) => p.segmentId), pairs.map((p) => p.memberId)],
      ),
    );
    return new Set(rows.map((r) => `${r.segment_id}|${r.member_id}`));
  }
}
