import { ComparisonSpec } from './comparison-spec';

/** m = P(level | match), u = P(level | non-match). The null level keeps m = u = 1 (weight 0). */
export interface LevelParameters {
  label: string;
  m: number;
  u: number;
}

/**
 * Frequencies of the values of a comparison's field among the training records: `counts` keeps the
 * values seen at least twice; any other value counts once. u of an exact match on value v is
 * counts[v] / total (a match on "martin" is far more likely by chance than on "kowalczyk").
 */
export interface TermFrequencyTable {
  total: number;
  counts: Record<string, number>;
}

export interface ComparisonModel {
  spec: ComparisonSpec;
  /** Aligned with the compiled levels: null, the spec's levels, else. */
  levels: LevelParameters[];
  termFrequencies?: TermFrequencyTable;
}

/** Decision thresholds on the match probability: ≥ link links, ≥ review goes to a steward, else distinct. */
export interface MatchThresholds {
  link: number;
  review: number;
}

/**
 * Chosen once for every dataset (see docs/matching.md): links must be near-certain, because the
 * clustering then checks every merge against all cross pairs; the wide review band goes to stewards.
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = { link: 0.5, review: 0.1 };

/** A trained Fellegi–Sunter model: the comparisons (data) and their parameters. Saved as JSON. */
export interface MatchModel {
  format: 'mdm-match-model';
  version: 1;
  /** λ: the probability that two records taken at random are a match, the prior of every score. */
  prior: number;
  comparisons: ComparisonModel[];
  thresholds: MatchThresholds;
  training?: {
    records: number;
    candidatePairs: number;
    /** Share of matches among the candidate pairs. */
    candidatePrior: number;
    expectedMatches: number;
    sampledPairs: number;
    emIterations: number;
    converged: boolean;
  };
}
