/**
 * `npm start`: the whole platform on this machine, with real PostgreSQL and Kafka. Data lives in
 * .data/ (git-ignored) and survives restarts. Ctrl-C stops everything.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startInfra, startStack, type Infra, type Stack } from '../local/stack';

const DATA = process.env.CLUB_DATA_DIR ?? join(ROOT, '.data');
const STATE = join(DATA, 'local.json');

interface LocalState {
  adminToken?: string;
  demo?: { tenantId: string; apiKey: string };
}

const say = (msg: string): void => {
  process.stdout.write(`\x1b[36m[club]\x1b[0m ${msg}\n`);
};

function readState(): LocalState {
  return existsSync(STATE) ? (JSON.parse(readFileSync(STATE, 'utf8')) as LocalState) : {};
}

function writeState(s: LocalState): void {
  writeFileSync(STATE, JSON.stringify(s, null, 2), { mode: 0o600 });
}

async function ensureDemoTenant(stack: Stack, state: LocalState): Promise<{ tenantId: string; apiKey: string }> {
  if (state.demo) {
    const res = await fetch(`${stack.gatewayUrl}/v1/members?phone=09120000000`, { headers: { 'x-api-key': state.demo.apiKey } });
    if (res.ok) return state.demo;
  }
  const res = await fetch(`${stack.gatewayUrl}/v1/admin/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Demo chain', timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR' }),
  });
  if (res.status !== 201) throw new Error(`could not create the demo tenant: ${res.status} ${await res.text()}`);
  const t = (await res.json()) as { id: string; apiKey: string };
  return { tenantId: t.id, apiKey: t.apiKey };
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const state = readState();
  const adminToken = process.env.CLUB_ADMIN_TOKEN ?? state.adminToken ?? randomBytes(24).toString('hex');
  if (!process.env.CLUB_ADMIN_TOKEN) writeState({ ...state, adminToken });

  let infra: Infra | undefined;
  let stack: Stack | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('stopping services, Kafka and PostgreSQL…');
    await stack?.stop();
    await infra?.stop();
    say('stopped; data kept in .data/');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    say('starting PostgreSQL and Kafka…');
    infra = await startInfra({
      dataDir: DATA,
      databaseUrl: process.env.DATABASE_URL,
      kafkaBrokers: process.env.KAFKA_BROKERS,
      postgresPort: Number(process.env.CLUB_POSTGRES_PORT ?? 5432),
      kafkaPort: Number(process.env.CLUB_KAFKA_PORT ?? 9092),
      log: (m) => say(m),
    });
    say('starting the six services (migrations run on start)…');
    const gatewayPort = Number(process.env.PORT ?? 8080);
    stack = await startStack({
      infra,
      adminToken,
      logDir: join(DATA, 'logs'),
      ports: { gateway: { http: gatewayPort, grpc: 50050 } },
      log: (m) => say(m),
    });
    const demo = await ensureDemoTenant(stack, readState());
    writeState({ ...readState(), adminToken, demo });
    const g = stack.gatewayUrl;
    const phone = `0912${String(Date.now()).slice(-7)}`;
    process.stdout.write(`
  Customer Club is running.

  Gateway        ${g}
  API docs       ${g}/docs   (OpenAPI: ${g}/openapi.json)
  Admin token    ${adminToken}
  Demo API key   ${demo.apiKey}
  Kafka          ${infra.kafkaBrokers}      PostgreSQL  ${infra.adminDatabaseUrl.replace(/:[^:@/]+@/, ':***@')}
  Service logs   .data/logs/<service>.log

  Enrol a member:
    curl -s -X POST ${g}/v1/members -H 'X-Api-Key: ${demo.apiKey}' -H 'content-type: application/json' \\
      -d '{"phone":"${phone}","firstName":"Sara"}'

  Record a checkout (the same command again credits nothing twice):
    curl -s -X POST ${g}/v1/checkouts -H 'X-Api-Key: ${demo.apiKey}' -H 'content-type: application/json' \\
      -d '{"transactionId":"till-1-${Date.now()}","storeId":"store-1","member":{"phone":"${phone}"},"amount":1250000,"currency":"IRR"}'

  Balance and inbox: GET ${g}/v1/members/<id>/points and /v1/members/<id>/inbox (same X-Api-Key)
  Watch the events:  kcat -b ${infra.kafkaBrokers} -C -t points.ledger-entry.created.v1 -o beginning

  Press Ctrl-C to stop.
`);
  } catch (err) {
    process.stderr.write(`start failed: ${err instanceof Error ? err.message : String(err)}\n`);
    await stop(1);
  }
}

void main();
