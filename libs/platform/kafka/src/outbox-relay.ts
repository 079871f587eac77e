import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { contextFromTraceparent, outboxPublishedTotal, setOutboxBacklogSource } from '@club/platform-observability';

interface OutboxRow {
  id: string;
  seq: string;
  topic: string;
  message_key: string;
  value: string;
  traceparent: string | null;
}

export interface OutboxRelayOptions {
  readonly batchSize?: number;
  /** Poll interval when idle; writers also wake the relay right after they commit. */
  readonly idleMs?: number;
  /**
   * How long the relay waits after a wake before it reads the outbox, so commits arriving
   * together go out in one relay transaction and one produce (0: at once). Default 5 ms.
   */
  readonly lingerMs?: number;
}

const tracer = trace.getTracer('club-outbox');

/**
 * Publishes outbox rows to Kafka in commit order, in batches, with an idempotent producer.
 * A transaction-scoped advisory lock makes one relay per database publish at a time (replicas
 * take turns), rows are deleted only after Kafka acknowledged them, and a crash between the two
 * republishes the batch: delivery is at-least-once and consumers deduplicate by event id.
 * Each message continues the trace of the transaction that wrote it (traceparent header).
 * A wake lingers a few milliseconds first (`lingerMs`), so a burst of commits shares a batch.
 */
export class OutboxRelay {
  private producer: Producer | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pendingWake = false;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly lingerMs: number;

  constructor(
    private readonly ds: DataSource,
    private readonly kafka: Kafka,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 250;
    this.lingerMs = options.lingerMs ?? 5;
  }

  async start(): Promise<void> {
    // Bounded retries: a broker outage fails the batch (rolled back, retried by the loop with
    // backoff) instead of holding the transaction and its advisory lock indefinitely.
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: 10, maxRetryTime: 10_000 },
    });
    setOutboxBacklogSource(async () => {
      const [{ n }] = await this.ds.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM outbox`);
      return n;
    });
    await this.producer.connect();
    this.running = true;
    this.loop = this.run();
  }

  /** Ask the relay to look at the outbox now (called after a transaction with events committed). */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /** Stops polling after publishing everything already committed (graceful shutdown). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    try {
      while ((await this.publishBatch()) > 0) {
        /* flush what is left */
      }
    } catch (err) {
      this.logger.warn({ err }, 'outbox flush on shutdown failed; rows stay for the next start');
    }
    await this.producer?.disconnect();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        failures = 0;
      } catch (err) {
        failures += 1;
        this.logger.error({ err }, 'outbox relay batch failed; retrying');
      }
      if (published >= this.batchSize) continue;
      const delay = failures > 0 ? Math.min(5000, 200 * 2 ** failures) : this.idleMs;
      await this.sleep(delay);
    }
  }

  /**
   * Sleeps until the timeout, or until `lingerMs` after a wake(): the commits that arrive within
   * the linger are read with the first. A wake() that came while publishing ends the sleep at
   * once (then lingers). stop() ends the sleep and the linger at once.
   */
  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const woken = (): void => {
        this.pendingWake = false;
        if (!this.running || this.lingerMs <= 0) {
          done();
          return;
        }
        clearTimeout(timer);
        timer = setTimeout(done, this.lingerMs);
        // Later wakes are covered by the read after the linger; only stop() cuts it short.
        this.wakeUp = () => {
          this.pendingWake = false;
          if (!this.running) done();
        };
      };
      this.wakeUp = woken;
      if (this.pendingWake) woken();
      else timer = setTimeout(done, ms);
    });
  }

  /** Publishes one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const producer = this.producer;
    if (!producer) throw new Error('outbox relay not started');
    return this.ds.transaction(async (m) => {
      const [{ locked }] = await m.query<[
        { locked: boolean },
      ]>(`SELECT pg_try_advisory_xact_lock(hashtext('club:outbox-relay')) AS locked`);
      if (!locked) return 0;
      const rows = await m.query<OutboxRow[]>(
        `SELECT id, seq, topic, message_key, value, traceparent FROM outbox ORDER BY seq LIMIT $1`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const spans = rows.map((r) =>
        tracer.startSpan(`${r.topic} publish`, { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': r.topic } }, contextFromTraceparent(r.traceparent)),
      );
      try {
        const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
        rows.forEach((r, i) => {
          const sc = spans[i].spanContext();
          const headers: Record<string, string> = { 'event-id': r.id, 'event-type': r.topic };
          if (trace.isSpanContextValid(sc)) {
            headers.traceparent = `00-${sc.traceId}-${sc.spanId}-${sc.traceFlags.toString(16).padStart(2, '0')}`;
          }
          const list = byTopic.get(r.topic) ?? [];
          list.push({ key: r.message_key, value: r.value, headers });
          byTopic.set(r.topic, list);
        });
        await context.with(trace.setSpan(context.active(), spans[0]), () =>
          producer.sendBatch({
            acks: -1,
            topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
          }),
        );
        for (const s of spans) s.end();
      } catch (err) {
        for (const s of spans) {
          s.setStatus({ code: SpanStatusCode.ERROR, message: String(err) });
          s.end();
        }
        throw err;
      }
      await m.query(`DELETE FROM outbox WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      for (const r of rows) outboxPublishedTotal.inc({ topic: r.topic });
      return rows.length;
    });
  }
}
