import { ClusterAssessment, GoldenCluster, IncrementalOptions, resolveIncoming } from './incremental';
import { MatchModel } from './match-model';
import { MatchRecord } from './match-record';

/** Why a record and a golden record of a near name are worth a steward's look. */
export type NearNameReason = Exclude<ClusterAssessment['reason'], 'current' | 'linked' | 'coherent' | 'below-review'> | 'no-shared-key';

/** A possible match found by name similarity alone, for a steward to decide. */
export interface NearNameReview {
  goldenId: string;
  reason: NearNameReason;
  assessment: ClusterAssessment;
}

/**
 * The possible matches of a record among the golden records holding a name near its own (found by
 * trigram similarity, sharing no blocking key with it), each given as the records of those names. The engine links only records a blocking
 * key brings together, so such a golden record never joins the record's own by itself: every one
 * the model does not call distinct is a review, including those it would link were they keyed
 * together (reason `no-shared-key`). `candidates` must not hold the record's own golden record
 * nor those of its link component: the re-clustering already judged those.
 */
export function nearNameReviews(record: MatchRecord, candidates: readonly GoldenCluster[], model: MatchModel, options: IncrementalOptions = {}): NearNameReview[] {
  if (candidates.length === 0) return [];
  const { assessments } = resolveIncoming(record, candidates, model, { ...options, currentGoldenId: undefined });
  const reviews: NearNameReview[] = [];
  for (const assessment of assessments) {
    if (assessment.outcome === 'distinct') continue;
    const reason: NearNameReason = assessment.outcome === 'review' && assessment.reason !== 'incoherent-merge' ? (assessment.reason as NearNameReason) : 'no-shared-key';
    reviews.push({ goldenId: assessment.goldenId, reason, assessment });
  }
  return reviews;
}
