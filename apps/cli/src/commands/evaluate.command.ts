import { Command } from 'commander';
import { ClusterMetrics, evaluateClusters } from '@mdm/core';
import { readCsv, readInputs } from './resolve.input';

export interface EvaluateCommandOptions {
  clusters: string;
  input: string[];
  id: string;
  truth: string;
  truthPattern?: string;
  json?: boolean;
}

/** The true entity of a row: the truth column, or the first group the pattern captures in it. */
export function truthLabel(value: string | undefined, pattern: RegExp | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!pattern) return value;
  const match = pattern.exec(value);
  return match ? (match[1] ?? match[0]) : value;
}

/** Joins the clusters file with the inputs' truth column on the record id and scores the clustering. */
export function runEvaluate(options: EvaluateCommandOptions): ClusterMetrics {
  const clusters = new Map<string, string>();
  for (const row of readCsv(options.clusters)) clusters.set(row.record_id, row.cluster_id);
  const pattern = options.truthPattern ? new RegExp(options.truthPattern) : undefined;
  const rows = readInputs(options.input, options.id, [options.truth]);
  if (rows.length > 0 && !(options.truth in rows[0].row)) throw new Error(`--truth: no column "${options.truth}"`);
  const predicted = rows.map((r) => clusters.get(r.id) ?? `\u0000unclustered:${r.id}`);
  const truth = rows.map((r) => truthLabel(r.row[options.truth], pattern));
  return evaluateClusters(predicted, truth);
}

export function formatMetrics(m: ClusterMetrics): string {
  const f = (x: number) => x.toFixed(4);
  return [
    `records            ${m.records}`,
    `true pairs         ${m.truePairs}`,
    `predicted pairs    ${m.predictedPairs}`,
    `correct pairs      ${m.truePositives}`,
    `pairwise precision ${f(m.precision)}`,
    `pairwise recall    ${f(m.recall)}`,
    `pairwise F1        ${f(m.f1)}`,
    `B-cubed P / R / F1 ${f(m.bcubedPrecision)} / ${f(m.bcubedRecall)} / ${f(m.bcubedF1)}`,
    `adjusted Rand      ${f(m.adjustedRand)}`,
  ].join('\n');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `mdm evaluate`: pairwise and cluster-level quality of a clusters file against a truth column. */
export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('compare a clusters file (record_id,cluster_id) with the true entities of the inputs')
    .requiredOption('--clusters <clusters.csv>', 'output of mdm resolve')
    .requiredOption('--input <file.csv>', 'the inputs given to mdm resolve (repeat)', collect)
    .requiredOption('--id <column>', 'record id column')
    .requiredOption('--truth <column>', 'column holding the true entity')
    .option('--truth-pattern <regex>', 'take the first group this regex captures in the truth column, e.g. "^rec-(\\d+)-"')
    .option('--json', 'print the metrics as one JSON line')
    .action((options: EvaluateCommandOptions) => {
      const metrics = runEvaluate(options);
      process.stdout.write(`${options.json ? JSON.stringify(metrics) : formatMetrics(metrics)}\n`);
    });
}
