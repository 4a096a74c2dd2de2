import { BlockingContext, blockingContext, blockingKeys, BlockingRuleSpec, KEY_SEPARATOR } from './blocking-rules';
import { Features } from './features';
import { HashIdTable, hashKey52 } from './key-hash';

export interface BlockingOptions {
  /** Blocks larger than this are skipped with a warning (a block of n records costs n²/2 comparisons). */
  maxBlockSize?: number;
  /** Linkage only: records of one source are never paired (each source is already deduplicated). */
  linkOnly?: boolean;
  /** True entity of each record, to measure the recall of the blocking. */
  truth?: readonly (string | undefined)[];
}

export interface BlockingRuleReport {
  rule: string;
  keys: number;
  largestBlock: number;
  oversizedBlocks: number;
  /** Pairs this rule added (pairs an earlier rule already gave are not counted again). */
  pairs: number;
}

export interface BlockingReport {
  records: number;
  /** Candidate pairs, each counted once: the comparisons to compute. */
  comparisons: number;
  rules: BlockingRuleReport[];
  warnings: string[];
  /** With truth: true pairs in total, among the candidates, and their share (recall). */
  truePairs?: number;
  truePairsFound?: number;
  recall?: number;
}

export interface CandidatePairs {
  left: Uint32Array;
  right: Uint32Array;
  /** Bit r set when records i and j share a key of rule r (r < 32): the training sessions use it. */
  ruleMask(i: number, j: number): number;
  length: number;
  report: BlockingReport;
}

export const DEFAULT_MAX_BLOCK_SIZE = 1000;

/** One rule's keys as compressed rows: record i has keys ids[offsets[i] … offsets[i+1]), sorted. */
interface KeyRows {
  offsets: Int32Array;
  ids: Int32Array;
  /** Whether key k gives pairs (2 records or more, not oversized); undefined: every key in the rows does. */
  active?: Uint8Array;
}

/** A rule's key rows with its blocks: block k has the records members[blockStart[k] … blockStart[k+1]). */
interface RuleIndex extends KeyRows {
  active: Uint8Array;
  blockStart: Int32Array;
  members: Int32Array;
}

function indexRule(
  rule: BlockingRuleSpec,
  features: readonly Features[],
  context: BlockingContext,
  maxBlockSize: number,
  report: BlockingRuleReport,
  warnings: string[],
): RuleIndex {
  const n = features.length;
  // numbers, not strings: a million records give millions of distinct keys for some rules
  const keyIds = new HashIdTable(n);
  const offsets = new Int32Array(n + 1);
  let ids = new Int32Array(Math.max(16, n));
  let length = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = length;
    const keys = blockingKeys(rule, features[i], context);
    for (const key of keys) {
      const id = keyIds.idOf(hashKey52(key));
      // a record's keys stay sorted and distinct
      let pos = offsets[i];
      while (pos < length && ids[pos] < id) pos++;
      if (pos < length && ids[pos] === id) continue;
      if (length === ids.length) {
        const grown = new Int32Array(ids.length * 2);
        grown.set(ids);
        ids = grown;
      }
      ids.copyWithin(pos + 1, pos, length);
      ids[pos] = id;
      length++;
    }
  }
  offsets[n] = length;
  const keyCount = keyIds.size;
  const sizes = new Int32Array(keyCount);
  for (let p = 0; p < length; p++) sizes[ids[p]]++;
  const blockStart = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k++) blockStart[k + 1] = blockStart[k] + sizes[k];
  const fill = blockStart.slice(0, keyCount);
  const members = new Int32Array(length);
  for (let i = 0; i < n; i++) for (let p = offsets[i]; p < offsets[i + 1]; p++) members[fill[ids[p]]++] = i;
  const active = new Uint8Array(keyCount);
  let oversized = -1;
  for (let k = 0; k < keyCount; k++) {
    const size = sizes[k];
    if (size > report.largestBlock) report.largestBlock = size;
    if (size > maxBlockSize) {
      report.oversizedBlocks++;
      if (oversized < 0) oversized = k;
    } else if (size >= 2) active[k] = 1;
  }
  report.keys = keyCount;
  if (oversized >= 0) {
    const key = keyOf(rule, features[members[blockStart[oversized]]], context, keyIds, oversized);
    warnings.push(
      `blocking rule "${rule.name}": ${report.oversizedBlocks} block(s) larger than ${maxBlockSize} records skipped, e.g. ${key.split(KEY_SEPARATOR).join(' + ')} (${sizes[oversized]} records)`,
    );
  }
  return { offsets, ids: ids.slice(0, length), active, blockStart, members };
}

/** The key string of id `id`, among the keys of a record of its block. */
function keyOf(rule: BlockingRuleSpec, f: Features, context: BlockingContext, keyIds: HashIdTable, id: number): string {
  return blockingKeys(rule, f, context).find((key) => keyIds.get(hashKey52(key)) === id) ?? '';
}

/**
 * The rows of the keys that give pairs only, without the blocks: what the later rules and the
 * training sessions ask of a rule (whether two records share a key of it). Most keys of a million
 * records are a single record's (nine in ten one-typo email keys), so the rows kept while the
 * pairs are compared and the model trained are a fraction of the index.
 */
function activeRows(index: RuleIndex): KeyRows {
  const { offsets, ids, active } = index;
  const n = offsets.length - 1;
  let length = 0;
  for (let p = 0; p < offsets[n]; p++) length += active[ids[p]];
  const keptOffsets = new Int32Array(n + 1);
  const keptIds = new Int32Array(length);
  length = 0;
  for (let i = 0; i < n; i++) {
    keptOffsets[i] = length;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) if (active[ids[p]]) keptIds[length++] = ids[p];
  }
  keptOffsets[n] = length;
  return { offsets: keptOffsets, ids: keptIds };
}

/** Whether i and j share an active key of the rule smaller than `below`. */
function sharesKey(index: KeyRows, i: number, j: number, below: number): boolean {
  const { offsets, ids, active } = index;
  let p = offsets[i];
  let q = offsets[j];
  const pe = offsets[i + 1];
  const qe = offsets[j + 1];
  while (p < pe && q < qe) {
    const a = ids[p];
    const b = ids[q];
    if (a >= below || b >= below) return false;
    if (a === b) {
      if (active === undefined || active[a]) return true;
      p++;
      q++;
    } else if (a < b) p++;
    else q++;
  }
  return false;
}

/**
 * Candidate pairs: the union of the pairs of every rule, each pair once (at the first rule and
 * key that gives it, as Splink does with its "and not an earlier rule" conditions), never all pairs.
 */
export function generateCandidatePairs(features: readonly Features[], rules: readonly BlockingRuleSpec[], options: BlockingOptions = {}): CandidatePairs {
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const warnings: string[] = [];
  const sources = options.linkOnly ? internSources(features) : undefined;
  // a person and an organization are never the same party (a contact shares its company's phone)
  const kinds = Int8Array.from(features, (f) => (f.record.kind === 'person' ? 1 : f.record.kind === 'organization' ? 2 : 0));
  let left = new Uint32Array(1 << 16);
  let right = new Uint32Array(1 << 16);
  let length = 0;
  const indexes: KeyRows[] = [];
  const reports: BlockingRuleReport[] = [];
  const context = blockingContext(features);
  for (const rule of rules) {
    const report: BlockingRuleReport = { rule: rule.name, keys: 0, largestBlock: 0, oversizedBlocks: 0, pairs: 0 };
    const index = indexRule(rule, features, context, maxBlockSize, report, warnings);
    const keyCount = index.active.length;
    for (let k = 0; k < keyCount; k++) {
      if (!index.active[k]) continue;
      const start = index.blockStart[k];
      const end = index.blockStart[k + 1];
      for (let x = start; x < end; x++) {
        const i = index.members[x];
        for (let y = x + 1; y < end; y++) {
          const j = index.members[y];
          if (sources && sources[i] === sources[j]) continue;
          if (kinds[i] !== kinds[j] && kinds[i] !== 0 && kinds[j] !== 0) continue;
          if (sharesKey(index, i, j, k)) continue;
          let earlier = false;
          for (let r = 0; r < indexes.length && !earlier; r++) earlier = sharesKey(indexes[r], i, j, 0x7fffffff);
          if (earlier) continue;
          if (length === left.length) {
            left = grow(left);
            right = grow(right);
          }
          left[length] = i < j ? i : j;
          right[length] = i < j ? j : i;
          length++;
          report.pairs++;
        }
      }
    }
    indexes.push(activeRows(index));
    reports.push(report);
  }
  const ruleMask = (i: number, j: number): number => {
    let mask = 0;
    for (let r = 0; r < indexes.length && r < 32; r++) if (sharesKey(indexes[r], i, j, 0x7fffffff)) mask |= 1 << r;
    return mask >>> 0;
  };
  const report: BlockingReport = { records: features.length, comparisons: length, rules: reports, warnings };
  if (options.truth) Object.assign(report, blockingRecall(options.truth, left, right, length, sources));
  return { left, right, ruleMask, length, report };
}

function grow(array: Uint32Array): Uint32Array {
  const grown = new Uint32Array(array.length * 2);
  grown.set(array);
  return grown;
}

export function internSources(features: readonly Features[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(features, (f) => {
    let id = ids.get(f.source);
    if (id === undefined) {
      id = ids.size;
      ids.set(f.source, id);
    }
    return id;
  });
}

function blockingRecall(
  truth: readonly (string | undefined)[],
  left: Uint32Array,
  right: Uint32Array,
  length: number,
  sources: Int32Array | undefined,
): Pick<BlockingReport, 'truePairs' | 'truePairsFound' | 'recall'> {
  const groups = new Map<string, number[]>();
  truth.forEach((t, i) => {
    if (t === undefined || t === '') return;
    const g = groups.get(t);
    if (g) g.push(i);
    else groups.set(t, [i]);
  });
  let truePairs = 0;
  for (const members of groups.values()) {
    if (!sources) {
      truePairs += (members.length * (members.length - 1)) / 2;
      continue;
    }
    const perSource = new Map<number, number>();
    for (const i of members) perSource.set(sources[i], (perSource.get(sources[i]) ?? 0) + 1);
    let same = 0;
    for (const c of perSource.values()) same += c * c;
    truePairs += (members.length * members.length - same) / 2;
  }
  let found = 0;
  for (let p = 0; p < length; p++) {
    const t = truth[left[p]];
    if (t !== undefined && t !== '' && t === truth[right[p]]) found++;
  }
  return { truePairs, truePairsFound: found, recall: truePairs === 0 ? 1 : found / truePairs };
}
