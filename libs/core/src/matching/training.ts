import { CandidatePairs, internSources } from './blocking';
import { blockedFields, BlockingRuleSpec } from './blocking-rules';
import { compileComparison } from './compare';
import { ComparisonSpec } from './comparison-spec';
import { ComparisonVectorTable } from './comparison-vectors';
import { DEFAULT_COMPARISONS } from './default-comparisons';
import { EmOptions, expectationMaximisation, startingM } from './expectation-maximisation';
import { Features } from './features';
import { DEFAULT_THRESHOLDS, MatchModel, MatchThresholds, TermFrequencyTable } from './match-model';
import { comparePair, ScoringModel, scoringModel, weightOfLevels } from './scoring';
import { buildTermFrequencies } from './term-frequency';
import { estimateU, reestimateU } from './u-estimation';

export interface TrainingOptions {
  comparisons?: ComparisonSpec[];
  thresholds?: MatchThresholds;
  /** Random pairs for u (default 1,000,000). */
  uSamplePairs?: number;
  seed?: number;
  em?: EmOptions;
  /** Linkage only: u is estimated on pairs across sources. */
  linkOnly?: boolean;
  /** A training session needs at least this many pairs (default 100). */
  minSessionPairs?: number;
  /** The sessions learn from at most this many candidate pairs, taken evenly (default 2,000,000). */
  maxTrainingPairs?: number;
}

/** The comparison vectors of the candidate pairs: one vector id per pair, and the table of vectors. */
export interface CandidateVectors {
  table: ComparisonVectorTable;
  ids: Uint32Array;
}

export interface TrainingSession {
  rule: string;
  pairs: number;
  /** Comparisons left out: the ones the rule's keys condition. */
  fixed: string[];
  prior: number;
  iterations: number;
}

/** A model with the comparisons and neutral parameters (m = u), to compute levels before training. */
export function untrainedModel(comparisons: ComparisonSpec[] = DEFAULT_COMPARISONS, thresholds: MatchThresholds = DEFAULT_THRESHOLDS): MatchModel {
  return {
    format: 'mdm-match-model',
    version: 1,
    prior: 0.5,
    thresholds,
    comparisons: comparisons.map((spec) => ({ spec, levels: compileComparison(spec).labels.map((label) => ({ label, m: 1, u: 1 })) })),
  };
}

/** Computes the comparison vector of every candidate pair (the costly part of a batch). */
export function compareCandidates(features: readonly Features[], pairs: CandidatePairs, scoring: ScoringModel): CandidateVectors {
  const width = scoring.comparisons.length;
  const maxLevels = Math.max(...scoring.comparisons.map((c) => c.labels.length));
  const table = new ComparisonVectorTable(width, maxLevels);
  const ids = new Uint32Array(pairs.length);
  const levels = new Uint8Array(width);
  for (let p = 0; p < pairs.length; p++) {
    comparePair(features[pairs.left[p]], features[pairs.right[p]], scoring, levels);
    ids[p] = table.add(levels);
  }
  return { table, ids };
}

/**
 * Trains a Fellegi–Sunter model without labels, as Splink does:
 * 1. u from random pairs (nearly all non-matches);
 * 2. m by expectation–maximisation, one session per blocking rule on the candidate pairs that rule
 *    gives, u held fixed. A session leaves out the comparisons its rule conditions: among pairs
 *    blocked on the birth date, matches and non-matches alike agree on it, so they say nothing of
 *    its m — and the non-matches look like random pairs on the other comparisons only. Each m is
 *    the mean over the sessions that estimated it;
 * 3. the share of matches among the candidate pairs by EM with m and u fixed, hence the expected
 *    number of matches, and λ = that number over all pairs: the probability that two records
 *    taken at random match, the prior of every score (a name shared by two records of a town
 *    of 5,000 says more than in a city of a million);
 * 4. term-frequency tables for the exact levels that use them.
 */
export function trainModel(
  features: readonly Features[],
  pairs: CandidatePairs,
  vectors: CandidateVectors,
  rules: readonly BlockingRuleSpec[],
  options: TrainingOptions = {},
): { model: MatchModel; sessions: TrainingSession[] } {
  const model = untrainedModel(options.comparisons, options.thresholds);
  const scoring = scoringModel(model);
  const width = scoring.comparisons.length;
  const sources = options.linkOnly ? internSources(features) : undefined;
  const estimate = estimateU(features, scoring.comparisons, { maxPairs: options.uSamplePairs, seed: options.seed, sources });
  const { sampledPairs } = estimate;
  const frequencies = scoring.comparisons.map((c) => (c.termFrequency.some(Boolean) ? buildTermFrequencies(c, features) : undefined));
  const allPairs = options.linkOnly ? crossSourcePairs(features) : (features.length * (features.length - 1)) / 2;
  // vector counts per rule mask, over an even sample of the candidate pairs
  const byMask = new Map<number, Map<number, number>>();
  const step = Math.max(1, Math.ceil(pairs.length / (options.maxTrainingPairs ?? 2_000_000)));
  for (let p = 0; p < pairs.length; p += step) {
    const mask = pairs.ruleMask(pairs.left[p], pairs.right[p]);
    let counts = byMask.get(mask);
    if (!counts) byMask.set(mask, (counts = new Map()));
    counts.set(vectors.ids[p], (counts.get(vectors.ids[p]) ?? 0) + 1);
  }
  const fit = (u: number[][]) => fitM(scoring, vectors, byMask, rules, u, options);
  let u = estimate.u;
  let fitted = fit(u);
  // Second pass: u again without the random pairs the first model calls matches (see reestimateU),
  // then m and λ again with that u.
  const first = modelOf(model, scoring, fitted.m, u, priorOf(fitted.overall.prior, pairs.length, allPairs), frequencies);
  const firstScoring = scoringModel(first);
  const sampleLevels = estimate.sample.levels;
  u = reestimateU(features, scoring.comparisons, estimate, (p) => {
    const levels = sampleLevels.subarray(p * width, (p + 1) * width);
    return weightOfLevels(levels, features[estimate.sample.left[p]], features[estimate.sample.right[p]], firstScoring) >= RANDOM_MATCH_WEIGHT;
  }, { sources });
  if (u !== estimate.u) fitted = fit(u);
  const { m, overall, sessions } = fitted;
  const expectedMatches = overall.prior * pairs.length;
  const prior = priorOf(overall.prior, pairs.length, allPairs);
  // A new object: scoring models are cached per model object.
  const trained: MatchModel = {
    ...modelOf(model, scoring, m, u, prior, frequencies),
    training: {
      records: features.length,
      candidatePairs: pairs.length,
      candidatePrior: overall.prior,
      expectedMatches,
      sampledPairs,
      emIterations: Math.max(0, ...sessions.map((s) => s.iterations)),
      converged: overall.converged,
    },
  };
  return { model: trained, sessions };
}

/**
 * A random pair is left out of the second u estimate when the first model gives it at least this
 * weight (10 bits: p ≥ 0.999). Only near-certain matches: a random pair merely "more likely than
 * not" a match may be two sites of one operator sharing a phone, a non-match u must keep.
 */
const RANDOM_MATCH_WEIGHT = 10;

/** λ among all pairs: the expected matches among the candidates (nearly every match is one) over all pairs. */
function priorOf(candidatePrior: number, candidatePairs: number, allPairs: number): number {
  return Math.min(0.5, Math.max(1e-12, (candidatePrior * candidatePairs) / Math.max(1, allPairs)));
}

function modelOf(model: MatchModel, scoring: ScoringModel, m: number[][], u: number[][], prior: number, frequencies: (TermFrequencyTable | undefined)[]): MatchModel {
  return {
    ...model,
    prior,
    comparisons: model.comparisons.map((comparison, c) => ({
      spec: comparison.spec,
      levels: comparison.levels.map((level, l) => (l === 0 ? { label: level.label, m: 1, u: 1 } : { label: level.label, m: m[c][l], u: u[c][l] })),
      ...(frequencies[c] ? { termFrequencies: frequencies[c] } : {}),
    })),
  };
}

/**
 * m by EM, one session per blocking rule (u fixed), each m the mean over the sessions that
 * estimated it; then the share of matches among all candidate pairs (m and u fixed).
 */
function fitM(
  scoring: ScoringModel,
  vectors: CandidateVectors,
  byMask: Map<number, Map<number, number>>,
  rules: readonly BlockingRuleSpec[],
  u: number[][],
  options: TrainingOptions,
): { m: number[][]; overall: ReturnType<typeof expectationMaximisation>; sessions: TrainingSession[] } {
  const width = scoring.comparisons.length;
  const start = scoring.comparisons.map((c) => startingM(c.labels.length));
  const minPairs = options.minSessionPairs ?? 100;
  const mSums = start.map((row) => row.map(() => 0));
  const mSessions = new Int32Array(width);
  const sessions: TrainingSession[] = [];
  const maxLevels = Math.max(...scoring.comparisons.map((c) => c.labels.length));
  rules.slice(0, 32).forEach((rule, r) => {
    const fixed = blockedFields(rule);
    const free = scoring.comparisons.map((c) => !fixed.has(c.spec.field));
    const table = new ComparisonVectorTable(width, maxLevels);
    const vector = new Uint8Array(width);
    let total = 0;
    for (const [mask, counts] of byMask) {
      if ((mask & (1 << r)) === 0) continue;
      for (const [id, count] of counts) {
        const source = vectors.table.vector(id);
        for (let c = 0; c < width; c++) vector[c] = free[c] ? source[c] : 0;
        table.add(vector, count);
        total += count;
      }
    }
    if (total < minPairs) return;
    const result = expectationMaximisation(table.toVectors(), { prior: 0.5, m: start, u }, { ...options.em, fixU: true });
    // a comparison with no non-null level in the session learned nothing there
    const seen = new Uint8Array(width);
    const sessionVectors = table.toVectors();
    for (let v = 0; v < sessionVectors.counts.length; v++) for (let c = 0; c < width; c++) if (sessionVectors.levels[v * width + c] !== 0) seen[c] = 1;
    for (let c = 0; c < width; c++) {
      if (!free[c] || !seen[c]) continue;
      mSessions[c]++;
      for (let l = 1; l < mSums[c].length; l++) mSums[c][l] += result.m[c][l];
    }
    sessions.push({ rule: rule.name, pairs: total, fixed: scoring.comparisons.filter((_, c) => !free[c]).map((c) => c.spec.name), prior: result.prior, iterations: result.iterations });
  });
  const m = start.map((row, c) => (mSessions[c] === 0 ? row : row.map((value, l) => (l === 0 ? 1 : mSums[c][l] / mSessions[c]))));
  const overall = expectationMaximisation(vectors.table.toVectors(), { prior: 0.5, m, u }, { ...options.em, fixU: true, fixM: true });
  return { m, overall, sessions };
}

function crossSourcePairs(features: readonly Features[]): number {
  const counts = new Map<string, number>();
  for (const f of features) counts.set(f.source, (counts.get(f.source) ?? 0) + 1);
  let same = 0;
  for (const c of counts.values()) same += c * c;
  return (features.length * features.length - same) / 2;
}
