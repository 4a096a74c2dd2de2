import { CompiledComparison } from './compare';
import { Features } from './features';
import { seededRandom } from './random';

export interface UEstimationOptions {
  /** Random pairs to draw (default 300,000); all pairs when there are fewer. */
  maxPairs?: number;
  seed?: number;
  /** Source of each record, in linkage-only mode: only pairs across sources are drawn. */
  sources?: Int32Array;
}

export interface UEstimate {
  /** u[c][level], index 0 (null) = 1. */
  u: number[][];
  sampledPairs: number;
  /** The sampled pairs and their levels (row p: the levels of pair left[p]–right[p]), for `reestimateU`. */
  sample: URandomSample;
}

export interface URandomSample {
  left: Uint32Array;
  right: Uint32Array;
  /** sampledPairs × comparisons levels. */
  levels: Uint8Array;
  width: number;
}

/**
 * u (level frequencies among non-matches) from random pairs: almost every random pair is a
 * non-match, so no labels are needed. Records are visited in id order, so the sample, and the
 * model, do not depend on the order records arrive in. A level never seen gets half a pair.
 */
export function estimateU(features: readonly Features[], comparisons: readonly CompiledComparison[], options: UEstimationOptions = {}): UEstimate {
  const maxPairs = options.maxPairs ?? 300_000;
  const order = features.map((_, i) => i).sort((x, y) => (features[x].record.id < features[y].record.id ? -1 : features[x].record.id > features[y].record.id ? 1 : x - y));
  const n = order.length;
  const sources = options.sources;
  const width = comparisons.length;
  const all = (n * (n - 1)) / 2 <= maxPairs;
  const capacity = all ? Math.max(0, (n * (n - 1)) / 2) : maxPairs;
  const left = new Uint32Array(capacity);
  const right = new Uint32Array(capacity);
  const levels = new Uint8Array(capacity * width);
  let sampled = 0;
  const count = (i: number, j: number) => {
    if (sources && sources[i] === sources[j]) return;
    left[sampled] = i;
    right[sampled] = j;
    for (let c = 0; c < width; c++) levels[sampled * width + c] = comparisons[c].level(features[i], features[j]);
    sampled++;
  };
  if (all) {
    for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) count(order[x], order[y]);
  } else {
    const random = seededRandom(options.seed ?? 42);
    let attempts = 0;
    while (sampled < maxPairs && attempts < maxPairs * 20) {
      attempts++;
      const x = Math.floor(random() * n);
      const y = Math.floor(random() * n);
      if (x !== y) count(order[x], order[y]);
    }
  }
  const sample: URandomSample = { left: left.subarray(0, sampled), right: right.subarray(0, sampled), levels: levels.subarray(0, sampled * width), width };
  const exact = comparisons.map((c) => (sources ? undefined : exactAgreement(features, c)));
  return { u: uFromSample(sample, comparisons, exact), sampledPairs: sampled, sample };
}

/**
 * u again, leaving out the sampled pairs a first model calls matches (`isMatch`). A random pair is
 * a match once in 1/λ draws, but for a near-unique identifier those few matches are most of the
 * agreements seen: among 35,000 generated company records, almost every random pair sharing a
 * phone number was one company's two records, so u(phone exact) came out 4 times too high and a
 * shared switchboard with a trade name on one side and the legal name on the other did not link.
 * The exact levels computed from value counts lose the same share.
 */
export function reestimateU(
  features: readonly Features[],
  comparisons: readonly CompiledComparison[],
  estimate: UEstimate,
  isMatch: (pair: number) => boolean,
  options: Pick<UEstimationOptions, 'sources'> = {},
): number[][] {
  const { sample } = estimate;
  const pairs = sample.left.length;
  const keep = new Uint8Array(pairs);
  let kept = 0;
  for (let p = 0; p < pairs; p++)
    if (!isMatch(p)) {
      keep[p] = 1;
      kept++;
    }
  if (kept === pairs || kept === 0) return estimate.u;
  const exact = comparisons.map((c, k) => {
    const value = options.sources ? undefined : exactAgreement(features, c);
    if (value === undefined) return undefined;
    // the share of the sample that agreed exactly and was a match comes off the exact count
    let removed = 0;
    for (let p = 0; p < pairs; p++) if (!keep[p] && sample.levels[p * sample.width + k] === 1) removed++;
    return Math.max(value - removed / pairs, value / 100);
  });
  return uFromSample(sample, comparisons, exact, keep);
}

function uFromSample(sample: URandomSample, comparisons: readonly CompiledComparison[], exactValues: readonly (number | undefined)[], keep?: Uint8Array): number[][] {
  const width = sample.width;
  const counts = comparisons.map((c) => new Float64Array(c.labels.length));
  const pairs = sample.left.length;
  for (let p = 0; p < pairs; p++) {
    if (keep && !keep[p]) continue;
    for (let c = 0; c < width; c++) counts[c][sample.levels[p * width + c]]++;
  }
  return counts.map((row, c) => {
    let total = 0;
    for (let l = 1; l < row.length; l++) total += Math.max(row[l], 0.5);
    const out = [1];
    for (let l = 1; l < row.length; l++) out.push(Math.max(row[l], 0.5) / total);
    const exact = exactValues[c];
    if (exact !== undefined && exact > 0 && exact < 1) {
      // the exact level's u is known exactly from the value counts; the sample shares the rest
      const rest = 1 - out[1];
      out[1] = exact;
      for (let l = 2; l < out.length; l++) out[l] = rest > 0 ? (out[l] / rest) * (1 - exact) : (1 - exact) / (out.length - 2);
    }
    return out;
  });
}

/**
 * For a comparison whose first level is an exact match on a single-valued field: the probability
 * that two distinct random records with a value agree, Σ c(c−1) / (N(N−1)) over the value counts c.
 * Rare exact agreements (a birth date, a surname) are estimated far better than by sampling.
 */
function exactAgreement(features: readonly Features[], comparison: CompiledComparison): number | undefined {
  const first = comparison.spec.levels[0];
  if (!comparison.scalar || first === undefined || first.rule.type !== 'exact') return undefined;
  const counts = new Map<string, number>();
  let total = 0;
  for (const f of features) {
    const value = comparison.value(f, f);
    if (value === undefined) continue;
    total++;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  if (total < 2) return undefined;
  let agreeing = 0;
  for (const c of counts.values()) agreeing += c * (c - 1);
  return agreeing / (total * (total - 1));
}
