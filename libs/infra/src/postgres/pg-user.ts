import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** The identity PostgreSQL runs under: undefined when we are not root (it runs as us). */
export interface RunAs {
  uid: number;
  gid: number;
  groups: number[];
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

function idOf(user: string, flag: '-u' | '-g' | '-G'): string {
  return execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/**
 * PostgreSQL refuses to run as root. As root, run it as the system user `postgres` (which must exist:
 * we do not create users on the machine). Not root: run as ourselves.
 */
export function postgresRunAs(user = 'postgres'): RunAs | undefined {
  if (!isRoot()) return undefined;
  try {
    return { uid: Number(idOf(user, '-u')), gid: Number(idOf(user, '-g')), groups: idOf(user, '-G').split(/\s+/).map(Number) };
  } catch {
    throw new Error(
      `mdm: running as root, and PostgreSQL refuses to run as root, but there is no "${user}" system user to run it as. ` +
        `Create one (useradd --system --user-group ${user}), run as a normal user, or set DATABASE_URL to an existing server.`,
    );
  }
}

function canTraverse(dir: string, who: RunAs): boolean {
  const st = statSync(dir);
  if (st.uid === who.uid) return (st.mode & 0o100) !== 0;
  if (st.gid === who.gid || who.groups.includes(st.gid)) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

/**
 * Creates dataDir, gives it to the PostgreSQL user and makes every ancestor traversable by it.
 * An ancestor that blocks it (typically a 0700 folder from mkdtemp, or /root) gets o+x only: search,
 * not listing. Returns the folders whose mode was changed.
 */
export function prepareDataDirFor(dataDir: string, who: RunAs | undefined): string[] {
  mkdirSync(dataDir, { recursive: true });
  if (!who) return [];
  chownSync(dataDir, who.uid, who.gid);
  chmodSync(dataDir, 0o700);
  return ensureTraversable(dirname(dataDir), who);
}

/** Gives o+x to `dir` and its ancestors where the PostgreSQL user could not pass; returns the folders changed. */
export function ensureTraversable(dir: string, who: RunAs | undefined): string[] {
  if (!who) return [];
  const changed: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    if (!canTraverse(d, who)) {
      chmodSync(d, statSync(d).mode | 0o001);
      changed.push(d);
    }
    if (dirname(d) === d) break;
  }
  return changed;
}
