import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer value: RFM and CIVILFORMD scores per member (recomputed by a per-tenant job), the
 * manual factors managers set (impression, opportunity, debt — with who and when), the tenant's
 * factor weights, and scoring runs.
 */
export class MemberScores1763900000260 implements MigrationInterface {
  name = 'MemberScores1763900000260';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_scores (
        tenant_id        uuid        NOT NULL,
        member_id        uuid        NOT NULL,
        r                smallint    NOT NULL,
        f                smallint    NOT NULL,
        m                smallint    NOT NULL,
        rfm              text        NOT NULL,
        civilformd       jsonb       NOT NULL,
        civilformd_total smallint    NOT NULL,
        computed_at      timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, member_id)
      )`);
    await q.query(`CREATE INDEX member_scores_rfm ON member_scores (tenant_id, rfm)`);
    await q.query(`CREATE INDEX member_scores_value ON member_scores (tenant_id, civilformd_total DESC)`);
    await q.query(`
      CREATE TABLE manual_factors (
        tenant_id uuid        NOT NULL,
        member_id uuid        NOT NULL,
        factor    text        NOT NULL CHECK (factor IN ('impression', 'opportunity', 'debt')),
        score     smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
        set_by    text        NOT NULL,
        note      text,
        set_at    timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, member_id, factor)
      )`);
    await q.query(`
      CREATE TABLE scoring_settings (
        tenant_id  uuid        NOT NULL PRIMARY KEY,
        weights    jsonb       NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['scoring_settings', 'manual_factors', 'member_scores']) await q.query(`DROP TABLE ${t}`);
  }
}
