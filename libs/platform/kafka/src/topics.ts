import type { Kafka } from 'kafkajs';
import { dlqTopic, PERSONAL_DATA_RETENTION_MS, PERSONAL_DATA_TOPICS, TOPIC_NAMES, TOPIC_PARTITIONS, type TopicName } from '@club/contracts';

/**
 * Creates topics explicitly (brokers run with auto-create off), with the partition counts the
 * contracts choose, plus a one-partition dead-letter topic for each. Idempotent.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicName[] = TOPIC_NAMES): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    // Topics with personal data keep it for a bounded time (erasure cannot recall published events).
    const configEntries = (t: TopicName) => (PERSONAL_DATA_TOPICS.has(t) ? [{ name: 'retention.ms', value: String(PERSONAL_DATA_RETENTION_MS) }] : []);
    const wanted = topics.flatMap((t) => [
      { topic: t, numPartitions: TOPIC_PARTITIONS[t], configEntries: configEntries(t) },
      { topic: dlqTopic(t), numPartitions: 1, configEntries: configEntries(t) },
    ]);
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({ topics: missing.map((t) => ({ ...t, replicationFactor: -1 })), waitForLeaders: true });
      } catch (err) {
        // Another service or replica may be creating them at the same moment (already exists, or
        // kafkajs's own wait for leaders sees them half-created); the wait below settles it.
        if (!(err instanceof Error) || !/already exists|does not host this topic-partition|leader/i.test(err.message)) throw err;
      }
    }
    // Whoever created them, wait until every partition has a leader (a consumer subscribing to a
    // topic still being created elsewhere fails with "does not host this topic-partition").
    const names = wanted.map((t) => t.topic);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const { topics: meta } = await admin.fetchTopicMetadata({ topics: names });
        if (meta.length === names.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
      if (Date.now() > deadline) throw new Error(`topics not ready within 30 s: ${names.join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await admin.disconnect();
  }
}
