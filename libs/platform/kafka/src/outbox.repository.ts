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
    const data = TOPICS[event.topic].parse(event.data) as TopicPayload<T>;
    const envelope: EventEnvelope<T> = {
      id: event.id ?? randomUUID(),
      type: event.topic,
      tenantId: event.tenantId,
      subject: event.subject,
      time: (event.time ?? new Date()).toISOString(),
      traceparent: currentTraceparent(),
      data,
    };
    await manager.query(
      `INSERT INTO outbox (tenant_id, id, topic, message_key, value, traceparent) VALUES ($1, $2, $3, $4, $5, $6)`,
      [envelope.tenantId, envelope.id, envelope.type, envelope.subject, JSON.stringify(envelope), envelope.traceparent],
    );
    return envelope;
  }
}
