/**
 * Peak hour at the tills: k6 scenario (k6 runs this TypeScript directly). `npm run bench` runs it
 * with seeded data and baselines; by hand, against any stack whose members are in DATA:
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:8080 -e API_KEY=… -e DATA=tmp/bench/members.json load-tests/peak-hour.k6.ts
 *
 * Arrivals (ramping-arrival-rate, per second): the doors open (START_RATE → OPENING_RATE over
 * OPENING s), the rush builds (→ RATE over RAMP s), the peak holds (RATE for HOLD s), a 2× spike
 * (→ SPIKE_FACTOR × RATE in SPIKE_RAMP s, held SPIKE s), recovery (→ RATE in SPIKE_RAMP s, held
 * RECOVERY s). Every request is tagged with its stage so the summary has per-stage figures.
 *
 * Each iteration is one till checkout: a member identified by card (CARD_SHARE, some typed with
 * spaces) or by phone (in the forms tills send: E.164, 0912…, spaced, Persian digits), a basket
 * of 1–8 lines (sku, category, quantity, unit price; amount = their sum), REDEEM_SHARE of them
 * spending points of members seeded with points, RETRY_SHARE of them sent twice (the till
 * retrying: the second answer must be 200 with the identical body). Half the traffic comes from
 * a fifth of the members (regulars).
 *
 * Campaigns: CAMPAIGNS=<n> says how many live campaigns the seeder created (every checkout is
 * evaluated against them; recorded as a tag only); COUPON_SHARE=<0..1> puts one of DATA's
 * `coupons` (multi-use codes of a coupon-gated campaign) into that share of checkouts under the
 * body field COUPON_FIELD (default `coupons`).
 *
 * TARGET=bare sends the same requests to the bare Fastify baseline (no API key, 201 expected).
 * WARMUP=<s> runs a constant WARMUP_RATE instead of the peak profile (JIT, pools, caches).
 */
import { check } from 'k6';
import http, { type Response } from 'k6/http';
import exec from 'k6/execution';
import { SharedArray } from 'k6/data';
import { Counter, Rate } from 'k6/metrics';

declare const __ENV: Record<string, string | undefined>;
declare function open(path: string): string;

interface SeededMember {
  /** Card number (16 digits, Luhn check digit). */
  readonly c: string;
  /** Phone, E.164. */
  readonly p: string;
  /** Points available from the seed (0: none; only these members redeem). */
  readonly pts: number;
}
interface SeedFile {
  readonly members: SeededMember[];
  readonly coupons?: string[];
}

const num = (name: string, def: number): number => {
  const v = __ENV[name];
  if (v === undefined || v === '') return def;
  const n = Number(v.replace(/s$/, ''));
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got ${v}`);
  return n;
};

const TARGET = __ENV.TARGET ?? 'club';
const BASE_URL = (__ENV.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const API_KEY = __ENV.API_KEY ?? '';
const RATE = num('RATE', 1000);
const OPENING_RATE = num('OPENING_RATE', Math.round(RATE * 0.3));
const START_RATE = num('START_RATE', Math.max(1, Math.round(RATE * 0.05)));
const SPIKE_FACTOR = num('SPIKE_FACTOR', 2);
const OPENING = num('OPENING', 60);
const RAMP = num('RAMP', 60);
const HOLD = num('HOLD', 180);
const SPIKE_RAMP = num('SPIKE_RAMP', 10);
const SPIKE = num('SPIKE', 60);
const RECOVERY = num('RECOVERY', 90);
const WARMUP = num('WARMUP', 0);
const WARMUP_RATE = num('WARMUP_RATE', 50);
const PRE_VUS = num('PRE_VUS', Math.max(20, Math.ceil(RATE * 0.05)));
const MAX_VUS = num('MAX_VUS', Math.max(50, Math.ceil(RATE * SPIKE_FACTOR * 0.25)));
const CARD_SHARE = num('CARD_SHARE', 0.6);
const REDEEM_SHARE = num('REDEEM_SHARE', 0.1);
const RETRY_SHARE = num('RETRY_SHARE', 0.03);
const COUPON_SHARE = num('COUPON_SHARE', 0);
const COUPON_FIELD = __ENV.COUPON_FIELD ?? 'coupons';
const CAMPAIGNS = num('CAMPAIGNS', 0);
const P99_MS = num('P99_MS', 100);
const MAX_ERROR_RATE = num('MAX_ERROR_RATE', 0);
const MAX_DROPPED = num('MAX_DROPPED', 0);
const TIMEOUT = __ENV.TIMEOUT ?? '10s';

/** Stage windows in seconds since the start, in order; the executor's stages follow the same plan. */
const STAGE_PLAN: readonly { readonly name: string; readonly until: number }[] = (() => {
  const ends = [OPENING, RAMP, HOLD, SPIKE_RAMP + SPIKE, SPIKE_RAMP + RECOVERY];
  const names = ['opening', 'ramp', 'hold', 'spike', 'recovery'];
  let t = 0;
  return names.map((name, i) => ({ name, until: (t += ends[i]) }));
})();
const STAGE_NAMES = WARMUP > 0 ? ['warmup'] : STAGE_PLAN.map((s) => s.name);

function currentStage(): string {
  if (WARMUP > 0) return 'warmup';
  const s = exec.instance.currentTestRunDuration / 1000;
  for (const stage of STAGE_PLAN) if (s < stage.until) return stage.name;
  return 'recovery';
}

const peakScenario = {
  executor: 'ramping-arrival-rate',
  startRate: START_RATE,
  timeUnit: '1s',
  preAllocatedVUs: PRE_VUS,
  maxVUs: MAX_VUS,
  gracefulStop: '10s',
  stages: [
    { target: OPENING_RATE, duration: `${OPENING}s` },
    { target: RATE, duration: `${RAMP}s` },
    { target: RATE, duration: `${HOLD}s` },
    { target: Math.round(RATE * SPIKE_FACTOR), duration: `${SPIKE_RAMP}s` },
    { target: Math.round(RATE * SPIKE_FACTOR), duration: `${SPIKE}s` },
    { target: RATE, duration: `${SPIKE_RAMP}s` },
    { target: RATE, duration: `${RECOVERY}s` },
  ],
};
const warmupScenario = {
  executor: 'constant-arrival-rate',
  rate: WARMUP_RATE,
  timeUnit: '1s',
  duration: `${WARMUP}s`,
  preAllocatedVUs: Math.max(10, Math.ceil(WARMUP_RATE * 0.1)),
  maxVUs: Math.max(50, WARMUP_RATE),
  gracefulStop: '10s',
};

// Per-stage sub-metrics appear in the summary export only when a threshold names them; these
// always pass and exist for the report.
const perStage: Record<string, string[]> = { 'http_reqs{name:checkout-retry}': ['count>=0'] };
for (const s of STAGE_NAMES) {
  perStage[`http_req_duration{name:checkout,stage:${s}}`] = ['max>=0'];
  perStage[`checkouts_ok{stage:${s}}`] = ['count>=0'];
  perStage[`checkouts_sent{stage:${s}}`] = ['count>=0'];
  perStage[`checkout_errors{stage:${s}}`] = ['rate>=0'];
}

export const options = {
  scenarios: { [WARMUP > 0 ? 'warmup' : 'peak']: WARMUP > 0 ? warmupScenario : peakScenario },
  thresholds:
    WARMUP > 0
      ? perStage
      : {
          'http_req_duration{name:checkout}': [`p(99)<${P99_MS}`],
          http_req_failed: [`rate<=${MAX_ERROR_RATE}`],
          checkout_errors: [`rate<=${MAX_ERROR_RATE}`],
          dropped_iterations: [`count<=${MAX_DROPPED}`],
          ...perStage,
        },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
  discardResponseBodies: false,
  tags: { target: TARGET, campaigns: String(CAMPAIGNS) },
};

// SharedArray loaders run once (in the first VU's init); the file is parsed once for both.
let seedFile: SeedFile | undefined;
const loadSeed = (): SeedFile => (seedFile ??= JSON.parse(open(__ENV.DATA ?? 'members.json')) as SeedFile);
const members = new SharedArray<SeededMember>('members', () => loadSeed().members);
const coupons = new SharedArray<string>('coupons', () => loadSeed().coupons ?? []);

const checkoutsOk = new Counter('checkouts_ok');
const checkoutsSent = new Counter('checkouts_sent');
const retriesOk = new Counter('retries_ok');
const checkoutErrors = new Rate('checkout_errors');

const CATEGORIES = ['dairy', 'bakery', 'produce', 'beverages', 'snacks', 'meat', 'household', 'personal-care', 'frozen', 'grocery'];
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

const rand = (n: number): number => Math.floor(Math.random() * n);

/** Half the checkouts come from the first fifth of the members (the regulars). */
function pickMember(): SeededMember {
  const n = members.length;
  return members[Math.random() < 0.5 ? rand(Math.max(1, Math.floor(n / 5))) : rand(n)];
}

/** A member seeded with points (scans forward from a random one). */
function pickMemberWithPoints(): SeededMember | undefined {
  const n = members.length;
  const start = rand(n);
  for (let k = 0; k < 20; k++) {
    const m = members[(start + k) % n];
    if (m.pts > 0) return m;
  }
  return undefined;
}

/** The phone as tills type it: E.164, 0912…, spaced, international spaced, or in Persian digits. */
function phoneAsTyped(e164: string): string {
  const national = `0${e164.slice(3)}`; // +989121234567 → 09121234567
  switch (rand(5)) {
    case 0:
      return e164;
    case 1:
      return national;
    case 2:
      return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
    case 3:
      return `+98 ${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}`;
    default:
      return national.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]);
  }
}

function basket(): { items: { sku: string; category: string; quantity: number; unitPrice: number }[]; amount: number } {
  const lines = 1 + rand(8);
  const items = [];
  let amount = 0;
  for (let i = 0; i < lines; i++) {
    const category = CATEGORIES[rand(CATEGORIES.length)];
    const quantity = Math.random() < 0.8 ? 1 : 2 + rand(4);
    const unitPrice = (5 + rand(300)) * 10_000; // 50,000 – 3,040,000 IRR
    items.push({ sku: `${category.slice(0, 3).toUpperCase()}-${1000 + rand(9000)}`, category, quantity, unitPrice });
    amount += quantity * unitPrice;
  }
  return { items, amount };
}

export function setup(): { runId: string } {
  if (members.length === 0) throw new Error('DATA has no members');
  if (COUPON_SHARE > 0 && coupons.length === 0) throw new Error('COUPON_SHARE > 0 needs coupons in DATA (the campaigns seeding hook)');
  return { runId: Date.now().toString(36) };
}

let errorsLogged = 0;
function recordError(what: string, r: Response, stage: string): void {
  checkoutErrors.add(true, { stage });
  if (errorsLogged++ < 3) console.warn(`${what}: status ${r.status} ${r.error} ${(r.body ?? '').slice(0, 300)}`);
}

export default function (data: { runId: string }): void {
  const stage = currentStage();
  const redeem = TARGET === 'club' && Math.random() < REDEEM_SHARE;
  const member = (redeem ? pickMemberWithPoints() : undefined) ?? pickMember();
  const byCard = Math.random() < CARD_SHARE;
  const store = rand(60);
  const { items, amount } = basket();
  const body: Record<string, unknown> = {
    transactionId: `s${store}-t${rand(12)}-${data.runId}-${exec.scenario.iterationInTest}`,
    storeId: `store-${store}`,
    member: byCard
      ? { cardNumber: Math.random() < 0.1 ? member.c.replace(/(\d{4})(?=\d)/g, '$1 ') : member.c }
      : { phone: phoneAsTyped(member.p) },
    amount,
    currency: 'IRR',
    items,
  };
  if (redeem && member.pts > 0) body.redeemPoints = 10 + rand(41);
  if (COUPON_SHARE > 0 && Math.random() < COUPON_SHARE) body[COUPON_FIELD] = [coupons[rand(coupons.length)]];

  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (TARGET === 'club') headers['x-api-key'] = API_KEY;
  const url = `${BASE_URL}/v1/checkouts`;
  const first = http.post(url, payload, { headers, timeout: TIMEOUT, tags: { name: 'checkout', stage } });
  checkoutsSent.add(1, { stage });
  const ok = check(first, { 'checkout 201': (r) => r.status === 201 }, { stage });
  if (!ok) {
    recordError('checkout', first, stage);
    return;
  }
  checkoutErrors.add(false, { stage });
  checkoutsOk.add(1, { stage });

  if (Math.random() < RETRY_SHARE) {
    // The till did not see the answer and sends the same sale again.
    const again = http.post(url, payload, { headers, timeout: TIMEOUT, tags: { name: 'checkout-retry', stage } });
    const expected = TARGET === 'club' ? 200 : 201;
    const same = check(again, { 'retry replays the first answer': (r) => r.status === expected && r.body === first.body }, { stage });
    if (same) retriesOk.add(1, { stage });
    else recordError('retry', again, stage);
  }
}
