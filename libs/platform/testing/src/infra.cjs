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

/** Real PostgreSQL + Kafka for this process tree; exported to workers through the environment. */
async function startOnce({ log = () => {} } = {}) {
  if (process.env.CLUB_TEST_DATABASE_URL && process.env.CLUB_TEST_KAFKA_BROKERS) return undefined;
  const dataDir = path.join(ROOT, 'tmp', `test-infra-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const { startPostgres } = require(path.join(ROOT, 'deploy/postgres/postgres.cjs'));
  const kafka = require(path.join(ROOT, 'deploy/kafka/kafka.cjs'));
  const [pgPort, kafkaPort] = [await freePort(), await freePort()];
  await kafka.ensureKafkaJars({ log });
  const [pg, broker] = await Promise.all([
    startPostgres({ dataDir: path.join(dataDir, 'postgres'), port: pgPort, logFile: path.join(dataDir, 'postgres.log'), fast: true, log }),
    kafka.startKafka({ dataDir: path.join(dataDir, 'kafka'), port: kafkaPort, controllerPort: await freePort(), log }),
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
