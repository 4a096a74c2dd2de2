import { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BENCH_DATASETS, BenchDataset, DEFAULT_BENCH } from './bench.datasets';
import { registerEngineBench } from './bench-engine.command';
import { registerPreloadBench } from './bench-preload.command';
import { registerStreamBench } from './bench-stream.command';
import { runEvaluate } from './evaluate.command';
import { writeGeneratedCsv } from './generate.command';
import { runResolve } from './resolve.command';

export interface BenchResult {
  dataset: string;
  records: number;
  seconds: number;
  peakRssMb: number;
  comparisons: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The repository root: the first folder above this file (else above the working directory) holding package.json and apps/. */
function repositoryRoot(): string {
  for (let dir of [__dirname, process.cwd()]) {
    while (dirname(dir) !== dir) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps'))) return dir;
      dir = dirname(dir);
    }
  }
  return process.cwd();
}

export const DEFAULT_DATASETS_DIR = () => resolve(repositoryRoot(), '..', 'shared', 'datasets');

/**
 * Resolves then evaluates one dataset in this process, with the default configuration (the time
 * and memory are those of `mdm resolve`: reading, standardizing, matching, writing; a generated
 * dataset is written first, outside the measure).
 */
export async function benchDataset(dataset: BenchDataset, root: string): Promise<BenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'mdm-bench-'));
  try {
    const inputs = dataset.inputs.map((f) => join(dataset.generate ? work : root, f));
    if (dataset.generate) await writeGeneratedCsv({ records: dataset.generate.records, seed: dataset.generate.seed }, inputs[0]);
    const out = join(work, 'clusters.csv');
    const run = await runResolve({ input: inputs, id: dataset.id, map: dataset.map, kind: dataset.kind, kindColumn: dataset.kindColumn, country: dataset.country, out });
    const metrics = runEvaluate({ clusters: out, input: inputs, id: dataset.id, truth: dataset.truth, truthPattern: dataset.truthPattern });
    const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
    return {
      dataset: dataset.name,
      records: run.ids.length,
      seconds: round(run.seconds, 2),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      comparisons: run.result.comparisons,
      precision: round(metrics.precision),
      recall: round(metrics.recall),
      f1: round(metrics.f1),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface BenchOptions {
  datasets: string;
  root?: string;
  inProcess?: boolean;
}

/**
 * `mdm bench match`: resolve + evaluate on the public datasets, one JSON line each. Each dataset
 * runs in a child process of its own, so its peak RSS is its own.
 */
export function registerBenchCommand(program: Command): void {
  const bench = program.command('bench').description('benchmarks');
  registerEngineBench(bench);
  registerStreamBench(bench);
  registerPreloadBench(bench);
  bench
    .command('match')
    .description('resolve and evaluate the public record-linkage datasets with the default configuration; one JSON line per dataset')
    .option('--datasets <names>', `comma-separated, among ${BENCH_DATASETS.map((d) => d.name).join(', ')} (the synthetic ones are generated first)`, DEFAULT_BENCH.join(','))
    .option('--root <dir>', 'datasets folder (default: ../shared/datasets from the repository root)')
    .option('--in-process', 'run in this process (peak RSS then covers every dataset run so far)')
    .action(async (options: BenchOptions) => {
      const root = options.root ?? DEFAULT_DATASETS_DIR();
      const names = options.datasets.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const datasets = names.map((name) => {
        const dataset = BENCH_DATASETS.find((d) => d.name === name);
        if (!dataset) throw new Error(`--datasets: unknown dataset "${name}"`);
        return dataset;
      });
      for (const dataset of datasets) {
        if (options.inProcess) {
          process.stdout.write(`${JSON.stringify(await benchDataset(dataset, root))}\n`);
          continue;
        }
        const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], 'bench', 'match', '--datasets', dataset.name, '--root', root, '--in-process'], {
          stdio: ['ignore', 'pipe', 'inherit'],
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        if (child.status !== 0) throw new Error(`bench ${dataset.name} failed (exit ${child.status ?? child.signal})`);
        process.stdout.write(child.stdout);
      }
    });
}
