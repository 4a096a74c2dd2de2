import { BlockingRuleSpec, DEFAULT_BLOCKING_RULES, blockingKeys, rulesForKind } from './blocking-rules';
import { DEFAULT_MIN_AVERAGE_PROBABILITY } from './clustering';
import { MatchDecision, decideMatch } from './decision';
import { isCannotLink, DeterministicRule, NotAMatchSet } from './deterministic-rules';
import { extractFeatures, FeatureOptions, Features } from './features';
import { MatchModel, MatchThresholds } from './match-model';
import { MatchRecord } from './match-record';
import { PairScore, scoreFeatures } from './scoring';

/**
 * The incremental path: one incoming record against the golden records its blocking keys (and
 * the database's trigram neighbours) found. It scores with the same `scoreFeatures` as the batch
 * path and clusters with the same rule, average linkage: a record joins a golden record when it
 * is linked to one of its members AND its average probability over all of them reaches the
 * clustering threshold; two golden records it links to merge only when they are coherent with
 * each other too, so one weak link never glues two customers together.
 */
export interface IncrementalOptions extends FeatureOptions {
  /** Link and review thresholds (default: the model's). */
  thresholds?: MatchThresholds;
  /** Average probability a record (or a golden record) needs over all the members it would join. */
  minAverageProbability?: number;
  /** Pairs of record ids a steward declared distinct. */
  notAMatch?: NotAMatchSet;
  /**
   * The golden record the incoming record already belongs to (a new version of a known record).
   * A record never leaves its golden record on its own: that is a steward's split. It stays, and
   * other golden records join it only when coherent with it.
   */
  currentGoldenId?: string;
  /**
   * Sources whose records must never be merged with each other automatically (the ERP: it must not
   * hold duplicates). A golden record holds at most one record of each; a match between two of
   * them is a review with reason `same-source-duplicate`, for a steward to fix in the source.
   */
  uniqueSources?: readonly string[];
}

/** A golden record as the matcher sees it: its id, its age (the oldest survives a merge) and its member records. */
export interface GoldenCluster {
  goldenId: string;
  createdAt: string;
  members: MatchRecord[];
  /**
   * The link component the golden record belongs to (`PlannedCluster.component` of the plan that
   * last changed it). Given, two stored records of different components are known not to be linked:
   * re-clustering scores their pair only when the average linkage or a review needs it.
   */
  component?: string;
}

export interface MemberScore {
  recordId: string;
  score: PairScore;
  decision: MatchDecision;
}

export type AssessmentOutcome = 'link' | 'merge' | 'review' | 'distinct';

/** What the incoming record is to one candidate golden record, with the pair that explains it. */
export interface ClusterAssessment {
  goldenId: string;
  outcome: AssessmentOutcome;
  /** Why: the decision of the best pair, or what held a link back. */
  reason: 'current' | 'linked' | 'coherent' | 'review-band' | 'weak-average' | 'incoherent-merge' | 'same-source-duplicate' | 'below-review' | DeterministicRule;
  /** The member the record is most likely the same party as, with the explained score. */
  best: MemberScore;
  /** Mean probability over every member (a deterministic link counts as 1). */
  averageProbability: number;
  members: number;
}

export type IncrementalDecision =
  | { type: 'create'; assessments: ClusterAssessment[] }
  | { type: 'link'; goldenId: string; assessments: ClusterAssessment[] }
  | { type: 'merge'; survivorId: string; mergedIds: string[]; assessments: ClusterAssessment[] };

/**
 * The keys a record is stored under and looked up by: every default blocking rule for its kind, on
 * the parts its `engineOn` names where it has them, prefixed with the rule and the kind (persons
 * and organizations never share a block). The batch path keeps only a company name's two rarest
 * words; one record alone cannot know which are rare, so here every word is a key but the generic
 * ones of a shipped list (`companyWordKeys`: "boulangerie", "services"), and the database skips
 * the blocks that are too large. A house number and street are keyed within their postal district
 * (a batch keys them alone). Rules marked `batchOnly` (an email's one-typo deletion keys, one per
 * character) are not stored.
 */
export function incrementalBlockingKeys(record: MatchRecord, options: FeatureOptions = {}, rules: readonly BlockingRuleSpec[] = DEFAULT_BLOCKING_RULES): string[] {
  return incrementalBlockingKeysOf(extractFeatures(record, options), rules);
}

/** `incrementalBlockingKeys` of a record whose features are already extracted. */
export function incrementalBlockingKeysOf(features: Features, rules: readonly BlockingRuleSpec[] = DEFAULT_BLOCKING_RULES): string[] {
  const kind = features.record.kind ?? 'any';
  const keys = new Set<string>();
  for (const rule of rulesForKind(rules, kind)) {
    if (rule.batchOnly) continue;
    const incremental: BlockingRuleSpec = rule.engineOn ? { ...rule, on: rule.engineOn } : rule;
    for (const key of blockingKeys(incremental, features)) keys.add(`${rule.name}|${kind}|${key}`);
  }
  return [...keys].sort();
}

/** Merges keep the oldest golden record (then the smallest id): the id downstream systems hold lives on. */
export function compareGoldenAge(a: Pick<GoldenCluster, 'goldenId' | 'createdAt'>, b: Pick<GoldenCluster, 'goldenId' | 'createdAt'>): number {
  const time = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (time !== 0) return time;
  return a.goldenId < b.goldenId ? -1 : a.goldenId > b.goldenId ? 1 : 0;
}

const effective = (score: PairScore) => (score.rule === 'same-siret' ? 1 : isCannotLink(score.rule) ? 0 : score.probability);

export function resolveIncoming(record: MatchRecord, clusters: readonly GoldenCluster[], model: MatchModel, options: IncrementalOptions = {}): IncrementalDecision {
  const thresholds = options.thresholds ?? model.thresholds;
  const minAverage = options.minAverageProbability ?? DEFAULT_MIN_AVERAGE_PROBABILITY;
  const features = (r: MatchRecord) => extractFeatures(r, options);
  const incoming = features(record);
  const unique = new Set(options.uniqueSources ?? []);
  /** Whether the two groups hold records of one unique source (other than the incoming record itself). */
  const holdsUnique = (a: readonly MatchRecord[], b: readonly MatchRecord[]) =>
    a.some((x) => x.source !== undefined && unique.has(x.source) && b.some((y) => y.id !== x.id && y.source === x.source));
  const membersOf = new Map<string, Features[]>();
  const assessments: ClusterAssessment[] = [];

  for (const cluster of clusters) {
    const members = cluster.members.filter((m) => m.id !== record.id).map(features);
    membersOf.set(cluster.goldenId, members);
    if (members.length === 0) continue;
    const scored = members.map((m): MemberScore => {
      const score = scoreFeatures(incoming, m, model, options.notAMatch);
      return { recordId: m.record.id, score, decision: decideMatch(score, thresholds) };
    });
    const blocked = scored.find((s) => isCannotLink(s.score.rule));
    const best = blocked ?? scored.reduce((x, y) => (effective(y.score) > effective(x.score) || (effective(y.score) === effective(x.score) && y.recordId < x.recordId) ? y : x));
    const averageProbability = scored.reduce((sum, s) => sum + effective(s.score), 0) / scored.length;
    const assessment: ClusterAssessment = { goldenId: cluster.goldenId, outcome: 'distinct', reason: 'below-review', best, averageProbability, members: scored.length };
    if (blocked) assessment.reason = blocked.score.rule!;
    else if (best.decision === 'link' && averageProbability >= minAverage && holdsUnique(cluster.members, [record])) {
      // the pair to show is the record and its duplicate in the same source
      const duplicates = scored.filter((_, i) => members[i].record.source === record.source);
      const duplicate = duplicates.reduce((x, y) => (effective(y.score) > effective(x.score) ? y : x));
      Object.assign(assessment, { outcome: 'review', reason: 'same-source-duplicate', best: duplicate });
    } else if (best.decision === 'link' && averageProbability >= minAverage) Object.assign(assessment, { outcome: 'link', reason: 'linked' });
    else if (best.decision === 'link') Object.assign(assessment, { outcome: 'review', reason: 'weak-average' });
    else if (best.decision === 'review') Object.assign(assessment, { outcome: 'review', reason: 'review-band' });
    assessments.push(assessment);
  }

  const byAge = new Map(clusters.map((c) => [c.goldenId, c]));
  const current = options.currentGoldenId !== undefined && byAge.has(options.currentGoldenId) ? options.currentGoldenId : undefined;
  const linkable = assessments
    .filter((a) => a.outcome === 'link' && a.goldenId !== current)
    .sort((a, b) => b.averageProbability - a.averageProbability || compareGoldenAge(byAge.get(a.goldenId)!, byAge.get(b.goldenId)!));
  if (current !== undefined) {
    let own = assessments.find((a) => a.goldenId === current);
    if (own === undefined) {
      own = { goldenId: current, outcome: 'link', reason: 'current', best: { recordId: record.id, score: { weight: Infinity, probability: 1, contributions: [] }, decision: 'link' }, averageProbability: 1, members: 0 };
      assessments.push(own);
    }
    Object.assign(own, { outcome: 'link', reason: 'current' });
    linkable.unshift(own);
  }
  if (linkable.length === 0) return { type: 'create', assessments: sortAssessments(assessments) };

  // average linkage, greedily from the record's own golden record or else the most likely one:
  // each further one joins only if it is coherent with everything gathered so far (the incoming
  // record included)
  const group = [linkable[0]];
  const gathered = [incoming, ...membersOf.get(linkable[0].goldenId)!];
  for (const next of linkable.slice(1)) {
    const members = membersOf.get(next.goldenId)!;
    if (holdsUnique(gathered.map((f) => f.record), members.map((f) => f.record))) {
      next.outcome = 'review';
      next.reason = 'same-source-duplicate';
      continue;
    }
    let sum = 0;
    let pairs = 0;
    let cannotLink = false;
    for (const a of gathered) {
      for (const b of members) {
        const score = scoreFeatures(a, b, model, options.notAMatch);
        if (isCannotLink(score.rule)) cannotLink = true;
        sum += effective(score);
        pairs++;
      }
    }
    if (!cannotLink && sum / pairs >= minAverage) {
      next.outcome = 'merge';
      next.reason = 'coherent';
      group.push(next);
      gathered.push(...members);
    } else {
      next.outcome = 'review';
      next.reason = 'incoherent-merge';
    }
  }

  const ordered = sortAssessments(assessments);
  if (group.length === 1) return { type: 'link', goldenId: group[0].goldenId, assessments: ordered };
  const survivors = group.map((a) => byAge.get(a.goldenId)!).sort(compareGoldenAge);
  return { type: 'merge', survivorId: survivors[0].goldenId, mergedIds: survivors.slice(1).map((c) => c.goldenId), assessments: ordered };
}

function sortAssessments(assessments: ClusterAssessment[]): ClusterAssessment[] {
  return assessments.sort((a, b) => b.averageProbability - a.averageProbability || (a.goldenId < b.goldenId ? -1 : a.goldenId > b.goldenId ? 1 : 0));
}
