import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The points ledger: append-only entries (a trigger refuses UPDATE and DELETE), a cached balance
 * per member updated in the same transaction, and the checkouts already credited (the till's
 * idempotency key, unique per tenant).
 */
export class CreateLedger1763900000100 implements MigrationInterface {
  name = 'CreateLedger1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant_settings (
        tenant_id       uuid        NOT NULL PRIMARY KEY,
        earn_points     bigint      NOT NULL CHECK (earn_points >= 0),
        earn_per_amount bigint      NOT NULL CHECK (earn_per_amount > 0),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE accounts (
        tenant_id       uuid        NOT NULL,
        member_id       uuid        NOT NULL,
        available       bigint      NOT NULL DEFAULT 0 CHECK (available >= 0),
        pending         bigint      NOT NULL DEFAULT 0 CHECK (pending >= 0),
        lifetime_earned bigint      NOT NULL DEFAULT 0 CHECK (lifetime_earned >= 0),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE ledger_entries (
        tenant_id      uuid        NOT NULL,
        id             uuid        NOT NULL,
        member_id      uuid        NOT NULL,
        kind           text        NOT NULL CHECK (kind IN ('earn')),
        points         bigint      NOT NULL,
        transaction_id text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX ledger_entries_member ON ledger_entries (tenant_id, member_id, created_at)`);
    await q.query(`
      CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entries is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
      FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only()`);
    await q.query(`
      CREATE TABLE checkouts (
        tenant_id      uuid        NOT NULL,
        transaction_id text        NOT NULL,
        request_hash   text        NOT NULL,
        member_id      uuid        NOT NULL,
        store_id       text        NOT NULL,
        amount         bigint      NOT NULL CHECK (amount >= 0),
        currency       char(3)     NOT NULL,
        points_earned  bigint      NOT NULL DEFAULT 0,
        response       jsonb,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, transaction_id)
      )`);
    await q.query(`CREATE INDEX checkouts_member ON checkouts (tenant_id, member_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE checkouts');
    await q.query('DROP TRIGGER ledger_entries_append_only ON ledger_entries');
    await q.query('DROP FUNCTION ledger_entries_append_only');
    await q.query('DROP TABLE ledger_entries');
    await q.query('DROP TABLE accounts');
    await q.query('DROP TABLE tenant_settings');
  }
}
