import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';
import type { JourneyThresholds } from '../domain/journey';

@Injectable()
export class JourneyRepository {
  constructor(private readonly ds: DataSource) {}

  async findThresholds(tenantId: string): Promise<JourneyThresholds | undefined> {
    const rows = await this.ds.query<{ thresholds: JourneyThresholds }[]>(`SELECT thresholds FROM journey_settings WHERE tenant_id = $1`, [tenantId]);
    return rows[0]?.thresholds;
  }

  async saveThresholds(tenantId: string, t: JourneyThresholds): Promise<void> {
    await this.ds.query(
      `INSERT INTO journey_settings (tenant_id, thresholds) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET thresholds = EXCLUDED.thresholds, updated_at = now()`,
      [tenantId, JSON.stringify(t)],
    );
  }

  /** A page of members' stages and purchase recency after `after`, in id order, for the daily pass. */
  async pageStages(
    m: EntityManager,
    tenantId: string,
    after: string | null,
    limit: number,
  ): Promise<{ id: string; journey_stage: string; purchase_count: number | null; last_purchase_at: Date | null }[]> {
    return m.query(
      `SELECT mb.id, mb.journey_stage, s.purchase_count, s.last_purchase_at
       FROM (SELECT id, journey_stage FROM members WHERE tenant_id = $1 AND erased_at IS NULL ${after === null ? '' : 'AND id > $3'} ORDER BY id LIMIT $2) mb
       LEFT JOIN LATERAL (SELECT purchase_count, last_purchase_at FROM member_stats WHERE tenant_id = $1 AND member_id = mb.id) s ON true
       ORDER BY mb.id`,
      after === null ? [tenantId, limit] : [tenantId, limit, after],
    );
  }

  /** Moves members whose stage is still what the pass read (a purchase may have moved them meanwhile); returns who moved. */
  async setStages(m: EntityManager, tenantId: string, changes: readonly { memberId: string; from: string; stage: string }[]): Promise<Set<string>> {
    if (changes.length === 0) return new Set();
    const rows = returnedRows<{ id: string }>(
      await m.query(
        `UPDATE members SET journey_stage = x.stage FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(id, from_stage, stage)
         WHERE members.tenant_id = $1 AND members.id = x.id AND members.journey_stage = x.from_stage RETURNING members.id`,
        [tenantId, changes.map((c) => c.memberId), changes.map((c) => c.from), changes.map((c) => c.stage)],
      ),
    );
    return new Set(rows.map((r) => r.id));
  }
}
