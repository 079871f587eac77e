import { z } from 'zod';

/** Settings every service reads. Services extend this with their own. */
export const baseConfigSchema = z.object({
  SERVICE_NAME: z.string().min(1),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535),
  GRPC_PORT: z.coerce.number().int().min(1).max(65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'must be a postgres:// URL, e.g. postgres://user:pass@host:5432/db'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_MIGRATIONS_RUN: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((v) => v.split(',').map((b) => b.trim()).filter(Boolean))
    .refine((l) => l.length > 0 && l.every((b) => /^[^:\s]+:\d+$/.test(b)), 'must be a comma list of host:port'),
  KAFKA_CLIENT_ID: z.string().optional(),
  /** Partitions each Kafka consumer handles at once (kafkajs partitionsConsumedConcurrently); order holds within a partition, i.e. per key. */
  KAFKA_CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
  /** Messages of a fetched batch each consumer handles in one database transaction (1: one per message); a failing chunk falls back to one at a time. */
  KAFKA_CONSUMER_BATCH: z.coerce.number().int().min(1).max(500).default(50),
  /** How long the outbox relay waits after a commit woke it, so commits arriving together are published in one batch (0: at once). */
  OUTBOX_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(5),
  /** Access log lines (one per HTTP request and per RPC) are written at debug unless the call failed or took at least this long. */
  LOG_SLOW_REQUEST_MS: z.coerce.number().int().min(0).default(1000),
  /** Read by the OpenTelemetry SDK before the config (observability/telemetry.ts); validated here so a bad value stops the service. */
  OTEL_TRACES_SAMPLER: z
    .enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'])
    .default('parentbased_always_on'),
  /** The sampling ratio (0–1) of traceidratio and parentbased_traceidratio. */
  OTEL_TRACES_SAMPLER_ARG: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === '' || (Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= 1), 'must be a number from 0 to 1'),
  /** A span per PostgreSQL query (off by default: at the tills' rate they cost more than they tell). */
  OTEL_PG_SPANS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Set by the local launcher: exit when the launching process dies, so nothing is orphaned. */
  CLUB_EXIT_WITH_PARENT: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly issues: readonly string[],
  ) {
    super(`Invalid configuration for ${service}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

/**
 * Parses and validates the environment once at start-up. Throws ConfigError listing every bad
 * value (never the values themselves: they may be secrets).
 */
export function loadConfig<S extends z.ZodType>(schema: S, service: string, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(service, issues);
}

/** For main.ts: load config or print a clear message and exit with status 78 (EX_CONFIG). */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, service: string): z.infer<S> {
  try {
    return loadConfig(schema, service);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}
