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
    await manager.query(
      // WITH ORDINALITY keeps the events' order in the relay's sequence.
      `INSERT INTO outbox (tenant_id, id, topic, message_key, value, traceparent)
       SELECT t, i, tp, k, v, tr FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
         WITH ORDINALITY AS e(t, i, tp, k, v, tr, n) ORDER BY n`,
      [
        envelopes.map((e) => e.tenantId),
        envelopes.map((e) => e.id),
        envelopes.map((e) => e.type),
        envelopes.map((e) => e.subject),
        envelopes.map((e) => JSON.stringify(e)),
        envelopes.map((e) => e.traceparent),
      ],
    );
    return envelopes;
  }
}
