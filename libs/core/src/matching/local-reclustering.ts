import { BlockingRuleSpec, DEFAULT_BLOCKING_RULES } from './blocking-rules';
import { clusterLinks, DEFAULT_MIN_AVERAGE_PROBABILITY, LinkedPairs } from './clustering';
import { decideMatch, MatchDecision } from './decision';
import { deterministicRule, DeterministicRule, isCannotLink, MustLinkSet, NotAMatchSet } from './deterministic-rules';
import { extractFeatures, FeatureOptions, Features } from './features';
import { compareGoldenAge, GoldenCluster, incrementalBlockingKeysOf } from './incremental';
import { MatchModel, MatchThresholds } from './match-model';
import { MatchRecord } from './match-record';
import { comparePair, PairScore, probabilityOfWeight, scoreFeatures, scoringModel, weightOfLevels } from './scoring';
import { UnionFind } from './union-find';

/**
 * Order-independent incremental resolution: instead of deciding greedily where one incoming record
 * goes, re-cluster the records around it with the batch algorithm (`clusterLinks`, average
 * linkage, ties broken by record id) and reconcile the new partition with the golden records
 * that hold them today. See docs/matching.md, "Order-independent incremental resolution".
 *
 * The partition a re-clustering gives depends only on the set of records it is given (and the
 * steward decisions), never on the order they came in. It equals the batch clustering of the
 * whole database as long as the caller gives whole *link components*: every golden record linked
 * (directly or through others) to an incoming record or to a golden record given. The plan names
 * each cluster's component (`PlannedCluster.component`) so the caller can keep an index of them.
 */
export interface LocalClusteringOptions extends FeatureOptions {
  /** Link and review thresholds (default: the model's). */
  thresholds?: MatchThresholds;
  /** Average probability two clusters need over all their cross pairs to merge (average linkage). */
  minAverageProbability?: number;
  /** Pairs of record ids a steward declared distinct: never in one cluster. */
  notAMatch?: NotAMatchSet;
  /**
   * Pairs of record ids a steward declared the same party: always in one cluster (with whatever
   * else average linkage joins to them), never undone by a new version of either record.
   */
  mustLink?: MustLinkSet;
  /** Sources that must never hold two records in one cluster (the ERP): such a pair is a cannot-link, reported for review. */
  uniqueSources?: readonly string[];
  /** Blocking rules whose incremental keys make candidate pairs (default: the default rules). */
  blockingRules?: readonly BlockingRuleSpec[];
  /**
   * The keys of a record: two records are a candidate pair (the only pairs that can be links) when
   * they share one. Default: `incrementalBlockingKeysOf`, the keys the engine stores in match_key.
   * It must depend on the record alone, or the partition depends on the order again.
   */
  keysOf?: (features: Features) => readonly string[];
  /**
   * Most records re-clustered at once (default 2,000). Beyond, only the incoming records and the
   * golden records sharing a key with one of them are re-clustered; the others keep their golden
   * record, the plan says `capped`, and order independence is no longer guaranteed for them.
   */
  maxLocalRecords?: number;
}

export const DEFAULT_MAX_LOCAL_RECORDS = 2000;

/** One cluster of the new local partition, and the golden record it will be. */
export interface PlannedCluster {
  /** The existing golden id it keeps, or, when `created`, the reference of the golden record to create (`new:<first member id>`). */
  goldenId: string;
  created: boolean;
  /** Record ids, sorted. */
  members: string[];
  /** The link component it belongs to: the smallest record id of the component. */
  component: string;
  /** Golden records merged into this one (their id is retired, redirected here; the oldest survives). */
  mergedIds: string[];
  /** For a created cluster: the existing golden records some of its members come from (a split). */
  splitFrom: string[];
  /** Its members changed, or it holds an incoming record: its golden values must be recomputed. */
  changed: boolean;
}

export type PlanStep =
  /** A new golden record; `ref` stands for its id in the other steps. A split when `splitFrom` is not empty. */
  | { type: 'create'; ref: string; members: string[]; splitFrom: string[] }
  /**
   * After the moves: `mergedIds` are retired into `survivorId` (the oldest of them all): tombstone,
   * redirect, move their overrides, and move to the survivor any member the plan did not place
   * (members the caller did not load).
   */
  | { type: 'merge'; survivorId: string; mergedIds: string[] }
  /** The record's golden record changes (`from` is null for a record new to the engine). `to` is a golden id or a create `ref`. */
  | { type: 'move'; recordId: string; from: string | null; to: string };

export type LocalReviewReason = 'review-band' | 'weak-average' | 'same-source-duplicate';

export interface PairExplanation {
  left: string;
  right: string;
  score: PairScore;
  decision: MatchDecision;
}

/** Two final clusters a steward should look at, with the pair that explains why. */
export interface PlannedReview {
  /** Golden ids (or create refs) of the two clusters; `left` holds `best.left`. */
  left: string;
  right: string;
  /**
   * review-band: the best candidate pair between them is between the review and link thresholds;
   * weak-average: linked, but average linkage kept the clusters apart; same-source-duplicate: two
   * records of a unique source (the ERP) match, which only the source can fix.
   */
  reason: LocalReviewReason;
  best: PairExplanation;
  /** Mean probability over all cross pairs (a cannot-link counts 0, a shared SIRET 1). */
  averageProbability: number;
  pairs: number;
}

export interface LocalPlanStats {
  /** Records re-clustered (the local set). */
  records: number;
  goldenRecords: number;
  /** Pairs sharing a key that can be links: an incoming record's, or two records of one link component. */
  candidatePairs: number;
  links: number;
  /** Pairs scored in all (candidate pairs and the cross pairs average linkage needed). */
  pairsScored: number;
  components: number;
}

export interface LocalPlan {
  /** Every cluster of the local set after re-clustering, by first member id (unchanged ones too). */
  clusters: PlannedCluster[];
  /** What changes, in the order to apply: creates, then moves, then merges. Empty when nothing changes. */
  steps: PlanStep[];
  reviews: PlannedReview[];
  /** The local set was larger than `maxLocalRecords` and was cut to the incoming records' direct candidates. */
  capped: boolean;
  stats: LocalPlanStats;
}

/** A pair's probability and rules, as the clustering reads them. */
interface Scored {
  probability: number;
  rule: DeterministicRule | undefined;
  /** Never in one cluster: a cannot-link rule, or two records of one unique source. */
  cannotLink: boolean;
  sameSource: boolean;
  /** A steward merged them: one cluster, whatever the rest says. */
  mustLink: boolean;
}

export const NEW_GOLDEN_PREFIX = 'new:';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Re-clusters the incoming records with the members of the given golden records and returns the
 * plan that turns today's assignment (record → golden id) into the new partition.
 *
 * `incoming`: new records, or new versions of records some golden record holds (they replace
 * them); empty to re-cluster after a steward decision. `clusters`: the golden records to
 * re-cluster with — at least those sharing a key with an incoming record and the ones that hold
 * an incoming record; for order independence, whole link components (see the module comment).
 */
export function reclusterLocally(incoming: readonly MatchRecord[], clusters: readonly GoldenCluster[], model: MatchModel, options: LocalClusteringOptions = {}): LocalPlan {
  const thresholds = options.thresholds ?? model.thresholds;
  const featureOptions: FeatureOptions = { isGeneric: options.isGeneric, defaultCountry: options.defaultCountry, cache: options.cache };
  const rules = options.blockingRules ?? DEFAULT_BLOCKING_RULES;
  const keysOf = options.keysOf ?? ((f: Features) => incrementalBlockingKeysOf(f, rules));
  const unique = new Set(options.uniqueSources ?? []);
  const maxLocal = options.maxLocalRecords ?? DEFAULT_MAX_LOCAL_RECORDS;

  // today's assignment; an incoming record replaces its stored version
  const current = new Map<string, string>();
  const goldens = new Map<string, GoldenCluster>();
  const stored = new Map<string, MatchRecord>();
  for (const cluster of clusters) {
    if (goldens.has(cluster.goldenId)) throw new Error(`golden record ${cluster.goldenId} given twice`);
    goldens.set(cluster.goldenId, cluster);
    for (const member of cluster.members) {
      const other = current.get(member.id);
      if (other !== undefined) throw new Error(`record ${member.id} is in golden records ${other} and ${cluster.goldenId}`);
      current.set(member.id, cluster.goldenId);
      stored.set(member.id, member);
    }
  }
  const incomingIds = new Set<string>();
  for (const record of incoming) {
    if (incomingIds.has(record.id)) throw new Error(`record ${record.id} comes twice`);
    incomingIds.add(record.id);
    stored.set(record.id, record);
  }

  let records = [...stored.values()].sort((a, b) => byString(a.id, b.id));
  let features = records.map((r) => extractFeatures(r, featureOptions));
  let keys = features.map((f) => keysOf(f));
  let capped = false;
  if (records.length > maxLocal) {
    // keep the incoming records and the golden records that share a key with one, or hold one
    capped = true;
    const incomingKeys = new Set<string>();
    records.forEach((r, i) => incomingIds.has(r.id) && keys[i].forEach((k) => incomingKeys.add(k)));
    const kept = new Set<string>();
    records.forEach((r, i) => {
      const golden = current.get(r.id);
      if (golden !== undefined && (incomingIds.has(r.id) || keys[i].some((k) => incomingKeys.has(k)))) kept.add(golden);
    });
    const keep = records.map((r) => incomingIds.has(r.id) || kept.has(current.get(r.id)!));
    records = records.filter((_, i) => keep[i]);
    features = features.filter((_, i) => keep[i]);
    keys = keys.filter((_, i) => keep[i]);
    for (const id of [...goldens.keys()]) if (!kept.has(id)) goldens.delete(id);
  }
  const n = records.length;

  // candidate pairs: records sharing a key, each pair once, the lower id on the left. Two stored
  // records of different link components are not linked (their components would be one): their
  // pair cannot be a link, so it is left out, and a block shared by many stored records costs the
  // pairs of the incoming records, not the square of the block.
  const componentOf = records.map((r) => (incomingIds.has(r.id) ? undefined : goldens.get(current.get(r.id)!)?.component));
  const byKey = new Map<string, number[]>();
  keys.forEach((list, i) => {
    for (const key of list) {
      const holders = byKey.get(key);
      if (holders) holders.push(i);
      else byKey.set(key, [i]);
    }
  });
  /** A pair's number: the lower index on the left. */
  const pair = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const candidates = new Set<number>();
  let leftOut = false;
  const allPairs = (list: number[]) => {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) candidates.add(list[x] * n + list[y]);
  };
  for (const holders of byKey.values()) {
    // holders are in index order; `open` are those without a known component (incoming records)
    const open: number[] = [];
    const byComponent = new Map<string, number[]>();
    for (const i of holders) {
      const c = componentOf[i];
      if (c === undefined) open.push(i);
      else {
        const same = byComponent.get(c);
        if (same) same.push(i);
        else byComponent.set(c, [i]);
      }
    }
    // one stored component or none: every pair can be a link
    if (byComponent.size <= 1) {
      allPairs(holders);
      continue;
    }
    leftOut = true;
    for (const o of open) for (const i of holders) if (i !== o) candidates.add(pair(i, o));
    for (const same of byComponent.values()) allPairs(same);
  }
  const candidatePairs = [...candidates].sort((a, b) => a - b);

  // pair scores, memoised: probability and deterministic rule, with the same functions as batch
  const scoring = scoringModel(model);
  const levels = new Uint8Array(scoring.comparisons.length);
  const scores = new Map<number, Scored>();
  const score = (i: number, j: number): Scored => {
    const key = pair(i, j);
    let scored = scores.get(key);
    if (scored === undefined) {
      const [a, b] = i < j ? [features[i], features[j]] : [features[j], features[i]];
      const rule = deterministicRule(a, b, options.notAMatch);
      const sameSource = a.record.source !== undefined && a.record.source === b.record.source && unique.has(a.record.source);
      const mustLink = options.mustLink?.has(a.record.id, b.record.id) ?? false;
      const probability = probabilityOfWeight(weightOfLevels(comparePair(a, b, scoring, levels), a, b, scoring));
      scored = { probability, rule, cannotLink: !mustLink && (sameSource || isCannotLink(rule)), sameSource, mustLink };
      scores.set(key, scored);
    }
    return scored;
  };
  /** The probability average linkage reads: −∞ for a cannot-link, 1 for a shared SIRET or a steward's merge. */
  const pairProbability = (i: number, j: number): number => {
    const { probability, rule, cannotLink, mustLink } = score(i, j);
    return mustLink ? 1 : cannotLink ? -Infinity : rule === 'same-siret' ? 1 : probability;
  };

  // the steward's merges among the local records, each pair once, the lower index on the left
  const indexOf = new Map(records.map((r, i) => [r.id, i]));
  const mustPairs: number[] = [];
  for (const [a, b] of options.mustLink?.entries() ?? []) {
    const i = indexOf.get(a);
    const j = indexOf.get(b);
    if (i !== undefined && j !== undefined && i !== j) mustPairs.push(pair(i, j));
  }
  const extra = mustPairs.filter((key) => !candidates.has(key));
  const size = candidatePairs.length + extra.length;
  const links: LinkedPairs = { left: new Uint32Array(size), right: new Uint32Array(size), probability: new Float64Array(size), length: 0 };
  for (const key of [...candidatePairs, ...extra]) {
    const i = Math.floor(key / n);
    const j = key % n;
    const { probability, rule, cannotLink, mustLink } = score(i, j);
    if (!mustLink && (cannotLink || decideMatch({ probability, rule }, thresholds) !== 'link')) continue;
    links.left[links.length] = i;
    links.right[links.length] = j;
    links.probability[links.length] = mustLink || rule === 'same-siret' ? 1 : probability;
    links.length++;
  }
  const rank = Int32Array.from({ length: n }, (_, i) => i);
  const mustLink = { left: mustPairs.map((key) => Math.floor(key / n)), right: mustPairs.map((key) => key % n), length: mustPairs.length };
  const labels = clusterLinks(n, links, pairProbability, rank, { minAverageProbability: options.minAverageProbability ?? DEFAULT_MIN_AVERAGE_PROBABILITY, mustLink });
  const component = componentsOf(n, links);

  // the new partition, clusters by first member (records are in id order)
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const group = groups.get(labels[i]);
    if (group) group.push(i);
    else groups.set(labels[i], [i]);
  }
  const partition = [...groups.values()].sort((a, b) => a[0] - b[0]);
  const clusterOf = new Int32Array(n);
  partition.forEach((group, c) => group.forEach((i) => (clusterOf[i] = c)));

  // each golden record's home: the cluster holding most of its members (then the larger cluster, then the first)
  const homed: string[][] = partition.map(() => []);
  const membersOf = new Map<string, number[]>();
  records.forEach((r, i) => {
    const golden = current.get(r.id);
    if (golden === undefined) return;
    const list = membersOf.get(golden);
    if (list) list.push(i);
    else membersOf.set(golden, [i]);
  });
  for (const [goldenId, members] of membersOf) {
    const counts = new Map<number, number>();
    for (const i of members) counts.set(clusterOf[i], (counts.get(clusterOf[i]) ?? 0) + 1);
    let home = -1;
    for (const [c, count] of counts) {
      const best = home < 0 ? 0 : counts.get(home)!;
      if (home < 0 || count > best || (count === best && (partition[c].length > partition[home].length || (partition[c].length === partition[home].length && c < home)))) home = c;
    }
    homed[home].push(goldenId);
  }
  // a cluster keeps the oldest golden record homed in it, the others merge into it; none: a new one
  const age = (id: string) => goldens.get(id)!;
  const planned: PlannedCluster[] = partition.map((group, c) => {
    const candidates = homed[c].sort((a, b) => compareGoldenAge(age(a), age(b)));
    const members = group.map((i) => records[i].id);
    const created = candidates.length === 0;
    const goldenId = created ? NEW_GOLDEN_PREFIX + members[0] : candidates[0];
    const origins = new Set(members.map((id) => current.get(id)).filter((g): g is string => g !== undefined));
    const kept = created ? [] : (membersOf.get(goldenId) ?? []).map((i) => records[i].id);
    const changed = created || candidates.length > 1 || kept.length !== members.length || members.some((id) => current.get(id) !== goldenId || incomingIds.has(id));
    return {
      goldenId,
      created,
      members,
      component: records[component[group[0]]].id,
      mergedIds: candidates.slice(1),
      splitFrom: created ? [...origins].sort(byString) : [],
      changed,
    };
  });

  const steps: PlanStep[] = [];
  for (const c of planned) if (c.created) steps.push({ type: 'create', ref: c.goldenId, members: c.members, splitFrom: c.splitFrom });
  for (const c of planned) for (const id of c.members) if (current.get(id) !== c.goldenId) steps.push({ type: 'move', recordId: id, from: current.get(id) ?? null, to: c.goldenId });
  for (const c of planned) if (c.mergedIds.length > 0) steps.push({ type: 'merge', survivorId: c.goldenId, mergedIds: c.mergedIds });

  // a pair left out above cannot be a link but can be a possible match: it is looked at when one of
  // its clusters changed (it holds an incoming record, or its members changed); two unchanged
  // clusters' possible match was looked at when one of them last changed
  let reviewPairs = candidatePairs;
  if (leftOut) {
    const seen = new Set(candidates);
    const more: number[] = [];
    for (const holders of byKey.values()) {
      for (const i of holders) {
        if (!planned[clusterOf[i]].changed) continue;
        for (const j of holders) {
          if (clusterOf[j] === clusterOf[i]) continue;
          const key = pair(i, j);
          if (!seen.has(key)) {
            seen.add(key);
            more.push(key);
          }
        }
      }
    }
    if (more.length > 0) reviewPairs = [...candidatePairs, ...more].sort((a, b) => a - b);
  }
  const reviews = reviewsBetween(planned, clusterOf, reviewPairs, n, score, (i, j) => {
    const [a, b] = i < j ? [features[i], features[j]] : [features[j], features[i]];
    return scoreFeatures(a, b, model, options.notAMatch);
  }, thresholds, records);

  return {
    clusters: planned,
    steps,
    reviews,
    capped,
    stats: { records: n, goldenRecords: goldens.size, candidatePairs: candidatePairs.length, links: links.length, pairsScored: scores.size, components: new Set(component).size },
  };
}

/** The best candidate pair between every two final clusters that a steward should see. */
function reviewsBetween(
  planned: PlannedCluster[],
  clusterOf: Int32Array,
  candidatePairs: number[],
  n: number,
  score: (i: number, j: number) => Scored,
  explain: (i: number, j: number) => PairScore,
  thresholds: MatchThresholds,
  records: MatchRecord[],
): PlannedReview[] {
  const best = new Map<number, { i: number; j: number; reason: LocalReviewReason; probability: number }>();
  const rankOf = (r: LocalReviewReason) => (r === 'same-source-duplicate' ? 1 : 0);
  for (const key of candidatePairs) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (clusterOf[i] === clusterOf[j]) continue;
    const { probability, rule, sameSource } = score(i, j);
    let reason: LocalReviewReason;
    if (sameSource && !isCannotLink(rule)) {
      if (decideMatch({ probability, rule }, thresholds) !== 'link') continue;
      reason = 'same-source-duplicate';
    } else {
      const decision = decideMatch({ probability, rule }, thresholds);
      if (decision === 'distinct') continue;
      reason = decision === 'link' ? 'weak-average' : 'review-band';
    }
    const x = Math.min(clusterOf[i], clusterOf[j]);
    const y = Math.max(clusterOf[i], clusterOf[j]);
    const p = rule === 'same-siret' ? 1 : probability;
    const previous = best.get(x * planned.length + y);
    // a source duplicate is shown first (only the source can fix it), then the most likely pair
    if (!previous || rankOf(reason) > rankOf(previous.reason) || (rankOf(reason) === rankOf(previous.reason) && p > previous.probability)) best.set(x * planned.length + y, { i, j, reason, probability: p });
  }
  const reviews: PlannedReview[] = [];
  const memberIndex = new Map(records.map((r, i) => [r.id, i]));
  for (const [key, { i, j, reason }] of best) {
    const x = Math.floor(key / planned.length);
    const y = key % planned.length;
    let sum = 0;
    let pairs = 0;
    for (const a of planned[x].members)
      for (const b of planned[y].members) {
        const { probability, rule, cannotLink } = score(memberIndex.get(a)!, memberIndex.get(b)!);
        sum += cannotLink ? 0 : rule === 'same-siret' ? 1 : probability;
        pairs++;
      }
    const explained = explain(i, j);
    const [left, right] = i < j ? [i, j] : [j, i];
    reviews.push({
      left: planned[clusterOf[left]].goldenId,
      right: planned[clusterOf[right]].goldenId,
      reason,
      best: { left: records[left].id, right: records[right].id, score: explained, decision: decideMatch(explained, thresholds) },
      averageProbability: sum / pairs,
      pairs,
    });
  }
  return reviews.sort((a, b) => b.best.score.probability - a.best.score.probability || byString(a.best.left, b.best.left) || byString(a.best.right, b.best.right));
}

/** For each record, the smallest index of its link component (records are in id order). */
function componentsOf(n: number, links: LinkedPairs): Int32Array {
  const sets = new UnionFind(n);
  for (let p = 0; p < links.length; p++) sets.union(links.left[p], links.right[p]);
  return Int32Array.from({ length: n }, (_, i) => sets.find(i));
}

/**
 * The golden records an incoming record is linked to among candidates (a pair sharing a key, at
 * or above the link threshold, no cannot-link): the components the caller must load whole before
 * `reclusterLocally`. Cheaper than loading the components of every candidate.
 */
export function linkedGoldenIds(record: MatchRecord, clusters: readonly GoldenCluster[], model: MatchModel, options: LocalClusteringOptions = {}): string[] {
  const thresholds = options.thresholds ?? model.thresholds;
  const featureOptions: FeatureOptions = { isGeneric: options.isGeneric, defaultCountry: options.defaultCountry, cache: options.cache };
  const keysOf = options.keysOf ?? ((f: Features) => incrementalBlockingKeysOf(f, options.blockingRules ?? DEFAULT_BLOCKING_RULES));
  const unique = new Set(options.uniqueSources ?? []);
  const incoming = extractFeatures(record, featureOptions);
  const keys = new Set(keysOf(incoming));
  const linked: string[] = [];
  for (const cluster of clusters) {
    const hit = cluster.members.some((member) => {
      if (member.id === record.id) return false;
      if (member.source !== undefined && member.source === record.source && unique.has(member.source)) return false;
      const other = extractFeatures(member, featureOptions);
      if (!keysOf(other).some((k) => keys.has(k))) return false;
      const [a, b] = record.id < member.id ? [incoming, other] : [other, incoming];
      return decideMatch(scoreFeatures(a, b, model, options.notAMatch), thresholds) === 'link';
    });
    if (hit) linked.push(cluster.goldenId);
  }
  return linked.sort(byString);
}
