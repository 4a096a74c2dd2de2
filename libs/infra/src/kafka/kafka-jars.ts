import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultInfraPaths, findRepoRoot } from '../util/repo-root.util';
import { assertJava } from './java.util';

export const KAFKA_VERSION = '3.9.1';
/** Its presence marks a complete jar folder (the folder is filled atomically). */
export const KAFKA_MARKER_JAR = `kafka_2.13-${KAFKA_VERSION}.jar`;

export interface EnsureKafkaJarsOptions {
  /** Jar folder; default `$MDM_KAFKA_LIBS` or `<repo root>/.mdm/kafka-3.9.1/libs`. */
  libsDir?: string;
  /** Maven executable; default `mvn`. */
  mvn?: string;
  /** Receives Maven's output lines (default: discarded, only shown on failure). */
  onLog?: (line: string) => void;
}

function hasJars(dir: string): boolean {
  return existsSync(join(dir, KAFKA_MARKER_JAR));
}

function runMaven(mvn: string, pom: string, outDir: string, onLog?: (line: string) => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(mvn, ['-q', '-B', '-f', pom, 'package', `-Dkafka.libs.dir=${outDir}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-8000);
      if (onLog) text.split('\n').filter(Boolean).forEach(onLog);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`mdm: "${mvn} package -f ${pom}" failed with exit code ${code}:\n${output}`));
    });
  });
}

/**
 * Makes sure the Apache Kafka broker jars are in the cache folder and returns that folder.
 * Maven runs only when the folder lacks kafka_2.13-3.9.1.jar; it copies into a private temporary folder
 * that is then renamed into place, so a concurrent or interrupted run never leaves a half-filled folder.
 */
export async function ensureKafkaJars(opts: EnsureKafkaJarsOptions = {}): Promise<string> {
  const libsDir = resolve(opts.libsDir ?? defaultInfraPaths().kafkaLibs);
  assertJava();
  if (hasJars(libsDir)) return libsDir;

  const mvn = opts.mvn ?? 'mvn';
  const probe = spawnSync(mvn, ['-v'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      `mdm: the Kafka broker jars are not in ${libsDir} and Maven ("${mvn}") is not available to fetch them ` +
        `(${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message}). Install Maven (apt-get install maven) ` +
        'or point MDM_KAFKA_LIBS at a folder holding the kafka_2.13-3.9.1 jars and their dependencies.',
    );
  }
  if (existsSync(libsDir) && readdirSync(libsDir).length > 0) {
    throw new Error(`mdm: ${libsDir} is not empty but holds no ${KAFKA_MARKER_JAR}; empty it or point MDM_KAFKA_LIBS elsewhere.`);
  }
  const pom = join(findRepoRoot(), 'scripts', 'kafka', 'pom.xml');
  mkdirSync(dirname(libsDir), { recursive: true });
  const staging = `${libsDir}.partial-${process.pid}-${Date.now()}`;
  try {
    await runMaven(mvn, pom, staging, opts.onLog);
    if (!hasJars(staging)) throw new Error(`mdm: Maven finished but ${KAFKA_MARKER_JAR} is not in ${staging}`);
    if (existsSync(libsDir) && !hasJars(libsDir)) rmdirSync(libsDir); // empty (checked above): rename cannot replace it otherwise
    try {
      renameSync(staging, libsDir);
    } catch (err) {
      // Another process won the race: its folder is complete, ours is redundant.
      if (!hasJars(libsDir)) throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return libsDir;
}
