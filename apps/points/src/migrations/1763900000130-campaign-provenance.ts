import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign provenance (issue 5): a checkout records the points its campaigns gave and every effect
 * applied (campaign, version, rule, kind, points or discount); an earn entry records where its
 * points came from (`{basePoints, campaigns: [{campaignId, version, ruleId, kind, points}]}`).
 * Both are written once with the row: entries stay append-only.
 */
export class CampaignProvenance1763900000130 implements MigrationInterface {
  name = 'CampaignProvenance1763900000130';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE checkouts ADD COLUMN campaign_points bigint NOT NULL DEFAULT 0, ADD COLUMN campaign_effects jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE ledger_entries ADD COLUMN provenance jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE ledger_entries DROP COLUMN provenance');
    await q.query('ALTER TABLE checkouts DROP COLUMN campaign_points, DROP COLUMN campaign_effects');
  }
}
