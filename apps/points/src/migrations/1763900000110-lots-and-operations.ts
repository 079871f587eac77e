import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full ledger (issue 4), following the reference model in `domain/ledger-model.ts`:
 * - `ledger_entries` move whole points between places (`outside` and the balance buckets
 *   pending, available, held, spent, expired), each tagged with the operation that wrote it and
 *   the lot it touches; memo kinds (`forgive`, `settle`) move nothing. Still append-only.
 * - `lots`: every credit is a lot (pending or active, expiring or not) whose `remaining` the
 *   spends, holds, expiries and reversals allocate against; a projection of the entries updated
 *   in the same transaction.
 * - `redemptions`: holds and redemptions with their allocations (tenant-wide ids).
 * - `checkouts` gain their lines (points attributed per line), returns so far and the lot and
 *   redemption they made.
 * - `ledger_operations`: the outcome of every operation by key (`<kind>:<id>`), rejections
 *   included, so a replay answers the first outcome and a different payload is refused.
 * - `ledger_policies`: the tenant's pending period, expiry, negative-balance policy, hold TTL,
 *   expiry warnings and point value (a zod-validated document).
 * - `audit_log`: operator actions (adjustments, policy changes).
 * - `accounts` gain held, spent, expired and debt; `available` may go below zero only by a debt.
 * Existing earn entries become active, never-expiring lots (nothing was spent before); existing
 * checkouts get one line for their whole amount (they kept no items) and an `earn:` operation
 * whose payload is their request hash (`request:<hash>`), so a till's retry still replays.
 * Every writer of a member's entries, lots, redemptions or checkouts holds that member's
 * `accounts` row lock (SELECT … FOR UPDATE) for the transaction; `ledger_entries.seq` is then
 * the member's order of events.
 */
export class LotsAndOperations1763900000110 implements MigrationInterface {
  name = 'LotsAndOperations1763900000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts DROP CONSTRAINT accounts_available_check`);
    await q.query(`ALTER TABLE accounts DROP CONSTRAINT accounts_lifetime_earned_check`);
    await q.query(`
      ALTER TABLE accounts
        ADD COLUMN held    bigint NOT NULL DEFAULT 0 CHECK (held >= 0),
        ADD COLUMN spent   bigint NOT NULL DEFAULT 0 CHECK (spent >= 0),
        ADD COLUMN expired bigint NOT NULL DEFAULT 0 CHECK (expired >= 0),
        ADD COLUMN debt    bigint NOT NULL DEFAULT 0 CHECK (debt >= 0),
        ADD CONSTRAINT accounts_available_covered CHECK (available + debt >= 0)`);

    await q.query(`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check`);
    await q.query(`
      ALTER TABLE ledger_entries
        ADD COLUMN operation  text,
        ADD COLUMN from_place text CHECK (from_place IN ('outside', 'pending', 'available', 'held', 'spent', 'expired')),
        ADD COLUMN to_place   text CHECK (to_place IN ('outside', 'pending', 'available', 'held', 'spent', 'expired')),
        ADD COLUMN lot_id     text,
        ADD COLUMN reason     text,
        ADD COLUMN operator   text,
        ADD CONSTRAINT ledger_entries_kind_check
          CHECK (kind IN ('earn', 'activate', 'hold', 'capture', 'release', 'redeem', 'refund', 'expire', 'reverse', 'adjust', 'forgive', 'settle')),
        ADD CONSTRAINT ledger_entries_points_positive CHECK (points > 0)`);
    // The one rewrite the append-only table ever gets: tagging the first slice's earn entries.
    await q.query(`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only`);
    await q.query(
      `UPDATE ledger_entries SET operation = 'earn:' || transaction_id, from_place = 'outside', to_place = 'available', lot_id = 'lot:' || transaction_id WHERE kind = 'earn'`,
    );
    await q.query(`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only`);
    // Insertion order: one member's entries are written under the member's account lock, so
    // `seq` orders them as they happened (the statement's keyset, newest first).
    await q.query(`ALTER TABLE ledger_entries ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    await q.query(`CREATE INDEX ledger_entries_member_page ON ledger_entries (tenant_id, member_id, seq DESC)`);
    await q.query(`DROP INDEX ledger_entries_member`); // superseded by ledger_entries_member_page (one index less on the till's path)
    await q.query(`CREATE INDEX ledger_entries_tenant_time ON ledger_entries (tenant_id, created_at)`);

    await q.query(`
      CREATE TABLE lots (
        tenant_id      uuid        NOT NULL,
        id             text        NOT NULL,
        member_id      uuid        NOT NULL,
        points         bigint      NOT NULL CHECK (points > 0),
        remaining      bigint      NOT NULL,
        status         text        NOT NULL CHECK (status IN ('pending', 'active')),
        activates_at   timestamptz,
        expires_at     timestamptz,
        earned_at      timestamptz NOT NULL,
        transaction_id text,
        warned_at      timestamptz,
        PRIMARY KEY (tenant_id, id),
        CHECK (remaining >= 0 AND remaining <= points)
      )`);
    await q.query(`CREATE INDEX lots_member_open ON lots (tenant_id, member_id) WHERE remaining > 0`);
    await q.query(`CREATE INDEX lots_to_activate ON lots (tenant_id, activates_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX lots_to_expire ON lots (tenant_id, expires_at) WHERE status = 'active' AND remaining > 0 AND expires_at IS NOT NULL`);
    await q.query(
      `INSERT INTO lots (tenant_id, id, member_id, points, remaining, status, activates_at, expires_at, earned_at, transaction_id)
       SELECT tenant_id, 'lot:' || transaction_id, member_id, points, points, 'active', created_at, NULL, created_at, transaction_id
       FROM ledger_entries WHERE kind = 'earn'`,
    );

    await q.query(`
      CREATE TABLE redemptions (
        tenant_id       uuid        NOT NULL,
        id              text        NOT NULL,
        member_id       uuid        NOT NULL,
        points          bigint      NOT NULL CHECK (points > 0),
        status          text        NOT NULL CHECK (status IN ('held', 'captured', 'released', 'expired')),
        allocations     jsonb       NOT NULL,
        refunded        jsonb       NOT NULL DEFAULT '[]',
        hold_expires_at timestamptz,
        reason          text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX redemptions_holds_due ON redemptions (tenant_id, hold_expires_at) WHERE status = 'held'`);

    await q.query(`
      ALTER TABLE checkouts
        ADD COLUMN lines           jsonb  NOT NULL DEFAULT '[]',
        ADD COLUMN returns         jsonb  NOT NULL DEFAULT '[]',
        ADD COLUMN lot_id          text,
        ADD COLUMN redemption_id   text,
        ADD COLUMN points_redeemed bigint NOT NULL DEFAULT 0,
        ADD COLUMN points_reversed bigint NOT NULL DEFAULT 0,
        ADD COLUMN points_refunded bigint NOT NULL DEFAULT 0`);
    // Earlier checkouts kept no items: one line for the whole amount, so they can be returned by amount.
    await q.query(
      `UPDATE checkouts SET lot_id = CASE WHEN points_earned > 0 THEN 'lot:' || transaction_id END,
         lines = jsonb_build_array(jsonb_build_object('sku', '*', 'quantity', 1, 'unitPrice', amount, 'pointsEarned', points_earned, 'pointsRedeemed', 0))`,
    );

    await q.query(`
      CREATE TABLE ledger_operations (
        tenant_id    uuid        NOT NULL,
        op_key       text        NOT NULL,
        member_id    uuid        NOT NULL,
        payload_hash text        NOT NULL,
        result       jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, op_key)
      )`);
    // Earlier checkouts keep answering their retries: matched by the till's request hash.
    await q.query(
      `INSERT INTO ledger_operations (tenant_id, op_key, member_id, payload_hash, result, created_at)
       SELECT tenant_id, 'earn:' || transaction_id, member_id, 'request:' || request_hash,
              jsonb_build_object('ok', true, 'response', response || jsonb_build_object(
                'pointsRedeemed', 0, 'pending', false, 'activatesAt', '',
                'balance', (response->'balance') || '{"held": 0, "spent": 0, "expired": 0}'::jsonb)),
              created_at
       FROM checkouts WHERE response IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE ledger_policies (
        tenant_id  uuid        NOT NULL PRIMARY KEY,
        policy     jsonb       NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        tenant_id uuid        NOT NULL,
        id        uuid        NOT NULL,
        at        timestamptz NOT NULL DEFAULT now(),
        operator  text        NOT NULL,
        action    text        NOT NULL,
        member_id uuid,
        details   jsonb       NOT NULL DEFAULT '{}',
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX audit_log_time ON audit_log (tenant_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'ledger_policies', 'ledger_operations', 'redemptions', 'lots']) await q.query(`DROP TABLE ${t}`);
    await q.query(
      `ALTER TABLE checkouts DROP COLUMN lines, DROP COLUMN returns, DROP COLUMN lot_id, DROP COLUMN redemption_id, DROP COLUMN points_redeemed, DROP COLUMN points_reversed, DROP COLUMN points_refunded`,
    );
    await q.query(`CREATE INDEX ledger_entries_member ON ledger_entries (tenant_id, member_id, created_at)`);
    await q.query(`DROP INDEX ledger_entries_member_page`);
    await q.query(`ALTER TABLE ledger_entries DROP COLUMN seq`);
    await q.query(`DROP INDEX ledger_entries_tenant_time`);
    await q.query(
      `ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_points_positive, DROP CONSTRAINT ledger_entries_kind_check, DROP COLUMN operation, DROP COLUMN from_place, DROP COLUMN to_place, DROP COLUMN lot_id, DROP COLUMN reason, DROP COLUMN operator`,
    );
    await q.query(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('earn'))`);
    await q.query(`ALTER TABLE accounts DROP CONSTRAINT accounts_available_covered, DROP COLUMN held, DROP COLUMN spent, DROP COLUMN expired, DROP COLUMN debt`);
    await q.query(`ALTER TABLE accounts ADD CONSTRAINT accounts_available_check CHECK (available >= 0), ADD CONSTRAINT accounts_lifetime_earned_check CHECK (lifetime_earned >= 0)`);
  }
}
