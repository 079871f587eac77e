import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rewards catalogue and members' reward redemptions.
 *
 * `rewards.stock` is the units left to reserve (null = unlimited), taken by a conditional
 * decrement; `reserved` counts the units held by redemptions in flight and `redeemed` the
 * fulfilled ones, so stock + reserved + redeemed only changes when an operator sets the stock.
 * A redemption row is keyed by the caller's id (the idempotency key) and moves
 * reserved → held → fulfilled, or to released (its unit back in stock). `caller` keeps the
 * tenant's zone, calendar, currency and locale of the reserving call: the sweep calls the points
 * service for an abandoned held redemption with the same tenant metadata the gateway sent.
 */
export class Rewards1763900000350 implements MigrationInterface {
  name = 'Rewards1763900000350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rewards (
        tenant_id         uuid        NOT NULL,
        id                uuid        NOT NULL,
        code              text        NOT NULL,
        name              jsonb       NOT NULL,
        description       jsonb,
        image_url         text,
        points_price      bigint      NOT NULL CHECK (points_price > 0),
        stock             int         CHECK (stock >= 0),
        per_member_limit  int         CHECK (per_member_limit > 0),
        valid_from        timestamptz,
        valid_until       timestamptz,
        status            text        NOT NULL CHECK (status IN ('active', 'archived')),
        reserved          int         NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        redeemed          int         NOT NULL DEFAULT 0 CHECK (redeemed >= 0),
        version           int         NOT NULL DEFAULT 1,
        created_by        text        NOT NULL,
        updated_by        text        NOT NULL,
        created_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_until > valid_from)
      )`);
    await q.query(`CREATE UNIQUE INDEX rewards_code ON rewards (tenant_id, code)`);
    await q.query(`
      CREATE TABLE reward_redemptions (
        tenant_id        uuid        NOT NULL,
        id               text        NOT NULL,
        reward_id        uuid        NOT NULL,
        member_id        uuid        NOT NULL,
        reward_code      text        NOT NULL,
        reward_name      jsonb       NOT NULL,
        points           bigint      NOT NULL CHECK (points > 0),
        status           text        NOT NULL CHECK (status IN ('reserved', 'held', 'fulfilled', 'released')),
        release_reason   text        CHECK (release_reason IN ('points-refused', 'timed-out', 'hold-ended')),
        failure          jsonb,
        caller           jsonb       NOT NULL,
        hold_expires_at  timestamptz,
        created_at       timestamptz NOT NULL,
        held_at          timestamptz,
        fulfilled_at     timestamptz,
        released_at      timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, reward_id) REFERENCES rewards (tenant_id, id),
        CHECK ((status = 'released') = (release_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX reward_redemptions_member ON reward_redemptions (tenant_id, member_id, created_at DESC, id DESC)`);
    // The per-member limit counts the member's redemptions of a reward that still hold a unit or got it.
    await q.query(`CREATE INDEX reward_redemptions_member_uses ON reward_redemptions (tenant_id, reward_id, member_id) WHERE status <> 'released'`);
    // The sweep reads the redemptions in flight (a small set) across tenants.
    await q.query(`CREATE INDEX reward_redemptions_open ON reward_redemptions (tenant_id, status, created_at) WHERE status IN ('reserved', 'held')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reward_redemptions');
    await q.query('DROP TABLE rewards');
  }
}
