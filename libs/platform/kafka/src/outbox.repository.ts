import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { TOPICS, type EventEnvelope, type TopicName, type TopicPayload } from '@club/contracts';
import { currentTraceparent } from '@club/platform-observability';

export interface NewEvent<T extends TopicName> {
  readonly topic: T;
  readonly tenantId: string;
  /** The entity the event is about; also the Kafka message key (member id for member events). */
  readonly subject: string;
  readonly data: TopicPayload<T>;
  readonly id?: string;
  readonly time?: Date;
}

/**
 * The outbox insert of some events, for a caller that writes them in a statement of its own (one
 * more data-modifying CTE of a write that is one statement anyway, saving a round trip): the
 * envelopes, validated, and the `INSERT … SELECT` with its parameters added through `param`
 * (which answers the placeholder, e.g. `$7`). Nothing is written until the caller runs it.
 */
export interface OutboxInsert<T extends TopicName = TopicName> {
  readonly envelopes: readonly EventEnvelope<T>[];
  sql(param: (value: unknown) => string): string;
}

/**
 * Writes events to the outbox inside the caller's transaction, so the event exists if and only
 * if the state change committed. The payload is validated against the topic's schema here: an
 * invalid event fails the transaction instead of reaching consumers.
 */
export class OutboxRepository {
  async enqueue<T extends TopicName>(manager: EntityManager, event: NewEvent<T>): Promise<EventEnvelope<T>> {
    const [envelope] = await this.enqueueMany(manager, [event]);
    return envelope;
  }

  /** Several events in one statement (batch jobs), in order. */
  async enqueueMany<T extends TopicName>(manager: EntityManager, events: readonly NewEvent<T>[]): Promise<EventEnvelope<T>[]> {
    if (events.length === 0) return [];
    const insert = this.prepareInsert(events);
    const params: unknown[] = [];
    await manager.query(insert.sql((value) => `$${params.push(value)}`), params);
    return [...insert.envelopes];
  }

  /**
   * The events' envelopes (validated now: an invalid payload throws here) and their insert, for
   * the caller's own statement; see {@link OutboxInsert}. The caller must run it in the
   * transaction of the state change, as {@link enqueueMany} does.
   */
  prepareInsert<T extends TopicName>(events: readonly NewEvent<T>[]): OutboxInsert<T> {
    const traceparent = currentTraceparent();
    const envelopes = events.map((event): EventEnvelope<T> => ({
      id: event.id ?? randomUUID(),
      type: event.topic,
      tenantId: event.tenantId,
      subject: event.subject,
      time: (event.time ?? new Date()).toISOString(),
      traceparent,
      data: TOPICS[event.topic].parse(event.data) as TopicPayload<T>,
    }));
    const columns: readonly [readonly unknown[], string][] = [
      [envelopes.map((e) => e.tenantId), 'uuid'],
      [envelopes.map((e) => e.id), 'uuid'],
      [envelopes.map((e) => e.type), 'text'],
      [envelopes.map((e) => e.subject), 'text'],
      [envelopes.map((e) => JSON.stringify(e)), 'text'],
      [envelopes.map((e) => e.traceparent), 'text'],
    ];
    return {
      envelopes,
      // WITH ORDINALITY keeps the events' order in the relay's sequence.
      sql: (param) => `INSERT INTO outbox (tenant_id, id, topic, message_key, value, traceparent)
       SELECT t, i, tp, k, v, tr FROM unnest(${columns.map(([values, type]) => `${param(values)}::${type}[]`).join(', ')})
         WITH ORDINALITY AS e(t, i, tp, k, v, tr, n) ORDER BY n`,
    };
  }
}
