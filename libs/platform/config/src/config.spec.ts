import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig } from './index';

const good = {
  SERVICE_NAME: 'points',
  PORT: '8082',
  GRPC_PORT: '50052',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/club_points',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
};

describe('loadConfig', () => {
  it('parses and coerces a good environment', () => {
    const cfg = loadConfig(baseConfigSchema, 'points', good);
    expect(cfg.PORT).toBe(8082);
    expect(cfg.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(cfg.DB_MIGRATIONS_RUN).toBe(true);
  });

  it('names every bad value and never echoes secrets', () => {
    const bad = { ...good, PORT: 'eighty', DATABASE_URL: 'mysql://secret-password@x/db', KAFKA_BROKERS: 'nohost' };
    let error: unknown;
    try {
      loadConfig(baseConfigSchema, 'points', bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('Invalid configuration for points');
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(message).toMatch(/KAFKA_BROKERS: must be a comma list/);
    expect(message).not.toContain('secret-password');
  });

  it('defaults the hot-path settings and rejects bad ones', () => {
    const cfg = loadConfig(baseConfigSchema, 'points', good);
    expect(cfg).toMatchObject({
      KAFKA_CONSUMER_CONCURRENCY: 3,
      OUTBOX_LINGER_MS: 5,
      LOG_SLOW_REQUEST_MS: 1000,
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      OTEL_PG_SPANS: false,
    });
    expect(loadConfig(baseConfigSchema, 'points', { ...good, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1', OTEL_PG_SPANS: 'true' })).toMatchObject({
      OTEL_TRACES_SAMPLER_ARG: '0.1',
      OTEL_PG_SPANS: true,
    });
    const bad = { ...good, KAFKA_CONSUMER_CONCURRENCY: '0', OUTBOX_LINGER_MS: '-1', LOG_SLOW_REQUEST_MS: 'slow', OTEL_TRACES_SAMPLER: 'sometimes', OTEL_TRACES_SAMPLER_ARG: '1.5', OTEL_PG_SPANS: 'yes' };
    expect(() => loadConfig(baseConfigSchema, 'points', bad)).toThrow(
      /KAFKA_CONSUMER_CONCURRENCY[\s\S]*OUTBOX_LINGER_MS[\s\S]*LOG_SLOW_REQUEST_MS[\s\S]*OTEL_TRACES_SAMPLER:[\s\S]*OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1[\s\S]*OTEL_PG_SPANS/,
    );
  });

  it('accepts service-specific extensions', () => {
    const schema = baseConfigSchema.extend({ EARN_RATE: z.coerce.number().int().positive() });
    expect(() => loadConfig(schema, 'points', { ...good, EARN_RATE: '0' })).toThrow(/EARN_RATE/);
  });
});
