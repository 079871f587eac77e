import {
  Global,
  Inject,
  Injectable,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Kafka, type Admin } from 'kafkajs';
import { DataSource, type EntityManager, type EntitySchema, type MigrationInterface } from 'typeorm';
import type { Logger } from 'pino';
import type { TopicName } from '@club/contracts';
import type { BaseConfig } from '@club/platform-config';
import { createDataSource, pingDatabase, readCommittedTransaction, runMigrations } from '@club/platform-db';
import {
  createKafka,
  ensureTopics,
  IdempotentConsumer,
  OutboxRelay,
  OutboxRepository,
  type HandlerMap,
} from '@club/platform-kafka';
import { OpsController } from './ops.controller';
import { Readiness } from './readiness';

export const CONFIG = Symbol('CLUB_CONFIG');
export const LOGGER = Symbol('CLUB_LOGGER');

type EntityTarget = (new (...args: never[]) => unknown) | EntitySchema;

export interface PlatformOptions {
  readonly service: string;
  readonly config: BaseConfig;
  readonly logger: Logger;
  readonly entities: readonly EntityTarget[];
  readonly migrations: readonly (new () => MigrationInterface)[];
  /** Topics this service publishes or consumes; created explicitly at start-up. */
  readonly topics: readonly TopicName[];
}

/** The clock, behind a class so services and tests can control time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** Id generation, behind a class for the same reason. */
@Injectable()
export class Ids {
  uuid(): string {
    return randomUUID();
  }
}

/**
 * Runs a database transaction and wakes the outbox relay after it committed, so events written
 * in it reach Kafka without waiting for the next poll.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly ds: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // READ COMMITTED on purpose, whatever the server default: idempotency claims rely on a
    // concurrent duplicate seeing the first writer's committed row after ON CONFLICT waits.
    // Opened with one statement (BEGIN ISOLATION LEVEL …), not TypeORM's two.
    const result = await readCommittedTransaction(this.ds, work);
    this.relay.wake();
    return result;
  }
}

/** The service's Kafka consumers; started by the services that own the handlers. */
@Injectable()
export class KafkaConsumers {
  private readonly consumers: IdempotentConsumer[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
    // Optional for tests that build consumers by hand (one partition at a time then).
    @Optional() @Inject(CONFIG) private readonly config?: Pick<BaseConfig, 'KAFKA_CONSUMER_CONCURRENCY' | 'KAFKA_CONSUMER_BATCH'>,
  ) {}

  async start(groupId: string, handlers: HandlerMap): Promise<IdempotentConsumer> {
    const consumer = new IdempotentConsumer(this.ds, this.kafka, this.logger, {
      groupId,
      handlers,
      partitionsConsumedConcurrently: this.config?.KAFKA_CONSUMER_CONCURRENCY,
      messagesPerTransaction: this.config?.KAFKA_CONSUMER_BATCH,
    });
    await ensureTopics(this.kafka, consumer.topics);
    this.consumers.push(consumer);
    await consumer.start();
    return consumer;
  }

  allHealthy(): boolean {
    return this.consumers.every((c) => c.isHealthy());
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}

/**
 * Start-up and graceful shutdown of the shared infrastructure. Nest closes the HTTP and gRPC
 * servers (draining in-flight calls) before onApplicationShutdown runs, so the order here is:
 * stop consumers (their in-hand message commits), flush the outbox relay, close Kafka and the
 * database pool.
 */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private admin: Admin | undefined;
  private kafkaOk = { at: 0, ok: false };

  constructor(
    @Inject(CONFIG) private readonly config: BaseConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject('CLUB_TOPICS') private readonly topics: readonly TopicName[],
    private readonly ds: DataSource,
    private readonly kafka: Kafka,
    private readonly relay: OutboxRelay,
    private readonly consumers: KafkaConsumers,
    private readonly readiness: Readiness,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.admin = this.kafka.admin();
    await this.admin.connect();
    if (this.topics.length > 0) await ensureTopics(this.kafka, this.topics);
    await this.relay.start();
    this.readiness.register('database', () => pingDatabase(this.ds));
    this.readiness.register('kafka', () => this.kafkaReachable());
    this.readiness.register('consumers', async () => this.consumers.allHealthy());
    this.logger.info({ grpc_port: this.config.GRPC_PORT, http_port: this.config.PORT }, 'infrastructure ready');
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.readiness.markShuttingDown();
    this.logger.info({ signal }, 'shutting down: stopping consumers, flushing outbox');
    await this.consumers.stopAll().catch((err: unknown) => this.logger.warn({ err }, 'consumer stop failed'));
    await this.relay.stop().catch((err: unknown) => this.logger.warn({ err }, 'relay stop failed'));
    await this.admin?.disconnect().catch(() => undefined);
    if (this.ds.isInitialized) await this.ds.destroy();
    this.logger.info('shutdown complete');
  }

  /** A real metadata round trip to the cluster, cached for two seconds. */
  private async kafkaReachable(): Promise<boolean> {
    const now = Date.now();
    if (now - this.kafkaOk.at < 2000) return this.kafkaOk.ok;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.admin?.describeCluster(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), 1500);
        }),
      ]);
      this.kafkaOk = { at: now, ok: this.admin !== undefined };
    } catch {
      this.kafkaOk = { at: now, ok: false };
    } finally {
      clearTimeout(timer);
    }
    return this.kafkaOk.ok;
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { config, logger } = options;
    return {
      module: PlatformModule,
      controllers: [OpsController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: 'CLUB_TOPICS', useValue: options.topics },
        Readiness,
        Clock,
        Ids,
        {
          provide: DataSource,
          useFactory: async (): Promise<DataSource> => {
            const ds = createDataSource({
              url: config.DATABASE_URL,
              service: options.service,
              entities: options.entities,
              migrations: options.migrations,
              poolSize: config.DB_POOL_SIZE,
            });
            await ds.initialize();
            if (config.DB_MIGRATIONS_RUN) {
              const ran = await runMigrations(ds);
              if (ran.length > 0) logger.info({ migrations: ran }, 'migrations applied');
            }
            return ds;
          },
        },
        {
          provide: Kafka,
          useFactory: (): Kafka =>
            createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? `club-${options.service}`, logger }),
        },
        { provide: OutboxRepository, useValue: new OutboxRepository() },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, kafka: Kafka): OutboxRelay => new OutboxRelay(ds, kafka, logger, { lingerMs: config.OUTBOX_LINGER_MS }),
          inject: [DataSource, Kafka],
        },
        UnitOfWork,
        KafkaConsumers,
        PlatformLifecycle,
      ],
      exports: [CONFIG, LOGGER, Readiness, Clock, Ids, DataSource, Kafka, OutboxRepository, OutboxRelay, UnitOfWork, KafkaConsumers],
    };
  }
}
