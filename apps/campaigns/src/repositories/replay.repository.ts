import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';
import type { CampaignInput } from '@club/contracts';
import type { AttributeDeclaration, EvaluationGroup, PointValue, TenantSettings } from '../domain/rule-engine';
import type { RecordedCheckout, RecordedFacts, ReplayTally } from '../domain/replay';

/** What a replay evaluates with, fixed when it is requested (a resumed replay uses the same). */
export interface ReplayPlan {
  readonly tenant: TenantSettings;
  readonly draft: { readonly id: string; readonly version: number; readonly definition: CampaignInput };
  readonly live: readonly { readonly id: string; readonly version: number; readonly definition: CampaignInput }[];
  readonly groups: readonly EvaluationGroup[];
  readonly pointValue: PointValue;
  readonly attributes: readonly AttributeDeclaration[];
}

export type ReplayStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface CampaignReplay {
  readonly tenantId: string;
  readonly id: string;
  readonly status: ReplayStatus;
  readonly campaignId: string | null;
  readonly days: number;
  readonly windowFrom: Date;
  readonly windowTo: Date;
  readonly plan: ReplayPlan;
  readonly report: ReplayTally;
  /** The last checkout replayed: its recorded instant (ISO with microseconds) and transaction id. */
  readonly cursor: { readonly at: string; readonly transactionId: string } | null;
  readonly error: string | null;
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export type TallyKind = 'base' | 'with';

interface ReplayRow {
  tenant_id: string;
  id: string;
  status: ReplayStatus;
  campaign_id: string | null;
  days: number;
  window_from: Date;
  window_to: Date;
  plan: ReplayPlan;
  report: ReplayTally;
  cursor_at: string | null;
  cursor_tx: string | null;
  error: string | null;
  requested_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** The cursor as exact text (microseconds; a JS Date would drop them and break the keyset). */
const COLUMNS = `tenant_id, id, status, campaign_id, days, window_from, window_to, plan, report,
  to_char(cursor_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at, cursor_tx, error, requested_by, created_at, started_at, finished_at`;

const toReplay = (r: ReplayRow): CampaignReplay => ({
  tenantId: r.tenant_id,
  id: r.id,
  status: r.status,
  campaignId: r.campaign_id,
  days: r.days,
  windowFrom: r.window_from,
  windowTo: r.window_to,
  plan: r.plan,
  report: r.report,
  cursor: r.cursor_at === null || r.cursor_tx === null ? null : { at: r.cursor_at, transactionId: r.cursor_tx },
  error: r.error,
  requestedBy: r.requested_by,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** Replays (leased jobs), the recorded checkouts they scan and their durable tallies. Tenant first everywhere. */
@Injectable()
export class ReplayRepository {
  constructor(private readonly ds: DataSource) {}

  async create(
    tenantId: string,
    r: { id: string; campaignId: string | null; days: number; windowFrom: Date; windowTo: Date; plan: ReplayPlan; report: ReplayTally; requestedBy: string },
  ): Promise<CampaignReplay> {
    const rows = await this.ds.query<ReplayRow[]>(
      `INSERT INTO campaign_replays (tenant_id, id, campaign_id, days, window_from, window_to, plan, report, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING ${COLUMNS}`,
      [tenantId, r.id, r.campaignId, r.days, r.windowFrom, r.windowTo, JSON.stringify(r.plan), JSON.stringify(r.report), r.requestedBy],
    );
    return toReplay(rows[0]);
  }

  async find(tenantId: string, id: string): Promise<CampaignReplay | undefined> {
    const rows = await this.ds.query<ReplayRow[]>(`SELECT ${COLUMNS} FROM campaign_replays WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toReplay(rows[0]) : undefined;
  }

  async unfinished(tenantId: string): Promise<number> {
    const rows = await this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM campaign_replays WHERE tenant_id = $1 AND status IN ('pending', 'running')`, [tenantId]);
    return rows[0].n;
  }

  /** Claims the oldest unfinished replay whose lease has expired. Cross-tenant by design: this is the job scheduler. */
  async claim(leaseMs: number): Promise<CampaignReplay | undefined> {
    const rows = returnedRows<ReplayRow>(
      await this.ds.query(
        `UPDATE campaign_replays p SET status = 'running', started_at = coalesce(p.started_at, now()), lease_until = now() + ($1 || ' milliseconds')::interval
         FROM (SELECT tenant_id, id FROM campaign_replays WHERE status IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < now())
               ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) c
         WHERE p.tenant_id = c.tenant_id AND p.id = c.id
         RETURNING p.tenant_id, p.id, p.status, p.campaign_id, p.days, p.window_from, p.window_to, p.plan, p.report,
           to_char(p.cursor_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at, p.cursor_tx, p.error, p.requested_by, p.created_at, p.started_at, p.finished_at`,
        [String(leaseMs)],
      ),
    );
    return rows[0] ? toReplay(rows[0]) : undefined;
  }

  /** Locks the replay for a page (its cursor and report are read under the lock). */
  async lock(m: EntityManager, tenantId: string, id: string): Promise<CampaignReplay | undefined> {
    const rows = await m.query<ReplayRow[]>(`SELECT ${COLUMNS} FROM campaign_replays WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return rows[0] ? toReplay(rows[0]) : undefined;
  }

  /**
   * The next checkouts after the cursor recorded in the window, in recorded order (keyset on
   * `campaign_applications_recorded`), with their facts. Voided and returned checkouts
   * (`reversed_at`) are left out: their campaign effects were taken back.
   */
  async page(m: EntityManager, replay: CampaignReplay, limit: number): Promise<(RecordedCheckout & { recordedAt: string })[]> {
    const rows = await m.query<{ transaction_id: string; facts: RecordedFacts; recorded_at: string }[]>(
      `SELECT transaction_id, facts, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at
         FROM campaign_applications
        WHERE tenant_id = $1 AND facts IS NOT NULL AND created_at >= $2 AND created_at < $3
          AND ($4::timestamptz IS NULL OR (created_at, transaction_id) > ($4::timestamptz, $5::text))
          AND reversed_at IS NULL
        ORDER BY created_at, transaction_id
        LIMIT $6`,
      [replay.tenantId, replay.windowFrom, replay.windowTo, replay.cursor?.at ?? null, replay.cursor?.transactionId ?? null, limit],
    );
    return rows.map((r) => ({ transactionId: r.transaction_id, facts: r.facts, recordedAt: r.recorded_at }));
  }

  async tallies(m: EntityManager, tenantId: string, replayId: string, kind: TallyKind, keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await m.query<{ key: string; used: string }[]>(
      `SELECT key, used FROM campaign_replay_tallies WHERE tenant_id = $1 AND replay_id = $2 AND kind = $3 AND key = ANY($4::text[])`,
      [tenantId, replayId, kind, keys],
    );
    return new Map(rows.map((r) => [r.key, Number(r.used)]));
  }

  async saveTallies(m: EntityManager, tenantId: string, replayId: string, kind: TallyKind, values: readonly (readonly [string, number])[]): Promise<void> {
    if (values.length === 0) return;
    await m.query(
      `INSERT INTO campaign_replay_tallies (tenant_id, replay_id, kind, key, used) SELECT $1, $2, $3, k, u FROM unnest($4::text[], $5::bigint[]) AS x(k, u)
       ON CONFLICT (tenant_id, replay_id, kind, key) DO UPDATE SET used = EXCLUDED.used`,
      [tenantId, replayId, kind, values.map(([k]) => k), values.map(([, v]) => v)],
    );
  }

  /** Records members reached; answers how many were not reached before. */
  async reach(m: EntityManager, tenantId: string, replayId: string, memberIds: readonly string[]): Promise<number> {
    if (memberIds.length === 0) return 0;
    const rows = await m.query<unknown[]>(
      `INSERT INTO campaign_replay_tallies (tenant_id, replay_id, kind, key, used) SELECT $1, $2, 'member', k, 1 FROM unnest($3::text[]) AS k
       ON CONFLICT DO NOTHING RETURNING key`,
      [tenantId, replayId, memberIds],
    );
    return rows.length;
  }

  async advance(m: EntityManager, tenantId: string, id: string, cursor: { at: string; transactionId: string }, report: ReplayTally, leaseMs: number): Promise<void> {
    await m.query(
      `UPDATE campaign_replays SET cursor_at = $3, cursor_tx = $4, report = $5, lease_until = now() + ($6 || ' milliseconds')::interval WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, cursor.at, cursor.transactionId, JSON.stringify(report), String(leaseMs)],
    );
  }

  /** An erased member's stored checkout facts are deleted (their checkouts drop out of later replays). */
  async forgetMember(m: EntityManager, tenantId: string, memberId: string): Promise<number> {
    const rows = returnedRows<unknown>(
      await m.query(`UPDATE campaign_applications SET facts = NULL WHERE tenant_id = $1 AND member_id = $2 AND facts IS NOT NULL RETURNING transaction_id`, [tenantId, memberId]),
    );
    return rows.length;
  }

  /** Settles the replay and drops its tallies (the report keeps the numbers). */
  async finish(tenantId: string, id: string, status: 'completed' | 'failed', error: string | null): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE campaign_replays SET status = $3, error = $4, finished_at = now(), lease_until = NULL WHERE tenant_id = $1 AND id = $2`, [tenantId, id, status, error]);
      await m.query(`DELETE FROM campaign_replay_tallies WHERE tenant_id = $1 AND replay_id = $2`, [tenantId, id]);
    });
  }
}
