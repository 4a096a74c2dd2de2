import { parentPort, workerData } from 'node:worker_threads';
import { MatchRecord, PartyKind, resolveRecords, ResolveOptions, ResolveResult } from '@mdm/core';
import { truthLabel } from './evaluate.command';
import { ColumnMap, genericTest, InputRow, parseKind, prepareRows, PrepareSettings, readInputsAs, rowPreparer, Standardizer } from './resolve.input';

/**
 * Reads the inputs and resolves the rows of one kind (persons and organizations are matched
 * apart, so two threads can each take one kind and never exchange records).
 */
export interface KindTask {
  type: 'kind';
  kind: PartyKind;
  files: string[];
  /** The files' bytes, read once by the main thread and shared by both workers. */
  data?: SharedArrayBuffer[];
  idColumn: string;
  map: ColumnMap;
  settings: PrepareSettings & { kindColumn: string };
  truthColumn?: string;
  truthPattern?: string;
  options: Omit<ResolveOptions, 'isGeneric' | 'truth'>;
  standardizer: Standardizer;
}

/** What a kind task gives back: the rows it took (positions over all the inputs), their ids, the result; reviews as columns (cheaper to send). */
export interface KindResult {
  kind: PartyKind;
  indices: Int32Array;
  ids: string[];
  total: number;
  result: Omit<ResolveResult, 'reviews'>;
  reviews: { left: string[]; right: string[]; probability: Float64Array };
  seconds: { readAndStandardize: number };
}

/** Work sent to a worker thread: data only (functions do not cross threads). */
export type WorkerTask =
  | { type: 'prepare'; rows: InputRow[]; map: ColumnMap; settings: PrepareSettings }
  | { type: 'resolve'; records: MatchRecord[]; options: Omit<ResolveOptions, 'isGeneric'>; standardizer: Standardizer }
  | KindTask;

export type WorkerResult = MatchRecord[] | ResolveResult | KindResult;

/** Runs a task: in a worker thread, or in this thread when no worker can be started. */
export function runTask(task: WorkerTask): WorkerResult {
  if (task.type === 'prepare') return prepareRows(task.rows, task.map, task.settings, true);
  if (task.type === 'kind') return runKindTask(task);
  return resolveRecords(task.records, { ...task.options, isGeneric: genericTest(task.standardizer) });
}

export function runKindTask(task: KindTask): KindResult {
  let clock = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = Math.round(now - clock) / 1000;
    clock = now;
    return seconds;
  };
  const kindColumn = task.settings.kindColumn;
  const keep = [...task.map.map(([column]) => column), kindColumn, ...(task.truthColumn ? [task.truthColumn] : [])];
  const pattern = task.truthPattern ? new RegExp(task.truthPattern) : undefined;
  const truth: (string | undefined)[] = [];
  const ids: string[] = [];
  const prepare = rowPreparer(task.map, task.settings);
  // rows are standardized as they are read: only the match records stay in memory
  const read = readInputsAs(
    task.files,
    task.idColumn,
    (input) => {
      ids.push(input.id);
      if (task.truthColumn) truth.push(truthLabel(input.row[task.truthColumn], pattern));
      return prepare(input);
    },
    keep,
    (row) => {
      const value = row[kindColumn];
      if (value === undefined) throw new Error(`--kind-column: no column "${kindColumn}"`);
      return parseKind(value.trim().toLowerCase()) === task.kind;
    },
    task.data?.map((d) => Buffer.from(d)),
  );
  // the files' bytes are shared with the other thread; let them go once read
  task.data = undefined;
  const records = read.rows;
  const seconds = { readAndStandardize: lap() };
  const { reviews, ...result } = resolveRecords(records, { ...task.options, truth: task.truthColumn ? truth : undefined, isGeneric: genericTest(task.standardizer) });
  return {
    kind: task.kind,
    indices: Int32Array.from(read.indices),
    ids,
    total: read.total,
    result,
    reviews: { left: reviews.map((r) => r.left), right: reviews.map((r) => r.right), probability: Float64Array.from(reviews, (r) => r.probability) },
    seconds,
  };
}

if (parentPort && workerData) parentPort.postMessage(runTask(workerData as WorkerTask));
