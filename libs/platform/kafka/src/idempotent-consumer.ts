import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { dlqTopic, parseEvent, type EventEnvelope, type TopicName } from '@club/contracts';
import { isTransientDbError } from '@club/platform-db';
import { contextFromTraceparent, kafkaConsumerLag, kafkaMessagesTotal, runWithTenant } from '@club/platform-observability';

export type EventHandler<T extends TopicName> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;

/**
 * A handler that says which events it wants: the others are acknowledged without a database
 * transaction (nothing to record: handling them would change nothing). `wants` must depend on the
 * event alone, so a redelivery is judged the same way.
 */
export interface FilteredHandler<T extends TopicName> {
  readonly wants: (event: EventEnvelope<T>) => boolean;
  readonly handle: EventHandler<T>;
}

export type HandlerMap = { [T in TopicName]?: EventHandler<T> | FilteredHandler<T> };

export interface IdempotentConsumerOptions {
  /** `<service>.<purpose>`, e.g. `notifications.member-events`. Also the dedup scope. */
  readonly groupId: string;
  readonly handlers: HandlerMap;
  /** Attempts before a message that keeps failing goes to the dead-letter topic. */
  readonly maxAttempts?: number;
  readonly baseBackoffMs?: number;
  /**
   * Partitions handled at once (kafkajs `partitionsConsumedConcurrently`, default 1): each one
   * still a message at a time, in order, so events with the same key keep their order.
   */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * Messages of a fetched batch handled in one database transaction (default 1: one transaction
   * per message). With more, the chunk's event ids are recorded in one statement and its handlers
   * run in order in the same transaction; if any of them fails, the chunk rolls back and its
   * messages are handled one at a time as usual (retries, dead letters, database waits), so a
   * bad message never takes the others with it.
   */
  readonly messagesPerTransaction?: number;
}

const tracer = trace.getTracer('club-consumer');

/**
 * Consumes events exactly-once in effect: each message is validated against its topic schema
 * (invalid → `<topic>.dlq` with the error, never retried forever, never dropped); the event id
 * is recorded in `processed_events` in the same transaction as the handler's effect, so a
 * redelivered event changes nothing; the offset is committed only after the database commit.
 * Handler failures are retried with exponential backoff, then dead-lettered with the error.
 * A database that is down or restarting is not the message's fault: those errors are retried
 * without limit (heartbeating, so the group keeps the partition) and never dead-lettered.
 * With `partitionsConsumedConcurrently` > 1 several partitions progress in parallel, each in
 * order and each committing its own offsets.
 */
export class IdempotentConsumer {
  private consumer: Consumer | undefined;
  private dlqProducer: Producer | undefined;
  private readonly maxAttempts: number;
  private readonly baseBackoffMs: number;
  private stopping = false;
  private crashed = false;

  constructor(
    private readonly ds: DataSource,
    private readonly kafka: Kafka,
    private readonly logger: Logger,
    private readonly options: IdempotentConsumerOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseBackoffMs = options.baseBackoffMs ?? 200;
  }

  get topics(): TopicName[] {
    return Object.keys(this.options.handlers) as TopicName[];
  }

  async start(): Promise<void> {
    this.dlqProducer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: 10, maxRetryTime: 10_000 },
    });
    await this.dlqProducer.connect();
    this.consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: 100,
    });
    this.consumer.on(this.consumer.events.CRASH, (e) => {
      // kafkajs restarts the consumer itself after retriable crashes; anything else is fatal.
      if (!e.payload.restart) this.crashed = true;
      this.logger.error({ err: e.payload.error, restart: e.payload.restart, group: this.options.groupId }, 'consumer crashed');
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: async (payload) => {
        const { batch } = payload;
        // Offsets are committed after the database commits of the messages before them. The
        // dedup table makes a redelivery after a crash harmless, so one commit per batch is enough.
        let last: string | undefined;
        const size = Math.max(1, this.options.messagesPerTransaction ?? 1);
        try {
          for (let at = 0; at < batch.messages.length; ) {
            if (!payload.isRunning() || payload.isStale() || this.stopping) break;
            const chunk = batch.messages.slice(at, at + size);
            // What the chunk transaction could not take (all of it when it failed) goes one by one.
            const single = chunk.length > 1 ? new Set(await this.handleChunk(batch.topic as TopicName, chunk)) : new Set(chunk);
            for (const message of chunk) {
              if (!payload.isRunning() || payload.isStale() || this.stopping) break;
              if (single.has(message)) await this.handleMessage(batch.topic as TopicName, batch.partition, message, () => payload.heartbeat());
              payload.resolveOffset(message.offset);
              last = message.offset;
              at += 1;
            }
            await payload.heartbeat();
            if (last !== chunk[chunk.length - 1].offset) break; // stopped inside the chunk
          }
        } finally {
          if (last !== undefined) {
            await this.consumer?.commitOffsets([
              { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
            ]);
            const lag = BigInt(batch.highWatermark) - BigInt(last) - 1n;
            kafkaConsumerLag.set(
              { group: this.options.groupId, topic: batch.topic, partition: String(batch.partition) },
              Number(lag < 0n ? 0n : lag),
            );
          }
        }
      },
    });
  }

  /** Stops fetching, lets the message in hand finish (its offset is committed), then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
    await this.dlqProducer?.disconnect();
  }

  /** For readiness: started, not stopping, not crashed beyond kafkajs's own restarts. */
  isHealthy(): boolean {
    return this.consumer !== undefined && !this.stopping && !this.crashed;
  }

  /**
   * Handles a chunk of messages in one transaction. Returns the messages left to handle one by
   * one: the invalid ones (dead-lettered on that path) and, when a handler failed and the transaction
   * rolled back, every wanted one.
   */
  private async handleChunk(topic: TopicName, messages: readonly KafkaMessage[]): Promise<KafkaMessage[]> {
    const group = this.options.groupId;
    const entry = this.options.handlers[topic] as EventHandler<TopicName> | FilteredHandler<TopicName> | undefined;
    const invalid: KafkaMessage[] = [];
    const valid: { message: KafkaMessage; event: EventEnvelope<TopicName> }[] = [];
    for (const message of messages) {
      const parsed = parseEvent(topic, message.value);
      if (parsed.ok) valid.push({ message, event: parsed.event });
      else invalid.push(message);
    }
    if (!entry) return invalid;
    const handler = typeof entry === 'function' ? entry : entry.handle;
    const wantedPairs = valid.filter((v) => typeof entry === 'function' || entry.wants(v.event));
    const wanted = wantedPairs.map((v) => v.event);
    if (wanted.length < valid.length) kafkaMessagesTotal.inc({ group, topic, outcome: 'skipped' }, valid.length - wanted.length);
    if (wanted.length === 0) return invalid;
    const spans = wanted.map((event) => {
      const parent = contextFromTraceparent(event.traceparent);
      const span = tracer.startSpan(
        `${topic} process`,
        { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'kafka', 'messaging.consumer.group.name': group, 'messaging.message.id': event.id, 'messaging.batch.message_count': wanted.length } },
        parent,
      );
      return { event, span, ctx: trace.setSpan(parent, span) };
    });
    try {
      const applied = await this.ds.transaction(async (m) => {
        const rows = await m.query<{ event_id: string }[]>(
          `INSERT INTO processed_events (tenant_id, consumer_group, event_id, topic)
           SELECT t, $1, e, $2 FROM unnest($3::uuid[], $4::uuid[]) AS x(t, e) ON CONFLICT DO NOTHING RETURNING event_id`,
          [group, topic, wanted.map((e) => e.tenantId), wanted.map((e) => e.id)],
        );
        const fresh = new Set(rows.map((r) => r.event_id));
        let count = 0;
        for (const { event, ctx } of spans) {
          if (!fresh.delete(event.id)) continue; // a duplicate, here or before
          await context.with(ctx, () => runWithTenant(event.tenantId, () => handler(event, m)));
          count += 1;
        }
        return count;
      });
      kafkaMessagesTotal.inc({ group, topic, outcome: 'processed' }, applied);
      if (wanted.length > applied) kafkaMessagesTotal.inc({ group, topic, outcome: 'duplicate' }, wanted.length - applied);
      for (const { span } of spans) span.end();
      return invalid;
    } catch (err) {
      this.logger.debug({ topic, messages: wanted.length, err }, 'a chunk failed; handling its messages one by one');
      for (const { span } of spans) span.end();
      return [...invalid, ...wantedPairs.map((v) => v.message)];
    }
  }

  private async handleMessage(topic: TopicName, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    const group = this.options.groupId;
    const parsed = parseEvent(topic, message.value);
    if (!parsed.ok) {
      await this.deadLetter(topic, partition, message, `validation: ${parsed.error}`, 0);
      return;
    }
    const event = parsed.event;
    const entry = this.options.handlers[topic] as EventHandler<TopicName> | FilteredHandler<TopicName> | undefined;
    if (!entry) return;
    if (typeof entry !== 'function' && !entry.wants(event)) {
      kafkaMessagesTotal.inc({ group, topic, outcome: 'skipped' });
      return;
    }
    const handler = typeof entry === 'function' ? entry : entry.handle;
    const parentTp = message.headers?.traceparent?.toString() ?? event.traceparent;
    const span = tracer.startSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.system': 'kafka', 'messaging.consumer.group.name': group, 'messaging.message.id': event.id },
      },
      contextFromTraceparent(parentTp),
    );
    await context.with(trace.setSpan(contextFromTraceparent(parentTp), span), () =>
      runWithTenant(event.tenantId, async () => {
        let transientWaits = 0;
        for (let attempt = 1; ; attempt++) {
          try {
            const applied = await this.ds.transaction(async (m) => {
              const rows = await m.query<unknown[]>(
                `INSERT INTO processed_events (tenant_id, consumer_group, event_id, topic) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING RETURNING event_id`,
                [event.tenantId, group, event.id, topic],
              );
              if (rows.length === 0) return false;
              await handler(event, m);
              return true;
            });
            kafkaMessagesTotal.inc({ group, topic, outcome: applied ? 'processed' : 'duplicate' });
            this.logger.debug({ topic, event_id: event.id, duplicate: !applied }, 'event handled');
            span.end();
            return;
          } catch (err) {
            if (isTransientDbError(err) && !this.stopping) {
              // Not this message's fault: wait for the database, keep the partition, don't count it.
              attempt -= 1;
              transientWaits += 1;
              kafkaMessagesTotal.inc({ group, topic, outcome: 'retried' });
              if (transientWaits === 1 || transientWaits % 30 === 0) this.logger.warn({ topic, event_id: event.id, err }, 'database unavailable; retrying');
              await new Promise((r) => setTimeout(r, Math.min(5000, this.baseBackoffMs * 2 ** Math.min(transientWaits, 5))));
              await heartbeat().catch(() => undefined);
              continue;
            }
            if (attempt >= this.maxAttempts || this.stopping) {
              span.setStatus({ code: SpanStatusCode.ERROR, message: String(err) });
              span.end();
              if (this.stopping) throw err; // not committed: redelivered after restart
              await this.deadLetter(topic, partition, message, `handler: ${errorMessage(err)}`, attempt);
              return;
            }
            kafkaMessagesTotal.inc({ group, topic, outcome: 'retried' });
            this.logger.warn({ topic, event_id: event.id, attempt, err }, 'event handler failed; retrying');
            await new Promise((r) => setTimeout(r, this.baseBackoffMs * 2 ** (attempt - 1)));
            await heartbeat().catch(() => undefined);
          }
        }
      }),
    );
  }

  private async deadLetter(topic: TopicName, partition: number, message: KafkaMessage, error: string, attempts: number): Promise<void> {
    kafkaMessagesTotal.inc({ group: this.options.groupId, topic, outcome: 'dead_lettered' });
    this.logger.error({ topic, partition, offset: message.offset, error, attempts }, 'message dead-lettered');
    await this.dlqProducer?.send({
      topic: dlqTopic(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-error': error.slice(0, 2000),
            'dlq-source-topic': topic,
            'dlq-source-partition': String(partition),
            'dlq-source-offset': message.offset,
            'dlq-consumer-group': this.options.groupId,
            'dlq-attempts': String(attempts),
            'dlq-time': new Date().toISOString(),
          },
        },
      ],
    });
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
