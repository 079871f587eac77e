/**
 * Go-built tools in the per-user cache, as deploy/scripts/helm-check.sh's `go_tool` does: each
 * `<name>-<version>` is built once with `go install <pkg>@<version>` into a temporary directory
 * beside the cache entry (GOBIN there, run outside any Go module, -trimpath) and renamed into
 * place only when complete, so an interrupted build never leaves a half entry (a temporary
 * directory left by a hard kill is swept by a later call after three hours).
 *
 *   node -r @swc-node/register deploy/scripts/go-tool.ts k6 v1.8.1 go.k6.io/k6   # prints the binary's path
 *
 * Cache: ${XDG_CACHE_HOME:-~/.cache}/customer-club/tools/<name>-<version>/<name>.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function toolCache(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'customer-club', 'tools');
}

const executable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** The cached binary of `pkg@version`, built first if missing. Throws when Go is missing or the build fails. */
export function ensureGoTool(name: string, version: string, pkg: string, log: (m: string) => void = () => undefined, extraArgs: string[] = []): string {
  const cache = toolCache();
  const dir = join(cache, `${name}-${version}`);
  const tool = join(dir, name);
  if (executable(tool)) return tool;
  if (!hasCommand('go')) throw new Error(`go is needed to build ${name} ${version} (Go toolchain not on PATH)`);
  mkdirSync(cache, { recursive: true });
  const stale = Date.now() - 3 * 3600_000;
  for (const entry of readdirSync(cache)) {
    if (!entry.startsWith(`.${name}-${version}.`)) continue;
    const p = join(cache, entry);
    if (statSync(p).mtimeMs < stale) rmSync(p, { recursive: true, force: true });
  }
  log(`building ${name} ${version} once into cache ${dir} (a few minutes on 2 cores) …`);
  const started = Date.now();
  const tmp = mkdtempSync(join(cache, `.${name}-${version}.`));
  const cleanup = (): void => rmSync(tmp, { recursive: true, force: true });
  process.once('exit', cleanup);
  try {
    // Run outside any Go module so the repository's own files cannot influence the build.
    const r = spawnSync('go', ['install', ...extraArgs, `${pkg}@${version}`], {
      cwd: tmp,
      stdio: 'inherit',
      env: { ...process.env, GOBIN: tmp, GOFLAGS: `${process.env.GOFLAGS ?? ''} -trimpath`.trim() },
    });
    if (r.status !== 0) throw new Error(`building ${name} ${version} failed (go install exited ${r.status ?? r.signal})`);
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(tmp, dir);
    } catch (err) {
      if (!executable(tool)) throw err; // another build won the race: use it
    }
  } finally {
    cleanup();
    process.removeListener('exit', cleanup);
  }
  if (!executable(tool)) throw new Error(`${name} was not built into ${dir}`);
  log(`built ${name} ${version} in ${Math.round((Date.now() - started) / 1000)} s`);
  return tool;
}

if (require.main === module) {
  const [name, version, pkg] = process.argv.slice(2);
  if (!name || !version || !pkg) {
    process.stderr.write('usage: go-tool.ts <name> <version> <package>\n');
    process.exit(2);
  }
  try {
    process.stdout.write(`${ensureGoTool(name, version, pkg, (m) => process.stderr.write(`${m}\n`))}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
