import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

/** A kafkajs client that logs through the service's structured logger. */
export function createKafka(options: { brokers: string[]; clientId: string; logger: Logger }): Kafka {
  const child = options.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...rest } = log as { message: string; broker?: string; error?: string; groupId?: string };
        const fields = { broker: rest.broker, error: rest.error, groupId: rest.groupId };
        if (level <= logLevel.ERROR) child.error(fields, message);
        else child.warn(fields, message);
      },
  });
}
