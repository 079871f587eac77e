import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns learns the custom attributes clubs declare from `members.attribute.defined.v1`,
 * emitted by DefineAttribute from now on. Definitions saved before that are announced once here:
 * one outbox row per definition, in the envelope the relay publishes (as `OutboxRepository` writes
 * it). `updated_at` moves to the clock at each save, so the latest definition wins downstream.
 */
export class DeclareAttributes1763900000315 implements MigrationInterface {
  name = 'DeclareAttributes1763900000315';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO outbox (tenant_id, id, topic, message_key, value)
      SELECT d.tenant_id, e.id, 'members.attribute.defined.v1', d.key,
             json_build_object(
               'id', e.id, 'type', 'members.attribute.defined.v1', 'tenantId', d.tenant_id, 'subject', d.key, 'time', e.at, 'traceparent', NULL,
               'data', json_build_object('key', d.key, 'type', d.type, 'options', to_json(d.options), 'definedAt', e.at))::text
        FROM attribute_definitions d
        CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, to_char(d.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) e
       ORDER BY d.tenant_id, d.key`);
  }

  async down(): Promise<void> {
    // Announcements cannot be recalled; nothing to undo.
  }
}
