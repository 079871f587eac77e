import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events waiting to be published, written in the same transaction as the state
 * change) and the inbox of processed event ids (written in the same transaction as a consumer's
 * effect). Every service that publishes or consumes includes this migration.
 *
 * `outbox.seq` orders the relay's reads across tenants: the relay is infrastructure that drains
 * the whole table in commit order, so that one index is deliberately not led by tenant_id.
 */
export class CreateOutboxAndInbox1763900000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        tenant_id   uuid        NOT NULL,
        id          uuid        NOT NULL,
        seq         bigserial   NOT NULL,
        topic       text        NOT NULL,
        message_key text        NOT NULL,
        value       text        NOT NULL,
        traceparent text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX outbox_relay_order ON outbox (seq)`);
    await q.query(`
      CREATE TABLE processed_events (
        tenant_id      uuid        NOT NULL,
        consumer_group text        NOT NULL,
        event_id       uuid        NOT NULL,
        topic          text        NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, consumer_group, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE processed_events');
    await q.query('DROP TABLE outbox');
  }
}
