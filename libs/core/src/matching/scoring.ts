import { compileComparison, CompiledComparison } from './compare';
import { deterministicRule, DeterministicRule, NotAMatchSet } from './deterministic-rules';
import { extractFeatures, FeatureOptions, Features } from './features';
import { MatchRecord } from './match-record';
import { MatchModel } from './match-model';

/** One comparison's part of a pair's match weight: the bars of a waterfall chart. */
export interface Contribution {
  /** Comparison name, or "prior" for the starting weight. */
  comparison: string;
  /** Level label ("exact", "jaro-winkler ≥ 0.92", "else", "null"…). */
  level: string;
  /** log2(m/u) of the level, term-frequency adjustment included (bits). */
  weight: number;
  /** Part of `weight` due to the value's frequency (0 when the level has none). */
  termFrequencyAdjustment?: number;
}

export interface PairScore {
  /** Match weight in bits: prior + Σ log2(m/u). */
  weight: number;
  /** 2^weight / (1 + 2^weight). */
  probability: number;
  contributions: Contribution[];
  /** A deterministic rule that overrides the score, if one applies. */
  rule?: DeterministicRule;
}

/** A model prepared for scoring: compiled comparisons, level weights, frequency maps. */
export interface ScoringModel {
  readonly model: MatchModel;
  readonly comparisons: CompiledComparison[];
  readonly priorWeight: number;
  /** weights[c][level] = log2(m/u); 0 for null. */
  readonly weights: Float64Array[];
  /** For term-frequency levels: log2(u of the level); the adjustment is that minus log2(tf(value)). */
  readonly log2U: Float64Array[];
  readonly frequencies: (Map<string, number> | undefined)[];
  readonly totals: number[];
}

const compiledModels = new WeakMap<MatchModel, ScoringModel>();

export function scoringModel(model: MatchModel): ScoringModel {
  const cached = compiledModels.get(model);
  if (cached) return cached;
  const comparisons = model.comparisons.map((c) => compileComparison(c.spec));
  const scoring: ScoringModel = {
    model,
    comparisons,
    priorWeight: Math.log2(model.prior / (1 - model.prior)),
    weights: model.comparisons.map((c, i) => {
      if (c.levels.length !== comparisons[i].labels.length) throw new Error(`model: comparison ${c.spec.name} has ${c.levels.length} levels, expected ${comparisons[i].labels.length}`);
      return Float64Array.from(c.levels, (l, level) => (level === 0 ? 0 : Math.log2(l.m / l.u)));
    }),
    log2U: model.comparisons.map((c) => Float64Array.from(c.levels, (l) => Math.log2(l.u))),
    frequencies: model.comparisons.map((c) => (c.termFrequencies ? new Map(Object.entries(c.termFrequencies.counts)) : undefined)),
    totals: model.comparisons.map((c) => c.termFrequencies?.total ?? 0),
  };
  compiledModels.set(model, scoring);
  return scoring;
}

/** Writes the level of every comparison for the pair into `out`. */
export function comparePair(a: Features, b: Features, scoring: ScoringModel, out: Uint8Array): Uint8Array {
  const comparisons = scoring.comparisons;
  for (let c = 0; c < comparisons.length; c++) out[c] = comparisons[c].level(a, b);
  return out;
}

/** Term-frequency adjustment of comparison c at `level` for the pair (0 when not applicable). */
export function frequencyAdjustment(scoring: ScoringModel, c: number, level: number, a: Features, b: Features): number {
  const counts = scoring.frequencies[c];
  if (!counts || !scoring.comparisons[c].termFrequency[level]) return 0;
  const value = scoring.comparisons[c].value(a, b);
  if (value === undefined) return 0;
  // The frequency of the value among the *other* records: the pair's own record is not one of the
  // parties it could be confused with (a value held by two records is held by one other record).
  const tf = Math.max((counts.get(value) ?? 1) - 1, 1) / scoring.totals[c];
  return scoring.log2U[c][level] - Math.log2(tf);
}

/** Prior + Σ log2(m/u) of the levels: the part of the weight shared by every pair with these levels. */
export function levelsWeight(levels: Uint8Array, scoring: ScoringModel): number {
  let weight = scoring.priorWeight;
  for (let c = 0; c < levels.length; c++) weight += scoring.weights[c][levels[c]];
  return weight;
}

/** Whether some level of the vector is adjusted by term frequencies. */
export function usesFrequencies(levels: Uint8Array, scoring: ScoringModel): boolean {
  for (let c = 0; c < levels.length; c++) if (scoring.frequencies[c] !== undefined && scoring.comparisons[c].termFrequency[levels[c]]) return true;
  return false;
}

/** Σ of the term-frequency adjustments of the pair's levels. */
export function frequencyAdjustments(levels: Uint8Array, a: Features, b: Features, scoring: ScoringModel): number {
  let adjustment = 0;
  for (let c = 0; c < levels.length; c++) if (scoring.frequencies[c] !== undefined) adjustment += frequencyAdjustment(scoring, c, levels[c], a, b);
  return adjustment;
}

/**
 * Match weight from the levels: the one formula batch and incremental scoring share (batch
 * scoring caches `levelsWeight` per comparison vector and adds the pair's frequency adjustments).
 */
export function weightOfLevels(levels: Uint8Array, a: Features, b: Features, scoring: ScoringModel): number {
  return levelsWeight(levels, scoring) + frequencyAdjustments(levels, a, b, scoring);
}

export function probabilityOfWeight(weight: number): number {
  const odds = Math.pow(2, weight);
  return odds === Infinity ? 1 : odds / (1 + odds);
}

export interface ScoreOptions extends FeatureOptions {
  notAMatch?: NotAMatchSet;
}

/** Scores two prepared records with their explanation. */
export function scoreFeatures(a: Features, b: Features, model: MatchModel, notAMatch?: NotAMatchSet): PairScore {
  const scoring = scoringModel(model);
  const levels = comparePair(a, b, scoring, new Uint8Array(scoring.comparisons.length));
  const weight = weightOfLevels(levels, a, b, scoring);
  const contributions: Contribution[] = [{ comparison: 'prior', level: `λ = ${model.prior.toPrecision(3)}`, weight: scoring.priorWeight }];
  scoring.comparisons.forEach((comparison, c) => {
    const adjustment = frequencyAdjustment(scoring, c, levels[c], a, b);
    const contribution: Contribution = { comparison: comparison.spec.name, level: comparison.labels[levels[c]], weight: scoring.weights[c][levels[c]] + adjustment };
    if (adjustment !== 0) contribution.termFrequencyAdjustment = adjustment;
    contributions.push(contribution);
  });
  const score: PairScore = { weight, probability: probabilityOfWeight(weight), contributions };
  const rule = deterministicRule(a, b, notAMatch);
  if (rule) score.rule = rule;
  return score;
}

/**
 * Scores one pair of records: the incremental path (a new record against candidates read from the
 * database) and the explanation of a batch pair. Batch resolution computes the same levels and the
 * same weight through `comparePair` and `weightOfLevels`.
 */
export function scorePair(a: MatchRecord, b: MatchRecord, model: MatchModel, options: ScoreOptions = {}): PairScore {
  return scoreFeatures(extractFeatures(a, options), extractFeatures(b, options), model, options.notAMatch);
}
