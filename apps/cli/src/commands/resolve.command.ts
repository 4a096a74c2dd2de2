import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { loadModels, MatchRecord, ResolveResult, saveModels } from '@mdm/core';
import { truthLabel } from './evaluate.command';
import { InputRow, parseColumnMap, parseKind, parseStandardizer, readCsv, readInputs, Standardizer } from './resolve.input';
import { defaultThreads, KindsRun, prepareInParallel, resolveInParallel, resolveKindsInParallel } from './resolve.parallel';
import { writeClusters } from './resolve.output';

export interface ResolveCommandOptions {
  input: string[];
  id: string;
  map: string;
  kind?: string;
  kindColumn?: string;
  country?: string;
  out: string;
  model?: string;
  saveModel?: string;
  linkOnly?: boolean;
  notAMatch?: string;
  maxBlockSize?: string;
  standardizer?: string;
  truth?: string;
  truthPattern?: string;
  report?: string;
  threads?: string;
}

export interface ResolveRun {
  ids: string[];
  result: ResolveResult;
  seconds: number;
  /** Seconds per step of the command; `parts`: per kind, when each kind had a thread of its own. */
  steps: { read?: number; standardize?: number; resolve: number; write: number; parts?: KindsRun['parts'] };
}

/** Reads the inputs, resolves them in memory (on two threads when there are two cores) and writes the clusters file. */
export async function runResolve(options: ResolveCommandOptions): Promise<ResolveRun> {
  const started = performance.now();
  const standardizer = parseStandardizer(options.standardizer);
  const threads = options.threads ? Number(options.threads) : defaultThreads();
  const notAMatch = options.notAMatch ? readCsv(options.notAMatch).map((r) => Object.values(r).slice(0, 2) as [string, string]) : undefined;
  const resolveOptions = {
    models: options.model ? loadModels(options.model) : undefined,
    linkOnly: options.linkOnly,
    notAMatch,
    defaultCountry: (options.country ?? 'FR').toUpperCase(),
    maxBlockSize: options.maxBlockSize ? Number(options.maxBlockSize) : undefined,
  };
  const lap = stopwatch();
  let ids: string[];
  let result: ResolveResult;
  let steps: ResolveRun['steps'];
  if (options.kindColumn !== undefined) {
    // each kind read, standardized and resolved on a thread of its own
    const run = await resolveKindsInParallel(
      {
        files: options.input,
        idColumn: options.id,
        map: parseColumnMap(options.map),
        settings: { kind: parseKind(options.kind), kindColumn: options.kindColumn, country: (options.country ?? 'FR').toUpperCase(), standardizer },
        truthColumn: options.truth,
        truthPattern: options.truthPattern,
        options: resolveOptions,
        standardizer,
      },
      threads,
    );
    ({ ids, result } = run);
    steps = { resolve: lap(), write: 0, parts: run.parts };
  } else {
    const { records, truth } = await loadRecords(options, standardizer, threads);
    const loaded = lap();
    ids = records.map((r) => r.id);
    result = await resolveInParallel(records, { ...resolveOptions, truth }, standardizer, threads);
    steps = { read: loaded, resolve: lap(), write: 0 };
  }
  writeClusters(options.out, ids, result.clusterIds);
  if (options.saveModel) saveModels(result.models, options.saveModel);
  steps.write = lap();
  if (options.report)
    writeFileSync(
      options.report,
      `${JSON.stringify({ blocking: result.blocking, timings: result.timings, steps, sessions: result.sessions, training: Object.fromEntries(Object.entries(result.models).map(([k, m]) => [k, m.training])) }, null, 2)}\n`,
    );
  return { ids, result, seconds: (performance.now() - started) / 1000, steps };
}

function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = Math.round(now - last) / 1000;
    last = now;
    return seconds;
  };
}

/** Input rows → match records; the rows are released as they are standardized (a million rows weigh over a gigabyte). */
async function loadRecords(options: ResolveCommandOptions, standardizer: Standardizer, threads: number): Promise<{ records: MatchRecord[]; truth?: (string | undefined)[] }> {
  const map = parseColumnMap(options.map);
  const rows: (InputRow | undefined)[] = readInputs(options.input, options.id, [...map.map(([column]) => column), ...[options.kindColumn, options.truth].filter((c): c is string => c !== undefined)]);
  const pattern = options.truthPattern ? new RegExp(options.truthPattern) : undefined;
  const truth = options.truth ? rows.map((r) => truthLabel(r!.row[options.truth!], pattern)) : undefined;
  const records = await prepareInParallel(rows, map, { kind: parseKind(options.kind), kindColumn: options.kindColumn, country: (options.country ?? 'FR').toUpperCase(), standardizer }, threads);
  return { records, truth };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `mdm resolve`: batch deduplication / linkage of CSV files, in memory, no server. */
export function registerResolveCommand(program: Command): void {
  program
    .command('resolve')
    .description('match and cluster the records of CSV files in memory; writes record_id,cluster_id')
    .requiredOption('--input <file.csv>', 'input CSV with a header (repeat for several sources)', collect)
    .requiredOption('--id <column>', 'column holding the record id')
    .requiredOption('--map <column=attribute,...>', 'columns to canonical attributes, e.g. given_name=firstName,surname=lastName')
    .option('--kind <kind>', 'person or organization', 'person')
    .option('--kind-column <column>', 'a column giving each row\'s kind, for files mixing persons and organizations')
    .option('--country <ISO>', 'default country for phones and postal codes', 'FR')
    .requiredOption('--out <clusters.csv>', 'output file')
    .option('--model <model.json>', 'use trained models (mdm resolve --save-model) instead of training on the input')
    .option('--save-model <model.json>', 'save the trained models (one per kind)')
    .option('--standardizer <name>', 'library (the standardization library, default) or builtin (the matcher\'s own small normalization)', 'library')
    .option('--link-only', 'never pair two records of the same input (each input is already deduplicated)')
    .option('--not-a-match <pairs.csv>', 'CSV of record id pairs that must never be linked (first two columns)')
    .option('--max-block-size <n>', 'skip blocks larger than this (default 1000)')
    .option('--truth <column>', 'true entity column: the blocking report then gives the recall of true pairs')
    .option('--truth-pattern <regex>', 'take the first group this regex captures in the truth column')
    .option('--report <report.json>', 'write the blocking report (rules, comparisons, recall), timings and training summary')
    .option('--threads <n>', 'threads to use (default: 2 when there are 2 cores): with --kind-column, persons and organizations each read, standardized and resolved on a thread of their own; otherwise standardization in halves')
    .action(async (options: ResolveCommandOptions) => {
      const run = await runResolve(options);
      const { result } = run;
      for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
      if (result.blocking.recall !== undefined)
        process.stdout.write(`blocking: ${result.blocking.truePairsFound} of ${result.blocking.truePairs} true pairs among the candidates (recall ${result.blocking.recall.toFixed(4)})\n`);
      process.stdout.write(
        `${run.ids.length} records, ${result.comparisons} comparisons, ${result.links} links, ${result.reviews.length} to review, ` +
          `${result.clusters} clusters in ${run.seconds.toFixed(2)} s → ${options.out}\n`,
      );
    });
}
