import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Erasure: the member row stays (ledger, statistics and tier history keep their ids) but is marked and emptied. */
export class MemberErasure1763900000250 implements MigrationInterface {
  name = 'MemberErasure1763900000250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE members ADD COLUMN erased_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE members DROP COLUMN erased_at`);
  }
}
