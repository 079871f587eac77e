import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a tenant's campaigns are evaluated with, beyond the campaigns themselves:
 * - `campaign_settings`: the evaluation groups' stacking modes and priorities and the point value
 *   best-for-customer compares points with discounts by; every save is a new version (never
 *   rewritten, the latest is in force, who saved it is kept);
 * - `rule_attributes`: the custom member attributes the club declared in the members service
 *   (`members.attribute.defined.v1`), which rules may read as `member.attributes.<key>`, typed.
 *   `defined_at` keeps the latest definition when events arrive out of order.
 */
export class CampaignSettings1763900000370 implements MigrationInterface {
  name = 'CampaignSettings1763900000370';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaign_settings (
        tenant_id  uuid        NOT NULL,
        version    int         NOT NULL CHECK (version > 0),
        settings   jsonb       NOT NULL,
        created_by text        NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, version)
      )`);
    await q.query(`
      CREATE TABLE rule_attributes (
        tenant_id  uuid        NOT NULL,
        key        text        NOT NULL,
        type       text        NOT NULL CHECK (type IN ('string', 'number', 'boolean', 'date', 'enum')),
        options    text[],
        defined_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rule_attributes');
    await q.query('DROP TABLE campaign_settings');
  }
}
