/**
 * Pure helpers of `npm run bench` (no I/O): seeded member identities, percentiles, pgbench's
 * per-transaction log, k6's summary export, a CPU profile's top frames, and the summary line.
 * Tested by lib.spec.ts (`npm run bench:test`).
 */
import { luhnCheckDigit } from '../../apps/members/src/domain/card-number';

// ---------------------------------------------------------------------------------------------
// Seeded members

/** Mobile operator codes the seeded phones are spread over (all valid Iranian mobiles). */
const OPERATORS = ['912', '913', '915', '919', '935', '936', '937', '901', '902', '990'] as const;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // as the members service: no 0/O, 1/I

export interface SeedIdentity {
  /** E.164, e.g. +989121234567 — what the members service stores. */
  readonly phone: string;
  /** 16 digits: prefix 6280, 11 digits, Luhn check digit — valid for the members service. */
  readonly cardNumber: string;
  /** 8 characters of the referral alphabet, unique per member. */
  readonly referralCode: string;
}

/**
 * The identity of seeded member `i` (0 ≤ i < 10,000,000): distinct for distinct `i`, since each
 * part is an affine bijection (multiplier coprime to the modulus) of `i`. Deterministic, so a
 * run can be repeated; not meant to be unguessable (the service draws cards from a CSPRNG).
 */
export function seedIdentity(i: number): SeedIdentity {
  if (!Number.isInteger(i) || i < 0 || i >= 10_000_000) throw new RangeError('member index out of range');
  const operator = OPERATORS[i % OPERATORS.length];
  const subscriber = (Math.floor(i / OPERATORS.length) * 7919 + 12_345) % 10_000_000;
  const phone = `+98${operator}${String(subscriber).padStart(7, '0')}`;
  const payload = `6280${String((BigInt(i) * 9_999_991n + 31_337n) % 100_000_000_000n).padStart(11, '0')}`;
  const cardNumber = `${payload}${luhnCheckDigit(payload)}`;
  let code = (BigInt(i) * 1_000_003n + 7n) % 32n ** 8n;
  let referralCode = '';
  for (let k = 0; k < 8; k++) {
    referralCode = CODE_ALPHABET[Number(code % 32n)] + referralCode;
    code /= 32n;
  }
  return { phone, cardNumber, referralCode };
}

/** Points a seeded member starts with: every third member has 1,000–2,999 (spread over 3 lots). */
export function seedPoints(i: number): number {
  return i % 3 === 0 ? 1000 + ((i * 37) % 2000) : 0;
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Latencies (ms) from pgbench's per-transaction log (`-l`): lines
 * `client_id transaction_no time script_no time_epoch time_us [schedule_lag]`, `time` in µs;
 * skipped or failed transactions (`skipped`/`failed` instead of a number) are counted apart.
 */
export function parsePgbenchLog(text: string): { latenciesMs: number[]; failed: number } {
  const latenciesMs: number[] = [];
  let failed = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6) continue;
    const us = Number(f[2]);
    if (Number.isFinite(us)) latenciesMs.push(us / 1000);
    else failed++;
  }
  return { latenciesMs, failed };
}

/** `tps = 1234.567 (without initial connection time)` from pgbench's report. */
export function parsePgbenchTps(report: string): number {
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(report);
  if (!m) throw new Error('pgbench printed no tps line');
  return Number(m[1]);
}

// ---------------------------------------------------------------------------------------------
// k6 summary export (`--summary-export`)

type K6Metric = Record<string, number | Record<string, boolean> | undefined>;
export interface K6Summary {
  readonly metrics: Record<string, K6Metric | undefined>;
}

export interface StageFigures {
  readonly sent: number;
  readonly ok: number;
  readonly errorRate: number;
  readonly p50: number;
  readonly p99: number;
}

export interface LoadFigures {
  readonly sent: number;
  readonly ok: number;
  readonly errorRate: number;
  readonly httpFailedRate: number;
  readonly dropped: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly retriesOk: number;
  readonly retries: number;
  readonly stages: Readonly<Record<string, StageFigures>>;
  readonly thresholdsFailed: readonly string[];
}

const stat = (m: K6Metric | undefined, key: string): number => {
  const v = m?.[key];
  return typeof v === 'number' ? v : 0;
};

/** The figures of one k6 run of peak-hour.k6.ts from its summary export. */
export function loadFigures(summary: K6Summary, stages: readonly string[]): LoadFigures {
  const m = summary.metrics;
  const duration = m['http_req_duration{name:checkout}'];
  const thresholdsFailed: string[] = [];
  for (const [name, metric] of Object.entries(m)) {
    const th = metric?.thresholds;
    if (th && typeof th === 'object') for (const [expr, failed] of Object.entries(th)) if (failed) thresholdsFailed.push(`${name}: ${expr}`);
  }
  const perStage: Record<string, StageFigures> = {};
  for (const s of stages) {
    const d = m[`http_req_duration{name:checkout,stage:${s}}`];
    perStage[s] = {
      sent: stat(m[`checkouts_sent{stage:${s}}`], 'count'),
      ok: stat(m[`checkouts_ok{stage:${s}}`], 'count'),
      errorRate: stat(m[`checkout_errors{stage:${s}}`], 'value'),
      p50: stat(d, 'med'),
      p99: stat(d, 'p(99)'),
    };
  }
  return {
    sent: stat(m.checkouts_sent, 'count'),
    ok: stat(m.checkouts_ok, 'count'),
    errorRate: stat(m.checkout_errors, 'value'),
    httpFailedRate: stat(m.http_req_failed, 'value'),
    dropped: stat(m.dropped_iterations, 'count'),
    p50: stat(duration, 'med'),
    p90: stat(duration, 'p(90)'),
    p99: stat(duration, 'p(99)'),
    max: stat(duration, 'max'),
    retriesOk: stat(m.retries_ok, 'count'),
    retries: stat(m['http_reqs{name:checkout-retry}'], 'count'),
    stages: perStage,
    thresholdsFailed,
  };
}

// ---------------------------------------------------------------------------------------------
// CPU profiles (`node --cpu-prof`)

export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  /** Sampled time inside the window, ms. */
  readonly totalMs: number;
  /** Share of that time not idle (the process's CPU use of one core). */
  readonly busyShare: number;
  readonly gcShare: number;
  /** Self time by frame, biggest first (share of busy time); `via`: for native and Node-internal frames, the caller in a package or our code most of that time came through. */
  readonly topSelf: readonly { readonly frame: string; readonly share: number; readonly via?: string }[];
  /** Self time by package / area (node_modules package, node internals, our code). */
  readonly byArea: readonly { readonly area: string; readonly share: number }[];
  /** Inclusive time of our own functions (apps/, libs/), biggest first. */
  readonly topOwnInclusive: readonly { readonly frame: string; readonly share: number }[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Where a frame's code lives: a package name, `node:internal`, `ours:<app or lib>`, or `(native)`. */
export function frameArea(url: string, functionName: string): string {
  if (SPECIAL.has(functionName) && url === '') return functionName;
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const own = /\/(apps|libs)\/([^/]+)\/(?:([^/]+)\/)?/.exec(url);
  if (own) return own[1] === 'libs' && own[2] === 'platform' && own[3] ? `ours:libs/platform/${own[3]}` : `ours:${own[1]}/${own[2]}`;
  return url;
}

/**
 * `name file:line` for JavaScript; `name file` for our TypeScript, whose line numbers in a profile
 * are those of swc's output, not of the source.
 */
function frameLabel(url: string, functionName: string, line: number): string {
  const name = functionName || '(anonymous)';
  if (url === '') return name;
  const short = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*?\/((apps|libs)\/)/, '$1');
  return short.endsWith('.ts') ? `${name} ${short}` : `${name} ${short}:${line + 1}`;
}

/** Native and Node-internal frames are attributed to the nearest caller in a package or our code. */
const attributable = (area: string): boolean => area !== 'node:internal' && area !== '(native)' && !area.startsWith('(');

/**
 * Top frames of a profile, counting only samples taken within [fromUs, toUs] (V8's monotonic
 * clock, the same as process.hrtime on Linux; omit for the whole profile).
 */
export function summariseProfile(p: CpuProfile, window: { fromUs?: number; toUs?: number } = {}, top = 15): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const via = new Map<string, Map<string, number>>();
  let total = 0;
  let idle = 0;
  let gc = 0;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if ((window.fromUs !== undefined && t < window.fromUs) || (window.toUs !== undefined && t > window.toUs)) continue;
    const weight = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(p.samples[i]);
    if (!node) continue;
    total += weight;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += weight;
      continue;
    }
    if (functionName === '(garbage collector)') gc += weight;
    const label = frameLabel(url, functionName, lineNumber);
    self.set(label, (self.get(label) ?? 0) + weight);
    const a = frameArea(url, functionName);
    area.set(a, (area.get(a) ?? 0) + weight);
    const seen = new Set<string>();
    let caller: string | undefined;
    for (let id = parent.get(node.id); id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)?.callFrame;
      if (!f) continue;
      const fa = frameArea(f.url, f.functionName);
      if (caller === undefined && !attributable(a) && attributable(fa)) caller = frameLabel(f.url, f.functionName, f.lineNumber);
      if (!fa.startsWith('ours:')) continue;
      const l = frameLabel(f.url, f.functionName, f.lineNumber);
      if (seen.has(l)) continue; // recursion counts once
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + weight);
    }
    if (a.startsWith('ours:') && !seen.has(label)) inclusive.set(label, (inclusive.get(label) ?? 0) + weight);
    if (caller !== undefined) {
      const m = via.get(label) ?? new Map<string, number>();
      m.set(caller, (m.get(caller) ?? 0) + weight);
      via.set(label, m);
    }
  }
  const busy = total - idle;
  const ranked = (m: Map<string, number>, key: 'frame' | 'area') =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => ({ [key]: k, share: busy > 0 ? v / busy : 0 }));
  return {
    totalMs: total,
    busyShare: total > 0 ? busy / total : 0,
    gcShare: busy > 0 ? gc / busy : 0,
    topSelf: (ranked(self, 'frame') as { frame: string; share: number }[]).map((f) => {
      const callers = via.get(f.frame);
      if (!callers) return f;
      const [top] = [...callers.entries()].sort((x, y) => y[1] - x[1]);
      return { ...f, via: top[0] };
    }),
    byArea: ranked(area, 'area') as { area: string; share: number }[],
    topOwnInclusive: ranked(inclusive, 'frame') as { frame: string; share: number }[],
  };
}

// ---------------------------------------------------------------------------------------------
// The one summary line

export interface BenchFigures {
  readonly date: string;
  readonly rate: number;
  readonly holdSeconds: number;
  readonly club: LoadFigures;
  readonly pgbench?: { readonly tps: number; readonly p50: number; readonly p99: number; readonly clients: number };
  readonly bare?: LoadFigures;
}

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

/** Checkouts per second during the hold stage (successful first sends / hold seconds). */
export function sustainedRate(f: LoadFigures, holdSeconds: number): number {
  const hold = f.stages.hold;
  return hold && holdSeconds > 0 ? hold.ok / holdSeconds : 0;
}

export function summaryLine(b: BenchFigures): string {
  const club = sustainedRate(b.club, b.holdSeconds);
  const parts = [
    `bench ${b.date}: ${club.toFixed(0)} checkouts/s sustained (hold at ${b.rate}/s offered), p50 ${ms(b.club.p50)} ms, p99 ${ms(b.club.p99)} ms, ` +
      `errors ${pct(b.club.errorRate)}, dropped ${b.club.dropped}`,
  ];
  if (b.pgbench) parts.push(`pgbench ledger txn ${b.pgbench.tps.toFixed(0)} tx/s (checkouts ${ratio(club, b.pgbench.tps)})`);
  if (b.bare) {
    const bare = sustainedRate(b.bare, b.holdSeconds);
    parts.push(`bare Fastify ${bare.toFixed(0)}/s p99 ${ms(b.bare.p99)} ms (checkouts ${ratio(club, bare)} of its rate, p99 ${ratio(b.club.p99, b.bare.p99)})`);
  }
  return parts.join(' | ');
}

// ---------------------------------------------------------------------------------------------
// CPU by process group (from /proc)

/** Which part of the benchmark a process is, from its command line (NULs replaced by spaces). */
export function processGroup(cmdline: string): string {
  const svc = /\/apps\/([a-z-]+)\/src\/main\.ts/.exec(cmdline);
  if (svc) return svc[1];
  if (/^postgres(:| )|\/bin\/postgres /.test(cmdline)) return 'postgres';
  if (cmdline.includes('kafka.Kafka')) return 'kafka';
  if (/(^|\/)k6 run /.test(cmdline)) return 'k6';
  if (/(^|\/)pgbench /.test(cmdline)) return 'pgbench';
  if (cmdline.includes('bare-fastify.ts')) return 'bare-fastify';
  if (cmdline.includes('load-tests/bench.ts')) return 'bench-driver';
  return 'other';
}

/** utime + stime (clock ticks) from a /proc/<pid>/stat line (the command may contain spaces and parentheses). */
export function statTicks(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // after the command: state(3) ppid(4) … utime is field 14, stime 15 → indexes 11 and 12 here
  return Number(f[11]) + Number(f[12]);
}

/** Busy and total jiffies from the first line of /proc/stat. */
export function machineTicks(procStat: string): { busy: number; total: number } {
  const f = procStat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  return { busy, total: busy + idle + iowait };
}
