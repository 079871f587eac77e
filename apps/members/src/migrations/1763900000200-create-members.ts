import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members and their loyalty cards. Every key and index starts with tenant_id; a phone and a card
 * number are unique within a tenant. A member can hold several cards (replacements come later);
 * `members.card_number` is the current one.
 */
export class CreateMembers1763900000200 implements MigrationInterface {
  name = 'CreateMembers1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE members (
        tenant_id   uuid        NOT NULL,
        id          uuid        NOT NULL,
        phone       text        NOT NULL,
        card_number text        NOT NULL,
        first_name  text,
        last_name   text,
        email       text,
        birth_date  date,
        locale      text        NOT NULL DEFAULT 'fa',
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX members_phone ON members (tenant_id, phone)`);
    await q.query(`CREATE INDEX members_email ON members (tenant_id, lower(email)) WHERE email IS NOT NULL`);
    await q.query(`
      CREATE TABLE cards (
        tenant_id   uuid        NOT NULL,
        card_number text        NOT NULL,
        member_id   uuid        NOT NULL,
        status      text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'replaced')),
        issued_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, card_number),
        FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX cards_member ON cards (tenant_id, member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cards');
    await q.query('DROP TABLE members');
  }
}
