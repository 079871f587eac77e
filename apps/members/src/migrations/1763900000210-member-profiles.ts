import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rich profile (PRODUCT.md, Members), custom attribute definitions per tenant, consent history
 * per channel (append-only: the latest row per channel is in force), card replacement links, and
 * a unique e-mail per tenant (members can be identified by it).
 */
export class MemberProfiles1763900000210 implements MigrationInterface {
  name = 'MemberProfiles1763900000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE members
        ADD COLUMN gender                text CHECK (gender IN ('female', 'male', 'other', 'undisclosed')),
        ADD COLUMN marital_status        text CHECK (marital_status IN ('single', 'married', 'other', 'undisclosed')),
        ADD COLUMN economic_band         text CHECK (economic_band IN ('low', 'lower-middle', 'middle', 'upper-middle', 'high')),
        ADD COLUMN interests             text[] NOT NULL DEFAULT '{}',
        ADD COLUMN lifestyle             text[] NOT NULL DEFAULT '{}',
        ADD COLUMN preferred_channels    text[] NOT NULL DEFAULT '{}',
        ADD COLUMN primary_need          text,
        ADD COLUMN secondary_needs       text[] NOT NULL DEFAULT '{}',
        ADD COLUMN join_reason           text,
        ADD COLUMN competitor_experience text,
        ADD COLUMN attributes            jsonb  NOT NULL DEFAULT '{}',
        ADD COLUMN version               int    NOT NULL DEFAULT 1`);
    await q.query(`DROP INDEX members_email`);
    await q.query(`CREATE UNIQUE INDEX members_email ON members (tenant_id, lower(email)) WHERE email IS NOT NULL`);
    await q.query(`
      CREATE TABLE attribute_definitions (
        tenant_id  uuid        NOT NULL,
        key        text        NOT NULL,
        type       text        NOT NULL CHECK (type IN ('string', 'number', 'boolean', 'date', 'enum')),
        label      text        NOT NULL,
        options    text[],
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key)
      )`);
    await q.query(`
      CREATE TABLE consents (
        tenant_id   uuid        NOT NULL,
        id          uuid        NOT NULL,
        member_id   uuid        NOT NULL,
        channel     text        NOT NULL,
        granted     boolean     NOT NULL,
        source      text        NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX consents_member ON consents (tenant_id, member_id, channel, recorded_at DESC)`);
    await q.query(`ALTER TABLE cards ADD COLUMN replaced_by text, ADD COLUMN status_reason text, ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cards DROP COLUMN replaced_by, DROP COLUMN status_reason, DROP COLUMN updated_at`);
    await q.query('DROP TABLE consents');
    await q.query('DROP TABLE attribute_definitions');
    await q.query(`DROP INDEX members_email`);
    await q.query(`CREATE INDEX members_email ON members (tenant_id, lower(email)) WHERE email IS NOT NULL`);
    await q.query(`
      ALTER TABLE members DROP COLUMN gender, DROP COLUMN marital_status, DROP COLUMN economic_band, DROP COLUMN interests,
        DROP COLUMN lifestyle, DROP COLUMN preferred_channels, DROP COLUMN primary_need, DROP COLUMN secondary_needs,
        DROP COLUMN join_reason, DROP COLUMN competitor_experience, DROP COLUMN attributes, DROP COLUMN version`);
  }
}
