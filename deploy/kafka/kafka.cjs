#!/usr/bin/env node
'use strict';
/**
 * Local Apache Kafka broker for development and tests — no Docker.
 *
 * Kafka 3.9.x jars come from Maven Central (deploy/kafka/pom.xml) into a per-user cache
 * outside the repo, and run as ONE KRaft broker+controller bound to 127.0.0.1.
 * See docs/local-infra.md.
 *
 * Plain CommonJS. The parts that only spawn processes (ensure-jars, start/stop of the JVM)
 * work on Node >= 20; the readiness check and createTopics need `kafkajs`, which is resolved
 * from the repo's node_modules and only loaded when needed.
 *
 * API:
 *   ensureKafkaJars({ log })                                   -> Promise<string> lib dir
 *   startKafka({ dataDir, port = 9092, controllerPort = port + 1, logFile, heapMb = 512,
 *                log, readyTimeoutMs = 60000 })
 *       -> Promise<{ brokers, pid, stop(), exited, dataDir, logFile, clusterId, port, controllerPort }>
 *   createTopics({ brokers, topics: [{ topic, numPartitions, configs? }], log, timeoutMs })
 *       -> Promise<{ created: string[], existing: string[] }>
 *   stopStaleKafka(dataDir, { log, force = false })           -> Promise<number[]> pids stopped
 *
 * CLI:
 *   node deploy/kafka/kafka.cjs ensure-jars
 *   node deploy/kafka/kafka.cjs start --data-dir <dir> [--port 9092] [--controller-port N]
 *                                     [--log-file F] [--heap-mb 512]
 *   node deploy/kafka/kafka.cjs stop --data-dir <dir>      (kills a broker left running on <dir>)
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');
const { pathToFileURL } = require('node:url');

const KAFKA_VERSION = '3.9.2';
const SCALA_BINARY_VERSION = '2.13';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

const HERE = __dirname;
const POM = path.join(HERE, 'pom.xml');
const LOG4J_PROPERTIES = path.join(HERE, 'log4j.properties');

const STAMP_FILE = '.customer-club-kafka.json';
const LOCK_STALE_MS = 20 * 60 * 1000; // a lock older than this with no live owner is stale
const LOCK_WAIT_MS = 15 * 60 * 1000; // how long a second caller waits for the first download
const STOP_GRACE_MS = 20 * 1000;

// ---------------------------------------------------------------------------------------------
// small helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function toLogFn(log) {
  if (typeof log === 'function') return log;
  if (log && typeof log.info === 'function') return (msg) => log.info(msg);
  return () => {};
}

function cacheRoot() {
  const base =
    process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME)
      ? process.env.XDG_CACHE_HOME
      : path.join(os.homedir(), '.cache');
  return path.join(base, 'customer-club');
}

/** Directory holding the jars (may not exist yet). */
function kafkaLibDir() {
  return path.join(cacheRoot(), `kafka-${KAFKA_VERSION}`, 'lib');
}

function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // exists, but not ours
  }
}

function readProcCmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** Last `maxBytes` of a file, starting no earlier than `fromOffset`. */
function tailFile(file, { fromOffset = 0, maxBytes = 8192 } = {}) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const start = Math.max(fromOffset, size - maxBytes, 0);
    const buf = Buffer.alloc(Math.max(size - start, 0));
    fs.readSync(fd, buf, 0, buf.length, start);
    return buf.toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function onPath(cmd) {
  if (cmd.includes(path.sep)) return fs.existsSync(cmd);
  return (process.env.PATH || '')
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
}

function requireTool(cmd) {
  if (!onPath(cmd)) {
    throw new Error(
      `'${cmd}' not found on PATH. The local Kafka needs a JDK (17+) and Maven: ` +
        `apt-get install -y openjdk-17-jdk-headless maven`,
    );
  }
}

function run(cmd, args, { cwd, env } = {}) {
  requireTool(cmd);
  return new Promise((resolve, reject) => {
    let out = '';
    let child;
    try {
      // Under setpriv --pdeathsig, the child (mvn, java) is killed if we die mid-way.
      const setpriv = hasSetprivPdeathsig();
      const [c, a] = setpriv ? [setpriv, ['--pdeathsig', 'TERM', cmd, ...args]] : [cmd, args];
      child = spawn(c, a, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      reject(err);
      return;
    }
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (err) => {
      if (err.code === 'ENOENT') {
        err.message =
          `'${cmd}' not found on PATH. The local Kafka needs a JDK (17+) and Maven: ` +
          `apt-get install -y openjdk-17-jdk-headless maven`;
      }
      reject(err);
    });
    child.on('close', (code, signal) => resolve({ code, signal, output: out }));
  });
}

// ---------------------------------------------------------------------------------------------
// jars

function pomDigest() {
  return crypto.createHash('sha256').update(fs.readFileSync(POM)).digest('hex').slice(0, 16);
}

function checkPomVersion() {
  const pom = fs.readFileSync(POM, 'utf8');
  const m = pom.match(/<kafka\.version>([^<]+)<\/kafka\.version>/);
  if (!m || m[1].trim() !== KAFKA_VERSION) {
    throw new Error(
      `deploy/kafka/pom.xml has kafka.version ${m ? m[1] : '(none)'} but kafka.cjs expects ${KAFKA_VERSION}; keep them in sync`,
    );
  }
}

/** True when `lib` is a complete download made from the current pom.xml. */
function libIsComplete(lib, digest) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(lib, STAMP_FILE), 'utf8'));
    return (
      stamp.pom === digest &&
      fs.existsSync(path.join(lib, `kafka_${SCALA_BINARY_VERSION}-${KAFKA_VERSION}.jar`))
    );
  } catch {
    return false;
  }
}

/**
 * mkdir-based lock. The lock dir holds owner.json {pid, host, at}. A lock whose owner process
 * is gone (same host), or which is older than LOCK_STALE_MS, is broken.
 */
async function withLock(lockDir, log, fn) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  const me = { pid: process.pid, host: os.hostname(), at: Date.now(), nonce: crypto.randomUUID() };
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'owner.json'), JSON.stringify(me));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    // Someone holds it: is it stale?
    let owner = null;
    try {
      owner = JSON.parse(fs.readFileSync(path.join(lockDir, 'owner.json'), 'utf8'));
    } catch {
      /* being created right now, or left half-written */
    }
    let stale = false;
    if (owner) {
      const dead = owner.host === os.hostname() && !pidAlive(owner.pid);
      stale = dead || Date.now() - owner.at > LOCK_STALE_MS;
    } else {
      try {
        stale = Date.now() - fs.statSync(lockDir).mtimeMs > 10_000; // no owner file for 10 s
      } catch {
        continue; // vanished: retry mkdir at once
      }
    }
    if (stale) {
      // Move it aside atomically; only the one caller whose rename succeeds breaks it.
      const aside = `${lockDir}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
      try {
        fs.renameSync(lockDir, aside);
        log(`kafka: broke a stale download lock (${owner ? `pid ${owner.pid}` : 'no owner'})`);
        fs.rmSync(aside, { recursive: true, force: true });
      } catch {
        /* someone else got there first */
      }
      continue;
    }
    if (!announced) {
      log(`kafka: waiting for another process (pid ${owner ? owner.pid : '?'}) to download the jars…`);
      announced = true;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for the Kafka jar download lock ${lockDir}`);
    }
    await sleep(500);
  }
  try {
    return await fn();
  } finally {
    try {
      const owner = JSON.parse(fs.readFileSync(path.join(lockDir, 'owner.json'), 'utf8'));
      if (owner.nonce === me.nonce) fs.rmSync(lockDir, { recursive: true, force: true });
    } catch {
      /* already gone */
    }
  }
}

/**
 * Make sure the Kafka jars are in the per-user cache; download them with Maven if not.
 * Resolves to the lib directory (use it as `-cp '<lib>/*'`).
 */
async function ensureKafkaJars({ log } = {}) {
  log = toLogFn(log);
  checkPomVersion();
  const lib = kafkaLibDir();
  const digest = pomDigest();
  if (libIsComplete(lib, digest)) return lib;

  const versionDir = path.dirname(lib);
  fs.mkdirSync(versionDir, { recursive: true });
  return withLock(path.join(versionDir, 'download.lock'), log, async () => {
    if (libIsComplete(lib, digest)) return lib; // another caller finished while we waited

    // Leftovers of interrupted downloads.
    for (const name of fs.readdirSync(versionDir)) {
      if (name.startsWith('lib.tmp-') || name.startsWith('lib.old-')) {
        fs.rmSync(path.join(versionDir, name), { recursive: true, force: true });
      }
    }
    const tmp = path.join(versionDir, `lib.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
    fs.mkdirSync(tmp);
    const started = Date.now();
    log(`kafka: downloading Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${lib} …`);
    try {
      const args = [
        '-B',
        '-q',
        '-f',
        POM,
        `${DEPENDENCY_PLUGIN}:copy-dependencies`,
        '-DincludeScope=runtime',
        `-DoutputDirectory=${tmp}`,
      ];
      const res = await run('mvn', args, { cwd: HERE });
      if (res.code !== 0) {
        throw new Error(
          `mvn copy-dependencies failed (exit ${res.code ?? res.signal}):\n${res.output.slice(-4000)}`,
        );
      }
      if (!fs.existsSync(path.join(tmp, `kafka_${SCALA_BINARY_VERSION}-${KAFKA_VERSION}.jar`))) {
        throw new Error(`mvn copy-dependencies did not produce the Kafka jar in ${tmp}`);
      }
      fs.writeFileSync(
        path.join(tmp, STAMP_FILE),
        JSON.stringify({ kafka: KAFKA_VERSION, pom: digest, at: new Date().toISOString() }) + '\n',
      );
      // Swap into place. rename(2) is atomic; a previous (outdated) lib is moved aside first.
      if (fs.existsSync(lib)) {
        const old = path.join(versionDir, `lib.old-${process.pid}-${Date.now()}`);
        fs.renameSync(lib, old);
        fs.renameSync(tmp, lib);
        fs.rmSync(old, { recursive: true, force: true });
      } else {
        fs.renameSync(tmp, lib);
      }
    } catch (err) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    const count = fs.readdirSync(lib).filter((f) => f.endsWith('.jar')).length;
    log(`kafka: ${count} jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return lib;
  });
}

// ---------------------------------------------------------------------------------------------
// broker process

/** Pids of `kafka.Kafka` JVMs whose command line names `<dataDir>/server.properties`. */
function findBrokerPids(dataDir) {
  const propsFile = path.join(dataDir, 'server.properties');
  const matches = (cmd) => cmd && cmd.includes('kafka.Kafka') && cmd.includes(propsFile);
  const pids = new Set();

  // 1. the pid file of a previous run
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'kafka.pid'), 'utf8').trim());
    if (pid !== process.pid && pidAlive(pid) && matches(readProcCmdline(pid))) pids.add(pid);
  } catch {
    /* no pid file */
  }
  // 2. any other broker on this data dir (pid file lost, or a broker started by hand)
  if (fs.existsSync('/proc')) {
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const pid = Number(name);
      if (pid === process.pid || pids.has(pid)) continue;
      if (matches(readProcCmdline(pid))) pids.add(pid);
    }
  }
  return [...pids];
}

async function waitForPidExit(pid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!pidAlive(pid)) return true;
    await sleep(100);
  }
  return !pidAlive(pid);
}

/** Parent pid of `pid` (Linux /proc), or null. */
function parentPid(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * Stop a broker left running on `dataDir` by a crashed or killed run: SIGTERM, up to 20 s,
 * then SIGKILL. Only touches processes whose command line has `kafka.Kafka` and this
 * data dir's server.properties. Resolves to the pids it stopped.
 *
 * A broker whose parent is another live Node process (e.g. someone's `kafka.cjs start` in
 * another terminal) is not stale: that throws instead, unless `force` is set.
 */
async function stopStaleKafka(dataDir, { log, force = false } = {}) {
  log = toLogFn(log);
  dataDir = path.resolve(dataDir);
  const pids = findBrokerPids(dataDir);
  if (!force) {
    for (const pid of pids) {
      const ppid = parentPid(pid);
      if (!ppid || ppid <= 1 || ppid === process.pid || !pidAlive(ppid)) continue;
      const parentCmd = readProcCmdline(ppid) || [];
      if (parentCmd.length > 0 && /^node/.test(path.basename(parentCmd[0]))) {
        throw new Error(
          `The Kafka data dir ${dataDir} is in use by a running broker (pid ${pid}, started by pid ${ppid}: ` +
            `${parentCmd.join(' ').slice(0, 200)}). Stop that first ` +
            `(node deploy/kafka/kafka.cjs stop --data-dir ${dataDir}) or use another data dir.`,
        );
      }
    }
  }
  for (const pid of pids) {
    log(`kafka: stopping a broker left running on ${dataDir} (pid ${pid})`);
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      continue;
    }
    if (!(await waitForPidExit(pid, STOP_GRACE_MS))) {
      log(`kafka: pid ${pid} ignored SIGTERM for ${STOP_GRACE_MS / 1000} s, sending SIGKILL`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      await waitForPidExit(pid, 5000);
    }
  }
  fs.rmSync(path.join(dataDir, 'kafka.pid'), { force: true });
  return pids;
}

function assertPortFree(port, what) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', (err) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Cannot start the local Kafka: ${what} port 127.0.0.1:${port} is already in use by another ` +
              `process. Pick another port, stop that process, or point the services at your own broker ` +
              `with KAFKA_BROKERS=host:port.`,
          ),
        );
      } else {
        reject(err);
      }
    });
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => srv.close(() => resolve()));
  });
}

/** A Kafka cluster id: 16 random bytes, base64url without padding, not starting with '-'. */
function newClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties({ dataDir, port, controllerPort }) {
  const lines = {
    // one combined KRaft broker + controller
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': path.join(dataDir, 'logs'),

    // single node: every replication factor 1
    'offsets.topic.replication.factor': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'default.replication.factor': '1',
    'min.insync.replicas': '1',

    // small internal topics, explicit topic creation
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.num.partitions': '1',
    'num.partitions': '1',
    'auto.create.topics.enable': 'false',
    'delete.topic.enable': 'true',
    'group.initial.rebalance.delay.ms': '0',

    // 2-core machine: few threads, small buffers
    'num.network.threads': '2',
    'num.io.threads': '2',
    'background.threads': '2',
    'num.recovery.threads.per.data.dir': '1',
    'num.replica.fetchers': '1',
    'log.cleaner.threads': '1',
    'log.cleaner.dedupe.buffer.size': String(16 * 1024 * 1024), // default 128 MiB of heap
    'log.cleaner.io.buffer.size': String(512 * 1024),

    // retention
    'log.retention.hours': '168',
    'log.segment.bytes': String(256 * 1024 * 1024),
    'log.retention.check.interval.ms': '300000',
  };
  return (
    `# Written by deploy/kafka/kafka.cjs on every start — edit the script, not this file.\n` +
    Object.entries(lines)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') +
    '\n'
  );
}

function javaBaseArgs(lib, heapMb) {
  return [
    `-Xms${Math.min(256, heapMb)}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=${pathToFileURL(LOG4J_PROPERTIES).href}`,
    '-cp',
    `${lib}${path.sep}*`,
  ];
}

/** Format the data dir once (KRaft needs a cluster id + meta.properties before first start). */
async function formatStorageOnce({ dataDir, lib, propsFile, log }) {
  const metaFile = path.join(dataDir, 'logs', 'meta.properties');
  const idFile = path.join(dataDir, 'cluster.id');
  let clusterId = null;
  try {
    clusterId = fs.readFileSync(idFile, 'utf8').trim() || null;
  } catch {
    /* first start */
  }
  if (fs.existsSync(metaFile)) {
    // Already formatted: meta.properties is the truth (also when formatted by hand).
    const m = fs.readFileSync(metaFile, 'utf8').match(/^cluster\.id=(.+)$/m);
    if (m) {
      const formattedId = m[1].trim();
      if (formattedId !== clusterId) fs.writeFileSync(idFile, `${formattedId}\n`);
      return formattedId;
    }
  }
  clusterId = clusterId || newClusterId();
  fs.writeFileSync(idFile, `${clusterId}\n`);
  log(`kafka: formatting ${path.join(dataDir, 'logs')} (cluster id ${clusterId})`);
  const res = await run('java', [
    ...javaBaseArgs(lib, 256),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    propsFile,
    '--ignore-formatted',
  ]);
  if (res.code !== 0) {
    throw new Error(`kafka StorageTool format failed (exit ${res.code ?? res.signal}):\n${res.output.slice(-4000)}`);
  }
  return clusterId;
}

// Brokers started by this process; SIGTERMed if the process exits without calling stop().
const running = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) {
      try {
        child.kill('SIGTERM');
      } catch {
        /* gone */
      }
    }
  });
}

let pdeathsigSupport;
/** `setpriv --pdeathsig TERM` makes Linux SIGTERM the broker when its parent dies, even on SIGKILL. */
function hasSetprivPdeathsig() {
  if (pdeathsigSupport !== undefined) return pdeathsigSupport;
  pdeathsigSupport = false;
  if (process.platform !== 'linux') return pdeathsigSupport;
  for (const dir of (process.env.PATH || '').split(path.delimiter).concat(['/usr/bin', '/bin'])) {
    if (dir && fs.existsSync(path.join(dir, 'setpriv'))) {
      try {
        const help = require('node:child_process').execFileSync(path.join(dir, 'setpriv'), ['--help'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        pdeathsigSupport = help.includes('--pdeathsig') ? path.join(dir, 'setpriv') : false;
      } catch {
        pdeathsigSupport = false;
      }
      break;
    }
  }
  return pdeathsigSupport;
}

function loadKafkajs() {
  try {
    return require('kafkajs');
  } catch (err) {
    throw new Error(
      `kafkajs is needed to check the broker and create topics, but could not be loaded ` +
        `(run from the repo, after npm install): ${err.message}`,
    );
  }
}

async function describeOnce(kafkajs, brokers, timeoutMs) {
  const kafka = new kafkajs.Kafka({
    clientId: 'customer-club-kafka-probe',
    brokers: [brokers],
    logLevel: kafkajs.logLevel.NOTHING,
    connectionTimeout: Math.min(2000, timeoutMs),
    requestTimeout: Math.min(5000, timeoutMs),
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    return await admin.describeCluster();
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Start one KRaft broker+controller on 127.0.0.1 with its data in `dataDir`, and wait until it
 * answers Kafka clients.
 */
async function startKafka({
  dataDir,
  port = 9092,
  controllerPort = port + 1,
  logFile,
  heapMb = 512,
  log,
  readyTimeoutMs = 60_000,
} = {}) {
  log = toLogFn(log);
  if (!dataDir) throw new Error('startKafka: dataDir is required');
  dataDir = path.resolve(dataDir);
  logFile = path.resolve(logFile || path.join(dataDir, 'kafka.log'));
  port = Number(port);
  controllerPort = Number(controllerPort);
  if (port === controllerPort) throw new Error('startKafka: port and controllerPort must differ');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });

  await stopStaleKafka(dataDir, { log });
  await assertPortFree(port, 'broker');
  await assertPortFree(controllerPort, 'controller');

  const kafkajs = loadKafkajs(); // fail early, before spending seconds on the JVM
  const lib = await ensureKafkaJars({ log });

  const propsFile = path.join(dataDir, 'server.properties');
  fs.writeFileSync(propsFile, serverProperties({ dataDir, port, controllerPort }));
  const clusterId = await formatStorageOnce({ dataDir, lib, propsFile, log });

  // Spawn the JVM in its own process group: an interactive Ctrl-C reaches our launcher, which
  // stops the services first and the broker after them. setpriv --pdeathsig still stops the
  // broker if we die (even by SIGKILL); without setpriv it shares our group as a fallback.
  const logOffset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const logFd = fs.openSync(logFile, 'a');
  fs.writeSync(logFd, `\n===== ${new Date().toISOString()} starting Kafka ${KAFKA_VERSION} on 127.0.0.1:${port} =====\n`);
  requireTool('java');
  const javaArgs = [...javaBaseArgs(lib, heapMb), 'kafka.Kafka', propsFile];
  const setpriv = hasSetprivPdeathsig();
  const [cmd, args] = setpriv ? [setpriv, ['--pdeathsig', 'TERM', 'java', ...javaArgs]] : ['java', javaArgs];
  const started = Date.now();
  let child;
  try {
    child = spawn(cmd, args, { cwd: dataDir, stdio: ['ignore', logFd, logFd], detached: Boolean(setpriv) });
  } finally {
    fs.closeSync(logFd);
  }
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      running.delete(child);
      try {
        // 143 = 128 + SIGTERM: the JVM's normal exit code after a SIGTERM-triggered shutdown.
        fs.appendFileSync(
          logFile,
          `===== ${new Date().toISOString()} Kafka pid ${child.pid} exited (code ${code}, signal ${signal}) =====\n`,
        );
      } catch {
        /* log dir removed */
      }
      try {
        if (fs.readFileSync(path.join(dataDir, 'kafka.pid'), 'utf8').trim() === String(child.pid)) {
          fs.rmSync(path.join(dataDir, 'kafka.pid'), { force: true });
        }
      } catch {
        /* no pid file */
      }
      resolve(exitInfo);
    });
  });
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});
  if (!child.pid) {
    await spawnError.catch((err) => {
      throw err.code === 'ENOENT' ? new Error(`'${cmd}' not found: the local Kafka needs java (JDK 17+) on PATH`) : err;
    });
  }
  fs.writeFileSync(path.join(dataDir, 'kafka.pid'), `${child.pid}\n`);
  running.add(child);
  installExitHook();
  log(`kafka: started pid ${child.pid}, waiting for 127.0.0.1:${port} (log: ${logFile})`);

  const brokers = `127.0.0.1:${port}`;
  let stopping = null;
  const stop = () => {
    if (!stopping) {
      stopping = (async () => {
        if (exitInfo) return exitInfo;
        child.kill('SIGTERM'); // controlled shutdown
        const timer = setTimeout(() => {
          log(`kafka: pid ${child.pid} still running ${STOP_GRACE_MS / 1000} s after SIGTERM, sending SIGKILL`);
          child.kill('SIGKILL');
        }, STOP_GRACE_MS);
        try {
          return await exited;
        } finally {
          clearTimeout(timer);
        }
      })();
    }
    return stopping;
  };

  // Ready = a real Kafka request (DescribeCluster via kafkajs admin) answered by OUR cluster.
  const deadline = started + readyTimeoutMs;
  let lastErr = null;
  for (;;) {
    if (exitInfo) {
      throw new Error(
        `Kafka broker exited during startup (code ${exitInfo.code}, signal ${exitInfo.signal}). ` +
          `Log tail (${logFile}):\n${tailFile(logFile, { fromOffset: logOffset })}`,
      );
    }
    try {
      const info = await describeOnce(kafkajs, brokers, Math.max(deadline - Date.now(), 500));
      if (info.clusterId && info.clusterId !== clusterId) {
        await stop();
        throw Object.assign(
          new Error(
            `Something else answers on ${brokers} (cluster id ${info.clusterId}, expected ${clusterId})`,
          ),
          { fatal: true },
        );
      }
      if (info.brokers && info.brokers.length > 0) break;
      lastErr = new Error('broker answered but lists no brokers yet');
    } catch (err) {
      if (err.fatal) throw err;
      lastErr = err;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Kafka broker on ${brokers} not ready after ${readyTimeoutMs / 1000} s ` +
          `(last error: ${lastErr && lastErr.message}). Log tail (${logFile}):\n` +
          tailFile(logFile, { fromOffset: logOffset }),
      );
    }
    await sleep(250);
  }
  log(`kafka: ready on ${brokers} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return { brokers, pid: child.pid, stop, exited, dataDir, logFile, clusterId, port, controllerPort };
}

// ---------------------------------------------------------------------------------------------
// topics

/**
 * Create topics (replication factor 1) if they do not exist yet, and wait until every
 * partition of every listed topic has a leader. Existing topics are left as they are.
 */
async function createTopics({ brokers, topics, log, timeoutMs = 30_000 } = {}) {
  log = toLogFn(log);
  if (!brokers) throw new Error('createTopics: brokers is required');
  if (!Array.isArray(topics) || topics.length === 0) return { created: [], existing: [] };
  const kafkajs = loadKafkajs();
  const kafka = new kafkajs.Kafka({
    clientId: 'customer-club-kafka-admin',
    brokers: String(brokers).split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const before = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !before.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        timeout: timeoutMs,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.numPartitions || 1,
          replicationFactor: 1,
          configEntries: Object.entries(t.configs || {}).map(([name, value]) => ({
            name,
            value: String(value),
          })),
        })),
      });
    }
    // Wait for leaders of all listed topics (covers ones another caller created concurrently).
    const names = topics.map((t) => t.topic);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let meta = null;
      try {
        meta = await admin.fetchTopicMetadata({ topics: names });
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
      if (meta) {
        const byName = new Map(meta.topics.map((t) => [t.name, t]));
        const ready = names.every((n) => {
          const t = byName.get(n);
          return t && t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0);
        });
        if (ready) {
          for (const want of topics) {
            const have = byName.get(want.topic).partitions.length;
            if (want.numPartitions && have < want.numPartitions) {
              log(
                `kafka: topic ${want.topic} exists with ${have} partitions (wanted ${want.numPartitions}); left unchanged`,
              );
            }
          }
          break;
        }
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for leaders of ${names.join(', ')}`);
      await sleep(100);
    }
    return {
      created: missing.map((t) => t.topic),
      existing: topics.filter((t) => before.has(t.topic)).map((t) => t.topic),
    };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const eq = a.indexOf('=');
    const key = (eq > 0 ? a.slice(2, eq) : a.slice(2)).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Error(`missing value for ${a}`);
    opts[key] = value;
  }
  return opts;
}

const USAGE = `usage:
  node deploy/kafka/kafka.cjs ensure-jars
  node deploy/kafka/kafka.cjs start --data-dir <dir> [--port 9092] [--controller-port <port+1>]
                                    [--log-file <dataDir>/kafka.log] [--heap-mb 512]
  node deploy/kafka/kafka.cjs stop --data-dir <dir>`;

async function main(argv) {
  const [command, ...rest] = argv;
  const log = (msg) => process.stderr.write(`${msg}\n`);
  if (command === 'ensure-jars') {
    process.stdout.write(`${await ensureKafkaJars({ log })}\n`);
    return 0;
  }
  if (command === 'stop') {
    const opts = parseArgs(rest);
    if (!opts.dataDir) throw new Error('--data-dir is required');
    const pids = await stopStaleKafka(opts.dataDir, { log, force: true });
    log(pids.length ? `kafka: stopped ${pids.join(', ')}` : 'kafka: no broker running on that data dir');
    return 0;
  }
  if (command === 'start') {
    const opts = parseArgs(rest);
    if (!opts.dataDir) throw new Error('--data-dir is required');
    const port = opts.port ? Number(opts.port) : 9092;
    const kafka = await startKafka({
      dataDir: opts.dataDir,
      port,
      controllerPort: opts.controllerPort ? Number(opts.controllerPort) : port + 1,
      logFile: opts.logFile,
      heapMb: opts.heapMb ? Number(opts.heapMb) : 512,
      log,
    });
    process.stdout.write(`KAFKA_BROKERS=${kafka.brokers}\n`);
    log(`kafka: running (pid ${kafka.pid}); Ctrl-C to stop`);
    let signalled = false;
    const onSignal = (sig) => {
      if (signalled) return;
      signalled = true;
      log(`kafka: ${sig}, stopping…`);
      kafka.stop().then(() => {
        log('kafka: stopped');
        process.exit(0);
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const res = await kafka.exited;
    if (!signalled) {
      log(`kafka: broker exited by itself (code ${res.code}, signal ${res.signal}); see ${kafka.logFile}`);
      return 1;
    }
    return new Promise(() => {}); // onSignal exits
  }
  process.stderr.write(`${USAGE}\n`);
  return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
}

module.exports = {
  ensureKafkaJars,
  startKafka,
  createTopics,
  stopStaleKafka,
  KAFKA_VERSION,
  kafkaLibDir,
};

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`kafka: ${err && err.message ? err.message : err}\n`);
      process.exit(1);
    },
  );
}
