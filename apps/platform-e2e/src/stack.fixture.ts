import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@club/contracts';
import { freePort, ROOT, startStack, type ServicePorts, type Stack } from '@club/local-stack';
import { testInfra } from '@club/platform-testing';

/** Boots the six services on free ports against the test run's real PostgreSQL and Kafka. */
export async function bootStack(env: Record<string, string> = {}): Promise<Stack> {
  const { databaseUrl, kafkaBrokers } = testInfra();
  const ports = {} as Record<ServiceName, ServicePorts>;
  const taken = new Set<number>();
  const port = async (): Promise<number> => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
  };
  for (const s of SERVICE_NAMES) ports[s] = { http: await port(), grpc: await port() };
  const run = randomUUID().slice(0, 8);
  return startStack({
    infra: { adminDatabaseUrl: databaseUrl, kafkaBrokers: kafkaBrokers.join(','), stop: async () => undefined },
    adminToken: randomBytes(24).toString('hex'),
    logDir: join(ROOT, 'tmp', `e2e-${run}`, 'logs'),
    ports,
    dbPrefix: `e2e_${run}`,
    logLevel: 'debug',
    env,
  });
}

export interface Api {
  (method: string, path: string, opts?: { body?: unknown; raw?: string; key?: string; admin?: boolean; headers?: Record<string, string> }): Promise<{
    status: number;
    headers: Headers;
    text: string;
    json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  }>;
}

export function api(stack: Stack): Api {
  return async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    if (opts.key) headers['x-api-key'] = opts.key;
    if (opts.admin) headers.authorization = `Bearer ${stack.adminToken}`;
    const res = await fetch(`${stack.gatewayUrl}${path}`, {
      method,
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
}
