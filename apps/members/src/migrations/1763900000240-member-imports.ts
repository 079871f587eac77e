import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk member imports: the uploaded file (in chunks, as it arrived), and a job with progress,
 * counters and a line-numbered error report. `import_jobs_claim` serves the cross-tenant worker.
 */
export class MemberImports1763900000240 implements MigrationInterface {
  name = 'MemberImports1763900000240';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_jobs (
        tenant_id           uuid        NOT NULL,
        id                  uuid        NOT NULL,
        format              text        NOT NULL CHECK (format IN ('csv', 'jsonl')),
        birth_date_calendar text,
        status              text        NOT NULL DEFAULT 'uploading' CHECK (status IN ('uploading', 'pending', 'running', 'completed', 'failed')),
        timezone            text        NOT NULL,
        calendar            text        NOT NULL,
        locale              text        NOT NULL,
        currency            text        NOT NULL,
        records_done        int         NOT NULL DEFAULT 0,
        imported            int         NOT NULL DEFAULT 0,
        updated             int         NOT NULL DEFAULT 0,
        unchanged           int         NOT NULL DEFAULT 0,
        failed              int         NOT NULL DEFAULT 0,
        errors              jsonb       NOT NULL DEFAULT '[]',
        warnings            jsonb       NOT NULL DEFAULT '[]',
        error               text,
        lease_until         timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        started_at          timestamptz,
        finished_at         timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX import_jobs_claim ON import_jobs (created_at) WHERE status IN ('pending', 'running')`);
    await q.query(`
      CREATE TABLE import_chunks (
        tenant_id uuid NOT NULL,
        import_id uuid NOT NULL,
        seq       int  NOT NULL,
        content   text NOT NULL,
        PRIMARY KEY (tenant_id, import_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_chunks');
    await q.query('DROP TABLE import_jobs');
  }
}
