import { Command, InvalidArgumentError } from 'commander';
import { createWriteStream, WriteStream } from 'node:fs';
import { csvLine, csvRecordLine, GENERATED_COLUMNS, generateRowsWithStats, GenerationStats, GeneratorOptions } from '@mdm/core';

/** Rows gathered into one write() call. */
const ROWS_PER_CHUNK = 256;

export interface GenerateCsvResult {
  stats: GenerationStats;
  /** Elapsed wall time, in milliseconds. */
  elapsedMs: number;
}

/**
 * Writes the generated rows as CSV (header first, RFC 4180 quoting), streaming with backpressure:
 * when write() returns false, waits for 'drain' before producing more rows.
 */
export async function writeGeneratedCsv(options: GeneratorOptions, out: string): Promise<GenerateCsvResult> {
  const started = process.hrtime.bigint();
  const { rows, stats } = generateRowsWithStats(options);
  const stream = createWriteStream(out, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_resolve, reject) => stream.once('error', reject));
  failed.catch(() => undefined); // observed below; avoid an unhandled rejection when writing succeeds
  try {
    await Promise.race([failed, write(stream, csvLine(GENERATED_COLUMNS))]);
    let chunk = '';
    let count = 0;
    for (const row of rows) {
      chunk += csvRecordLine(row, GENERATED_COLUMNS);
      if (++count === ROWS_PER_CHUNK) {
        await Promise.race([failed, write(stream, chunk)]);
        chunk = '';
        count = 0;
      }
    }
    if (chunk) await Promise.race([failed, write(stream, chunk)]);
    await Promise.race([
      failed,
      new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
    ]);
    if (stream.errored) throw stream.errored;
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return { stats, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

function write(stream: WriteStream, data: string): Promise<void> | void {
  if (stream.write(data)) return;
  return new Promise<void>((resolve) => stream.once('drain', resolve));
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected an integer');
  return n;
}

function parseErrorRate(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !(x >= 0 && x <= 1)) throw new InvalidArgumentError('expected a number between 0 and 1');
  return x;
}

function parseSources(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Summary printed at the end of a run. */
export function formatSummary(out: string, result: GenerateCsvResult): string {
  const { stats, elapsedMs } = result;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(stats.rows / seconds) : stats.rows;
  const bySource = Object.entries(stats.rowsBySource)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return (
    `wrote ${stats.rows} rows to ${out} in ${seconds.toFixed(1)} s (${rate} rows/s)\n` +
    `entities: ${stats.entities} (persons ${stats.persons}, of which contacts ${stats.contacts}; organizations ${stats.organizations})\n` +
    `true pairs: ${stats.truePairs}\n` +
    `rows by source: ${bySource}\n`
  );
}

/** `mdm generate --records <N> --out <file.csv>`: synthetic French customer records with their ground truth (entity_id). */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('write a CSV of realistic French customer records (ERP, CRM, e-commerce, web forms) with the true entity of each row')
    .requiredOption('--records <N>', 'number of rows to write', parseCount)
    .requiredOption('--out <file.csv>', 'output CSV file')
    .option('--seed <n>', 'seed of the random stream: the same seed gives the same file', parseSeed, 1)
    .option('--error-rate <x>', 'scales every error probability, 0 (clean) to 1 (default model)', parseErrorRate, 1)
    .option('--sources <list>', 'comma-separated sources among erp,crm,ecommerce,forms (default all)', parseSources)
    .action(async (options: { records: number; out: string; seed: number; errorRate: number; sources?: string[] }) => {
      const result = await writeGeneratedCsv(
        { records: options.records, seed: options.seed, errorRate: options.errorRate, sources: options.sources },
        options.out,
      );
      process.stdout.write(formatSummary(options.out, result));
    });
}
