import { randomUUID } from 'node:crypto';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { ConfigResourceTypes, ConfigSource, type Consumer, type KafkaMessage } from 'kafkajs';
import { dlqTopic, PERSONAL_DATA_RETENTION_MS, type EventEnvelope } from '@club/contracts';
import { createTestDatabase, eventually, testKafka, testTenant, type TestDatabase } from '@club/platform-testing';
import { CreateOutboxAndInbox1763900000000, ensureTopics, IdempotentConsumer, OutboxRelay, OutboxRepository } from '../src';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const TOPIC = 'members.member.enrolled.v1' as const;

function enrolled(tenantId: string, memberId = randomUUID()) {
  return {
    topic: TOPIC,
    tenantId,
    subject: memberId,
    data: { memberId, phone: '+989121234567', firstName: 'Sara', lastName: null, locale: 'fa' as const, enrolledAt: new Date().toISOString() },
  };
}

/** Collects every message of a topic from the beginning with its own group. */
async function collect(topic: string): Promise<{ messages: KafkaMessage[]; consumer: Consumer }> {
  const consumer = testKafka().consumer({ groupId: `collector-${randomUUID()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return { messages, consumer };
}

describe('outbox relay and idempotent consumer (real PostgreSQL and Kafka)', () => {
  let db: TestDatabase;
  const kafka = testKafka();

  beforeAll(async () => {
    // A real tracer so the writer's trace context is captured and continued.
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    db = await createTestDatabase('kafkalib', [CreateOutboxAndInbox1763900000000]);
    await db.dataSource.query(`CREATE TABLE effects (tenant_id uuid NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (tenant_id, event_id))`);
    await db.dataSource.query(`CREATE TABLE effect_log (tenant_id uuid NOT NULL, event_id uuid NOT NULL, at timestamptz DEFAULT now())`);
    await ensureTopics(kafka, [TOPIC]);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('keeps personal data on Kafka for a bounded time: topics with personal data (and their DLQs) get the privacy retention', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(kafka, ['members.tier.changed.v1']);
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [TOPIC, dlqTopic(TOPIC), 'members.tier.changed.v1'].map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms'] })),
      });
      const retention = resources.map((r) => ({ topic: r.resourceName, ms: r.configEntries[0].configValue, fromTopic: r.configEntries[0].configSource === ConfigSource.TOPIC_CONFIG }));
      expect(retention).toEqual([
        { topic: TOPIC, ms: String(PERSONAL_DATA_RETENTION_MS), fromTopic: true },
        { topic: dlqTopic(TOPIC), ms: String(PERSONAL_DATA_RETENTION_MS), fromTopic: true },
        { topic: 'members.tier.changed.v1', ms: expect.any(String), fromTopic: false }, // no personal data: the cluster default
      ]);
    } finally {
      await admin.disconnect();
    }
  });

  it('publishes committed outbox rows in order, keyed by subject, with the writer’s trace context', async () => {
    const tenant = testTenant();
    const outbox = new OutboxRepository();
    const memberId = randomUUID();
    const written: EventEnvelope[] = [];
    const writerTraceId = await trace.getTracer('test').startActiveSpan('writer', async (span) => {
      for (let i = 0; i < 5; i++) {
        written.push(await db.dataSource.transaction((m) => outbox.enqueue(m, enrolled(tenant.tenantId, memberId))));
      }
      span.end();
      return span.spanContext().traceId;
    });
    expect(written.every((e) => e.traceparent?.split('-')[1] === writerTraceId)).toBe(true);
    // A rolled-back transaction leaves no event behind.
    await db.dataSource
      .transaction(async (m) => {
        await outbox.enqueue(m, enrolled(tenant.tenantId, memberId));
        throw new Error('rollback');
      })
      .catch(() => undefined);

    const { messages, consumer } = await collect(TOPIC);
    const relay = new OutboxRelay(db.dataSource, kafka, logger);
    await relay.start();
    relay.wake();
    try {
      const mine = await eventually(async () => {
        const found = messages.filter((m) => m.key?.toString() === memberId);
        if (found.length < 5) throw new Error(`only ${found.length} published`);
        return found;
      });
      expect(mine.map((m) => JSON.parse(m.value!.toString()).id)).toEqual(written.map((e) => e.id));
      // Each message continues the writer's trace (a publish span under the writer's span).
      expect(mine.map((m) => m.headers!.traceparent!.toString().split('-')[1])).toEqual(Array(5).fill(writerTraceId));
      const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM outbox`);
      expect(n).toBe(0);
    } finally {
      await relay.stop();
      await consumer.disconnect();
    }
  });

  it('lingers after a wake, so commits arriving together go out in one batch; stop() cuts the linger and the idle wait short', async () => {
    const tenant = testTenant();
    const outbox = new OutboxRepository();
    const memberId = randomUUID();
    const { messages, consumer } = await collect(TOPIC);
    const relay = new OutboxRelay(db.dataSource, kafka, logger, { idleMs: 60_000, lingerMs: 150 });
    await relay.start();
    await new Promise((r) => setTimeout(r, 300)); // the start-up poll is done; the relay now sleeps
    const batches: number[] = [];
    const publish = relay.publishBatch.bind(relay);
    jest.spyOn(relay, 'publishBatch').mockImplementation(async () => {
      const n = await publish();
      batches.push(n);
      return n;
    });
    try {
      const written: EventEnvelope[] = [];
      for (let i = 0; i < 5; i++) {
        written.push(await db.dataSource.transaction((m) => outbox.enqueue(m, enrolled(tenant.tenantId, memberId))));
        relay.wake(); // as UnitOfWork does after each commit
      }
      const mine = await eventually(async () => {
        const found = messages.filter((m) => m.key?.toString() === memberId);
        if (found.length < 5) throw new Error(`only ${found.length} published`);
        return found;
      });
      expect(batches).toEqual([5]);
      expect(mine.map((m) => JSON.parse(m.value!.toString()).id)).toEqual(written.map((e) => e.id));
    } finally {
      const stopping = Date.now();
      await relay.stop();
      expect(Date.now() - stopping).toBeLessThan(5_000);
      await consumer.disconnect();
    }
  });

  it('handles partitions concurrently when asked, keeping each key’s events in order and applying each once', async () => {
    const tenant = testTenant();
    const keys = Array.from({ length: 6 }, () => randomUUID());
    const sent = new Map<string, string[]>(keys.map((k) => [k, []]));
    const producer = kafka.producer();
    await producer.connect();
    for (let round = 0; round < 5; round++) {
      await producer.send({
        topic: TOPIC,
        messages: keys.map((k) => {
          const id = randomUUID();
          sent.get(k)!.push(id);
          const e = enrolled(tenant.tenantId, k);
          return { key: k, value: JSON.stringify({ id, type: TOPIC, tenantId: tenant.tenantId, subject: k, time: new Date().toISOString(), traceparent: null, data: e.data }) };
        }),
      });
    }
    await producer.disconnect();
    let inFlight = 0;
    let maxInFlight = 0;
    const applied = new Map<string, string[]>(keys.map((k) => [k, []]));
    const consumer = new IdempotentConsumer(db.dataSource, kafka, logger, {
      groupId: `test.concurrent-${randomUUID().slice(0, 8)}`,
      partitionsConsumedConcurrently: 3,
      handlers: {
        [TOPIC]: async (event, m) => {
          if (event.tenantId !== tenant.tenantId) return;
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          try {
            await new Promise((r) => setTimeout(r, 20));
            await m.query(`INSERT INTO effects (tenant_id, event_id) VALUES ($1, $2)`, [event.tenantId, event.id]);
            applied.get(event.subject)!.push(event.id);
          } finally {
            inFlight -= 1;
          }
        },
      },
    });
    await consumer.start();
    try {
      await eventually(async () => {
        const n = [...applied.values()].reduce((sum, ids) => sum + ids.length, 0);
        if (n < 30) throw new Error(`only ${n} applied`);
      });
      expect(applied).toEqual(sent);
      const [{ n }] = await db.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM effects WHERE tenant_id = $1`, [tenant.tenantId]);
      expect(n).toBe(30);
      // Six keys spread over the topic's six partitions: more than one partition was in hand at once.
      expect(maxInFlight).toBeGreaterThan(1);
    } finally {
      await consumer.stop();
    }
  });

  it('applies a duplicated event once, dead-letters invalid messages and handlers that keep failing', async () => {
    const tenant = testTenant();
    const good = enrolled(tenant.tenantId);
    const envelope = {
      id: randomUUID(),
      type: TOPIC,
      tenantId: tenant.tenantId,
      subject: good.subject,
      time: new Date().toISOString(),
      traceparent: null,
      data: good.data,
    };
    const poison = { ...envelope, id: randomUUID(), subject: randomUUID(), data: { ...good.data, memberId: 'not-a-uuid' } };
    const failing = { ...envelope, id: randomUUID(), subject: randomUUID(), data: { ...good.data, firstName: 'FAIL' } };
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPIC,
      messages: [
        { key: envelope.subject, value: JSON.stringify(envelope) },
        { key: envelope.subject, value: JSON.stringify(envelope) }, // redelivery
        { key: poison.subject, value: JSON.stringify(poison) },
        { key: 'x', value: 'not json' },
        { key: failing.subject, value: JSON.stringify(failing) },
      ],
    });
    await producer.disconnect();

    const dlq = await collect(dlqTopic(TOPIC));
    const group = `test.consumer-${randomUUID().slice(0, 8)}`;
    const consumer = new IdempotentConsumer(db.dataSource, kafka, logger, {
      groupId: group,
      maxAttempts: 3,
      baseBackoffMs: 10,
      handlers: {
        [TOPIC]: async (event, m) => {
          if (event.tenantId !== tenant.tenantId) return;
          if (event.data.firstName === 'FAIL') throw new Error('downstream refused');
          await m.query(`INSERT INTO effect_log (tenant_id, event_id) VALUES ($1, $2)`, [event.tenantId, event.id]);
        },
      },
    });
    await consumer.start();
    try {
      const dead = await eventually(async () => {
        const mine = dlq.messages.filter((m) => m.headers?.['dlq-consumer-group']?.toString() === group);
        if (mine.length < 3) throw new Error(`only ${mine.length} dead-lettered`);
        return mine;
      });
      const errors = dead.map((m) => m.headers!['dlq-error']!.toString());
      expect(errors.filter((e) => e.startsWith('validation:'))).toHaveLength(2);
      expect(errors.filter((e) => e === 'handler: downstream refused')).toHaveLength(1);
      const applied = await db.dataSource.query<unknown[]>(`SELECT event_id FROM effect_log WHERE tenant_id = $1`, [tenant.tenantId]);
      expect(applied).toHaveLength(1);
    } finally {
      await consumer.stop();
      await dlq.consumer.disconnect();
    }

    // A restarted consumer in the same group resumes after the committed offsets: nothing is applied twice.
    const again = new IdempotentConsumer(db.dataSource, kafka, logger, {
      groupId: group,
      handlers: {
        [TOPIC]: async (event, m) => {
          if (event.tenantId === tenant.tenantId) await m.query(`INSERT INTO effect_log (tenant_id, event_id) VALUES ($1, $2)`, [event.tenantId, event.id]);
        },
      },
    });
    await again.start();
    await new Promise((r) => setTimeout(r, 1500));
    await again.stop();
    const applied = await db.dataSource.query<unknown[]>(`SELECT event_id FROM effect_log WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(applied).toHaveLength(1);
  });

  it('acknowledges the events a filtered handler does not want without a transaction, and handles the others once', async () => {
    const tenant = testTenant();
    const wanted = enrolled(tenant.tenantId);
    const unwanted = { ...enrolled(tenant.tenantId), data: { ...wanted.data, firstName: 'SKIP' } };
    const envelopes = [wanted, unwanted].map((e) => ({ id: randomUUID(), type: TOPIC, tenantId: tenant.tenantId, subject: e.subject, time: new Date().toISOString(), traceparent: null, data: e.data }));
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [...envelopes, envelopes[0]].map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
    await producer.disconnect();
    const group = `test.filtered-${randomUUID().slice(0, 8)}`;
    const consumer = new IdempotentConsumer(db.dataSource, kafka, logger, {
      groupId: group,
      handlers: {
        [TOPIC]: {
          wants: (event) => event.tenantId === tenant.tenantId && event.data.firstName !== 'SKIP',
          handle: async (event, m) => {
            await m.query(`INSERT INTO effect_log (tenant_id, event_id) VALUES ($1, $2)`, [event.tenantId, event.id]);
          },
        },
      },
    });
    await consumer.start();
    try {
      await eventually(async () => {
        const applied = await db.dataSource.query<{ event_id: string }[]>(`SELECT event_id FROM effect_log WHERE tenant_id = $1`, [tenant.tenantId]);
        if (applied.length === 0) throw new Error('not yet');
        expect(applied.map((a) => a.event_id)).toEqual([envelopes[0].id]);
      });
      await new Promise((r) => setTimeout(r, 500)); // the redelivered copy has come by too
      const processed = await db.dataSource.query<{ event_id: string }[]>(`SELECT event_id FROM processed_events WHERE consumer_group = $1`, [group]);
      expect(processed.map((p) => p.event_id)).toEqual([envelopes[0].id]); // the unwanted event cost no row
      expect(await db.dataSource.query<unknown[]>(`SELECT event_id FROM effect_log WHERE tenant_id = $1`, [tenant.tenantId])).toHaveLength(1);
    } finally {
      await consumer.stop();
    }
  });

  it('handles a fetched batch in one transaction, and one message at a time when a handler in it fails', async () => {
    const tenant = testTenant();
    const envelope = (firstName: string | null) => {
      const e = enrolled(tenant.tenantId);
      return { id: randomUUID(), type: TOPIC, tenantId: tenant.tenantId, subject: e.subject, time: new Date().toISOString(), traceparent: null, data: { ...e.data, firstName } };
    };
    const first = [envelope(null), envelope(null), envelope(null)];
    const second = [envelope(null), envelope('FAIL'), envelope(null)];
    const producer = kafka.producer();
    await producer.connect();
    const send = (list: typeof first) => producer.send({ topic: TOPIC, messages: list.map((e) => ({ key: tenant.tenantId, value: JSON.stringify(e) })) });
    const dlq = await collect(dlqTopic(TOPIC));
    const group = `test.chunked-${randomUUID().slice(0, 8)}`;
    const transactions: string[] = [];
    const consumer = new IdempotentConsumer(db.dataSource, kafka, logger, {
      groupId: group,
      maxAttempts: 2,
      baseBackoffMs: 10,
      messagesPerTransaction: 50,
      handlers: {
        [TOPIC]: {
          wants: (event) => event.tenantId === tenant.tenantId,
          handle: async (event, m) => {
            transactions.push(String((await m.query<{ x: string }[]>(`SELECT txid_current()::text AS x`))[0].x));
            if (event.data.firstName === 'FAIL') throw new Error('downstream refused');
            await m.query(`INSERT INTO effect_log (tenant_id, event_id) VALUES ($1, $2)`, [event.tenantId, event.id]);
          },
        },
      },
    });
    try {
      await send([...first, first[0]]); // with a redelivered copy
      await consumer.start();
      const applied = async () => (await db.dataSource.query<{ event_id: string }[]>(`SELECT event_id FROM effect_log WHERE tenant_id = $1`, [tenant.tenantId])).map((r) => r.event_id);
      await eventually(async () => {
        if ((await applied()).length < 3) throw new Error('not yet');
      });
      expect(new Set(transactions).size).toBeLessThan(3); // the three ran together (one fetch may split them)
      await send(second);
      await eventually(async () => {
        const mine = dlq.messages.filter((m) => m.headers?.['dlq-consumer-group']?.toString() === group);
        if (mine.length < 1 || (await applied()).length < 5) throw new Error('not yet');
      });
      expect((await applied()).sort()).toEqual([...first, second[0], second[2]].map((e) => e.id).sort());
    } finally {
      await producer.disconnect();
      await consumer.stop();
      await dlq.consumer.disconnect();
    }
  });

  it('waits out a database outage instead of dead-lettering: transient errors are retried without limit', async () => {
    const tenant = testTenant();
    const event = enrolled(tenant.tenantId);
    const envelope = { id: randomUUID(), type: TOPIC, tenantId: tenant.tenantId, subject: event.subject, time: new Date().toISOString(), traceparent: null, data: event.data };
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [{ key: envelope.subject, value: JSON.stringify(envelope) }] });
    await producer.disconnect();

    const dlq = await collect(dlqTopic(TOPIC));
    const group = `test.outage-${randomUUID().slice(0, 8)}`;
    let failures = 0;
    const consumer = new IdempotentConsumer(db.dataSource, kafka, logger, {
      groupId: group,
      maxAttempts: 2, // fewer than the outage lasts: only the transient classification saves the event
      baseBackoffMs: 10,
      handlers: {
        [TOPIC]: async (e, m) => {
          if (e.tenantId !== tenant.tenantId) return;
          if (failures < 4) {
            failures += 1;
            throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
          }
          await m.query(`INSERT INTO effect_log (tenant_id, event_id) VALUES ($1, $2)`, [e.tenantId, e.id]);
        },
      },
    });
    await consumer.start();
    try {
      await eventually(async () => {
        const rows = await db.dataSource.query<unknown[]>(`SELECT 1 FROM effect_log WHERE tenant_id = $1`, [tenant.tenantId]);
        if (rows.length !== 1) throw new Error('not applied yet');
      });
      expect(failures).toBe(4);
      await new Promise((r) => setTimeout(r, 500));
      // (The topic also holds the earlier test's invalid messages, dead-lettered by this group too.)
      const mine = dlq.messages.filter((m) => m.headers?.['dlq-consumer-group']?.toString() === group && m.key?.toString() === envelope.subject);
      expect(mine).toHaveLength(0);
    } finally {
      await consumer.stop();
      await dlq.consumer.disconnect();
    }
  });
});
