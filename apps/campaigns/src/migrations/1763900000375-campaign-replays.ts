import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replays of a draft over recorded checkouts:
 * - `campaign_applications.facts`: what the evaluation read (member facts, cart, base points,
 *   store, channel, redeemed coupon batches, instant), stored when the checkout is claimed, so a
 *   replay can evaluate the same checkout again; `campaign_applications_recorded` is the replay's
 *   keyset scan order,
 *   `campaign_applications_member_facts` finds an erased member's facts to delete;
 * - `campaign_replays`: the leased job (its plan — the draft, the live campaigns, settings and
 *   attributes fixed when it started —, its cursor and the report so far, committed per page);
 * - `campaign_replay_tallies`: the replay's in-memory counters made durable per page (the two runs'
 *   limit counters, `base` without the draft and `with` it, and the members it reached), so a
 *   replica resuming after the lease goes on from the same numbers; deleted when it finishes.
 */
export class CampaignReplays1763900000375 implements MigrationInterface {
  name = 'CampaignReplays1763900000375';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_applications ADD COLUMN facts jsonb`);
    await q.query(`CREATE INDEX campaign_applications_recorded ON campaign_applications (tenant_id, created_at, transaction_id) WHERE facts IS NOT NULL`);
    await q.query(`CREATE INDEX campaign_applications_member_facts ON campaign_applications (tenant_id, member_id) WHERE facts IS NOT NULL`);
    await q.query(`
      CREATE TABLE campaign_replays (
        tenant_id     uuid        NOT NULL,
        id            uuid        NOT NULL,
        status        text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed')),
        campaign_id   uuid,
        days          int         NOT NULL CHECK (days BETWEEN 1 AND 90),
        window_from   timestamptz NOT NULL,
        window_to     timestamptz NOT NULL,
        plan          jsonb       NOT NULL,
        report        jsonb       NOT NULL,
        cursor_at     timestamptz,
        cursor_tx     text,
        error         text,
        requested_by  text        NOT NULL,
        lease_until   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        started_at    timestamptz,
        finished_at   timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX campaign_replays_claim ON campaign_replays (created_at) WHERE status IN ('pending', 'running')`);
    await q.query(`
      CREATE TABLE campaign_replay_tallies (
        tenant_id uuid   NOT NULL,
        replay_id uuid   NOT NULL,
        kind      text   NOT NULL CHECK (kind IN ('base', 'with', 'member')),
        key       text   NOT NULL,
        used      bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, replay_id, kind, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_replay_tallies');
    await q.query('DROP TABLE campaign_replays');
    await q.query('DROP INDEX campaign_applications_member_facts');
    await q.query('DROP INDEX campaign_applications_recorded');
    await q.query('ALTER TABLE campaign_applications DROP COLUMN facts');
  }
}
