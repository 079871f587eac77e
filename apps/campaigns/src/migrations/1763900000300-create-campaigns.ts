import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Campaign headers; rules, versions, budgets and coupons arrive with the campaigns issue. */
export class CreateCampaigns1763900000300 implements MigrationInterface {
  name = 'CreateCampaigns1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        tenant_id  uuid        NOT NULL,
        id         uuid        NOT NULL,
        name       text        NOT NULL,
        status     text        NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'scheduled', 'active', 'paused', 'ended')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX campaigns_status ON campaigns (tenant_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaigns');
  }
}
