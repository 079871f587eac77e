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

  it('accepts service-specific extensions', () => {
    const schema = baseConfigSchema.extend({ EARN_RATE: z.coerce.number().int().positive() });
    expect(() => loadConfig(schema, 'points', { ...good, EARN_RATE: '0' })).toThrow(/EARN_RATE/);
  });
});
