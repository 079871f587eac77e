import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets and limits as counters (`campaign:<id>/member:<id>/points/jalali-month:1404-01` …),
 * raised with a conditional update (`used + by <= max`) in the transaction that records the
 * checkout's evaluation, so concurrent checkouts never overshoot. `campaign_applications` keeps
 * each checkout's evaluation: a till retrying the checkout gets the same answer, counted once.
 */
export class CampaignCounters1763900000330 implements MigrationInterface {
  name = 'CampaignCounters1763900000330';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaign_counters (
        tenant_id uuid   NOT NULL,
        key       text   NOT NULL,
        used      bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
        PRIMARY KEY (tenant_id, key)
      )`);
    await q.query(`
      CREATE TABLE campaign_applications (
        tenant_id      uuid        NOT NULL,
        transaction_id text        NOT NULL,
        request_hash   text        NOT NULL,
        result         jsonb       NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, transaction_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_applications');
    await q.query('DROP TABLE campaign_counters');
  }
}
