/**
 * `npm test`: typecheck, lint (with module boundaries), contract checks, unit tests, medium
 * tests on a real PostgreSQL and Kafka, Helm checks, and the end-to-end test that boots the
 * whole stack — then one summary line. `npm test -- --only unit,medium` runs a subset.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { NODE, ROOT } from '../local/stack';

// The test harness's infrastructure starter (plain CommonJS, shared with jest's global setup).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require(join(ROOT, 'libs/platform/testing/src/infra.cjs')) as {
  startOnce: (o: { log?: (m: string) => void }) => Promise<unknown>;
  stopIfStarted: () => Promise<void>;
};

type Step = 'typecheck' | 'lint' | 'contracts' | 'unit' | 'medium' | 'helm' | 'e2e';
const ALL: Step[] = ['typecheck', 'lint', 'contracts', 'unit', 'medium', 'helm', 'e2e'];

const onlyArg = process.argv.indexOf('--only');
const selected = onlyArg > 0 ? (process.argv[onlyArg + 1].split(',') as Step[]) : ALL;
const TMP = join(ROOT, 'tmp');
mkdirSync(TMP, { recursive: true });

const say = (m: string): void => {
  process.stdout.write(`\x1b[36m[test]\x1b[0m ${m}\n`);
};

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

async function jest(project: string): Promise<{ code: number; counts: Counts }> {
  const out = join(TMP, `jest-${project}.json`);
  rmSync(out, { force: true });
  const code = await run(NODE, [
    '--disable-warning=TimeoutNegativeWarning',
    join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--selectProjects',
    project,
    '--ci',
    '--json',
    `--outputFile=${out}`,
    // Each e2e file boots a whole stack: one at a time on 2 cores.
    ...(project === 'e2e' ? ['--runInBand'] : ['--maxWorkers=2']),
  ]);
  const counts: Counts = { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numRuntimeErrorTestSuites: number };
    counts.passed = r.numPassedTests;
    counts.failed = r.numFailedTests + r.numRuntimeErrorTestSuites + (code !== 0 && r.numFailedTests === 0 && r.numRuntimeErrorTestSuites === 0 ? 1 : 0);
    counts.skipped = r.numPendingTests;
  }
  return { code, counts };
}

async function main(): Promise<void> {
  const started = Date.now();
  const results: { step: Step; ok: boolean; seconds: number; detail?: string }[] = [];
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const record = (step: Step, ok: boolean, t0: number, detail?: string): void => {
    results.push({ step, ok, seconds: Math.round((Date.now() - t0) / 1000), detail });
    say(`${step}: ${ok ? 'ok' : 'FAILED'}${detail ? ` (${detail})` : ''} in ${Math.round((Date.now() - t0) / 1000)} s`);
  };
  const checks = async (step: Step, fn: () => Promise<number>): Promise<void> => {
    if (!selected.includes(step)) return;
    say(`${step}…`);
    const t0 = Date.now();
    const ok = (await fn()) === 0;
    if (ok) total.passed += 1;
    else total.failed += 1;
    record(step, ok, t0);
  };
  const tests = async (step: Step): Promise<void> => {
    if (!selected.includes(step)) return;
    say(`${step} tests…`);
    const t0 = Date.now();
    const { code, counts } = await jest(step);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    record(step, code === 0, t0, `${counts.passed} passed, ${counts.failed} failed`);
  };

  await checks('typecheck', () => run(bin('tsc'), ['-p', 'tsconfig.json']));
  await checks('lint', async () => {
    // The module-boundary rule needs Nx's project graph; compute it first.
    const graph = await run(bin('nx'), ['show', 'projects'], { NX_TUI: 'false' });
    return graph !== 0 ? graph : run(bin('eslint'), ['--max-warnings=0', '.']);
  });
  await checks('contracts', () => run('bash', ['deploy/scripts/check-contracts.sh']));
  await tests('unit');

  const needsInfra = selected.includes('medium') || selected.includes('e2e');
  try {
    if (needsInfra) {
      say('starting PostgreSQL and Kafka for medium and e2e tests…');
      await infra.startOnce({ log: (m) => say(m) });
    }
    await tests('medium');
    await checks('helm', () => run('bash', ['deploy/scripts/helm-check.sh']));
    await tests('e2e');
  } finally {
    await infra.stopIfStarted();
  }

  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  process.stdout.write('\n');
  for (const r of results) process.stdout.write(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.step.padEnd(10)} ${String(r.seconds).padStart(4)} s  ${r.detail ?? ''}\n`);
  const failedSteps = results.filter((r) => !r.ok).map((r) => r.step);
  process.stdout.write(`\nnpm test ${failedSteps.length === 0 ? 'PASSED' : `FAILED (${failedSteps.join(', ')})`} in ${minutes} min\n`);
  process.stdout.write(`summary: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`);
  process.exit(failedSteps.length === 0 ? 0 : 1);
}

process.on('SIGINT', () => {
  void infra.stopIfStarted().then(() => process.exit(130));
});
void main();
