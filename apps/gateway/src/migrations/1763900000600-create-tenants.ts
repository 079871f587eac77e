import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants and their API keys (only the SHA-256 of a key is stored). */
export class CreateTenants1763900000600 implements MigrationInterface {
  name = 'CreateTenants1763900000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenants (
        tenant_id  uuid        NOT NULL PRIMARY KEY,
        name       text        NOT NULL,
        timezone   text        NOT NULL,
        calendar   text        NOT NULL CHECK (calendar IN ('jalali', 'gregorian')),
        currency   char(3)     NOT NULL,
        locale     text        NOT NULL CHECK (locale IN ('fa', 'en')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_keys (
        tenant_id  uuid        NOT NULL REFERENCES tenants (tenant_id),
        key_hash   text        NOT NULL,
        label      text        NOT NULL DEFAULT 'default',
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, key_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_keys');
    await q.query('DROP TABLE tenants');
  }
}
