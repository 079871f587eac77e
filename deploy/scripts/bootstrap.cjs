#!/usr/bin/env node
'use strict';
// Entry point of `npm start` and `npm test` on a fresh clone. Runs on whatever Node the machine
// has (20 is fine): installs the project's dependencies when they are missing or stale — among
// them Node 24 itself (npm package `node`) — checks the system tools the real Kafka broker needs,
// then hands over to the TypeScript script under deploy/scripts on the project's Node 24.
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const command = process.argv[2];
const scripts = { start: 'start.ts', test: 'test.ts' };
if (!scripts[command]) {
  console.error(`usage: node deploy/scripts/bootstrap.cjs ${Object.keys(scripts).join('|')}`);
  process.exit(2);
}

function say(msg) {
  process.stdout.write(`\x1b[36m[club]\x1b[0m ${msg}\n`);
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function lockDigest() {
  const h = crypto.createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) {
    const p = path.join(ROOT, f);
    if (fs.existsSync(p)) h.update(fs.readFileSync(p));
  }
  return h.digest('hex');
}

function ensureNodeModules() {
  const stamp = path.join(ROOT, 'node_modules', '.club-install-stamp');
  const digest = lockDigest();
  const node24 = path.join(ROOT, 'node_modules', '.bin', 'node');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest && fs.existsSync(node24)) return;
  say('installing dependencies (npm install; the first run takes a few minutes)…');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--include=dev', '--loglevel=error'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (r.status !== 0) {
    console.error('npm install failed; see the output above.');
    process.exit(r.status || 1);
  }
  fs.writeFileSync(stamp, digest);
}

/**
 * Java and Maven run the local Kafka broker; the end-to-end test reads the broker with kcat, an
 * independent Kafka client. On a Debian machine where we are root, install what is missing.
 */
function ensureSystemTools() {
  const wanted = [];
  if (!process.env.KAFKA_BROKERS || command === 'test') {
    if (!has('java')) wanted.push('openjdk-17-jre-headless');
    if (!has('mvn')) wanted.push('maven');
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (command === 'test' && !has('kcat') && root && has('apt-get')) wanted.push('kcat');
  if (wanted.length === 0) return;
  if (!root || !has('apt-get')) {
    console.error(`missing system tools: ${wanted.join(', ')}. Install them (e.g. apt-get install -y ${wanted.join(' ')}) or set KAFKA_BROKERS to an existing broker.`);
    process.exit(1);
  }
  say(`installing ${wanted.join(', ')} with apt-get…`);
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...wanted]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) process.exit(r.status || 1);
  }
}

ensureNodeModules();
ensureSystemTools();

const node = path.join(ROOT, 'node_modules', '.bin', 'node');
const child = spawn(
  node,
  ['--disable-warning=TimeoutNegativeWarning', '-r', '@swc-node/register', path.join(__dirname, scripts[command]), ...process.argv.slice(3)],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'), PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` },
  },
);
// Ctrl-C reaches the whole foreground process group; forward other signals explicitly.
for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
process.on('SIGINT', () => {
  /* the child got it too and shuts down cleanly */
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
