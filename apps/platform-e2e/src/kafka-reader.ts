import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { testInfra, testKafka } from '@club/platform-testing';

export interface ReadEvent {
  id: string;
  type: string;
  tenantId: string;
  subject: string;
  data: Record<string, unknown>;
}

/**
 * Every message of a topic from the beginning, as any Kafka client would read it: kcat when the
 * machine has it, else a kafkajs consumer with its own group. Messages that are not JSON (other
 * tests put deliberately invalid ones on some topics) are skipped.
 */
export async function readTopic(topic: string): Promise<ReadEvent[]> {
  const parse = (lines: string[]): ReadEvent[] =>
    lines.flatMap((l) => {
      try {
        return [JSON.parse(l) as ReadEvent];
      } catch {
        return [];
      }
    });
  const brokers = testInfra().kafkaBrokers.join(',');
  if (spawnSync('sh', ['-c', 'command -v kcat'], { stdio: 'ignore' }).status === 0) {
    const out = execFileSync('kcat', ['-b', brokers, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%s\n'], { encoding: 'utf8', timeout: 30_000, maxBuffer: 256 * 1024 * 1024 });
    return parse(out.split('\n'));
  }
  const consumer = testKafka().consumer({ groupId: `e2e-reader-${randomUUID()}` });
  const got: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void got.push(message.value!.toString()) });
  await new Promise((r) => setTimeout(r, 5000));
  await consumer.disconnect();
  return parse(got);
}
