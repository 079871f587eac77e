import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign definitions, versioned: every save is a new row in `campaign_versions` (never
 * rewritten) and the header points at the current one; `campaign_history` records who did what
 * (saves, publish, pause, resume, end) and when. The stored state is what people did
 * (draft | published | paused | ended); scheduled, active and ended-by-date are read from the clock.
 */
export class CampaignVersions1763900000310 implements MigrationInterface {
  name = 'CampaignVersions1763900000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX campaigns_status`);
    await q.query(`ALTER TABLE campaigns DROP COLUMN status`);
    await q.query(`
      ALTER TABLE campaigns
        ADD COLUMN state      text        NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'paused', 'ended')),
        ADD COLUMN version    int         NOT NULL DEFAULT 1,
        ADD COLUMN starts_at  timestamptz,
        ADD COLUMN ends_at    timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX campaigns_live ON campaigns (tenant_id) WHERE state = 'published'`);
    await q.query(`
      CREATE TABLE campaign_versions (
        tenant_id   uuid        NOT NULL,
        campaign_id uuid        NOT NULL,
        version     int         NOT NULL,
        definition  jsonb       NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        created_by  text        NOT NULL,
        PRIMARY KEY (tenant_id, campaign_id, version)
      )`);
    await q.query(`
      CREATE TABLE campaign_history (
        tenant_id   uuid        NOT NULL,
        campaign_id uuid        NOT NULL,
        seq         bigint      GENERATED ALWAYS AS IDENTITY,
        at          timestamptz NOT NULL DEFAULT now(),
        action      text        NOT NULL,
        version     int         NOT NULL,
        operator    text        NOT NULL,
        PRIMARY KEY (tenant_id, campaign_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_history');
    await q.query('DROP TABLE campaign_versions');
    await q.query('DROP INDEX campaigns_live');
    await q.query(`ALTER TABLE campaigns DROP COLUMN state, DROP COLUMN version, DROP COLUMN starts_at, DROP COLUMN ends_at, DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE campaigns ADD COLUMN status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'active', 'paused', 'ended'))`);
    await q.query(`CREATE INDEX campaigns_status ON campaigns (tenant_id, status)`);
  }
}
