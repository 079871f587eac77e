import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coupons a rule issues to a member (`issue-coupon` effects of a recorded checkout): a fresh code
 * in the effect's batch, remembered with the member and the effect that issued it
 * (`<transactionId>/<campaignId>/<ruleId>`), unique per batch, so a redelivered checkout issues
 * nothing twice.
 */
export class IssuedCoupons1763900000380 implements MigrationInterface {
  name = 'IssuedCoupons1763900000380';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE coupons ADD COLUMN issued_to uuid, ADD COLUMN issued_for text, ADD COLUMN issued_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX coupons_issued_for ON coupons (tenant_id, batch_id, issued_for) WHERE issued_for IS NOT NULL`);
    await q.query(`CREATE INDEX coupons_issued_to ON coupons (tenant_id, issued_to) WHERE issued_to IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX coupons_issued_to');
    await q.query('DROP INDEX coupons_issued_for');
    await q.query('ALTER TABLE coupons DROP COLUMN issued_to, DROP COLUMN issued_for, DROP COLUMN issued_at');
  }
}
