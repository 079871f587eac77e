import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule-based segments and persona rules (same machinery; a persona is a labelled segment), and membership. */
export class Segments1763900000270 implements MigrationInterface {
  name = 'Segments1763900000270';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE segments (
        tenant_id  uuid        NOT NULL,
        id         uuid        NOT NULL,
        kind       text        NOT NULL CHECK (kind IN ('segment', 'persona')),
        name       text        NOT NULL,
        rule       jsonb       NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX segments_name ON segments (tenant_id, kind, name)`);
    await q.query(`
      CREATE TABLE segment_members (
        tenant_id  uuid        NOT NULL,
        segment_id uuid        NOT NULL,
        member_id  uuid        NOT NULL,
        since      timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, segment_id, member_id)
      )`);
    await q.query(`CREATE INDEX segment_members_member ON segment_members (tenant_id, member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE segment_members');
    await q.query('DROP TABLE segments');
  }
}
