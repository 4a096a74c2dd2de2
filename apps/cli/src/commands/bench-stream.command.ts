import { Command } from 'commander';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Admin, AssignerProtocol, Kafka, Partitioners, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { GENERATOR_SOURCES, checkInvariants, generateRows } from '@mdm/core';
import { createDatabaseFromTemplate, createDatabaseIfMissing, databaseExists, dropDatabase, findFreePort, resolveDatabase, startKafka, withDatabaseName } from '@mdm/infra';
import { consumerLag } from '@mdm/messaging';
import { loadRules, loadSettings } from '@mdm/settings';
import { observeEngine, watermarkOf } from '@mdm/verification';
import { PreloadInfo, readPreloadInfo } from './bench-preload.command';
import { generatedRowPayload, generatedTopic, writeGeneratedConfig } from '@mdm/engine/ingest/generated-rows';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const ENGINE_MAIN = join(ROOT, 'dist', 'apps', 'engine', 'src', 'main.js');
const MDM = join(ROOT, 'bin', 'mdm.js');

interface StreamBenchOptions {
  records: string;
  rate: string;
  minutes?: string;
  killEvery?: string;
  seed: string;
  partitions: string;
  keep?: boolean;
  engineLog?: string;
  engineLogLevel?: string;
  preloaded?: string;
  engineCpuProf?: string;
}

/** Latency is also given for the records produced after this long, once the engine is warm. */
const WARM_UP_MS = 5000;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const positiveInt = (value: string, flag: string, min = 1) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer of at least ${min}`);
  return n;
};

/** Peak resident memory of a process so far (Linux), in MB. */
function peakRssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process now (Linux), in MB. */
function currentRssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : null;
  } catch {
    return null;
  }
}

/** The engine's connections to its database (the benchmark's own probes aside). */
async function connectionsOf(databaseUrl: string, database: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'mdm-bench-probe' });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name <> 'mdm-bench-probe'`, [database]);
    return rows[0].n as number;
  } catch {
    return -1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function run(args: string[], env: Record<string, string>, logFile?: string, stdin: 'ignore' | 'pipe' = 'ignore'): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: [stdin, 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    output += chunk;
    if (logFile) appendFileSync(logFile, chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/**
 * `mdm bench stream`: the whole path on this machine. A separate process produces generated records
 * to the source topics (at a fixed rate or as fast as it can); the engine, in its own process,
 * consumes, resolves and publishes; this process reads the source and golden-event topics as a
 * downstream system would and measures end-to-end throughput, latency from source append to golden
 * event, the engine's peak memory, and finally checks the invariants.
 */
export async function runStreamBench(options: StreamBenchOptions): Promise<Record<string, unknown>> {
  const rate = positiveInt(options.rate, '--rate', 0);
  const minutes = options.minutes === undefined ? null : positiveInt(options.minutes, '--minutes');
  if (minutes !== null && rate === 0) throw new Error('--minutes needs a --rate');
  const killEvery = options.killEvery === undefined ? null : positiveInt(options.killEvery, '--kill-every');
  // a timed run produces for its whole duration at the rate
  const records = minutes !== null ? rate * minutes * 60 : positiveInt(options.records, '--records');
  const partitions = positiveInt(options.partitions, '--partitions');
  if (!existsSync(ENGINE_MAIN)) throw new Error(`${ENGINE_MAIN} is missing: run npm run build first`);
  const settings = loadSettings(process.env);
  const port = Number(settings.MDM_KAFKA_BROKERS.split(',')[0].split(':')[1]);
  const kafkaServer = await startKafka({ dataDir: join(settings.MDM_HOME, 'kafka'), port });
  const server = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
  const id = randomBytes(4).toString('hex');
  const database = `mdm_bench_${id}`;
  // preloaded: a copy of a database made by mdm bench preload; the stream takes the rows that follow its own
  let preload: (PreloadInfo & { goldenRecords: number }) | null = null;
  if (options.preloaded !== undefined) {
    if (!(await databaseExists(server.url, options.preloaded))) throw new Error(`--preloaded: database ${options.preloaded} does not exist (make it with mdm bench preload)`);
    const templateUrl = withDatabaseName(server.url, options.preloaded);
    const client = new Client({ connectionString: templateUrl });
    await client.connect();
    const info = await readPreloadInfo(async (sql) => (await client.query(sql)).rows).finally(() => client.end());
    preload = { ...info, goldenRecords: await countActiveGolden(templateUrl) };
    if (records > preload.of - preload.records) throw new Error(`--preloaded: ${options.preloaded} leaves ${preload.of - preload.records} generated rows to stream (mdm bench preload --of)`);
    await createDatabaseFromTemplate(server.url, database, options.preloaded);
  } else {
    await createDatabaseIfMissing(server.url, database);
  }
  const databaseUrl = withDatabaseName(server.url, database);
  const watermark = preload ? await watermarkOf(databaseUrl) : undefined;
  const prefix = `bench${id}.`;
  const configDir = writeGeneratedConfig(settings.MDM_CONFIG_DIR);
  const brokers = kafkaServer.brokers.join(',');
  // kafkajs logs the broker's transient answers (coordinator loading) as errors; real failures throw
  const kafka = new Kafka({ clientId: 'mdm-bench', brokers: kafkaServer.brokers, logLevel: logLevel.NOTHING });
  const sourceTopics = GENERATOR_SOURCES.map((s) => prefix + generatedTopic(s));
  const eventsTopic = `${prefix}mdm.golden.events`;
  const group = `${prefix}engine`;

  const engineEnv = {
    MDM_ROLES: 'engine',
    MDM_KAFKA_BROKERS: brokers,
    DATABASE_URL: databaseUrl,
    MDM_TOPIC_PREFIX: prefix,
    MDM_CONSUMER_GROUP: group,
    MDM_CONFIG_DIR: configDir,
    MDM_TOPIC_PARTITIONS: String(partitions),
    MDM_CONSUMER_SESSION_TIMEOUT_MS: '10000',
    MDM_HTTP_PORT: String(await findFreePort()),
    MDM_LOG_LEVEL: options.engineLogLevel ?? 'warn',
  };
  const note = (line: string) => {
    if (options.engineLog) appendFileSync(options.engineLog, `--- ${new Date().toISOString()} ${line}\n`);
  };
  // a supervisor: an engine that exits or is killed is started again until the end of the run
  // a CPU profile of each engine process that stops normally, for the figures of docs/benchmarks.md
  const engineArgs = options.engineCpuProf ? ['--cpu-prof', `--cpu-prof-dir=${options.engineCpuProf}`, ENGINE_MAIN] : [ENGINE_MAIN];
  let engine = run(engineArgs, engineEnv, options.engineLog);
  note(`engine started (pid ${engine.child.pid})`);
  let supervising = true;
  let restarts = 0;
  const supervise = (current: typeof engine) =>
    void current.exited.then((code) => {
      if (!supervising) return;
      restarts++;
      note(`engine exited (code ${code}), restarting`);
      engine = run(engineArgs, engineEnv, options.engineLog);
      note(`engine started (pid ${engine.child.pid})`);
      supervise(engine);
    });
  supervise(engine);
  const admin = kafka.admin();
  await admin.connect();
  const reader = kafka.consumer({ groupId: `mdm-bench-reader-${id}` });
  try {
    // the engine creates the topics when it starts
    const deadline = Date.now() + 120000;
    while ((await admin.listTopics()).filter((t) => sourceTopics.includes(t) || t === eventsTopic).length < sourceTopics.length + 1) {
      if (restarts > 0) throw new Error(`the engine exited: ${engine.output()}`);
      if (Date.now() > deadline) throw new Error('the engine did not create its topics in 120 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // the reader: when each record was appended to its source topic, and when its first golden event was
    const appended = new Map<string, number>();
    const firstEvent = new Map<string, number>();
    let events = 0;
    await reader.connect();
    await reader.subscribe({ topics: [...sourceTopics, eventsTopic], fromBeginning: true });
    await reader.run({
      eachMessage: async ({ topic, message }) => {
        const at = Number(message.timestamp);
        if (topic === eventsTopic) {
          events++;
          const cause = (JSON.parse(message.value!.toString('utf8')) as { cause?: { source?: string; sourceId?: string } }).cause;
          if (cause?.source && cause.sourceId) {
            const key = `${cause.source}:${cause.sourceId}`;
            if (!firstEvent.has(key)) firstEvent.set(key, at);
          }
        } else if (message.key) {
          const key = `${topic.slice(prefix.length + 'gen.'.length)}:${message.key.toString('utf8')}`;
          if (!appended.has(key)) appended.set(key, at);
        }
      },
    });

    // the engine is consuming: its group has a member with partitions (the clock starts with the first record produced)
    await groupAssigned(admin, group, 'the engine', () => (restarts > 0 ? engine.output() : null));

    // the producer starts, connects and reaches its first row before the clock does, and the reader
    // has its partitions: the sources and the downstream system are running when the records come,
    // as in production, and their own start does not share the two cores with the first records
    const generation = preload ? ['--seed', String(preload.seed), '--skip', String(preload.records), '--of', String(preload.of)] : ['--seed', options.seed];
    const producer = run([MDM, 'bench', 'stream-producer', '--brokers', brokers, '--prefix', prefix, '--records', String(records), '--rate', String(rate), ...generation], {}, undefined, 'pipe');
    await producerReady(producer);
    await groupAssigned(admin, `mdm-bench-reader-${id}`, 'the reader', () => null);
    await new Promise((resolve) => setTimeout(resolve, PRODUCER_SETTLE_MS));
    producer.child.stdin!.end('go\n');
    // every 5 s: the engine's memory, its database connections and the consumer lag, for the soak figures
    let peakMb = 0;
    const samples: { at: number; rssMb: number | null; connections: number; lag: number }[] = [];
    const sampler = setInterval(() => {
      const rssMb = currentRssMb(engine.child.pid!);
      peakMb = Math.max(peakMb, peakRssMb(engine.child.pid!) ?? 0);
      void Promise.all([connectionsOf(databaseUrl, database), consumerLag(admin, group, sourceTopics).catch(() => -1)]).then(([connections, lag]) =>
        samples.push({ at: Date.now(), rssMb, connections, lag }),
      );
    }, 5000);
    // faults on a schedule: the engine killed with SIGKILL, the supervisor restarts it
    let kills = 0;
    // per kill: how long until the group committed offsets again (the restarted engine stored a batch)
    const resumes: { killedAt: number; resumedAt: number | null }[] = [];
    const killer =
      killEvery === null
        ? null
        : setInterval(() => {
            kills++;
            engine.child.kill('SIGKILL');
            note(`engine killed (pid ${engine.child.pid})`);
            resumes.push({ killedAt: Date.now(), resumedAt: null });
          }, killEvery * 1000);
    let watching = true;
    const watchCommits = (async () => {
      // the baseline is read a second after the kill: a commit the killed engine had in flight is in by then
      let baseline = null as { killedAt: number; committed: number } | null;
      for (;;) {
        // one more look once the run has settled: the last kill may have resumed since the last one
        const last = !watching;
        const open = resumes.at(-1);
        const polledAt = Date.now();
        const committed = await committedTotal(admin, group, sourceTopics).catch(() => -1);
        if (open && open.resumedAt === null && committed >= 0 && polledAt >= open.killedAt + 1000) {
          if (baseline?.killedAt !== open.killedAt) baseline = { killedAt: open.killedAt, committed };
          else if (committed > baseline.committed) {
            open.resumedAt = Date.now();
            note(`group committed again ${((open.resumedAt - open.killedAt) / 1000).toFixed(1)} s after the kill`);
          }
        }
        if (last) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    const producerCode = await producer.exited;
    if (killer) clearInterval(killer);
    if (producerCode !== 0) throw new Error(`the producer failed: ${producer.output()}`);
    const produced = JSON.parse(producer.output().trim().split('\n').pop()!) as { records: number; seconds: number; firstAt: number };

    // settled: every message handled and committed, every change published
    let settledAt = 0;
    const until = Date.now() + 3600000;
    while (Date.now() < until) {
      const lag = await consumerLag(admin, group, sourceTopics).catch(() => -1);
      if (lag === 0) {
        const probe = await observePending(databaseUrl);
        if (probe === 0) {
          settledAt = Date.now();
          break;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // the near-name reviewer works after the commits: how far behind it was, and when it was done
    const nearNamesPendingAtSettle = await observePending(databaseUrl, 'near-names');
    let nearNamesDrainedAfterSeconds: number | null = null;
    while (Date.now() < until) {
      if ((await observePending(databaseUrl, 'near-names')) === 0) {
        nearNamesDrainedAfterSeconds = Math.round((Date.now() - settledAt) / 100) / 10;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    clearInterval(sampler);
    watching = false;
    await watchCommits;
    // the state once settled: lag back to zero, memory and connections after the run
    samples.push({ at: Date.now(), rssMb: currentRssMb(engine.child.pid!), connections: await connectionsOf(databaseUrl, database), lag: await consumerLag(admin, group, sourceTopics).catch(() => -1) });
    peakMb = Math.max(peakMb, peakRssMb(engine.child.pid!) ?? 0);
    // let the reader catch up with the last events
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await reader.stop();

    const latencies = [...firstEvent].map(([key, at]) => at - (appended.get(key) ?? at)).filter((ms) => ms >= 0).sort((a, b) => a - b);
    // the same for the records produced after the first seconds: the engine's steady state, without
    // the start of a fresh process (code not yet optimised by V8, connections being opened)
    const steady = [...firstEvent]
      .filter(([key]) => (appended.get(key) ?? 0) >= produced.firstAt + WARM_UP_MS)
      .map(([key, at]) => at - appended.get(key)!)
      .filter((ms) => ms >= 0)
      .sort((a, b) => a - b);
    // per second of production over those first seconds: the median and the highest latency
    const firstSeconds = Array.from({ length: WARM_UP_MS / 1000 }, (_, second) => {
      const inSecond = [...firstEvent]
        .filter(([key]) => {
          const at = appended.get(key);
          return at !== undefined && at >= produced.firstAt + second * 1000 && at < produced.firstAt + (second + 1) * 1000;
        })
        .map(([key, at]) => at - appended.get(key)!)
        .filter((ms) => ms >= 0)
        .sort((a, b) => a - b);
      return inSecond.length > 0 ? [percentile(inSecond, 50), inSecond[inSecond.length - 1]] : null;
    });
    const seconds = (settledAt - produced.firstAt) / 1000;
    const rules = loadRules(configDir);
    const state = await observeEngine({
      kafka,
      databaseUrl,
      mappings: rules.mappings.map((m) => ({ ...m, topic: prefix + m.topic })),
      topics: { deadLetters: `${prefix}mdm.dlq`, goldenEvents: eventsTopic },
      maxMessageBytes: settings.MDM_MAX_MESSAGE_BYTES,
      since: watermark,
    });
    const invariants = checkInvariants(state);
    // preloaded, the check sees the golden records the run touched; the total is counted apart
    const goldenRecords = preload ? await countActiveGolden(databaseUrl) : invariants.counts.goldenRecords;
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const average = (xs: (number | null)[]) => Math.round(xs.filter((x): x is number => x !== null).reduce((a, b) => a + b, 0) / Math.max(1, xs.filter((x) => x !== null).length));
    const soak =
      minutes === null
        ? {}
        : {
            minutes,
            kills,
            restarts,
            lagAtEnd: samples.at(-1)?.lag ?? null,
            lagMax: Math.max(...samples.map((x) => x.lag)),
            rssMbFirstQuarter: average(samples.slice(0, quarter).map((x) => x.rssMb)),
            rssMbLastQuarter: average(samples.slice(-quarter).map((x) => x.rssMb)),
            // the least RSS of each sixth of the run: what the process keeps after its collections; a leak raises it
            rssMbLeastPerSixth: sixths(samples).map((part) => Math.min(...part.map((x) => x.rssMb ?? Infinity))),
            connectionsMin: Math.min(...samples.map((x) => x.connections)),
            connectionsMax: Math.max(...samples.map((x) => x.connections)),
            resumeSeconds: resumes.map((r) => (r.resumedAt === null ? null : Math.round((r.resumedAt - r.killedAt) / 100) / 10)),
          };
    return {
      bench: minutes === null ? 'stream' : 'soak',
      ...soak,
      ...(preload ? { preloadedGoldenRecords: preload.goldenRecords, preloadedSourceRecords: preload.records } : {}),
      records,
      targetRate: rate || 'unlimited',
      partitions,
      producedPerSecond: Math.round(produced.records / produced.seconds),
      seconds: Math.round(seconds * 10) / 10,
      recordsPerSecond: Math.round(records / seconds),
      goldenEvents: events,
      recordsWithEvent: latencies.length,
      latencyMsP50: percentile(latencies, 50),
      latencyMsP95: percentile(latencies, 95),
      latencyMsP99: percentile(latencies, 99),
      // none when every record was produced within the warm-up (a run as fast as possible)
      afterWarmUpLatencyMsP50: steady.length > 0 ? percentile(steady, 50) : null,
      afterWarmUpLatencyMsP95: steady.length > 0 ? percentile(steady, 95) : null,
      afterWarmUpLatencyMsP99: steady.length > 0 ? percentile(steady, 99) : null,
      firstSecondsLatencyMsP50AndMax: firstSeconds,
      enginePeakRssMb: peakMb,
      goldenRecords,
      ...(preload ? { goldenRecordsTouched: invariants.counts.goldenRecords } : {}),
      nearNamesPendingAtSettle,
      nearNamesDrainedAfterSeconds,
      invariantsHold: invariants.ok,
      violations: invariants.violations.length,
    };
  } finally {
    await reader.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    supervising = false;
    engine.child.kill('SIGTERM');
    await engine.exited;
    if (!options.keep) await dropDatabase(server.url, database).catch(() => undefined);
    await server.stop();
  }
}

/** The samples cut into six consecutive parts of equal length (the last one takes the remainder). */
function sixths<T>(samples: T[]): T[][] {
  const size = Math.max(1, Math.floor(samples.length / 6));
  return Array.from({ length: 6 }, (_, i) => samples.slice(i * size, i === 5 ? samples.length : (i + 1) * size)).filter((part) => part.length > 0);
}

/** The offsets the group committed, summed over the partitions of `topics`. */
async function committedTotal(admin: Admin, groupId: string, topics: string[]): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  let total = 0;
  for (const { partitions } of committed) for (const { offset } of partitions) if (offset !== '-1') total += Number(offset);
  return total;
}

async function countActiveGolden(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM golden_record WHERE status = 'active'`);
    return rows[0].n as number;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Rows the engine has still to handle: unpublished outbox rows, or records waiting for the near-name reviewer. */
async function observePending(databaseUrl: string, what: 'outbox' | 'near-names' = 'outbox'): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query(what === 'outbox' ? `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL` : `SELECT count(*)::int AS n FROM near_name_queue`);
    return rows[0].n as number;
  } catch {
    return -1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The producer side of `mdm bench stream`, in a process of its own: generated rows at a fixed rate. */
async function produceStream(options: { brokers: string; prefix: string; records: string; rate: string; seed: string; skip: string; of?: string }): Promise<void> {
  const records = positiveInt(options.records, '--records');
  const skip = positiveInt(options.skip, '--skip', 0);
  const of = options.of === undefined ? records + skip : positiveInt(options.of, '--of');
  const rate = positiveInt(options.rate, '--rate', 0);
  const kafka = new Kafka({ clientId: 'mdm-bench-producer', brokers: options.brokers.split(','), logLevel: logLevel.ERROR });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  const rows = generateRows({ records: of, seed: Number(options.seed) });
  // the rows a preloaded database holds already
  for (let i = 0; i < skip; i++) rows.next();
  // ready; the clock starts when the benchmark says so
  process.stdout.write(`${READY_LINE}\n`);
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => resolve());
    process.stdin.once('end', () => resolve());
  });
  const started = Date.now();
  let sent = 0;
  let batch: { topic: string; key: string; value: string }[] = [];
  const chunk = rate > 0 ? Math.max(1, Math.round(rate / 20)) : 500; // at a fixed rate, 20 sends a second
  const flush = async () => {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const m of batch) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), { key: m.key, value: m.value }]);
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    sent += batch.length;
    batch = [];
    if (rate > 0) {
      const due = started + (sent / rate) * 1000;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
  };
  for (const row of rows) {
    if (sent + batch.length === records) break;
    batch.push({ topic: options.prefix + generatedTopic(row.source), key: row.record_id, value: JSON.stringify(generatedRowPayload(row)) });
    if (batch.length === chunk) await flush();
  }
  if (batch.length > 0) await flush();
  await producer.disconnect();
  process.stdout.write(`${JSON.stringify({ records: sent, seconds: (Date.now() - started) / 1000, firstAt: started })}\n`);
}

/** How long the producer, once ready, is left before it is told to start: its process's start is over. */
const PRODUCER_SETTLE_MS = 1000;

/** Waits until the producer process says it is ready (connected, at its first row), for at most 10 minutes. */
async function producerReady(producer: ReturnType<typeof run>): Promise<void> {
  const deadline = Date.now() + 600000;
  let exited = false;
  void producer.exited.then(() => (exited = true));
  while (!producer.output().includes(READY_LINE)) {
    if (exited) throw new Error(`the producer failed: ${producer.output()}`);
    if (Date.now() > deadline) throw new Error('the producer was not ready after 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const READY_LINE = '{"ready":true}';

/** Waits until the consumer group is stable with its partitions assigned, for at most 120 s. */
async function groupAssigned(admin: Admin, group: string, who: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + 120000;
  for (;;) {
    const [described] = (await admin.describeGroups([group])).groups;
    const assigned = (described?.members ?? []).some((m) => {
      const decoded = m.memberAssignment.length > 0 ? AssignerProtocol.MemberAssignment.decode(m.memberAssignment) : null;
      return Object.values(decoded?.assignment ?? {}).some((partitions) => partitions.length > 0);
    });
    if (described?.state === 'Stable' && assigned) return;
    const output = exited();
    if (output !== null) throw new Error(`${who} exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`the consumer group of ${who} (${group}) had no partitions after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function registerStreamBench(bench: Command): void {
  bench
    .command('stream')
    .description('end to end on this machine: a producer process, the engine process, a reader of the golden events; throughput, latency from source append to golden event, peak memory and the invariant check; one JSON line')
    .option('--records <N>', 'generated records to produce', '20000')
    .option('--rate <R>', 'records per second to produce; 0 for as fast as possible', '0')
    .option('--seed <n>', 'generator seed', '1')
    .option('--partitions <n>', 'partitions of each source topic', '3')
    .option('--minutes <m>', 'a soak run: produce at --rate for this long (instead of --records), sampling lag, memory and connections')
    .option('--kill-every <s>', 'kill the engine with SIGKILL every s seconds while producing; it is restarted, as by a supervisor')
    .option('--keep', 'keep the benchmark database')
    .option('--engine-log <file>', "append the engine's output to this file, with the supervisor's starts, kills and resumes")
    .option('--engine-log-level <level>', "the engine's MDM_LOG_LEVEL", 'warn')
    .option('--engine-cpu-prof <dir>', "write a V8 CPU profile of the engine (node --cpu-prof) into this folder when it stops")
    .option('--preloaded <database>', 'start from a copy of this database, made by mdm bench preload, and stream the generated rows that follow its own')
    .action(async (options: StreamBenchOptions) => {
      console.log(JSON.stringify(await runStreamBench(options)));
    });
  bench
    .command('stream-producer', { hidden: true })
    .requiredOption('--brokers <list>')
    .requiredOption('--prefix <prefix>')
    .requiredOption('--records <N>')
    .option('--rate <R>', '', '0')
    .option('--seed <n>', '', '1')
    .option('--skip <n>', 'rows of the generation not produced (a preloaded database holds them)', '0')
    .option('--of <n>', 'rows in the generation (default: --records + --skip)')
    .action(produceStream);
}
