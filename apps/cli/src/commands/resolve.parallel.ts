import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { combineResults, MatchRecord, PARTY_KINDS, ResolveOptions, ResolveResult } from '@mdm/core';
import { ColumnMap, InputRow, PrepareSettings, Standardizer } from './resolve.input';
import { KindResult, KindTask, runKindTask, runTask, WorkerResult, WorkerTask } from './resolve.worker';

/** Below this many rows a second thread costs more (start, copies) than it saves. */
const MIN_PARALLEL_ROWS = 20_000;

/** Young generation of a worker (three semi-spaces of 32 MB; V8's default is 16 MB in all). */
const YOUNG_GENERATION_MB = 96;

/** Files smaller than this are resolved in one thread (about 20,000 rows). */
const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;

/** The compiled worker script; absent when running from TypeScript sources (tests): work stays in this thread. */
function workerScript(): string | undefined {
  const script = join(__dirname, 'resolve.worker.js');
  return existsSync(script) ? script : undefined;
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function inWorker(script: string, task: WorkerTask): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // a larger young generation: the batch allocates millions of short-lived objects, and a
    // small nursery promotes them to the old generation, where collecting costs far more
    const worker = new Worker(script, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
    });
  });
}

/**
 * Standardizes the rows on two threads: the second half in a worker, the first here. Rows are
 * released as they are standardized.
 */
export async function prepareInParallel(rows: (InputRow | undefined)[], map: ColumnMap, settings: PrepareSettings, threads: number): Promise<MatchRecord[]> {
  const script = workerScript();
  if (!script || threads < 2 || rows.length < MIN_PARALLEL_ROWS) return runTask({ type: 'prepare', rows: rows as InputRow[], map, settings }) as MatchRecord[];
  const half = Math.ceil(rows.length / 2);
  const second = rows.splice(half) as InputRow[];
  const pending = inWorker(script, { type: 'prepare', rows: second, map, settings });
  second.length = 0;
  const first = runTask({ type: 'prepare', rows: rows as InputRow[], map, settings }) as MatchRecord[];
  const rest = (await pending) as MatchRecord[];
  for (const record of rest) first.push(record);
  return first;
}

/**
 * Resolves persons in a worker and the other records here (kinds are matched apart, so the two
 * parts are independent), then puts the results together. The records sent to the worker are
 * removed from `records` (the worker has its copy): take the ids before.
 */
export async function resolveInParallel(
  records: (MatchRecord | undefined)[],
  options: Omit<ResolveOptions, 'isGeneric'>,
  standardizer: Standardizer,
  threads: number,
): Promise<ResolveResult> {
  const script = workerScript();
  const persons: number[] = [];
  const others: number[] = [];
  records.forEach((r, i) => (r!.kind === 'person' ? persons : others).push(i));
  if (!script || threads < 2 || Math.min(persons.length, others.length) < MIN_PARALLEL_ROWS / 4)
    return runTask({ type: 'resolve', records: records as MatchRecord[], options, standardizer }) as ResolveResult;
  const part = (indices: number[]): Omit<ResolveOptions, 'isGeneric'> => ({ ...options, truth: options.truth ? indices.map((i) => options.truth![i]) : undefined });
  const pending = inWorker(script, { type: 'resolve', records: persons.map((i) => records[i]!), options: part(persons), standardizer });
  for (const i of persons) records[i] = undefined;
  const here = runTask({ type: 'resolve', records: others.map((i) => records[i]!), options: part(others), standardizer }) as ResolveResult;
  const there = (await pending) as ResolveResult;
  return combineResults(
    [
      { indices: persons, result: there },
      { indices: others, result: here },
    ],
    records.length,
  );
}

/** A file's bytes in memory both workers can read (read once, not copied into each thread). */
function readShared(path: string): SharedArrayBuffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const shared = new SharedArrayBuffer(size);
    const view = new Uint8Array(shared);
    for (let offset = 0; offset < size; ) {
      const read = readSync(fd, view, offset, size - offset, offset);
      if (read === 0) throw new Error(`${path}: file shrank while being read`);
      offset += read;
    }
    return shared;
  } finally {
    closeSync(fd);
  }
}

export interface KindsRun {
  /** Record ids in input order. */
  ids: string[];
  result: ResolveResult;
  /** Per kind: seconds to read and standardize its rows, and the matching steps. */
  parts: { kind: string; records: number; readAndStandardize: number; timings: ResolveResult['timings'] }[];
}

/**
 * Files whose rows carry their kind: each kind is read, standardized and resolved by a thread of
 * its own (persons in one worker, organizations in another), from the files' bytes read once.
 * The clusters are the same as in one thread: kinds are matched apart anyway.
 */
export async function resolveKindsInParallel(task: Omit<KindTask, 'type' | 'kind' | 'data'>, threads: number): Promise<KindsRun> {
  const script = workerScript();
  const bytes = task.files.reduce((sum, f) => sum + statSync(f).size, 0);
  let results: KindResult[];
  if (!script || threads < 2 || bytes < MIN_PARALLEL_BYTES) {
    results = PARTY_KINDS.map((kind) => runKindTask({ ...task, type: 'kind', kind }));
  } else {
    let data: SharedArrayBuffer[] | undefined = task.files.map(readShared);
    const pending = PARTY_KINDS.map((kind) => inWorker(script, { ...task, type: 'kind', kind, data }));
    // the workers hold the bytes until they have read them
    data = undefined;
    results = (await Promise.all(pending)) as KindResult[];
  }
  const total = results[0].total;
  const ids = new Array<string>(total);
  const seen = new Set<string>();
  for (const part of results) {
    part.indices.forEach((index, k) => (ids[index] = part.ids[k]));
    for (const id of part.ids) {
      if (seen.has(id)) throw new Error(`duplicate record id "${id}"`);
      seen.add(id);
    }
  }
  seen.clear();
  const result = combineResults(
    results.map((part) => ({
      indices: Array.from(part.indices),
      result: {
        ...part.result,
        reviews: part.reviews.left.map((left, k) => ({ left, right: part.reviews.right[k], probability: part.reviews.probability[k] })),
      },
    })),
    total,
  );
  return {
    ids,
    result,
    parts: results.map((part) => ({ kind: part.kind, records: part.ids.length, readAndStandardize: part.seconds.readAndStandardize, timings: part.result.timings })),
  };
}
