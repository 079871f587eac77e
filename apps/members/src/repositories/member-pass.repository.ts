import { Injectable } from '@nestjs/common';
import { returnedRows } from '@club/platform-db';
import { DataSource, type EntityManager } from 'typeorm';

export type PassKind = 'scores' | 'segments' | 'journey';

export interface MemberPass {
  readonly tenantId: string;
  readonly id: string;
  readonly kind: PassKind;
  readonly periodKey: string | null;
  readonly status: 'pending' | 'running' | 'completed' | 'failed';
  readonly timezone: string;
  readonly asOf: Date;
  readonly state: unknown;
  readonly cursor: string | null;
  readonly processed: number;
  readonly changed: number;
  readonly error: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

interface PassRow {
  tenant_id: string;
  id: string;
  kind: PassKind;
  period_key: string | null;
  status: MemberPass['status'];
  timezone: string;
  as_of: Date;
  state: unknown;
  cursor: string | null;
  processed: number;
  changed: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toPass = (r: PassRow): MemberPass => ({
  tenantId: r.tenant_id,
  id: r.id,
  kind: r.kind,
  periodKey: r.period_key,
  status: r.status,
  timezone: r.timezone,
  asOf: r.as_of,
  state: r.state,
  cursor: r.cursor,
  processed: r.processed,
  changed: r.changed,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

@Injectable()
export class MemberPassRepository {
  constructor(private readonly ds: DataSource) {}

  get dataSource(): DataSource {
    return this.ds;
  }

  /**
   * Creates a pass unless the tenant already has an unfinished one of this kind (that one is
   * returned: asking twice starts one pass) or, for a scheduled pass, one for the same period
   * exists (returned whatever its status).
   */
  async create(tenantId: string, p: { id: string; kind: PassKind; periodKey: string | null; timezone: string; asOf: Date }): Promise<{ pass: MemberPass; created: boolean }> {
    const inserted = await this.ds.query<PassRow[]>(
      `INSERT INTO member_passes (tenant_id, id, kind, period_key, timezone, as_of) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING *`,
      [tenantId, p.id, p.kind, p.periodKey, p.timezone, p.asOf],
    );
    if (inserted[0]) return { pass: toPass(inserted[0]), created: true };
    const existing = await this.ds.query<PassRow[]>(
      `SELECT * FROM member_passes WHERE tenant_id = $1 AND kind = $2
         AND (status IN ('pending', 'running') OR ($3::text IS NOT NULL AND period_key = $3))
       ORDER BY (period_key IS NOT DISTINCT FROM $3) DESC, created_at DESC LIMIT 1`,
      [tenantId, p.kind, p.periodKey],
    );
    if (!existing[0]) throw new Error('member pass neither created nor found'); // a conflict that vanished: the caller may retry
    return { pass: toPass(existing[0]), created: false };
  }

  async find(tenantId: string, id: string): Promise<MemberPass | undefined> {
    const rows = await this.ds.query<PassRow[]>(`SELECT * FROM member_passes WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toPass(rows[0]) : undefined;
  }

  async findByPeriod(tenantId: string, kind: PassKind, periodKey: string): Promise<MemberPass | undefined> {
    const rows = await this.ds.query<PassRow[]>(`SELECT * FROM member_passes WHERE tenant_id = $1 AND kind = $2 AND period_key = $3`, [tenantId, kind, periodKey]);
    return rows[0] ? toPass(rows[0]) : undefined;
  }

  /** Claims the oldest unfinished pass whose lease has expired. Cross-tenant by design: this is the job scheduler. */
  async claim(leaseMs: number): Promise<MemberPass | undefined> {
    const rows = returnedRows<PassRow>(
      await this.ds.query(
        `UPDATE member_passes p SET status = 'running', started_at = coalesce(p.started_at, now()), lease_until = now() + ($1 || ' milliseconds')::interval
         FROM (SELECT tenant_id, id FROM member_passes WHERE status IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < now())
               ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) c
         WHERE p.tenant_id = c.tenant_id AND p.id = c.id RETURNING p.*`,
        [String(leaseMs)],
      ),
    );
    return rows[0] ? toPass(rows[0]) : undefined;
  }

  /** Locks the pass for a batch (its cursor and state are read under the lock). */
  async lock(m: EntityManager, tenantId: string, id: string): Promise<MemberPass | undefined> {
    const rows = await m.query<PassRow[]>(`SELECT * FROM member_passes WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return rows[0] ? toPass(rows[0]) : undefined;
  }

  async saveState(m: EntityManager, tenantId: string, id: string, state: unknown, leaseMs: number): Promise<void> {
    await m.query(`UPDATE member_passes SET state = $3, lease_until = now() + ($4 || ' milliseconds')::interval WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      JSON.stringify(state),
      String(leaseMs),
    ]);
  }

  async advance(m: EntityManager, tenantId: string, id: string, step: { cursor: string; processed: number; changed: number }, leaseMs: number): Promise<void> {
    await m.query(
      `UPDATE member_passes SET cursor = $3, processed = processed + $4, changed = changed + $5, lease_until = now() + ($6 || ' milliseconds')::interval
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, step.cursor, step.processed, step.changed, String(leaseMs)],
    );
  }

  async finish(tenantId: string, id: string, status: 'completed' | 'failed', error: string | null): Promise<void> {
    await this.ds.query(`UPDATE member_passes SET status = $3, error = $4, finished_at = now(), lease_until = NULL WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      status,
      error,
    ]);
  }

  /** Every tenant the service knows (cross-tenant: the scheduler walks them). */
  async tenants(): Promise<{ tenantId: string; timezone: string; calendar: 'jalali' | 'gregorian' }[]> {
    const rows = await this.ds.query<{ tenant_id: string; timezone: string; calendar: 'jalali' | 'gregorian' }[]>(
      `SELECT tenant_id, timezone, calendar FROM tenant_settings ORDER BY tenant_id`,
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, timezone: r.timezone, calendar: r.calendar }));
  }
}
