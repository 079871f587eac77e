import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Survey headers; questions, invitations, responses and cases arrive with the feedback issue. */
export class CreateSurveys1763900000400 implements MigrationInterface {
  name = 'CreateSurveys1763900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE surveys (
        tenant_id  uuid        NOT NULL,
        id         uuid        NOT NULL,
        title      text        NOT NULL,
        status     text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE surveys');
  }
}
