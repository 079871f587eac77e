import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledger jobs (issue 4, jobs at scale): activation, expiry, expiry warnings and the hold sweep as
 * leased, resumable runs per tenant, like the members service's passes.
 *
 * - `ledger_jobs`: one row per run. `policy` and `timezone` are fixed when the run is created;
 *   `cursor` (the keyset position, with the expire job's phase) and the counters commit with each
 *   batch's effects, so a run resumed after a crash continues where the last commit left it.
 *   At most one unfinished run per tenant, kind and dry-run flag (asking again returns it); a
 *   scheduled run has a `period_key` (the tenant's local date, or the hold sweep's slot) that
 *   makes the scheduler's request idempotent across replicas.
 * - `ledger_tenants`: the time zone, calendar and currency of every tenant the service has seen
 *   (remembered from the gRPC metadata), so the scheduler knows each tenant's local day.
 * - The job queues walk lots in (activates_at, id) and (expires_at, id) order: the partial
 *   indexes of 1763900000110 get `id` as a last key column, so a batch is a pure index range
 *   however many lots share one expiry instant (expiry has day granularity: a whole day's lots
 *   expire at the same local midnight).
 * - `ledger_entries_tenant_time` already serves the liability at a past date (tenant, created_at).
 * `ledger_jobs_claim` is deliberately not led by tenant_id: the workers claim the oldest
 * claimable run across tenants (like the members service's passes).
 */
export class LedgerJobs1763900000120 implements MigrationInterface {
  name = 'LedgerJobs1763900000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_jobs (
        tenant_id      uuid        NOT NULL,
        id             uuid        NOT NULL,
        kind           text        NOT NULL CHECK (kind IN ('activate', 'expire', 'warn', 'release-holds')),
        at             timestamptz NOT NULL,
        dry_run        boolean     NOT NULL,
        period_key     text,
        status         text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed')),
        timezone       text        NOT NULL,
        policy         jsonb       NOT NULL,
        cursor         jsonb,
        processed      bigint      NOT NULL DEFAULT 0,
        points         bigint      NOT NULL DEFAULT 0,
        value          numeric(40) NOT NULL DEFAULT 0,
        holds_released bigint      NOT NULL DEFAULT 0,
        hold_points    bigint      NOT NULL DEFAULT 0,
        preview        jsonb       NOT NULL DEFAULT '[]',
        error          text,
        lease_until    timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        started_at     timestamptz,
        finished_at    timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_jobs_period ON ledger_jobs (tenant_id, kind, period_key) WHERE period_key IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX ledger_jobs_one_open ON ledger_jobs (tenant_id, kind, dry_run) WHERE status IN ('pending', 'running')`);
    await q.query(`CREATE INDEX ledger_jobs_claim ON ledger_jobs (created_at) WHERE status IN ('pending', 'running')`);
    await q.query(`CREATE INDEX ledger_jobs_recent ON ledger_jobs (tenant_id, kind, created_at DESC)`);

    await q.query(`
      CREATE TABLE ledger_tenants (
        tenant_id  uuid        NOT NULL PRIMARY KEY,
        timezone   text        NOT NULL,
        calendar   text        NOT NULL CHECK (calendar IN ('jalali', 'gregorian')),
        currency   char(3)     NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`DROP INDEX IF EXISTS lots_to_activate`);
    await q.query(`CREATE INDEX lots_to_activate ON lots (tenant_id, activates_at, id) WHERE status = 'pending'`);
    await q.query(`DROP INDEX IF EXISTS lots_to_expire`);
    await q.query(`CREATE INDEX lots_to_expire ON lots (tenant_id, expires_at, id) WHERE status = 'active' AND remaining > 0 AND expires_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX lots_to_expire`);
    await q.query(`CREATE INDEX lots_to_expire ON lots (tenant_id, expires_at) WHERE status = 'active' AND remaining > 0 AND expires_at IS NOT NULL`);
    await q.query(`DROP INDEX lots_to_activate`);
    await q.query(`CREATE INDEX lots_to_activate ON lots (tenant_id, activates_at) WHERE status = 'pending'`);
    await q.query('DROP TABLE ledger_tenants');
    await q.query('DROP TABLE ledger_jobs');
  }
}
