import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coupons: batches of unique, non-guessable codes (single or multi use, validity window,
 * per-member limit), each code's use count, and one redemption row per code and checkout
 * (the idempotency key: a till retrying the checkout redeems nothing twice), marked when a
 * return restores it.
 */
export class Coupons1763900000320 implements MigrationInterface {
  name = 'Coupons1763900000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coupon_batches (
        tenant_id          uuid        NOT NULL,
        id                 uuid        NOT NULL,
        campaign_id        uuid,
        name               text        NOT NULL,
        prefix             text        NOT NULL,
        code_count         int         NOT NULL,
        max_uses_per_code  int         CHECK (max_uses_per_code > 0),
        per_member_limit   int         CHECK (per_member_limit > 0),
        valid_from         timestamptz,
        valid_until        timestamptz,
        active             boolean     NOT NULL DEFAULT true,
        created_by         text        NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE coupons (
        tenant_id uuid NOT NULL,
        code      text NOT NULL,
        batch_id  uuid NOT NULL,
        uses      int  NOT NULL DEFAULT 0 CHECK (uses >= 0),
        PRIMARY KEY (tenant_id, code)
      )`);
    await q.query(`CREATE INDEX coupons_batch ON coupons (tenant_id, batch_id, code)`);
    await q.query(`
      CREATE TABLE coupon_redemptions (
        tenant_id      uuid        NOT NULL,
        code           text        NOT NULL,
        transaction_id text        NOT NULL,
        batch_id       uuid        NOT NULL,
        member_id      uuid        NOT NULL,
        redeemed_at    timestamptz NOT NULL DEFAULT now(),
        restored_at    timestamptz,
        PRIMARY KEY (tenant_id, code, transaction_id)
      )`);
    await q.query(`CREATE INDEX coupon_redemptions_member ON coupon_redemptions (tenant_id, batch_id, member_id) WHERE restored_at IS NULL`);
    await q.query(`CREATE INDEX coupon_redemptions_transaction ON coupon_redemptions (tenant_id, transaction_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE coupon_redemptions');
    await q.query('DROP TABLE coupons');
    await q.query('DROP TABLE coupon_batches');
  }
}
