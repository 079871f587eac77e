import { Injectable } from '@nestjs/common';
import { returnedRows } from '@club/platform-db';
import { DataSource, type EntityManager } from 'typeorm';

export interface TierReviewRun {
  readonly tenantId: string;
  readonly id: string;
  readonly reviewAt: Date;
  readonly dryRun: boolean;
  readonly status: 'pending' | 'running' | 'completed' | 'failed';
  readonly timezone: string;
  readonly ladderVersion: number | null;
  readonly cursor: string | null;
  readonly processed: number;
  readonly upgraded: number;
  readonly downgraded: number;
  readonly graced: number;
  readonly kept: number;
  readonly preview: readonly PreviewMove[];
  readonly error: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface PreviewMove {
  readonly memberId: string;
  readonly from: string;
  readonly to: string;
  readonly direction: 'up' | 'down' | 'kept';
  readonly reason: string;
}

export interface ReviewCandidate {
  readonly memberId: string;
  readonly createdAt: Date;
  readonly code: string | null;
  readonly since: Date | null;
  readonly graceUntil: Date | null;
  /** The ladder version the standing was written under (its code is read against later versions' formerCodes). */
  readonly ladderVersion: number | null;
  readonly reviewedThrough: Date | null;
}

interface RunRow {
  tenant_id: string;
  id: string;
  review_at: Date;
  dry_run: boolean;
  status: TierReviewRun['status'];
  timezone: string;
  ladder_version: number | null;
  cursor: string | null;
  processed: number;
  upgraded: number;
  downgraded: number;
  graced: number;
  kept: number;
  preview: PreviewMove[];
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toRun = (r: RunRow): TierReviewRun => ({
  tenantId: r.tenant_id,
  id: r.id,
  reviewAt: r.review_at,
  dryRun: r.dry_run,
  status: r.status,
  timezone: r.timezone,
  ladderVersion: r.ladder_version,
  cursor: r.cursor,
  processed: r.processed,
  upgraded: r.upgraded,
  downgraded: r.downgraded,
  graced: r.graced,
  kept: r.kept,
  preview: r.preview,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

@Injectable()
export class TierReviewRepository {
  constructor(private readonly ds: DataSource) {}

  /** Creates the run for (tenant, instant, dry-run) or returns the one that exists: requesting it again is idempotent. */
  async createRun(tenantId: string, id: string, reviewAt: Date, dryRun: boolean, timezone: string): Promise<TierReviewRun> {
    await this.ds.query(
      `INSERT INTO tier_reviews (tenant_id, id, review_at, dry_run, timezone) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, review_at, dry_run) DO NOTHING`,
      [tenantId, id, reviewAt, dryRun, timezone],
    );
    const rows = await this.ds.query<RunRow[]>(`SELECT * FROM tier_reviews WHERE tenant_id = $1 AND review_at = $2 AND dry_run = $3`, [tenantId, reviewAt, dryRun]);
    return toRun(rows[0]);
  }

  async findRun(tenantId: string, id: string): Promise<TierReviewRun | undefined> {
    const rows = await this.ds.query<RunRow[]>(`SELECT * FROM tier_reviews WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toRun(rows[0]) : undefined;
  }

  /**
   * Claims the oldest unfinished run whose lease has expired (a crashed worker's run is picked up
   * again). Cross-tenant by design: this is the job scheduler.
   */
  async claimRun(leaseMs: number): Promise<TierReviewRun | undefined> {
    const rows = returnedRows<RunRow>(
      await this.ds.query(
        `UPDATE tier_reviews r SET status = 'running', started_at = coalesce(r.started_at, now()), lease_until = now() + ($1 || ' milliseconds')::interval
         FROM (SELECT tenant_id, id FROM tier_reviews c0 WHERE status IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < now())
                 AND NOT EXISTS (SELECT 1 FROM tier_reviews o WHERE o.tenant_id = c0.tenant_id AND o.id <> c0.id AND o.status = 'running' AND o.lease_until >= now())
               ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) c
         WHERE r.tenant_id = c.tenant_id AND r.id = c.id RETURNING r.*`,
        [String(leaseMs)],
      ),
    );
    return rows[0] ? toRun(rows[0]) : undefined;
  }

  /** Locks the run for a batch and checks it is still ours to advance. */
  async lockRun(m: EntityManager, tenantId: string, id: string): Promise<TierReviewRun | undefined> {
    const rows = await m.query<RunRow[]>(`SELECT * FROM tier_reviews WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return rows[0] ? toRun(rows[0]) : undefined;
  }

  /** The next members after the cursor, with their standing: one keyset-paginated query. */
  async nextCandidates(m: EntityManager, tenantId: string, after: string | null, limit: number): Promise<ReviewCandidate[]> {
    // Two plain forms rather than `($2 IS NULL OR id > $2)`, which would stop the planner from
    // using the primary key as a range and make every batch rescan from the first member.
    const rows = await m.query<
      { id: string; created_at: Date; code: string | null; since: Date | null; grace_until: Date | null; ladder_version: number | null; reviewed_through: Date | null }[]
    >(
      // The page of members first, then each one's standing by primary key (LATERAL): a plain
      // join lets the planner hash the whole member_tiers table for every batch.
      `SELECT mb.id, mb.created_at, t.code, t.since, t.grace_until, t.ladder_version, t.reviewed_through
       FROM (SELECT id, created_at FROM members WHERE tenant_id = $1 AND erased_at IS NULL ${after === null ? '' : 'AND id > $3'} ORDER BY id LIMIT $2) mb
       LEFT JOIN LATERAL (SELECT code, since, grace_until, ladder_version, reviewed_through FROM member_tiers WHERE tenant_id = $1 AND member_id = mb.id) t ON true
       ORDER BY mb.id`,
      after === null ? [tenantId, limit] : [tenantId, limit, after],
    );
    return rows.map((r) => ({
      memberId: r.id,
      createdAt: r.created_at,
      code: r.code,
      since: r.since,
      graceUntil: r.grace_until,
      ladderVersion: r.ladder_version,
      reviewedThrough: r.reviewed_through,
    }));
  }

  /** Each member's metric over their own window, for a whole batch in one query. */
  async batchMetrics(
    m: EntityManager,
    tenantId: string,
    metric: 'tier-points' | 'spend' | 'purchase-count',
    windows: readonly { memberId: string; start: Date; end: Date }[],
  ): Promise<Map<string, number>> {
    const agg = metric === 'tier-points' ? 'sum(p.tier_points)' : metric === 'spend' ? 'sum(p.amount)' : 'count(p.*) FILTER (WHERE NOT p.is_return)';
    const rows = await m.query<{ member_id: string; v: string | null }[]>(
      `SELECT w.member_id, (SELECT ${agg} FROM member_purchases p
                            WHERE p.tenant_id = $1 AND p.member_id = w.member_id AND p.occurred_at >= w.s AND p.occurred_at < w.e)::bigint AS v
       FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS w(member_id, s, e)`,
      [tenantId, windows.map((w) => w.memberId), windows.map((w) => w.start), windows.map((w) => w.end)],
    );
    return new Map(rows.map((r) => [r.member_id, Number(r.v ?? 0)]));
  }

  /**
   * Compare-and-set of the batch's standings: a row changes only if it still holds what the review
   * read (a purchase may have upgraded the member meanwhile); members without a row get one unless
   * one appeared. A standing only rewritten in a renamed code (not judged) passes its stored
   * `reviewedThrough` back, possibly null. Returns the members actually written.
   */
  async applyStandings(
    m: EntityManager,
    tenantId: string,
    rows: readonly {
      memberId: string;
      expectedCode: string | null;
      expectedSince: Date | null;
      code: string;
      since: Date;
      graceUntil: Date | null;
      ladderVersion: number;
      reviewedThrough: Date | null;
    }[],
  ): Promise<Set<string>> {
    const existing = rows.filter((r) => r.expectedCode !== null);
    const fresh = rows.filter((r) => r.expectedCode === null);
    const written = new Set<string>();
    if (existing.length > 0) {
      const updated = returnedRows<{ member_id: string }>(
        await m.query(
          `UPDATE member_tiers t SET code = x.code, since = x.since, grace_until = x.grace_until, ladder_version = x.lv, reviewed_through = x.rt
           FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::int[], $9::timestamptz[])
             AS x(member_id, expected_code, expected_since, code, since, grace_until, lv, rt)
           WHERE t.tenant_id = $1 AND t.member_id = x.member_id AND t.code = x.expected_code AND t.since = x.expected_since
           RETURNING t.member_id`,
          [
            tenantId,
            existing.map((r) => r.memberId),
            existing.map((r) => r.expectedCode),
            existing.map((r) => r.expectedSince),
            existing.map((r) => r.code),
            existing.map((r) => r.since),
            existing.map((r) => r.graceUntil),
            existing.map((r) => r.ladderVersion),
            existing.map((r) => r.reviewedThrough),
          ],
        ),
      );
      for (const r of updated) written.add(r.member_id);
    }
    if (fresh.length > 0) {
      const inserted = await m.query<{ member_id: string }[]>(
        `INSERT INTO member_tiers (tenant_id, member_id, code, since, grace_until, ladder_version, reviewed_through)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::timestamptz[])
         ON CONFLICT DO NOTHING RETURNING member_id`,
        [tenantId, fresh.map((r) => r.memberId), fresh.map((r) => r.code), fresh.map((r) => r.since), fresh.map((r) => r.graceUntil), fresh.map((r) => r.ladderVersion), fresh.map((r) => r.reviewedThrough)],
      );
      for (const r of inserted) written.add(r.member_id);
    }
    return written;
  }

  async advanceRun(
    m: EntityManager,
    tenantId: string,
    id: string,
    step: { cursor: string; processed: number; upgraded: number; downgraded: number; graced: number; kept: number; preview: readonly PreviewMove[]; ladderVersion: number },
    leaseMs: number,
  ): Promise<void> {
    await m.query(
      `UPDATE tier_reviews SET cursor = $3, processed = processed + $4, upgraded = upgraded + $5, downgraded = downgraded + $6, graced = graced + $7,
         kept = kept + $8, preview = CASE WHEN jsonb_array_length(preview) < 200 THEN preview || $9::jsonb ELSE preview END,
         ladder_version = $10, lease_until = now() + ($11 || ' milliseconds')::interval
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, step.cursor, step.processed, step.upgraded, step.downgraded, step.graced, step.kept, JSON.stringify(step.preview.slice(0, 200)), step.ladderVersion, String(leaseMs)],
    );
  }

  async finishRun(tenantId: string, id: string, status: 'completed' | 'failed', error: string | null): Promise<void> {
    await this.ds.query(`UPDATE tier_reviews SET status = $3, error = $4, finished_at = now(), lease_until = NULL WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      status,
      error,
    ]);
  }
}
