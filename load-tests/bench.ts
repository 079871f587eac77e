/**
 * `npm run bench`: the peak-hour benchmark of issue 5, end to end on this machine.
 *
 *   npm run bench                      # full run (about 22 minutes): RATE 1000/s, 100k members
 *   npm run bench -- --quick           # the same steps with short stages (about 4 minutes)
 *   npm run bench -- --rate 300 --profile --no-baselines
 *
 * Steps: finds (or builds once) k6 and pgbench; starts its own PostgreSQL and Kafka under
 * tmp/bench (fresh each run, durable settings, ports 55432/55492) and the six services as
 * `npm start` does (production log level `info`, NODE_ENV=production); creates a tenant through
 * the gateway and seeds 100k members straight into the members database (E.164 phones, Luhn-valid
 * cards, referral codes), a third of them with points (lots, entries, balances in the points
 * database) and recipients in notifications; checks one member by card, by phone and a checkout
 * with a redemption through the gateway; warms up; runs load-tests/peak-hour.k6.ts against the
 * gateway while sampling the CPU of every process group; checks the ledger holds exactly the
 * checkouts k6 saw succeed and waits for the asynchronous part (outbox relays, Kafka consumers)
 * to catch up; stops the services; then, on the same PostgreSQL, runs pgbench with the points
 * service's SQL for one checkout (load-tests/pgbench/checkout-ledger.sql), and a bare Fastify
 * endpoint under the same k6 arrival profile. Prints the per-stage figures and ONE summary line;
 * writes everything to load-tests/results/<timestamp>/ (git-ignored). Everything it started is
 * stopped at the end, on Ctrl-C, and (via parent-death signals) if it is killed.
 *
 * Options: --quick, --rate <n>, --members <n>, --profile (CPU profiles of gateway and points
 * during the peak run, summarised), --no-baselines, --log-level <level>, --pgbench-clients <n>,
 * --pgbench-seconds <n>, --keep-data (leave PostgreSQL's and Kafka's data in tmp/bench),
 * --campaigns <n> (0-5 live campaigns; default 4) and --coupons <n> (a batch of multi-use codes and a coupon-gated campaign; default 0). Any variable peak-hour.k6.ts reads (OPENING, HOLD, REDEEM_SHARE,
 * MAX_VUS, P99_MS …) can be set in the environment to override the profile.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { SERVICE_NAMES, type ServiceName } from '@club/contracts';
import { freePort, NODE, ROOT, startInfra, startStack, type Infra, type ServicePorts, type Stack } from '../deploy/local/stack';
import { ensureGoTool, hasCommand } from '../deploy/scripts/go-tool';
import {
  loadFigures,
  machineTicks,
  parsePgbenchLog,
  processGroup,
  statTicks,
  parsePgbenchTps,
  percentile,
  seedIdentity,
  seedPoints,
  summariseProfile,
  summaryLine,
  sustainedRate,
  type BenchFigures,
  type CpuProfile,
  type K6Summary,
  type LoadFigures,
  type ProfileSummary,
} from './bench/lib';

const K6_VERSION = 'v1.8.1';
const SCRIPT = join(ROOT, 'load-tests', 'peak-hour.k6.ts');
const PGBENCH_SCRIPT = join(ROOT, 'load-tests', 'pgbench', 'checkout-ledger.sql');
const DATA = join(ROOT, 'tmp', 'bench');
const STAGES = ['opening', 'ramp', 'hold', 'spike', 'recovery'];

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const numOpt = (name: string, def: number): number => {
  const v = opt(name);
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
  return n;
};

const QUICK = flag('quick');
const RATE = numOpt('rate', 1000);
const MEMBERS = numOpt('members', 100_000);
const PROFILE = flag('profile');
const BASELINES = !flag('no-baselines');
const LOG_LEVEL = opt('log-level') ?? 'info';
const PGBENCH_CLIENTS = numOpt('pgbench-clients', 10); // the points service's DB_POOL_SIZE default
const PGBENCH_SECONDS = numOpt('pgbench-seconds', QUICK ? 15 : 60);
const CAMPAIGNS = numOpt('campaigns', 4);
const COUPONS = numOpt('coupons', 0);
const POSTGRES_PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 55432);
const KAFKA_PORT = Number(process.env.BENCH_KAFKA_PORT ?? 55492);

/** The arrival profile handed to k6 (seconds; rates per second); the environment overrides it. */
const PROFILE_ENV: Record<string, string> = {
  RATE: String(RATE),
  ...(QUICK ? { OPENING: '5', RAMP: '5', HOLD: '20', SPIKE_RAMP: '2', SPIKE: '8', RECOVERY: '8' } : { OPENING: '60', RAMP: '60', HOLD: '180', SPIKE_RAMP: '10', SPIKE: '60', RECOVERY: '90' }),
};
const K6_KEYS = [
  'RATE', 'OPENING_RATE', 'START_RATE', 'SPIKE_FACTOR', 'OPENING', 'RAMP', 'HOLD', 'SPIKE_RAMP', 'SPIKE', 'RECOVERY', 'PRE_VUS', 'MAX_VUS',
  'CARD_SHARE', 'REDEEM_SHARE', 'RETRY_SHARE', 'COUPON_SHARE', 'COUPON_FIELD', 'P99_MS', 'MAX_ERROR_RATE', 'MAX_DROPPED', 'TIMEOUT',
];
for (const k of K6_KEYS) if (process.env[k] !== undefined) PROFILE_ENV[k] = process.env[k];
const HOLD_SECONDS = Number(PROFILE_ENV.HOLD);
const WARMUP_ENV = QUICK ? { WARMUP: '10', WARMUP_RATE: '100' } : { WARMUP: '30', WARMUP_RATE: '150' };

// ---------------------------------------------------------------------------------------------
// Output and child processes

const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const RESULTS = join(ROOT, 'load-tests', 'results', `bench-${stamp}`);
mkdirSync(RESULTS, { recursive: true });
const logFile = createWriteStream(join(RESULTS, 'bench.log'), { flags: 'a' });
const say = (msg: string): void => {
  const line = `[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`;
  process.stdout.write(line);
  logFile.write(line);
};

/** `setpriv --pdeathsig` (util-linux): the kernel signals the child when we die, even by SIGKILL. */
const SETPRIV = ((): string | undefined => {
  const r = spawnSync('setpriv', ['--help'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('--pdeathsig') ? 'setpriv' : undefined;
})();
const children = new Set<ChildProcess>();

function spawnTied(cmd: string, args: string[], options: SpawnOptions): ChildProcess {
  const [c, a] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'TERM', cmd, ...args]] : [cmd, args];
  const child = spawn(c, a, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited(child);
  clearTimeout(timer);
}

/** Copies a child's output to our log (and, prefixed, to the terminal). */
function tee(child: ChildProcess, prefix: string, file: string, echo = true): void {
  const out = createWriteStream(file, { flags: 'a' });
  for (const s of [child.stdout, child.stderr]) {
    s?.on('data', (chunk: Buffer) => {
      out.write(chunk);
      if (echo) for (const line of chunk.toString().split('\n')) if (line.trim()) process.stdout.write(`  ${prefix}| ${line}\n`);
    });
  }
  child.once('exit', () => out.end());
}

// ---------------------------------------------------------------------------------------------
// Tools

function ensurePgbench(): string {
  for (const p of ['pgbench', ...globDirs('/usr/lib/postgresql').map((d) => join(d, 'bin', 'pgbench'))]) {
    if (p === 'pgbench' ? hasCommand('pgbench') : existsSync(p)) return p;
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !hasCommand('apt-get')) throw new Error('pgbench is missing: install it (e.g. apt-get install -y postgresql-client) and run again');
  say('installing postgresql-client (pgbench) with apt-get…');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'postgresql-client']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
  return 'pgbench';
}

function globDirs(dir: string): string[] {
  try {
    return readdirSync(dir)
      .sort()
      .reverse()
      .map((d) => join(dir, d));
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// The stack and the data

const dbUrl = (adminUrl: string, database: string): string => {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
};

async function withDb<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

type Json = Record<string, unknown>;

async function api(stack: Stack, method: string, path: string, o: { key?: string; admin?: boolean; body?: unknown } = {}): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {};
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.key) headers['x-api-key'] = o.key;
  if (o.admin) headers.authorization = `Bearer ${stack.adminToken}`;
  const res = await fetch(`${stack.gatewayUrl}${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  const text = await res.text();
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch {
    json = { text };
  }
  return { status: res.status, json };
}

const LEDGER_POLICY = {
  pendingDays: 0,
  expiry: { kind: 'after', n: 12, unit: 'months', calendar: 'jalali', roundTo: 'month' },
  negativeBalance: 'within-balance',
};

interface Seeded {
  readonly tenantId: string;
  readonly apiKey: string;
  readonly dataFile: string;
  readonly seconds: number;
}

async function createTenantAndSeed(stack: Stack, infra: Infra): Promise<Seeded> {
  const t = await api(stack, 'POST', '/v1/admin/tenants', { admin: true, body: { name: 'Bench hypermarkets', timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR' } });
  if (t.status !== 201) throw new Error(`creating the tenant: ${t.status} ${JSON.stringify(t.json)}`);
  const tenantId = String(t.json.id);
  const apiKey = String(t.json.apiKey);
  const policy = await api(stack, 'PUT', '/v1/points/policy', { key: apiKey, body: LEDGER_POLICY });
  if (policy.status !== 200) throw new Error(`setting the points policy: ${policy.status} ${JSON.stringify(policy.json)}`);
  // One member through the API: the members service records the tenant's settings on the way.
  const probe = await api(stack, 'POST', '/v1/members', { key: apiKey, body: { phone: '0999 000 0001', firstName: 'Probe' } });
  if (probe.status !== 201) throw new Error(`enrolling the probe member: ${probe.status} ${JSON.stringify(probe.json)}`);

  const started = Date.now();
  say(`seeding ${MEMBERS} members (members, points, notifications databases)…`);
  const ids: string[] = [];
  const members: { c: string; p: string; pts: number }[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const s = seedIdentity(i);
    ids.push(randomUUID());
    members.push({ c: s.cardNumber, p: s.phone, pts: seedPoints(i) });
  }
  const CHUNK = 10_000;
  await withDb(dbUrl(infra.adminDatabaseUrl, 'bench_members'), async (c) => {
    for (let from = 0; from < MEMBERS; from += CHUNK) {
      const to = Math.min(MEMBERS, from + CHUNK);
      const idx = Array.from({ length: to - from }, (_, k) => from + k);
      await c.query(
        `WITH m AS (
           INSERT INTO members (tenant_id, id, phone, card_number, referral_code, locale, created_at, updated_at)
           SELECT $1, id, phone, card, code, 'fa', created, created
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[]) AS x(id, phone, card, code, age),
                LATERAL (SELECT now() - age * interval '1 hour' AS created) t
           RETURNING id, card_number, created_at)
         INSERT INTO cards (tenant_id, card_number, member_id, issued_at) SELECT $1, card_number, id, created_at FROM m`,
        [
          tenantId,
          idx.map((i) => ids[i]),
          idx.map((i) => members[i].p),
          idx.map((i) => members[i].c),
          idx.map((i) => seedIdentity(i).referralCode),
          idx.map((i) => (i * 7919) % (2 * 365 * 24)),
        ],
      );
    }
    await c.query('ANALYZE');
  });
  await withDb(dbUrl(infra.adminDatabaseUrl, 'bench_points'), async (c) => {
    const rich = members.map((m, i) => ({ i, pts: m.pts })).filter((m) => m.pts > 0);
    for (let from = 0; from < rich.length; from += CHUNK) {
      const part = rich.slice(from, from + CHUNK);
      // Three active lots per member (earned 30–300 days ago, expiring in 1–12 months), their
      // earn entries and the cached balance, consistent as the ledger keeps them.
      await c.query(
        `WITH src AS (
           SELECT x.member_id, x.pts, x.i, k,
                  CASE k WHEN 1 THEN x.pts / 2 WHEN 2 THEN x.pts / 3 ELSE x.pts - x.pts / 2 - x.pts / 3 END AS points,
                  now() - ((x.i * 13 + k * 97) % 270 + 30) * interval '1 day' AS earned_at
           FROM unnest($2::uuid[], $3::bigint[], $4::int[]) AS x(member_id, pts, i), generate_series(1, 3) k),
         lots AS (
           INSERT INTO lots (tenant_id, id, member_id, points, remaining, status, activates_at, expires_at, earned_at, transaction_id)
           SELECT $1, 'lot:seed-' || i || '-' || k, member_id, points, points, 'active', earned_at,
                  date_trunc('month', earned_at + interval '13 months'), earned_at, 'seed-' || i || '-' || k FROM src),
         entries AS (
           INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, transaction_id, created_at, operation, from_place, to_place, lot_id)
           SELECT $1, gen_random_uuid(), member_id, 'earn', points, 'seed-' || i || '-' || k, earned_at, 'earn:seed-' || i || '-' || k, 'outside', 'available', 'lot:seed-' || i || '-' || k
           FROM src ORDER BY earned_at)
         INSERT INTO accounts (tenant_id, member_id, available, lifetime_earned, updated_at)
         SELECT $1, member_id, pts, pts, now() FROM unnest($2::uuid[], $3::bigint[]) AS x(member_id, pts)`,
        [tenantId, part.map((m) => ids[m.i]), part.map((m) => m.pts), part.map((m) => m.i)],
      );
    }
    await c.query('ANALYZE');
  });
  await withDb(dbUrl(infra.adminDatabaseUrl, 'bench_notifications'), async (c) => {
    await c.query(`INSERT INTO recipients (tenant_id, member_id, locale) SELECT $1, id, 'fa' FROM unnest($2::uuid[]) AS x(id)`, [tenantId, ids]);
    await c.query('ANALYZE');
  });
  const coupons = await seedCampaignsAndCoupons(stack, apiKey);
  const dataFile = join(DATA, 'members.json');
  writeFileSync(dataFile, JSON.stringify({ members, coupons }));
  const seconds = (Date.now() - started) / 1000;
  say(`seeded ${MEMBERS} members (${members.filter((m) => m.pts > 0).length} with points) in ${seconds.toFixed(1)} s`);
  return { tenantId, apiKey, dataFile, seconds };
}

/**
 * The campaigns a chain runs at a peak hour, created and published through the gateway: the
 * first `--campaigns` of the list below (a category bonus per unit, double points on big baskets
 * with a budget, a store promotion, a Friday bonus once a month per member, a tier bonus); with
 * `--coupons n`, a batch of n multi-use codes and a coupon-gated 10 % discount. Returns the codes
 * for peak-hour.k6.ts (COUPON_SHARE of the checkouts then carry one).
 */
async function seedCampaignsAndCoupons(stack: Stack, apiKey: string): Promise<string[]> {
  const templates: object[] = [
    { name: 'Dairy week', rules: [{ id: 'dairy', trigger: 'purchase', effects: [{ kind: 'points-per-line', lines: "line.category == 'dairy'", pointsPerUnit: 2 }] }] },
    {
      name: 'Double points on big baskets',
      group: 'multipliers',
      limits: [{ scope: 'campaign', measure: 'points', max: 50_000_000, period: { unit: 'day' } }],
      rules: [{ id: 'double', trigger: 'purchase', condition: 'cart.amount >= 5000000', effects: [{ kind: 'points-multiplier', percent: 100 }] }],
    },
    {
      name: 'Store opening',
      targeting: { stores: ['store-1', 'store-2', 'store-3', 'store-4', 'store-5'] },
      rules: [{ id: 'opening', trigger: 'purchase', effects: [{ kind: 'points-fixed', points: 20 }] }],
    },
    {
      name: 'Friday once a month',
      limits: [{ scope: 'member', measure: 'applications', max: 1, period: { unit: 'month', calendar: 'jalali' } }],
      rules: [{ id: 'friday', trigger: 'purchase', condition: 'time.weekday == 5', effects: [{ kind: 'points-fixed', points: 30 }] }],
    },
    { name: 'Gold members', rules: [{ id: 'gold', trigger: 'purchase', effects: [{ kind: 'points-tier-multiplier', percentByTier: { gold: 25 } }] }] },
  ];
  if (CAMPAIGNS > templates.length) throw new Error(`--campaigns: at most ${templates.length}`);
  const publish = async (definition: object): Promise<void> => {
    const created = await api(stack, 'POST', '/v1/campaigns', { key: apiKey, body: definition });
    if (created.status !== 201) throw new Error(`creating a campaign: ${created.status} ${JSON.stringify(created.json)}`);
    const published = await api(stack, 'POST', `/v1/campaigns/${String(created.json.id)}/publish`, { key: apiKey });
    if (published.status !== 200) throw new Error(`publishing a campaign: ${published.status} ${JSON.stringify(published.json)}`);
  };
  for (const t of templates.slice(0, CAMPAIGNS)) await publish(t);
  if (COUPONS === 0) return [];
  const batch = await api(stack, 'POST', '/v1/coupon-batches', { key: apiKey, body: { name: 'Peak hour', prefix: 'PEAK', count: COUPONS, maxUsesPerCode: null, perMemberLimit: null } });
  if (batch.status !== 201) throw new Error(`creating coupons: ${batch.status} ${JSON.stringify(batch.json)}`);
  await publish({
    name: '10 % off with a coupon',
    group: 'coupons',
    targeting: { couponBatches: [batch.json.id] },
    rules: [{ id: 'ten-off', trigger: 'purchase', effects: [{ kind: 'discount-percent', percent: 10 }] }],
  });
  const codes: string[] = [];
  for (let cursor: string | null = null; codes.length < COUPONS; ) {
    const page = await api(stack, 'GET', `/v1/coupon-batches/${String(batch.json.id)}/codes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { key: apiKey });
    const items = (page.json.items as { code: string }[] | undefined) ?? [];
    codes.push(...items.map((i) => i.code));
    cursor = (page.json.nextCursor as string | null | undefined) ?? null;
    if (!cursor) break;
  }
  say(`seeded ${CAMPAIGNS} campaigns${COUPONS > 0 ? ` and ${codes.length} coupon codes (a coupon-gated campaign)` : ''}`);
  return codes;
}

async function sanityChecks(stack: Stack, key: string): Promise<void> {
  const m0 = seedIdentity(0);
  const byCard = await api(stack, 'GET', `/v1/members?cardNumber=${m0.cardNumber}`, { key });
  const national = `0${m0.phone.slice(3)}`;
  const byPhone = await api(stack, 'GET', `/v1/members?phone=${encodeURIComponent(national)}`, { key });
  const idOf = (r: { status: number; json: Json }): string | undefined => (r.status === 200 ? (r.json.items as { id: string }[] | undefined)?.[0]?.id : undefined);
  if (!idOf(byCard) || idOf(byCard) !== idOf(byPhone)) {
    throw new Error(`seeded member not found alike by card and phone: ${byCard.status} ${JSON.stringify(byCard.json)} / ${byPhone.status} ${JSON.stringify(byPhone.json)}`);
  }
  const body = { transactionId: `bench-sanity-${Date.now()}`, storeId: 'store-1', member: { cardNumber: m0.cardNumber }, amount: 1_250_000, currency: 'IRR', redeemPoints: 10 };
  const first = await api(stack, 'POST', '/v1/checkouts', { key, body });
  const again = await api(stack, 'POST', '/v1/checkouts', { key, body });
  if (first.status !== 201 || first.json.pointsRedeemed !== 10 || again.status !== 200 || JSON.stringify(again.json) !== JSON.stringify(first.json)) {
    throw new Error(`sanity checkout failed: ${first.status} ${JSON.stringify(first.json)} then ${again.status} ${JSON.stringify(again.json)}`);
  }
  say(`sanity: member found by card and by phone; checkout with redemption 201, retry 200 with the same body`);
}

// ---------------------------------------------------------------------------------------------
// k6, pgbench, bare Fastify

let K6 = 'k6';

async function runK6(label: string, env: Record<string, string>): Promise<{ summary: K6Summary; fromUs: number; toUs: number; code: number | null }> {
  const summaryPath = join(RESULTS, `${label}-summary.json`);
  const args = ['run', '--quiet', '--no-color', '--address', '127.0.0.1:0', '--summary-export', summaryPath];
  for (const [k, v] of Object.entries(env)) args.push('-e', `${k}=${v}`);
  args.push(SCRIPT);
  say(`k6 ${label}: ${Object.entries(env).filter(([k]) => k !== 'API_KEY').map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const child = spawnTied(K6, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, K6_NO_USAGE_REPORT: 'true' } });
  tee(child, `k6 ${label}`, join(RESULTS, `${label}-k6.log`), label !== 'warmup');
  const code = await exited(child);
  const toUs = Number(process.hrtime.bigint() / 1000n);
  // 0: thresholds passed; 99: some threshold failed (figures still valid); anything else: k6 failed.
  if (code !== 0 && code !== 99) throw new Error(`k6 ${label} exited with ${code}; see ${join(RESULTS, `${label}-k6.log`)}`);
  return { summary: JSON.parse(readFileSync(summaryPath, 'utf8')) as K6Summary, fromUs, toUs, code };
}

interface PgbenchFigures {
  readonly tps: number;
  readonly p50: number;
  readonly p99: number;
  readonly clients: number;
  readonly seconds: number;
  readonly failed: number;
}

async function runPgbench(pgbench: string, infra: Infra, tenantId: string): Promise<PgbenchFigures> {
  const pgTenant = randomUUID();
  await withDb(dbUrl(infra.adminDatabaseUrl, 'bench_points'), async (c) => {
    await c.query(`INSERT INTO ledger_policies (tenant_id, policy) SELECT $2, policy FROM ledger_policies WHERE tenant_id = $1`, [tenantId, pgTenant]);
  });
  const dir = join(RESULTS, 'pgbench');
  mkdirSync(dir, { recursive: true });
  const u = new URL(infra.adminDatabaseUrl);
  const args = [
    '-n', '-M', 'prepared', '-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(PGBENCH_SECONDS), '-P', '10',
    '-l', `--log-prefix=${join(dir, 'tx')}`, '-D', `tenant=${pgTenant}`, '-D', `members=${MEMBERS}`, '-f', PGBENCH_SCRIPT,
    '-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username), 'bench_points',
  ];
  say(`pgbench: ${PGBENCH_CLIENTS} clients for ${PGBENCH_SECONDS} s, the points service's SQL of one checkout`);
  const child = spawnTied(pgbench, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } });
  let report = '';
  child.stdout?.on('data', (b: Buffer) => (report += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (report += b.toString()));
  tee(child, 'pgbench', join(dir, 'pgbench.log'));
  const code = await exited(child);
  if (code !== 0) throw new Error(`pgbench exited with ${code}:\n${report.slice(-2000)}`);
  const latencies: number[] = [];
  let failed = 0;
  for (const f of readdirSync(dir).filter((f) => f.startsWith('tx.'))) {
    const r = parsePgbenchLog(readFileSync(join(dir, f), 'utf8'));
    for (const l of r.latenciesMs) latencies.push(l);
    failed += r.failed;
  }
  latencies.sort((a, b) => a - b);
  return { tps: parsePgbenchTps(report), p50: percentile(latencies, 50), p99: percentile(latencies, 99), clients: PGBENCH_CLIENTS, seconds: PGBENCH_SECONDS, failed };
}

async function runBareFastify(dataFile: string): Promise<{ figures: LoadFigures; cpu: ReturnType<CpuSampler['stop']> }> {
  const port = await freePort();
  const child = spawnTied(NODE, ['-r', '@swc-node/register', join(ROOT, 'load-tests', 'bench', 'bare-fastify.ts'), '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), NODE_ENV: 'production' },
  });
  tee(child, 'fastify', join(RESULTS, 'bare-fastify.log'), false);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare fastify did not start within 30 s')), 30_000);
    child.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`bare fastify exited with ${code}`)));
  });
  try {
    const base = { TARGET: 'bare', BASE_URL: `http://127.0.0.1:${port}`, DATA: dataFile };
    await runK6('bare-warmup', { ...base, ...WARMUP_ENV });
    const sampler = new CpuSampler();
    sampler.start();
    const run = await runK6('bare', { ...base, ...PROFILE_ENV });
    return { figures: loadFigures(run.summary, STAGES), cpu: sampler.stop() };
  } finally {
    await stopChild(child);
  }
}

// ---------------------------------------------------------------------------------------------
// CPU profiles: gateway and points restarted with --cpu-prof (NODE_OPTIONS) for the peak run

async function restartProfiled(stack: Stack, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const s of ['points', 'gateway'] as ServiceName[]) {
    await stack.stopService(s);
    const before = process.env.NODE_OPTIONS;
    // startService spawns synchronously with process.env merged in, then waits for readiness.
    process.env.NODE_OPTIONS = `${before ?? ''} --cpu-prof --cpu-prof-dir=${dir} --cpu-prof-name=${s}.cpuprofile`.trim();
    const ready = stack.startService(s);
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
    await ready;
  }
  say(`gateway and points restarted with --cpu-prof (profiles in ${dir})`);
}

function summariseProfiles(dir: string, window: { fromUs: number; toUs: number }): Record<string, ProfileSummary> {
  const out: Record<string, ProfileSummary> = {};
  for (const s of ['gateway', 'points']) {
    const file = join(dir, `${s}.cpuprofile`);
    if (!existsSync(file)) {
      say(`no CPU profile for ${s} (${file})`);
      continue;
    }
    out[s] = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, window, 20);
  }
  return out;
}

function printProfile(service: string, p: ProfileSummary): void {
  const pc = (v: number): string => `${(v * 100).toFixed(1).padStart(5)}%`;
  say(`CPU profile ${service}: busy ${pc(p.busyShare)} of one core during the peak run, GC ${pc(p.gcShare)} of busy`);
  say(`  self time by area: ${p.byArea.slice(0, 10).map((a) => `${a.area} ${pc(a.share).trim()}`).join(', ')}`);
  say('  top self frames:');
  for (const f of p.topSelf.slice(0, 12)) say(`    ${pc(f.share)}  ${f.frame}${f.via ? `  ← ${f.via}` : ''}`);
  say('  our code, inclusive:');
  for (const f of p.topOwnInclusive.slice(0, 12)) say(`    ${pc(f.share)}  ${f.frame}`);
}

// ---------------------------------------------------------------------------------------------
// Where the two cores went: CPU time per process group, sampled from /proc every 2 s

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function procSnapshot(): Map<number, { group: string; ticks: number }> {
  const out = new Map<number, { group: string; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.set(Number(entry), { group: cmdline ? processGroup(cmdline) : 'other', ticks: statTicks(readFileSync(`/proc/${entry}/stat`, 'utf8')) });
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Cores used per process group (and by the whole machine) between start() and stop(). */
class CpuSampler {
  private last = new Map<number, { group: string; ticks: number }>();
  private readonly used = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private started = 0;
  private machineStart = { busy: 0, total: 0 };

  start(): void {
    this.last = procSnapshot();
    this.used.clear();
    this.started = Date.now();
    this.machineStart = machineTicks(readFileSync('/proc/stat', 'utf8'));
    this.timer = setInterval(() => this.sample(), 2000);
  }

  private sample(): void {
    const now = procSnapshot();
    for (const [pid, p] of now) {
      const before = this.last.get(pid);
      const delta = before && before.group === p.group ? p.ticks - before.ticks : p.ticks; // a new process: all of its time is in the window
      this.used.set(p.group, (this.used.get(p.group) ?? 0) + Math.max(0, delta));
    }
    this.last = now;
  }

  stop(): { seconds: number; machineCores: number; cores: Record<string, number> } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const seconds = (Date.now() - this.started) / 1000;
    const m = machineTicks(readFileSync('/proc/stat', 'utf8'));
    const machineCores = ((m.busy - this.machineStart.busy) / Math.max(1, m.total - this.machineStart.total)) * cpus().length;
    const cores: Record<string, number> = {};
    for (const [g, ticks] of [...this.used.entries()].sort((a, b) => b[1] - a[1])) cores[g] = ticks / CLK_TCK / seconds;
    return { seconds, machineCores, cores };
  }
}

// ---------------------------------------------------------------------------------------------

async function countQuery(url: string, sql: string, params: unknown[] = []): Promise<number> {
  return withDb(url, async (c) => Number((await c.query<{ n: string }>(sql, params)).rows[0].n));
}

/** Events not yet consumed, per consumer group (committed offset to the partition's end). */
async function consumerLag(brokers: string): Promise<Record<string, number>> {
  const admin = new Kafka({ clientId: 'bench', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const out: Record<string, number> = {};
    const { groups } = await admin.listGroups();
    for (const { groupId } of groups) {
      let lag = 0;
      for (const t of await admin.fetchOffsets({ groupId })) {
        const ends = await admin.fetchTopicOffsets(t.topic);
        for (const p of t.partitions) {
          const end = ends.find((e) => e.partition === p.partition);
          if (!end) continue;
          const committed = Number(p.offset) >= 0 ? Number(p.offset) : Number(end.low);
          lag += Math.max(0, Number(end.high) - committed);
        }
      }
      out[groupId] = lag;
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

async function outboxRows(infra: Infra): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of ['points', 'members', 'notifications']) out[s] = await countQuery(dbUrl(infra.adminDatabaseUrl, `bench_${s}`), 'SELECT count(*) AS n FROM outbox');
  return out;
}

/**
 * The asynchronous part of the checkouts (outbox relays, the members and notifications consumers)
 * right after the load stopped, and how long it took to catch up (-1: not within the timeout).
 */
async function waitPipelineDrained(infra: Infra, timeoutMs: number): Promise<{ outbox: Record<string, number>; lag: Record<string, number>; drainSeconds: number }> {
  const outbox = await outboxRows(infra);
  const lag = await consumerLag(infra.kafkaBrokers);
  const started = Date.now();
  for (;;) {
    const left = Object.values(await outboxRows(infra)).reduce((a, b) => a + b, 0) + Object.values(await consumerLag(infra.kafkaBrokers)).reduce((a, b) => a + b, 0);
    if (left === 0) return { outbox, lag, drainSeconds: (Date.now() - started) / 1000 };
    if (Date.now() - started > timeoutMs) return { outbox, lag, drainSeconds: -1 };
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function main(): Promise<void> {
  // Is the machine idle? (The load average lags by minutes; measure 3 s of CPU instead.)
  const before = machineTicks(readFileSync('/proc/stat', 'utf8'));
  await new Promise((r) => setTimeout(r, 3000));
  const after = machineTicks(readFileSync('/proc/stat', 'utf8'));
  const load = ((after.busy - before.busy) / Math.max(1, after.total - before.total)) * cpus().length;
  say(`${cpus().length} cores, ${load.toFixed(2)} busy before the start (load average ${loadavg()[0].toFixed(2)}); results in ${RESULTS}`);
  if (load > 0.3) say('WARNING: the machine is not idle; figures will be lower than they should (see `other` in the CPU lines)');
  K6 = ensureGoTool('k6', K6_VERSION, 'go.k6.io/k6', say);
  const pgbench = BASELINES ? ensurePgbench() : '';
  say(`k6 ${K6}; pgbench ${pgbench || '(baselines off)'}`);

  let infra: Infra | undefined;
  let stack: Stack | undefined;
  let stopping: Promise<void> | undefined;
  // k6, pgbench and bare Fastify first, then the services, then Kafka and PostgreSQL; once.
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      await Promise.allSettled([...children].map(stopChild));
      await stack?.stop().catch(() => undefined);
      await infra?.stop().catch(() => undefined);
    })());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      say(`${sig}: stopping everything…`);
      void stopAll().then(() => logFile.end(() => process.exit(130)));
    });
  }

  try {
    rmSync(DATA, { recursive: true, force: true });
    mkdirSync(DATA, { recursive: true });
    say(`starting PostgreSQL (:${POSTGRES_PORT}) and Kafka (:${KAFKA_PORT}) under tmp/bench…`);
    infra = await startInfra({ dataDir: DATA, postgresPort: POSTGRES_PORT, kafkaPort: KAFKA_PORT, log: say });
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
    say(`starting the six services (LOG_LEVEL=${LOG_LEVEL}, NODE_ENV=production)…`);
    const t0 = Date.now();
    stack = await startStack({
      infra,
      adminToken: randomBytes(24).toString('hex'),
      logDir: join(DATA, 'logs'),
      ports,
      dbPrefix: 'bench',
      logLevel: LOG_LEVEL,
      env: { NODE_ENV: 'production' },
      log: say,
    });
    say(`stack up in ${((Date.now() - t0) / 1000).toFixed(1)} s; gateway ${stack.gatewayUrl}`);

    const seeded = await createTenantAndSeed(stack, infra);
    await sanityChecks(stack, seeded.apiKey);
    const profileDir = join(RESULTS, 'profiles');
    if (PROFILE) await restartProfiled(stack, profileDir);

    const clubEnv = { TARGET: 'club', BASE_URL: stack.gatewayUrl, API_KEY: seeded.apiKey, DATA: seeded.dataFile, CAMPAIGNS: String(CAMPAIGNS), COUPON_SHARE: process.env.COUPON_SHARE ?? (COUPONS > 0 ? '0.1' : '0') };
    const warm = await runK6('warmup', { ...clubEnv, ...WARMUP_ENV });
    const { ok: warmOk, sent: warmSent } = loadFigures(warm.summary, ['warmup']);
    say(`warm-up: ${warmOk} checkouts`);
    // What the stack costs with no traffic (pollers, schedulers, consumers' fetch loops).
    const sampler = new CpuSampler();
    sampler.start();
    await new Promise((r) => setTimeout(r, QUICK ? 6000 : 20_000));
    const idle = sampler.stop();
    say(
      `CPU of the idle stack: machine ${idle.machineCores.toFixed(2)} cores; ` +
        Object.entries(idle.cores)
          .filter(([, c]) => c >= 0.005)
          .map(([g, c]) => `${g} ${c.toFixed(2)}`)
          .join(', '),
    );
    sampler.start();
    const peakRun = await runK6('peak', { ...clubEnv, ...PROFILE_ENV });
    const cpu = sampler.stop();
    const club = loadFigures(peakRun.summary, STAGES);
    say(
      `CPU during the peak run: machine ${cpu.machineCores.toFixed(2)} of ${cpus().length} cores busy; ` +
        Object.entries(cpu.cores)
          .filter(([, c]) => c >= 0.005)
          .map(([g, c]) => `${g} ${c.toFixed(2)}`)
          .join(', '),
    );
    // CPU time per request answered (first sends and retries), per process group: what a checkout costs.
    const requests = Math.max(1, club.ok + club.retries);
    const cpuMsPerCheckout = Object.fromEntries(Object.entries(cpu.cores).map(([g, c]) => [g, Math.round(((c * cpu.seconds * 1000) / requests) * 100) / 100]));
    const machineMsPerCheckout = (cpu.machineCores * cpu.seconds * 1000) / requests;
    say(
      `CPU per checkout: ${machineMsPerCheckout.toFixed(2)} ms in all (` +
        Object.entries(cpuMsPerCheckout)
          .filter(([, v]) => v >= 0.05)
          .map(([g, v]) => `${g} ${v.toFixed(2)}`)
          .join(', ') +
        ')',
    );

    // The ledger must hold every checkout k6 saw answered 201 (plus the sanity checkout), once:
    // fewer is a lost write, more than were sent a double one. Between the two are sales the
    // server completed after k6 stopped waiting (its timeout), as a till would see them.
    const pointsUrl = dbUrl(infra.adminDatabaseUrl, 'bench_points');
    const recorded = await countQuery(pointsUrl, `SELECT count(*) AS n FROM checkouts WHERE tenant_id = $1`, [seeded.tenantId]);
    const answered = warmOk + club.ok + 1;
    const sent = warmSent + club.sent + 1;
    const ledgerVerdict =
      recorded < answered
        ? `LOST ${answered - recorded} WRITES`
        : recorded > sent
          ? `${recorded - sent} MORE THAN SENT`
          : recorded === answered
            ? 'consistent'
            : `consistent (${recorded - answered} completed after k6 gave up waiting)`;
    say(`ledger: ${recorded} checkouts recorded; k6 saw ${answered - 1} answered 201 of ${sent - 1} sent (+1 sanity): ${ledgerVerdict}`);
    const drainTimeout = QUICK ? 120 : 600;
    const pipeline = await waitPipelineDrained(infra, drainTimeout * 1000);
    say(
      `asynchronous backlog when the load stopped: outbox rows ${JSON.stringify(pipeline.outbox)}, consumer lag ${JSON.stringify(pipeline.lag)}; ` +
        `caught up ${pipeline.drainSeconds < 0 ? `not within ${drainTimeout} s` : `in ${pipeline.drainSeconds.toFixed(0)} s`}`,
    );

    say('stopping the services…');
    await stack.stop();
    stack = undefined;
    const profiles = PROFILE ? summariseProfiles(profileDir, { fromUs: peakRun.fromUs, toUs: peakRun.toUs }) : {};
    for (const [s, p] of Object.entries(profiles)) printProfile(s, p);

    let pg: PgbenchFigures | undefined;
    let bare: LoadFigures | undefined;
    let bareCpu: ReturnType<CpuSampler['stop']> | undefined;
    if (BASELINES) {
      pg = await runPgbench(pgbench, infra, seeded.tenantId);
      say(`pgbench: ${pg.tps.toFixed(0)} tx/s, p50 ${pg.p50.toFixed(2)} ms, p99 ${pg.p99.toFixed(2)} ms (${pg.clients} clients, ${pg.failed} failed)`);
      const b = await runBareFastify(seeded.dataFile);
      bare = b.figures;
      bareCpu = b.cpu;
      say(`CPU during the bare Fastify run: machine ${b.cpu.machineCores.toFixed(2)} cores; k6 ${(b.cpu.cores.k6 ?? 0).toFixed(2)}, bare-fastify ${(b.cpu.cores['bare-fastify'] ?? 0).toFixed(2)}`);
    }
    await infra.stop();
    infra = undefined;
    // The databases and topics (a few GB after a full run) go; logs and the data file stay.
    if (!flag('keep-data')) for (const d of ['postgres', 'kafka']) rmSync(join(DATA, d), { recursive: true, force: true });

    const fmt = (f: LoadFigures, name: string): void => {
      say(`${name}: sent ${f.sent}, ok ${f.ok}, errors ${(f.errorRate * 100).toFixed(2)}%, http failed ${(f.httpFailedRate * 100).toFixed(2)}%, dropped ${f.dropped}, ` +
        `p50 ${f.p50.toFixed(1)} ms, p90 ${f.p90.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(0)} ms; retries ${f.retriesOk}/${f.retries} replayed`);
      for (const s of STAGES) {
        const st = f.stages[s];
        say(`  ${s.padEnd(9)} sent ${String(st.sent).padStart(7)} ok ${String(st.ok).padStart(7)} errors ${(st.errorRate * 100).toFixed(2)}% p50 ${st.p50.toFixed(1)} ms p99 ${st.p99.toFixed(1)} ms`);
      }
      if (f.thresholdsFailed.length > 0) say(`  thresholds crossed: ${f.thresholdsFailed.filter((t) => !t.includes('{stage:') && !t.includes('checkout-retry')).join('; ')}`);
    };
    fmt(club, 'checkouts');
    if (bare) fmt(bare, 'bare fastify');
    const figures: BenchFigures = { date: new Date().toISOString().slice(0, 10), rate: RATE, holdSeconds: HOLD_SECONDS, club, pgbench: pg, bare };
    const line = summaryLine(figures);
    writeFileSync(
      join(RESULTS, 'result.json'),
      JSON.stringify(
        {
          line,
          argv,
          profile: PROFILE_ENV,
          members: MEMBERS,
          logLevel: LOG_LEVEL,
          load,
          seeded: { seconds: seeded.seconds },
          ledger: { recorded, answered, sent, verdict: ledgerVerdict },
          pipeline,
          idleCpu: idle,
          cpu,
          cpuMsPerCheckout: { machine: machineMsPerCheckout, ...cpuMsPerCheckout },
          club,
          sustained: sustainedRate(club, HOLD_SECONDS),
          pgbench: pg,
          bare,
          bareCpu,
          profiles,
        },
        null,
        2,
      ),
    );
    process.stdout.write(`\n${line}\n\n`);
    logFile.write(`${line}\n`);
  } finally {
    await stopAll();
  }
}

main().then(
  () => logFile.end(() => process.exit(0)),
  (err: unknown) => {
    say(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    logFile.end(() => process.exit(1));
  },
);
