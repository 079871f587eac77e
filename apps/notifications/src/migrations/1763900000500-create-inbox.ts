import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-app inbox. One message per triggering event and kind (a unique constraint, not a
 * lookup), and what notifications needs to know about a recipient (locale, first name).
 */
export class CreateInbox1763900000500 implements MigrationInterface {
  name = 'CreateInbox1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recipients (
        tenant_id  uuid        NOT NULL,
        member_id  uuid        NOT NULL,
        locale     text        NOT NULL,
        first_name text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE inbox_messages (
        tenant_id       uuid        NOT NULL,
        id              uuid        NOT NULL,
        member_id       uuid        NOT NULL,
        kind            text        NOT NULL,
        locale          text        NOT NULL,
        title           text        NOT NULL,
        body            text        NOT NULL,
        source_event_id uuid        NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        read_at         timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX inbox_messages_source ON inbox_messages (tenant_id, source_event_id, kind)`);
    await q.query(`CREATE INDEX inbox_messages_member ON inbox_messages (tenant_id, member_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox_messages');
    await q.query('DROP TABLE recipients');
  }
}
