/**
 * Checkout latency probe against a running stack (`npm start` first):
 *   npm run bench:latency -- [--checkouts 2000] [--concurrency 8] [--members 200]
 * Enrols members, then records checkouts (identification by card or phone, 5% till retries)
 * through the gateway and prints throughput and latency percentiles. Traffic goes to the local
 * gateway only; the loop is bounded in count. The k6 peak-hour scenario arrives with the
 * campaigns issue; this is the first-slice baseline recorded in BENCHMARKS.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const CHECKOUTS = arg('checkouts', 2000);
const CONCURRENCY = arg('concurrency', 8);
const MEMBERS = arg('members', 200);
const GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
const KEY = process.env.CLUB_API_KEY ?? (JSON.parse(readFileSync(join(__dirname, '..', '.data', 'local.json'), 'utf8')) as { demo: { apiKey: string } }).demo.apiKey;

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${GATEWAY}${path}`, {
    method: 'POST',
    headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const prefix = String(Date.now()).slice(-4);
  const members: { phone: string; cardNumber: string }[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const phone = `0912${prefix}${String(i).padStart(3, '0')}`;
    const r = await post('/v1/members', { phone });
    if (r.status === 201) members.push({ phone, cardNumber: String(r.json.cardNumber) });
    else if (r.status !== 409) throw new Error(`enrol failed: ${r.status}`);
  }
  if (members.length === 0) throw new Error('no members enrolled (phones taken by an earlier run? wait a minute and retry)');
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < CHECKOUTS) {
      const i = next++;
      const m = members[i % members.length];
      const body = {
        transactionId: `bench-${randomUUID()}`,
        storeId: `store-${i % 20}`,
        member: i % 2 === 0 ? { cardNumber: m.cardNumber } : { phone: m.phone },
        amount: 100_000 + (i % 50) * 10_000,
        currency: 'IRR',
      };
      const t0 = performance.now();
      const r = await post('/v1/checkouts', body);
      latencies.push(performance.now() - t0);
      if (r.status !== 201) errors++;
      if (i % 20 === 0) {
        const retry = await post('/v1/checkouts', body); // a till retry: must be 200 with the same body
        if (retry.status !== 200) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const f = (n: number): string => n.toFixed(1);
  process.stdout.write(
    `checkouts=${latencies.length} concurrency=${CONCURRENCY} errors=${errors} throughput=${(latencies.length / seconds).toFixed(0)}/s ` +
      `p50=${f(pct(latencies, 50))}ms p95=${f(pct(latencies, 95))}ms p99=${f(pct(latencies, 99))}ms max=${f(latencies[latencies.length - 1])}ms\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
