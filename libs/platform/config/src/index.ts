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
