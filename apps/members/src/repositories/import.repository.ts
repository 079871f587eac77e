import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '@club/platform-db';

export interface ImportJob {
  readonly tenantId: string;
  readonly id: string;
  readonly format: 'csv' | 'jsonl';
  readonly birthDateCalendar: 'jalali' | 'gregorian' | null;
  readonly status: 'uploading' | 'pending' | 'running' | 'completed' | 'failed';
  readonly timezone: string;
  readonly calendar: 'jalali' | 'gregorian';
  readonly locale: 'fa' | 'en';
  readonly currency: string;
  readonly recordsDone: number;
  readonly imported: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly errors: readonly { line: number; field: string; reason: string }[];
  readonly warnings: readonly string[];
  readonly error: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

interface JobRow {
  tenant_id: string;
  id: string;
  format: ImportJob['format'];
  birth_date_calendar: ImportJob['birthDateCalendar'];
  status: ImportJob['status'];
  timezone: string;
  calendar: ImportJob['calendar'];
  locale: ImportJob['locale'];
  currency: string;
  records_done: number;
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: ImportJob['errors'];
  warnings: string[];
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toJob = (r: JobRow): ImportJob => ({
  tenantId: r.tenant_id,
  id: r.id,
  format: r.format,
  birthDateCalendar: r.birth_date_calendar,
  status: r.status,
  timezone: r.timezone,
  calendar: r.calendar,
  locale: r.locale,
  currency: r.currency,
  recordsDone: r.records_done,
  imported: r.imported,
  updated: r.updated,
  unchanged: r.unchanged,
  failed: r.failed,
  errors: r.errors,
  warnings: r.warnings,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export const MAX_REPORTED_ERRORS = 1000;

@Injectable()
export class ImportRepository {
  constructor(private readonly ds: DataSource) {}

  async createJob(job: Pick<ImportJob, 'tenantId' | 'id' | 'format' | 'birthDateCalendar' | 'timezone' | 'calendar' | 'locale' | 'currency'>): Promise<ImportJob> {
    const rows = await this.ds.query<JobRow[]>(
      `INSERT INTO import_jobs (tenant_id, id, format, birth_date_calendar, timezone, calendar, locale, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [job.tenantId, job.id, job.format, job.birthDateCalendar, job.timezone, job.calendar, job.locale, job.currency],
    );
    return toJob(rows[0]);
  }

  async findJob(tenantId: string, id: string): Promise<ImportJob | undefined> {
    const rows = await this.ds.query<JobRow[]>(`SELECT * FROM import_jobs WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /** Stores one chunk of the upload; re-sending the same chunk number is idempotent. */
  async appendChunk(tenantId: string, importId: string, seq: number, content: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO import_chunks (tenant_id, import_id, seq, content) SELECT $1, $2, $3, $4
       WHERE EXISTS (SELECT 1 FROM import_jobs WHERE tenant_id = $1 AND id = $2 AND status = 'uploading')
       ON CONFLICT DO NOTHING`,
      [tenantId, importId, seq, content],
    );
  }

  /** Closes the upload; the worker picks the job up. */
  async markPending(tenantId: string, id: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.ds.query(`UPDATE import_jobs SET status = 'pending' WHERE tenant_id = $1 AND id = $2 AND status = 'uploading' RETURNING id`, [tenantId, id]),
    );
    return rows.length === 1;
  }

  async chunkCount(tenantId: string, id: string): Promise<number> {
    const [{ n }] = await this.ds.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM import_chunks WHERE tenant_id = $1 AND import_id = $2`, [tenantId, id]);
    return n;
  }

  async chunkStats(tenantId: string, id: string): Promise<{ count: number; maxSeq: number }> {
    const [r] = await this.ds.query<[{ n: number; max: number | null }]>(
      `SELECT count(*)::int AS n, max(seq) AS max FROM import_chunks WHERE tenant_id = $1 AND import_id = $2`,
      [tenantId, id],
    );
    return { count: r.n, maxSeq: r.max ?? -1 };
  }

  async deleteChunks(tenantId: string, id: string): Promise<void> {
    await this.ds.query(`DELETE FROM import_chunks WHERE tenant_id = $1 AND import_id = $2`, [tenantId, id]);
  }

  async readChunk(tenantId: string, id: string, seq: number): Promise<string | undefined> {
    const rows = await this.ds.query<{ content: string }[]>(`SELECT content FROM import_chunks WHERE tenant_id = $1 AND import_id = $2 AND seq = $3`, [tenantId, id, seq]);
    return rows[0]?.content;
  }

  async claimJob(leaseMs: number): Promise<ImportJob | undefined> {
    const rows = returnedRows<JobRow>(
      await this.ds.query(
        `UPDATE import_jobs j SET status = 'running', started_at = coalesce(j.started_at, now()), lease_until = now() + ($1 || ' milliseconds')::interval
         FROM (SELECT tenant_id, id FROM import_jobs WHERE status IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < now())
               ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) c
         WHERE j.tenant_id = c.tenant_id AND j.id = c.id RETURNING j.*`,
        [String(leaseMs)],
      ),
    );
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  async lockJob(m: EntityManager, tenantId: string, id: string): Promise<ImportJob | undefined> {
    const rows = await m.query<JobRow[]>(`SELECT * FROM import_jobs WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  async advanceJob(
    m: EntityManager,
    tenantId: string,
    id: string,
    step: { records: number; imported: number; updated: number; unchanged: number; failed: number; errors: readonly { line: number; field: string; reason: string }[] },
    leaseMs: number,
  ): Promise<void> {
    await m.query(
      `UPDATE import_jobs SET records_done = records_done + $3, imported = imported + $4, updated = updated + $5, unchanged = unchanged + $6,
         failed = failed + $7,
         errors = CASE WHEN jsonb_array_length(errors) < ${MAX_REPORTED_ERRORS} THEN errors || $8::jsonb ELSE errors END,
         lease_until = now() + ($9 || ' milliseconds')::interval
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, step.records, step.imported, step.updated, step.unchanged, step.failed, JSON.stringify(step.errors.slice(0, MAX_REPORTED_ERRORS)), String(leaseMs)],
    );
  }

  async setWarnings(tenantId: string, id: string, warnings: readonly string[]): Promise<void> {
    await this.ds.query(`UPDATE import_jobs SET warnings = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, JSON.stringify(warnings)]);
  }

  async finishJob(tenantId: string, id: string, status: 'completed' | 'failed', error: string | null): Promise<void> {
    await this.ds.query(`UPDATE import_jobs SET status = $3, error = $4, finished_at = now(), lease_until = NULL WHERE tenant_id = $1 AND id = $2 AND status = 'running'`, [
      tenantId,
      id,
      status,
      error,
    ]);
  }
}
