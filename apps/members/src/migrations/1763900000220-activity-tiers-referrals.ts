import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Purchase facts (from points.checkout.recorded.v1) and per-member statistics; versioned tier
 * ladders, each member's tier and its history; referral codes and links; the journey stage.
 */
export class ActivityTiersReferrals1763900000220 implements MigrationInterface {
  name = 'ActivityTiersReferrals1763900000220';

  async up(q: QueryRunner): Promise<void> {
    // The tenant's settings as the gateway last passed them (time zone for qualification windows).
    await q.query(`
      CREATE TABLE tenant_settings (
        tenant_id  uuid        NOT NULL PRIMARY KEY,
        timezone   text        NOT NULL,
        calendar   text        NOT NULL,
        currency   text        NOT NULL,
        locale     text        NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE member_purchases (
        tenant_id      uuid        NOT NULL,
        transaction_id text        NOT NULL,
        member_id      uuid        NOT NULL,
        store_id       text        NOT NULL,
        amount         bigint      NOT NULL,
        tier_points    bigint      NOT NULL,
        occurred_at    timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, transaction_id)
      )`);
    await q.query(`CREATE INDEX member_purchases_member ON member_purchases (tenant_id, member_id, occurred_at)`);
    await q.query(`
      CREATE TABLE member_stats (
        tenant_id         uuid        NOT NULL,
        member_id         uuid        NOT NULL,
        purchase_count    int         NOT NULL DEFAULT 0,
        total_spend       bigint      NOT NULL DEFAULT 0,
        tier_points       bigint      NOT NULL DEFAULT 0,
        first_purchase_at timestamptz,
        last_purchase_at  timestamptz,
        PRIMARY KEY (tenant_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE tier_ladders (
        tenant_id      uuid        NOT NULL,
        version        int         NOT NULL,
        effective_from timestamptz NOT NULL,
        definition     jsonb       NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, version)
      )`);
    await q.query(`
      CREATE TABLE member_tiers (
        tenant_id      uuid        NOT NULL,
        member_id      uuid        NOT NULL,
        code           text        NOT NULL,
        since          timestamptz NOT NULL,
        grace_until    timestamptz,
        ladder_version int         NOT NULL,
        PRIMARY KEY (tenant_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE tier_history (
        tenant_id      uuid        NOT NULL,
        id             uuid        NOT NULL,
        member_id      uuid        NOT NULL,
        from_code      text,
        to_code        text        NOT NULL,
        direction      text        NOT NULL CHECK (direction IN ('up', 'down', 'initial')),
        reason         text        NOT NULL,
        ladder_version int         NOT NULL,
        at             timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX tier_history_member ON tier_history (tenant_id, member_id, at)`);
    await q.query(`
      ALTER TABLE members
        ADD COLUMN referral_code      text,
        ADD COLUMN referred_by        uuid,
        ADD COLUMN referral_completed boolean NOT NULL DEFAULT false,
        ADD COLUMN journey_stage      text    NOT NULL DEFAULT 'enrolled'`);
    await q.query(`UPDATE members SET referral_code = upper(substr(md5(id::text), 1, 8)) WHERE referral_code IS NULL`);
    await q.query(`ALTER TABLE members ALTER COLUMN referral_code SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX members_referral_code ON members (tenant_id, referral_code)`);
    await q.query(`CREATE INDEX members_referred_by ON members (tenant_id, referred_by) WHERE referred_by IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE members DROP COLUMN referral_code, DROP COLUMN referred_by, DROP COLUMN referral_completed, DROP COLUMN journey_stage`);
    for (const t of ['tenant_settings', 'tier_history', 'member_tiers', 'tier_ladders', 'member_stats', 'member_purchases']) await q.query(`DROP TABLE ${t}`);
  }
}
