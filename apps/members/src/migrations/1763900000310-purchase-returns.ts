import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns as purchase facts: a row per return (`return:<returnId>`) with the returned amount and
 * tier points negated, dated at the purchase it returns so it reduces that purchase's window.
 * Purchase counts skip them.
 */
export class PurchaseReturns1763900000310 implements MigrationInterface {
  name = 'PurchaseReturns1763900000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member_purchases ADD COLUMN is_return boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member_purchases DROP COLUMN is_return`);
  }
}
