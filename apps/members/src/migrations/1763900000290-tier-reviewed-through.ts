import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The end of the last qualification window a review judged per member: a window is judged once. */
export class TierReviewedThrough1763900000290 implements MigrationInterface {
  name = 'TierReviewedThrough1763900000290';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member_tiers ADD COLUMN reviewed_through timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member_tiers DROP COLUMN reviewed_through`);
  }
}
