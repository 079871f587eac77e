'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
let started;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function distinctFreePorts(n) {
  const ports = new Set();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** Real PostgreSQL + Kafka for this process tree; exported to workers through the environment. */
async function startOnce({ log = () => {} } = {}) {
  if (process.env.CLUB_TEST_DATABASE_URL && process.env.CLUB_TEST_KAFKA_BROKERS) return undefined;
  const dataDir = path.join(ROOT, 'tmp', `test-infra-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const { startPostgres } = require(path.join(ROOT, 'deploy/postgres/postgres.cjs'));
  const kafka = require(path.join(ROOT, 'deploy/kafka/kafka.cjs'));
  await kafka.ensureKafkaJars({ log });
  const ports = await distinctFreePorts(3);
  // A free port can be taken by someone else before the server binds it: retry with new ports.
  const withRetry = async (start) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await start(attempt === 1 ? ports : await distinctFreePorts(3), attempt);
      } catch (err) {
        if (attempt >= 3) throw err;
        log(`retrying after: ${err.message.split('\n')[0]}`);
      }
    }
  };
  const [pg, broker] = await Promise.all([
    withRetry((p, n) =>
      startPostgres({ dataDir: path.join(dataDir, `postgres-${n}`), port: p[0], logFile: path.join(dataDir, 'postgres.log'), fast: true, log }),
    ),
    withRetry((p, n) => kafka.startKafka({ dataDir: path.join(dataDir, `kafka-${n}`), port: p[1], controllerPort: p[2], log })),
  ]);
  process.env.CLUB_TEST_DATABASE_URL = pg.url;
  process.env.CLUB_TEST_KAFKA_BROKERS = broker.brokers;
  process.env.CLUB_TEST_DATA_DIR = dataDir;
  started = { pg, broker, dataDir };
  return started;
}

async function stopIfStarted() {
  if (!started) return;
  const { pg, broker, dataDir } = started;
  started = undefined;
  await Promise.allSettled([broker.stop(), pg.stop()]);
  if (!process.env.CLUB_KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  delete process.env.CLUB_TEST_DATABASE_URL;
  delete process.env.CLUB_TEST_KAFKA_BROKERS;
}

module.exports = { startOnce, stopIfStarted, freePort, ROOT };
