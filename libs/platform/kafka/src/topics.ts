import type { Kafka } from 'kafkajs';
import { dlqTopic, TOPIC_NAMES, TOPIC_PARTITIONS, type TopicName } from '@club/contracts';

/**
 * Creates topics explicitly (brokers run with auto-create off), with the partition counts the
 * contracts choose, plus a one-partition dead-letter topic for each. Idempotent.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicName[] = TOPIC_NAMES): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics.flatMap((t) => [
      { topic: t, numPartitions: TOPIC_PARTITIONS[t] },
      { topic: dlqTopic(t), numPartitions: 1 },
    ]);
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({ topics: missing.map((t) => ({ ...t, replicationFactor: -1 })), waitForLeaders: true });
      } catch (err) {
        // Another replica may have created them in between; anything else is real.
        if (!(err instanceof Error) || !/already exists/i.test(err.message)) throw err;
      }
    }
  } finally {
    await admin.disconnect();
  }
}
