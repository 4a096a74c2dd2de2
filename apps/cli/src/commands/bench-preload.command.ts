import { Command } from 'commander';
import { join } from 'node:path';
import { generateRows } from '@mdm/core';
import { createDatabaseIfMissing, databaseExists, dropDatabase, resolveDatabase, withDatabaseName } from '@mdm/infra';
import { createDataSource, runMigrations } from '@mdm/persistence';
import { loadRules, loadSettings } from '@mdm/settings';
import { InboundMessage } from '@mdm/messaging';
import { generatedRowMessage, generatedRowsIngest } from '@mdm/engine/ingest/generated-rows';

interface PreloadOptions {
  records: string;
  of?: string;
  seed: string;
  batch: string;
  database: string;
}

/** What a preloaded database holds, read back by `mdm bench stream --preloaded`. */
export interface PreloadInfo {
  /** Generated rows stored (the first `records` of a generation of `of` rows). */
  records: number;
  of: number;
  seed: number;
}

const PRELOAD_TABLE = 'bench_preload';

export async function readPreloadInfo(query: (sql: string) => Promise<unknown[]>): Promise<PreloadInfo> {
  const rows = (await query(`SELECT records, "of", seed FROM ${PRELOAD_TABLE}`).catch(() => [])) as PreloadInfo[];
  if (rows.length !== 1) throw new Error(`the database was not made by mdm bench preload (no ${PRELOAD_TABLE} table)`);
  return { records: Number(rows[0].records), of: Number(rows[0].of), seed: Number(rows[0].seed) };
}

const positiveInt = (value: string, flag: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer`);
  return n;
};

/**
 * `mdm bench preload`: a database holding the golden records of the first N rows of a generation,
 * stored by the engine's own ingest use case in large batches (the near-name review search is left
 * out of the load: it only opens review tasks). `mdm bench stream --preloaded` copies it and streams
 * the rows that follow, so the stream meets a full customer base, as a production engine does.
 * Its events count as delivered (an initial load reaches downstream systems as a snapshot), and its
 * outbox rows as past their retention.
 */
export async function runPreload(options: PreloadOptions): Promise<Record<string, unknown>> {
  const records = positiveInt(options.records, '--records');
  const of = options.of === undefined ? records + 500_000 : positiveInt(options.of, '--of');
  if (of < records) throw new Error('--of must be at least --records');
  const batchSize = positiveInt(options.batch, '--batch');
  const seed = Number(options.seed);
  const settings = loadSettings(process.env);
  const loaded = loadRules(settings.MDM_CONFIG_DIR);
  const rules = { ...loaded, matching: { ...loaded.matching, trigramNeighbours: 0 } };
  const server = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
  try {
    if (await databaseExists(server.url, options.database)) throw new Error(`database ${options.database} exists already: drop it or choose another --database`);
    await createDatabaseIfMissing(server.url, options.database);
    let complete = false;
    // interrupted (Ctrl-C, a supervisor's stop), the load stops after the batches in hand and its
    // database is dropped: a load cut short is not a preloaded database
    let interrupted: NodeJS.Signals | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      interrupted = signal;
      process.stderr.write(`preload: ${signal}, stopping and dropping ${options.database}\n`);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const dataSource = createDataSource(withDatabaseName(server.url, options.database), { applicationName: 'mdm-bench-preload' });
    try {
      await dataSource.initialize();
      await runMigrations(dataSource);
      const ingest = generatedRowsIngest(dataSource, rules, 'bench.', settings.MDM_MAX_MESSAGE_BYTES);
      // the trigram indexes are built once at the end, as a bulk load does (the load does not search them)
      const indexes: { name: string; definition: string }[] = await dataSource.query(
        `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'record_name' AND indexdef LIKE '%gin_trgm_ops%'`,
      );
      for (const { name } of indexes) await dataSource.query(`DROP INDEX "${name}"`);
      const started = performance.now();
      let stored = 0;
      const store = async (batch: InboundMessage[]) => {
        if (interrupted) throw new Error(`interrupted by ${interrupted}`);
        // a deadlock between the two loaders is retried by the use case's transaction
        await ingest.execute(batch);
        const before = stored;
        stored += batch.length;
        if (Math.floor(stored / 50_000) > Math.floor(before / 50_000)) {
          process.stderr.write(`preload: ${stored} records, ${Math.round(stored / ((performance.now() - started) / 1000))} records/s\n`);
          // the planner's statistics follow the growing tables, as autovacuum would keep them
          await dataSource.query('ANALYZE');
        }
      };
      // two loaders, as two engine instances: each stores its half of the rows in order, so the
      // database can work for one while the other prepares and resolves. Their batches still share
      // frequent keys (common names, large companies' words) and often wait on each other's locks.
      const half = Math.ceil(records / 2);
      const load = async (from: number, to: number) => {
        const rows = generateRows({ records: of, seed });
        for (let i = 0; i < from; i++) rows.next();
        let batch: InboundMessage[] = [];
        for (let offset = from; offset < to; offset++) {
          const row = rows.next();
          if (row.done) break;
          batch.push(generatedRowMessage(row.value, offset));
          if (batch.length === batchSize) {
            await store(batch);
            batch = [];
          }
        }
        if (batch.length > 0) await store(batch);
      };
      await Promise.all([load(0, half), load(half, records)]);
      for (const { definition } of indexes) await dataSource.query(definition);
      const seconds = (performance.now() - started) / 1000;
      // the load's events and ERP requests count as delivered (a snapshot), and as past their
      // retention: a store in service holds only its last days of outbox (MDM_OUTBOX_RETENTION_HOURS).
      // The stream's are its own (the sequence goes on).
      await dataSource.query(`TRUNCATE outbox`);
      await dataSource.query(`CREATE TABLE ${PRELOAD_TABLE} (records integer NOT NULL, "of" integer NOT NULL, seed integer NOT NULL)`);
      await dataSource.query(`INSERT INTO ${PRELOAD_TABLE} VALUES ($1, $2, $3)`, [records, of, seed]);
      await dataSource.query('VACUUM ANALYZE');
      const [counts] = await dataSource.query(
        `SELECT (SELECT count(*) FROM golden_record WHERE status = 'active')::int AS golden, (SELECT count(*) FROM source_record)::int AS sources,
                (SELECT count(*) FROM steward_task WHERE status = 'open')::int AS tasks, pg_database_size(current_database()) AS bytes`,
      );
      complete = true;
      return {
        bench: 'preload',
        database: options.database,
        records,
        of,
        seed,
        batchSize,
        seconds: Math.round(seconds),
        recordsPerSecond: Math.round(records / seconds),
        sourceRecords: counts.sources,
        goldenRecords: counts.golden,
        openTasks: counts.tasks,
        databaseMb: Math.round(Number(counts.bytes) / 1024 / 1024),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      };
    } finally {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      await dataSource.destroy().catch(() => undefined);
      // a load cut short is not a preloaded database
      if (!complete) await dropDatabase(server.url, options.database).catch(() => undefined);
    }
  } finally {
    await server.stop();
  }
}

export function registerPreloadBench(bench: Command): void {
  bench
    .command('preload')
    .description("a database holding the golden records of N generated records, for mdm bench stream --preloaded; one JSON line")
    .option('--records <N>', 'generated records to store', '1000000')
    .option('--of <M>', 'size of the generation they are the first rows of (the stream takes the rows that follow); default N + 500,000')
    .option('--seed <n>', 'generator seed', '1')
    .option('--batch <n>', 'records per batch (stored in transactions of at most 3,000 locks)', '1000')
    .requiredOption('--database <name>', 'the database to create (it must not exist)')
    .action(async (options: PreloadOptions) => {
      console.log(JSON.stringify(await runPreload(options)));
    });
}
