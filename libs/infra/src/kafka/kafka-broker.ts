import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { isPortFree } from '../util/port.util';
import { isProcessAlive, processCommandLine, readPidFile, sleep, tailFile, waitForExit } from '../util/process.util';
import { javaCommand } from './java.util';
import { advertisedPort, KafkaLayout, kafkaLayout, log4jProperties, serverProperties } from './kafka-config';
import { ensureKafkaJars } from './kafka-jars';

export interface StartKafkaOptions {
  /** Holds server.properties, the KRaft log dirs, the pid file and (by default) the logs. */
  dataDir: string;
  /** Client (PLAINTEXT) port on 127.0.0.1; default 9092. */
  port?: number;
  /** KRaft controller port on 127.0.0.1; default port + 1. */
  controllerPort?: number;
  /** Broker log file; default `<dataDir>/logs/server.log`. */
  logFile?: string;
  /** Jar folder; default as in ensureKafkaJars(). */
  libsDir?: string;
  /** How long to wait for the broker to answer; default 60 s. */
  timeoutMs?: number;
}

export interface KafkaHandle {
  brokers: string[];
  pid: number;
  /** True when a broker left running by a previous run was reused. */
  reused: boolean;
  stop(): Promise<void>;
}

export interface KafkaStatus {
  running: boolean;
  pid: number | null;
  brokers: string[];
  logFile: string;
}

const DEFAULT_PORT = 9092;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const JVM_OPTS = ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:+ExplicitGCInvokesConcurrent', '-Djava.awt.headless=true'];

/** The pid file may outlive its process, and the pid may be reused: only a live kafka.Kafka JVM counts. */
function livingBrokerPid(layout: KafkaLayout): number | null {
  const pid = readPidFile(layout.pidFile);
  if (pid === null || !isProcessAlive(pid)) return null;
  return processCommandLine(pid)?.includes('kafka.Kafka') ? pid : null;
}

function configuredPort(layout: KafkaLayout): number | null {
  return existsSync(layout.propertiesFile) ? advertisedPort(readFileSync(layout.propertiesFile, 'utf8')) : null;
}

/** One describeCluster() round trip; true when the broker answers with itself in the cluster. */
async function brokerAnswers(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'mdm-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A Kafka cluster id: 16 random bytes, base64url (22 chars), never starting with "-" (as Uuid.randomUuid). */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function runJava(args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(javaCommand(), args, { encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${err.message}\n${stdout}${stderr}`));
      else resolvePromise(stdout);
    });
  });
}

/** `kafka-storage.sh format`, once: KRaft refuses to start on an unformatted log dir. */
async function formatStorageOnce(layout: KafkaLayout, libsDir: string): Promise<void> {
  if (existsSync(join(layout.logDirs, 'meta.properties'))) return;
  const args = [
    `-Dlog4j.configuration=file:${layout.log4jFile}`,
    '-cp',
    join(libsDir, '*'),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    newClusterId(),
    '-c',
    layout.propertiesFile,
    '--ignore-formatted',
  ];
  try {
    await runJava(args);
  } catch (err) {
    throw new Error(`mdm: formatting the Kafka storage in ${layout.logDirs} failed: ${(err as Error).message}`);
  }
}

async function waitUntilReady(brokers: string[], pid: number, exited: () => boolean, layout: KafkaLayout, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited() || !isProcessAlive(pid)) {
      throw new Error(`mdm: the Kafka broker (pid ${pid}) exited during start-up. Last lines of ${layout.logFile}:\n${tailFile(layout.logFile)}`);
    }
    if (await brokerAnswers(brokers)) return;
    await sleep(300);
  }
  throw new Error(
    `mdm: the Kafka broker (pid ${pid}) did not answer on ${brokers.join(',')} within ${Math.round(timeoutMs / 1000)} s. ` +
      `Last lines of ${layout.logFile}:\n${tailFile(layout.logFile)}`,
  );
}

/**
 * Starts (or reuses) a single-node KRaft Apache Kafka 3.9.1 broker listening on 127.0.0.1 only.
 * The JVM is detached from this process: it survives the caller (`mdm kafka start`) until stopKafka()/handle.stop().
 */
export async function startKafka(opts: StartKafkaOptions): Promise<KafkaHandle> {
  const dataDir = resolve(opts.dataDir);
  const port = opts.port ?? DEFAULT_PORT;
  const controllerPort = opts.controllerPort ?? port + 1;
  const layout = kafkaLayout(dataDir, opts.logFile ? resolve(opts.logFile) : undefined);
  const brokers = [`127.0.0.1:${port}`];
  const timeoutMs = opts.timeoutMs ?? START_TIMEOUT_MS;
  const handle = (pid: number, reused: boolean): KafkaHandle => ({ brokers, pid, reused, stop: () => stopKafka(dataDir).then(() => undefined) });

  const running = livingBrokerPid(layout);
  if (running !== null) {
    const runningPort = configuredPort(layout);
    if (runningPort !== port) {
      throw new Error(`mdm: a Kafka broker (pid ${running}) already runs from ${dataDir} on port ${runningPort ?? '?'}; stop it first (mdm kafka stop) to use port ${port}.`);
    }
    // It may still be starting (another process launched it a moment ago): give it the usual time.
    await waitUntilReady(brokers, running, () => false, layout, timeoutMs);
    return handle(running, true);
  }
  rmSync(layout.pidFile, { force: true });

  for (const p of [port, controllerPort]) {
    if (!(await isPortFree(p))) throw new Error(`mdm: port ${p} on 127.0.0.1 is already in use; the Kafka broker needs it (choose other ports).`);
  }

  const libsDir = await ensureKafkaJars({ libsDir: opts.libsDir });
  mkdirSync(layout.logDirs, { recursive: true });
  mkdirSync(dirname(layout.logFile), { recursive: true });
  writeFileSync(layout.propertiesFile, serverProperties(layout, port, controllerPort));
  writeFileSync(layout.log4jFile, log4jProperties(layout.logFile));
  await formatStorageOnce(layout, libsDir);

  const out = openSync(layout.logFile, 'a');
  let exited = false;
  let pid: number;
  try {
    const child = spawn(
      javaCommand(),
      [
        ...JVM_OPTS,
        `-Dlog4j.configuration=file:${layout.log4jFile}`,
        `-Dkafka.logs.dir=${dirname(layout.logFile)}`,
        '-cp',
        join(libsDir, '*'),
        'kafka.Kafka',
        layout.propertiesFile,
      ],
      { cwd: dataDir, detached: true, stdio: ['ignore', out, out] },
    );
    child.once('exit', () => (exited = true));
    child.once('error', () => (exited = true));
    child.unref();
    if (child.pid === undefined) throw new Error(`mdm: could not spawn ${javaCommand()}`);
    pid = child.pid;
  } finally {
    closeSync(out);
  }
  writeFileSync(layout.pidFile, `${pid}\n`);

  try {
    await waitUntilReady(brokers, pid, () => exited, layout, timeoutMs);
  } catch (err) {
    await stopKafka(dataDir).catch(() => undefined);
    throw err;
  }
  return handle(pid, false);
}

/**
 * Stops the broker started from dataDir: SIGTERM (controlled shutdown), then SIGKILL after 20 s.
 * Returns true when a running broker was stopped. The pid file is removed in every case.
 */
export async function stopKafka(dataDir: string, timeoutMs: number = STOP_TIMEOUT_MS): Promise<boolean> {
  const layout = kafkaLayout(resolve(dataDir));
  const pid = livingBrokerPid(layout);
  try {
    if (pid === null) return false;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return !isProcessAlive(pid);
    }
    if (!(await waitForExit(pid, timeoutMs))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      if (!(await waitForExit(pid, 5000))) throw new Error(`mdm: the Kafka broker (pid ${pid}) survived SIGKILL`);
    }
    return true;
  } finally {
    rmSync(layout.pidFile, { force: true });
  }
}

/** Whether a broker started from dataDir is running (per its pid file), and where. Does not contact it. */
export function kafkaStatus(dataDir: string): KafkaStatus {
  const layout = kafkaLayout(resolve(dataDir));
  const pid = livingBrokerPid(layout);
  const port = configuredPort(layout);
  const logFile = existsSync(layout.log4jFile) ? (/^log4j\.appender\.file\.File=(.*)$/m.exec(readFileSync(layout.log4jFile, 'utf8'))?.[1] ?? layout.logFile) : layout.logFile;
  return { running: pid !== null, pid, brokers: pid !== null && port !== null ? [`127.0.0.1:${port}`] : [], logFile };
}
