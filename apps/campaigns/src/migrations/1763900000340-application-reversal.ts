import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Giving a checkout's campaign effects back: each evaluation records the counter increments it
 * made and the sale's amount, so
 * - a checkout the ledger refused (not enough points to redeem) is voided — its increments are
 *   taken off the counters and its coupons restored — once;
 * - returns (points.checkout.returned.v1) add up in `amount_returned`; when the whole sale has
 *   come back the checkout is reversed the same way. A partial return keeps the budgets used (they
 *   never overshoot); the points side reverses the campaign points line by line with the base.
 */
export class ApplicationReversal1763900000340 implements MigrationInterface {
  name = 'ApplicationReversal1763900000340';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE campaign_applications
        ADD COLUMN member_id       uuid,
        ADD COLUMN amount          bigint      NOT NULL DEFAULT 0,
        ADD COLUMN increments      jsonb       NOT NULL DEFAULT '[]',
        ADD COLUMN amount_returned bigint      NOT NULL DEFAULT 0,
        ADD COLUMN reversed_at     timestamptz,
        ADD COLUMN reversed_by     text CHECK (reversed_by IN ('void', 'return'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE campaign_applications DROP COLUMN member_id, DROP COLUMN amount, DROP COLUMN increments, DROP COLUMN amount_returned, DROP COLUMN reversed_at, DROP COLUMN reversed_by`,
    );
  }
}
