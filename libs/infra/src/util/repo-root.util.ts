import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const MARKER = join('scripts', 'kafka', 'pom.xml');

function walkUp(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, MARKER))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The monorepo root: the nearest ancestor holding package.json and scripts/kafka/pom.xml.
 * Walking up (rather than a fixed "../../..") works both from source (libs/infra/src/util, ts-jest/swc)
 * and compiled (dist/libs/infra/src/util); the working directory is only a fallback.
 */
export function findRepoRoot(from: string = __dirname): string {
  const root = walkUp(from) ?? walkUp(process.cwd());
  if (!root) {
    throw new Error(`mdm: cannot find the repository root (a folder with package.json and ${MARKER}) above ${from} or ${process.cwd()}`);
  }
  return root;
}

/** Where the project keeps its local state (jars, broker and database data): `<repo root>/.mdm`, git-ignored. */
export function mdmHomeDir(): string {
  return process.env.MDM_HOME ? resolve(process.env.MDM_HOME) : join(findRepoRoot(), '.mdm');
}

export interface DefaultInfraPaths {
  home: string;
  kafkaLibs: string;
  kafkaData: string;
  postgresData: string;
}

/** Default locations used by the CLI; tests should use temporary folders instead. */
export function defaultInfraPaths(): DefaultInfraPaths {
  const home = mdmHomeDir();
  return {
    home,
    kafkaLibs: process.env.MDM_KAFKA_LIBS ? resolve(process.env.MDM_KAFKA_LIBS) : join(home, 'kafka-3.9.1', 'libs'),
    kafkaData: join(home, 'kafka-data'),
    postgresData: join(home, 'postgres'),
  };
}
