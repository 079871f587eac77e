import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member passes: the scores, segments and journey recomputes as leased, resumable runs (like
 * tier reviews). `state` holds what a pass fixes when it starts (e.g. the population's quintile
 * cuts), `cursor` the last member id done; both commit with each batch's effects. At most one
 * unfinished pass per tenant and kind; a scheduled pass has a `period_key` (the tenant's local
 * date) that makes the scheduler's request idempotent across replicas.
 */
export class MemberPasses1763900000300 implements MigrationInterface {
  name = 'MemberPasses1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_passes (
        tenant_id   uuid        NOT NULL,
        id          uuid        NOT NULL,
        kind        text        NOT NULL CHECK (kind IN ('scores', 'segments', 'journey')),
        period_key  text,
        status      text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed')),
        timezone    text        NOT NULL,
        as_of       timestamptz NOT NULL,
        state       jsonb,
        cursor      uuid,
        processed   int         NOT NULL DEFAULT 0,
        changed     int         NOT NULL DEFAULT 0,
        error       text,
        lease_until timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now(),
        started_at  timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX member_passes_period ON member_passes (tenant_id, kind, period_key) WHERE period_key IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX member_passes_one_open ON member_passes (tenant_id, kind) WHERE status IN ('pending', 'running')`);
    await q.query(`CREATE INDEX member_passes_claim ON member_passes (created_at) WHERE status IN ('pending', 'running')`);
    await q.query(`CREATE INDEX member_passes_recent ON member_passes (tenant_id, kind, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE member_passes');
  }
}
