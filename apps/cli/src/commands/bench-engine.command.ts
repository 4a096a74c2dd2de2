import { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { evaluateClusters, generateRows } from '@mdm/core';
import { createDatabaseIfMissing, dropDatabase, resolveDatabase, withDatabaseName } from '@mdm/infra';
import { createDataSource, runMigrations } from '@mdm/persistence';
import { loadRules, loadSettings } from '@mdm/settings';
import { InboundMessage } from '@mdm/messaging';
import { generatedRowMessage, generatedRowsIngest, generatedRowsReviewer } from '@mdm/engine/ingest/generated-rows';

interface EngineBenchOptions {
  records: string;
  seed: string;
  batch: string;
  keep?: boolean;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * `mdm bench engine`: generated records through the engine's ingest use case (standardization,
 * incremental matching against PostgreSQL, survivorship, outbox) in batches, as the Kafka consumer
 * hands them over, without the broker; then the near-name reviewer over what was stored (timed
 * apart), and the clusters the engine made, against the truth.
 */
export async function runEngineBench(options: EngineBenchOptions): Promise<Record<string, unknown>> {
  const records = Number(options.records);
  const batchSize = Number(options.batch);
  if (!Number.isInteger(records) || records < 1) throw new Error('--records must be a positive integer');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch must be a positive integer');
  const settings = loadSettings(process.env);
  const rules = loadRules(settings.MDM_CONFIG_DIR);
  const server = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
  const name = `mdm_bench_${randomBytes(4).toString('hex')}`;
  await createDatabaseIfMissing(server.url, name);
  const dataSource = createDataSource(withDatabaseName(server.url, name), { applicationName: 'mdm-bench' });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const ingest = generatedRowsIngest(dataSource, rules, 'bench.', settings.MDM_MAX_MESSAGE_BYTES);
    const truth = new Map<string, string>();
    const batchMs: number[] = [];
    let batch: InboundMessage[] = [];
    let offset = 0;
    const started = performance.now();
    const flush = async () => {
      const t = performance.now();
      await ingest.execute(batch);
      batchMs.push(performance.now() - t);
      batch = [];
    };
    for (const row of generateRows({ records, seed: Number(options.seed) })) {
      truth.set(row.record_id, row.entity_id);
      batch.push(generatedRowMessage(row, offset++));
      if (batch.length === batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    const seconds = (performance.now() - started) / 1000;
    // the near-name reviewer runs beside the ingest in the engine: here after it, timed on its own
    const reviewer = generatedRowsReviewer(dataSource, rules);
    const reviewStarted = performance.now();
    let reviewed = 0;
    for (let taken; (taken = await reviewer.reviewBatch()) > 0; ) reviewed += taken;
    const reviewSeconds = (performance.now() - reviewStarted) / 1000;

    const links: { source_id: string; golden_id: string; kind: string }[] = await dataSource.query(
      `SELECT x.source_id, x.golden_id, g.kind FROM xref x JOIN golden_record g ON g.id = x.golden_id`,
    );
    const evaluate = (of: typeof links) =>
      evaluateClusters(
        of.map((l) => l.golden_id),
        of.map((l) => truth.get(l.source_id)),
      );
    const metrics = evaluate(links);
    // persons and organizations never share a golden record: each kind's figures on its own
    const byKind = Object.fromEntries(
      [...new Set(links.map((l) => l.kind))].sort().map((kind) => {
        const m = evaluate(links.filter((l) => l.kind === kind));
        return [kind, { precision: round(m.precision), recall: round(m.recall), f1: round(m.f1) }];
      }),
    );
    const [{ golden, tasks, dead }] = await dataSource.query(
      `SELECT (SELECT count(*) FROM golden_record WHERE status = 'active')::int AS golden, (SELECT count(*) FROM steward_task WHERE status = 'open')::int AS tasks, (SELECT count(*) FROM dead_letter)::int AS dead`,
    );
    const sorted = [...batchMs].sort((a, b) => a - b);
    return {
      bench: 'engine',
      records,
      linked: links.length,
      deadLetters: dead,
      batchSize,
      seconds: round(seconds, 2),
      recordsPerSecond: Math.round(records / seconds),
      batchMsP50: Math.round(percentile(sorted, 50)),
      batchMsP99: Math.round(percentile(sorted, 99)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      nearNamesReviewed: reviewed,
      nearNameReviewSeconds: round(reviewSeconds, 2),
      nearNameReviewsPerSecond: reviewSeconds > 0 ? Math.round(reviewed / reviewSeconds) : null,
      goldenRecords: golden,
      openTasks: tasks,
      precision: round(metrics.precision),
      recall: round(metrics.recall),
      f1: round(metrics.f1),
      byKind,
    };
  } finally {
    await dataSource.destroy().catch(() => undefined);
    if (!options.keep) await dropDatabase(server.url, name).catch(() => undefined);
    await server.stop();
  }
}

export function registerEngineBench(bench: Command): void {
  bench
    .command('engine')
    .description("generated records through the engine's ingest path (incremental matching in PostgreSQL), without the broker: throughput and pairwise F1 of the clusters it made; one JSON line")
    .option('--records <N>', 'generated records', '5000')
    .option('--seed <n>', 'generator seed', '1')
    .option('--batch <n>', 'records per batch (one transaction each), as the Kafka consumer hands them over', '100')
    .option('--keep', 'keep the benchmark database')
    .action(async (options: EngineBenchOptions) => {
      console.log(JSON.stringify(await runEngineBench(options)));
    });
}
