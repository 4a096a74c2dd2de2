import { isCannotLink } from './deterministic-rules';
import { MatchThresholds } from './match-model';
import { PairScore } from './scoring';

export type MatchDecision = 'link' | 'review' | 'distinct';

/**
 * Two thresholds on the match probability: at or above `link` the records are linked, at or above
 * `review` a steward decides, below they are distinct. Deterministic rules come first.
 */
export function decideMatch(score: Pick<PairScore, 'probability' | 'rule'>, thresholds: MatchThresholds): MatchDecision {
  if (isCannotLink(score.rule)) return 'distinct';
  if (score.rule === 'same-siret') return 'link';
  if (score.probability >= thresholds.link) return 'link';
  if (score.probability >= thresholds.review) return 'review';
  return 'distinct';
}
