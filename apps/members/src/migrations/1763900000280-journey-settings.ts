import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each club's journey thresholds (days to at risk, lapsed, churned; purchases to active). */
export class JourneySettings1763900000280 implements MigrationInterface {
  name = 'JourneySettings1763900000280';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE journey_settings (
        tenant_id  uuid        NOT NULL PRIMARY KEY,
        thresholds jsonb       NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE journey_settings');
  }
}
