import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tier review runs: a bounded, resumable job per tenant. The cursor (last member id done) and
 * the counters are committed with each batch's effects, so a crash resumes where it stopped
 * and never applies a batch twice. One run per tenant and review instant (and dry-run flag).
 * `tier_reviews_claim` serves the cross-tenant worker that picks runs; like the outbox relay it
 * is infrastructure, the one index not led by tenant_id.
 */
export class TierReviews1763900000230 implements MigrationInterface {
  name = 'TierReviews1763900000230';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tier_reviews (
        tenant_id      uuid        NOT NULL,
        id             uuid        NOT NULL,
        review_at      timestamptz NOT NULL,
        dry_run        boolean     NOT NULL,
        status         text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed')),
        timezone       text        NOT NULL,
        ladder_version int,
        cursor         uuid,
        processed      int         NOT NULL DEFAULT 0,
        upgraded       int         NOT NULL DEFAULT 0,
        downgraded     int         NOT NULL DEFAULT 0,
        graced         int         NOT NULL DEFAULT 0,
        kept           int         NOT NULL DEFAULT 0,
        preview        jsonb       NOT NULL DEFAULT '[]',
        error          text,
        lease_until    timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        started_at     timestamptz,
        finished_at    timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX tier_reviews_once ON tier_reviews (tenant_id, review_at, dry_run)`);
    await q.query(`CREATE INDEX tier_reviews_claim ON tier_reviews (created_at) WHERE status IN ('pending', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tier_reviews');
  }
}
