import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gamification: badge, challenge and streak definitions per club; what members earned and how
 * far they got.
 * - `gamification_tenants`: the zone and calendar of every club that defined something or asked
 *   for progress (the checkout consumer reads periods in the club's local time);
 * - `gamification_checkouts`: each checkout counted once per club (a second event for the same
 *   transaction id counts nothing; the consumer's `processed_events` already drops redeliveries);
 * - `member_badges`: one row per member and badge (awarded at most once, by the first cause);
 * - `challenge_progress`: one row per member, challenge and period (`lifetime` for period none),
 *   with the categories counted so far for distinct-categories goals;
 * - `member_streaks`: the member's current run (first and last period ordinals) and longest run.
 */
export class Gamification1763900000360 implements MigrationInterface {
  name = 'Gamification1763900000360';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gamification_tenants (
        tenant_id  uuid        NOT NULL PRIMARY KEY,
        timezone   text        NOT NULL,
        calendar   text        NOT NULL CHECK (calendar IN ('jalali', 'gregorian')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE badges (
        tenant_id   uuid        NOT NULL,
        code        text        NOT NULL,
        name_fa     text        NOT NULL,
        name_en     text        NOT NULL,
        description jsonb,
        image_url   text,
        created_by  text        NOT NULL,
        updated_by  text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, code)
      )`);
    await q.query(`
      CREATE TABLE challenges (
        tenant_id  uuid        NOT NULL,
        code       text        NOT NULL,
        definition jsonb       NOT NULL,
        starts_at  timestamptz NOT NULL,
        ends_at    timestamptz,
        created_by text        NOT NULL,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, code),
        CHECK (ends_at IS NULL OR ends_at > starts_at)
      )`);
    await q.query(`
      CREATE TABLE streaks (
        tenant_id  uuid        NOT NULL,
        code       text        NOT NULL,
        definition jsonb       NOT NULL,
        created_by text        NOT NULL,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, code)
      )`);
    await q.query(`
      CREATE TABLE gamification_checkouts (
        tenant_id      uuid        NOT NULL,
        transaction_id text        NOT NULL,
        member_id      uuid        NOT NULL,
        recorded_at    timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, transaction_id)
      )`);
    await q.query(`
      CREATE TABLE member_badges (
        tenant_id      uuid        NOT NULL,
        member_id      uuid        NOT NULL,
        badge_code     text        NOT NULL,
        awarded_at     timestamptz NOT NULL,
        source         text        NOT NULL CHECK (source IN ('rule', 'challenge', 'streak')),
        reference      text        NOT NULL,
        transaction_id text,
        PRIMARY KEY (tenant_id, member_id, badge_code)
      )`);
    await q.query(`
      CREATE TABLE challenge_progress (
        tenant_id      uuid        NOT NULL,
        member_id      uuid        NOT NULL,
        challenge_code text        NOT NULL,
        period_key     text        NOT NULL,
        progress       bigint      NOT NULL DEFAULT 0 CHECK (progress >= 0),
        categories     text[]      NOT NULL DEFAULT '{}',
        completed_at   timestamptz,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, member_id, challenge_code, period_key)
      )`);
    // "once" challenges: has the member completed it in any period?
    await q.query(`CREATE INDEX challenge_progress_completed ON challenge_progress (tenant_id, member_id, challenge_code) WHERE completed_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE member_streaks (
        tenant_id   uuid        NOT NULL,
        member_id   uuid        NOT NULL,
        streak_code text        NOT NULL,
        run_start   int         NOT NULL,
        run_end     int         NOT NULL,
        longest     int         NOT NULL CHECK (longest >= run_end - run_start + 1),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, member_id, streak_code),
        CHECK (run_end >= run_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['member_streaks', 'challenge_progress', 'member_badges', 'gamification_checkouts', 'streaks', 'challenges', 'badges', 'gamification_tenants']) await q.query(`DROP TABLE ${t}`);
  }
}
