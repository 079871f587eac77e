import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ledgerPolicySchema, type Calendar, type LedgerJobKind, type LedgerPolicy } from '@club/contracts';
import { returnedRows } from '@club/platform-db';

/** Where a run is: the expire job releases expired holds first, then expires lots. */
export interface JobCursor {
  readonly phase: 'holds' | 'lots';
  /** The keyset position within the phase: the last (instant, id) handled; null at the start. */
  readonly t: string | null;
  readonly id: string | null;
}

export interface PreviewItem {
  readonly memberId: string;
  readonly lotId: string | null;
  readonly redemptionId: string | null;
  readonly points: number;
  readonly at: string | null;
}

export interface LedgerJob {
  readonly tenantId: string;
  readonly id: string;
  readonly kind: LedgerJobKind;
  readonly at: Date;
  readonly dryRun: boolean;
  readonly periodKey: string | null;
  readonly status: 'pending' | 'running' | 'completed' | 'failed';
  readonly timezone: string;
  readonly policy: LedgerPolicy;
  readonly cursor: JobCursor | null;
  readonly processed: number;
  readonly points: number;
  /** Minor units, exact. */
  readonly value: bigint;
  readonly holdsReleased: number;
  readonly holdPoints: number;
  readonly preview: readonly PreviewItem[];
  readonly error: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface NewLedgerJob {
  readonly id: string;
  readonly kind: LedgerJobKind;
  readonly at: Date;
  readonly dryRun: boolean;
  readonly periodKey: string | null;
  readonly timezone: string;
  readonly policy: LedgerPolicy;
}

/** What one batch adds to a run. */
export interface JobProgress {
  readonly cursor: JobCursor;
  readonly processed: number;
  readonly points: number;
  readonly value: bigint;
  readonly holdsReleased: number;
  readonly holdPoints: number;
  readonly preview: readonly PreviewItem[];
}

export interface KnownTenant {
  readonly tenantId: string;
  readonly timezone: string;
  readonly calendar: Calendar;
  readonly currency: string;
}

interface JobRow {
  tenant_id: string;
  id: string;
  kind: LedgerJobKind;
  at: Date;
  dry_run: boolean;
  period_key: string | null;
  status: LedgerJob['status'];
  timezone: string;
  policy: unknown;
  cursor: JobCursor | null;
  processed: string;
  points: string;
  value: string;
  holds_released: string;
  hold_points: string;
  preview: PreviewItem[];
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toJob = (r: JobRow): LedgerJob => ({
  tenantId: r.tenant_id,
  id: r.id,
  kind: r.kind,
  at: r.at,
  dryRun: r.dry_run,
  periodKey: r.period_key,
  status: r.status,
  timezone: r.timezone,
  policy: ledgerPolicySchema.parse(r.policy),
  cursor: r.cursor,
  processed: Number(r.processed),
  points: Number(r.points),
  value: BigInt(r.value),
  holdsReleased: Number(r.holds_released),
  holdPoints: Number(r.hold_points),
  preview: r.preview,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

const lease = (ms: number) => String(ms);

/** The `ledger_jobs` runs, the tenants the scheduler walks, and the tenant's ledger policy. */
@Injectable()
export class LedgerJobRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Creates a run unless the tenant already has an unfinished one of this kind and dry-run flag
   * (that one is returned: asking twice starts one run) or, for a scheduled run, one for the
   * same period exists (returned whatever its status).
   */
  async create(tenantId: string, j: NewLedgerJob): Promise<{ job: LedgerJob; created: boolean }> {
    const inserted = await this.ds.query<JobRow[]>(
      `INSERT INTO ledger_jobs (tenant_id, id, kind, at, dry_run, period_key, timezone, policy) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING RETURNING *`,
      [tenantId, j.id, j.kind, j.at, j.dryRun, j.periodKey, j.timezone, JSON.stringify(j.policy)],
    );
    if (inserted[0]) return { job: toJob(inserted[0]), created: true };
    const existing = await this.ds.query<JobRow[]>(
      `SELECT * FROM ledger_jobs WHERE tenant_id = $1 AND kind = $2
         AND ((dry_run = $3 AND status IN ('pending', 'running')) OR ($4::text IS NOT NULL AND period_key = $4))
       ORDER BY (period_key IS NOT DISTINCT FROM $4) DESC, created_at DESC LIMIT 1`,
      [tenantId, j.kind, j.dryRun, j.periodKey],
    );
    if (!existing[0]) throw new Error('ledger job neither created nor found'); // a conflict that vanished: the caller may retry
    return { job: toJob(existing[0]), created: false };
  }

  async find(tenantId: string, id: string): Promise<LedgerJob | undefined> {
    const rows = await this.ds.query<JobRow[]>(`SELECT * FROM ledger_jobs WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /** Claims the oldest unfinished run whose lease has expired. Cross-tenant by design: this is the job scheduler. */
  async claim(leaseMs: number): Promise<LedgerJob | undefined> {
    const rows = returnedRows<JobRow>(
      await this.ds.query(
        `UPDATE ledger_jobs j SET status = 'running', started_at = coalesce(j.started_at, now()), lease_until = now() + ($1 || ' milliseconds')::interval
         FROM (SELECT tenant_id, id FROM ledger_jobs WHERE status IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < now())
               ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) c
         WHERE j.tenant_id = c.tenant_id AND j.id = c.id RETURNING j.*`,
        [lease(leaseMs)],
      ),
    );
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /** Locks the run for a batch: its cursor and counters are read under the lock and written with the batch. */
  async lock(m: EntityManager, tenantId: string, id: string): Promise<LedgerJob | undefined> {
    const rows = await m.query<JobRow[]>(`SELECT * FROM ledger_jobs WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /** Adds a batch's counts and moves the cursor (in the batch's transaction), extending the lease. */
  async advance(m: EntityManager, tenantId: string, id: string, p: JobProgress, leaseMs: number): Promise<void> {
    await m.query(
      `UPDATE ledger_jobs SET cursor = $3, processed = processed + $4, points = points + $5, value = $6, holds_released = holds_released + $7,
         hold_points = hold_points + $8, preview = $9, lease_until = now() + ($10 || ' milliseconds')::interval
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, JSON.stringify(p.cursor), p.processed, p.points, p.value.toString(), p.holdsReleased, p.holdPoints, JSON.stringify(p.preview), lease(leaseMs)],
    );
  }

  async finish(tenantId: string, id: string, status: 'completed' | 'failed', error: string | null): Promise<void> {
    await this.ds.query(`UPDATE ledger_jobs SET status = $3, error = $4, finished_at = now(), lease_until = NULL WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      status,
      error,
    ]);
  }

  /** The tenant's ledger policy (the defaults when it never set one). */
  async findPolicy(tenantId: string): Promise<LedgerPolicy> {
    const rows = await this.ds.query<{ policy: unknown }[]>(`SELECT policy FROM ledger_policies WHERE tenant_id = $1`, [tenantId]);
    return ledgerPolicySchema.parse(rows[0]?.policy ?? {});
  }

  /** Remembers a tenant's zone, calendar and currency (from a call's metadata) for the scheduler. */
  async rememberTenant(t: KnownTenant): Promise<void> {
    await this.ds.query(
      `INSERT INTO ledger_tenants (tenant_id, timezone, calendar, currency) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET timezone = EXCLUDED.timezone, calendar = EXCLUDED.calendar, currency = EXCLUDED.currency, updated_at = now()
       WHERE (ledger_tenants.timezone, ledger_tenants.calendar, ledger_tenants.currency) IS DISTINCT FROM (EXCLUDED.timezone, EXCLUDED.calendar, EXCLUDED.currency)`,
      [t.tenantId, t.timezone, t.calendar, t.currency],
    );
  }

  /** Every tenant the service has seen (cross-tenant: the scheduler walks them). */
  async tenants(): Promise<KnownTenant[]> {
    const rows = await this.ds.query<{ tenant_id: string; timezone: string; calendar: Calendar; currency: string }[]>(
      `SELECT tenant_id, timezone, calendar, currency FROM ledger_tenants ORDER BY tenant_id`,
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, timezone: r.timezone, calendar: r.calendar, currency: r.currency }));
  }

  /**
   * Tenants with a hold past its expiry at `at`, with their zone when known (cross-tenant: the
   * hold sweep). Reads only the open holds (a partial index).
   */
  async tenantsWithExpiredHolds(at: Date): Promise<{ tenantId: string; timezone: string }[]> {
    const rows = await this.ds.query<{ tenant_id: string; timezone: string | null }[]>(
      `SELECT d.tenant_id, t.timezone FROM (SELECT DISTINCT tenant_id FROM redemptions WHERE status = 'held' AND hold_expires_at <= $1) d
       LEFT JOIN ledger_tenants t ON t.tenant_id = d.tenant_id ORDER BY d.tenant_id`,
      [at],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, timezone: r.timezone ?? 'UTC' }));
  }
}
