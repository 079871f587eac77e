import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process; /metrics serves it in the Prometheus text format. */
export const metricsRegistry = new Registry();

let initialised = false;
export function initMetrics(service: string): void {
  if (initialised) return;
  initialised = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
}

const buckets = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const httpRequestDuration = new Histogram({
  name: 'club_http_server_request_duration_seconds',
  help: 'HTTP requests handled, by route and status',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets,
  registers: [metricsRegistry],
});

export const grpcServerDuration = new Histogram({
  name: 'club_grpc_server_handling_seconds',
  help: 'gRPC calls handled, by method and status code',
  labelNames: ['grpc_service', 'grpc_method', 'grpc_code'] as const,
  buckets,
  registers: [metricsRegistry],
});

export const kafkaConsumerLag = new Gauge({
  name: 'club_kafka_consumer_lag',
  help: 'Messages between the last processed offset and the partition high watermark',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
});

export const kafkaMessagesTotal = new Counter({
  name: 'club_kafka_messages_total',
  help: 'Kafka messages consumed, by outcome (processed, duplicate, retried, dead_lettered)',
  labelNames: ['group', 'topic', 'outcome'] as const,
  registers: [metricsRegistry],
});

let backlogSource: (() => Promise<number>) | undefined;

/** The relay registers how to count unpublished rows; the gauge asks at every scrape. */
export function setOutboxBacklogSource(source: () => Promise<number>): void {
  backlogSource = source;
}

export const outboxBacklog = new Gauge({
  name: 'club_outbox_backlog',
  help: 'Outbox rows not yet published to Kafka (counted at scrape time)',
  registers: [metricsRegistry],
  async collect() {
    if (!backlogSource) return;
    try {
      this.set(await backlogSource());
    } catch {
      /* database unavailable: keep the last value; readiness reports the outage */
    }
  },
});

export const outboxPublishedTotal = new Counter({
  name: 'club_outbox_published_total',
  help: 'Events published from the outbox, by topic',
  labelNames: ['topic'] as const,
  registers: [metricsRegistry],
});
