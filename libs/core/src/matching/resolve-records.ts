import { PartyKind } from '../model/attributes';
import { BlockingReport, BlockingRuleReport, DEFAULT_MAX_BLOCK_SIZE, generateCandidatePairs } from './blocking';
import { BlockingRuleSpec, DEFAULT_BLOCKING_RULES, rulesForKind } from './blocking-rules';
import { clusterLinks, ClusteringOptions, LinkedPairs } from './clustering';
import { ComparisonSpec } from './comparison-spec';
import { decideMatch } from './decision';
import { defaultComparisons } from './default-comparisons';
import { deterministicRule, isCannotLink, NotAMatchSet } from './deterministic-rules';
import { EmOptions } from './expectation-maximisation';
import { extractFeatures, Features } from './features';
import { IsGenericValue } from './generic-values';
import { internFeatures, StringInterner } from './intern';
import { MatchRecord } from './match-record';
import { MatchModel, MatchThresholds } from './match-model';
import { comparePair, frequencyAdjustments, levelsWeight, probabilityOfWeight, scoringModel, usesFrequencies, weightOfLevels } from './scoring';
import { compareCandidates, trainModel, TrainingSession, untrainedModel } from './training';

/** Persons and organizations are matched apart, each with its own model; "any" is for records without a kind. */
export type KindKey = PartyKind | 'any';
export type ModelsByKind = Partial<Record<KindKey, MatchModel>>;

export interface ResolveOptions {
  /** Trained models by kind: a kind that has one is not trained again. */
  models?: ModelsByKind;
  comparisons?: ComparisonSpec[];
  blockingRules?: BlockingRuleSpec[];
  thresholds?: MatchThresholds;
  maxBlockSize?: number;
  /** Never pair two records of one source. */
  linkOnly?: boolean;
  /** Pairs of record ids a steward declared distinct. */
  notAMatch?: Iterable<readonly [string, string]>;
  isGeneric?: IsGenericValue;
  defaultCountry?: string;
  clustering?: ClusteringOptions;
  uSamplePairs?: number;
  em?: EmOptions;
  seed?: number;
  /** True entity per record (aligned with the records), only to report the blocking recall. */
  truth?: readonly (string | undefined)[];
}

export interface ReviewPair {
  left: string;
  right: string;
  probability: number;
}

export type Timings = Record<'features' | 'blocking' | 'comparing' | 'training' | 'scoring' | 'clustering', number>;

export interface ResolveResult {
  /** Cluster id of each record, aligned with the input: the smallest record id of its cluster. */
  clusterIds: string[];
  clusters: number;
  /** The model of each kind present (trained here, or the one given). */
  models: ModelsByKind;
  /** The EM sessions of the models trained here. */
  sessions: (TrainingSession & { kind: KindKey })[];
  blocking: BlockingReport;
  /** Candidate pairs compared. */
  comparisons: number;
  links: number;
  /** Pairs between the review and link thresholds, for a steward. */
  reviews: ReviewPair[];
  warnings: string[];
  timings: Timings;
}

const KIND_ORDER: KindKey[] = ['person', 'organization', 'any'];

/**
 * Batch entity resolution in memory, per kind: features → blocking → comparison vectors →
 * (training) → scoring with the same functions as `scorePair` → deterministic rules → clustering.
 */
export function resolveRecords(records: readonly MatchRecord[], options: ResolveOptions = {}): ResolveResult {
  checkUniqueIds(records);
  const result: ResolveResult = {
    clusterIds: new Array<string>(records.length),
    clusters: 0,
    models: {},
    sessions: [],
    blocking: { records: 0, comparisons: 0, rules: [], warnings: [] },
    comparisons: 0,
    links: 0,
    reviews: [],
    warnings: [],
    timings: { features: 0, blocking: 0, comparing: 0, training: 0, scoring: 0, clustering: 0 },
  };
  const groups = groupByKind(records);
  const notAMatch = new NotAMatchSet(options.notAMatch ?? []);
  for (const [kind, indices] of groups) {
    const group = resolveGroup(
      indices.map((i) => records[i]),
      { ...options, comparisons: options.comparisons ?? defaultComparisons(kind), blockingRules: rulesForKind(options.blockingRules ?? DEFAULT_BLOCKING_RULES, kind) },
      options.models?.[kind],
      notAMatch,
      options.truth ? indices.map((i) => options.truth![i]) : undefined,
    );
    group.labels.forEach((label, k) => (result.clusterIds[indices[k]] = records[indices[label]].id));
    result.clusters += group.clusters;
    result.models[kind] = group.model;
    result.sessions.push(...group.sessions.map((s) => ({ ...s, kind })));
    mergeReport(result.blocking, group.report, groups.size > 1 ? `${kind}: ` : '');
    result.comparisons += group.report.comparisons;
    result.links += group.links;
    for (const review of group.reviews) result.reviews.push(review);
    for (const key of Object.keys(result.timings) as (keyof Timings)[]) result.timings[key] = round(result.timings[key] + group.timings[key]);
  }
  result.warnings = result.blocking.warnings;
  return result;
}

/**
 * Puts together the results of resolving disjoint parts of one input (each part holding whole
 * kinds, e.g. persons in one worker thread and organizations in another): `indices` say where each
 * part's records sit in the whole input.
 */
export function combineResults(parts: readonly { indices: readonly number[]; result: ResolveResult }[], total: number): ResolveResult {
  const combined: ResolveResult = {
    clusterIds: new Array<string>(total),
    clusters: 0,
    models: {},
    sessions: [],
    blocking: { records: 0, comparisons: 0, rules: [], warnings: [] },
    comparisons: 0,
    links: 0,
    reviews: [],
    warnings: [],
    timings: { features: 0, blocking: 0, comparing: 0, training: 0, scoring: 0, clustering: 0 },
  };
  for (const { indices, result } of parts) {
    indices.forEach((index, k) => (combined.clusterIds[index] = result.clusterIds[k]));
    combined.clusters += result.clusters;
    Object.assign(combined.models, result.models);
    for (const session of result.sessions) combined.sessions.push(session);
    mergeReport(combined.blocking, result.blocking, '');
    combined.comparisons += result.comparisons;
    combined.links += result.links;
    for (const review of result.reviews) combined.reviews.push(review);
    // parts run side by side: the slowest one sets the time of each step
    for (const key of Object.keys(combined.timings) as (keyof Timings)[]) combined.timings[key] = Math.max(combined.timings[key], result.timings[key]);
  }
  combined.warnings = combined.blocking.warnings;
  return combined;
}

interface GroupResult {
  labels: Int32Array;
  clusters: number;
  model: MatchModel;
  sessions: TrainingSession[];
  report: BlockingReport;
  links: number;
  reviews: ReviewPair[];
  timings: Timings;
}

function resolveGroup(
  records: readonly MatchRecord[],
  options: ResolveOptions,
  given: MatchModel | undefined,
  notAMatch: NotAMatchSet,
  truth: (string | undefined)[] | undefined,
): GroupResult {
  const clock = timer();
  const timings = {} as Timings;
  const features = extractAllFeatures(records, options);
  timings.features = clock();
  const blockingRules = options.blockingRules ?? DEFAULT_BLOCKING_RULES;
  const pairs = generateCandidatePairs(features, blockingRules, { maxBlockSize: options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE, linkOnly: options.linkOnly, truth });
  timings.blocking = clock();
  const vectors = compareCandidates(features, pairs, scoringModel(given ?? untrainedModel(options.comparisons, options.thresholds)));
  timings.comparing = clock();
  const trained = given
    ? undefined
    : trainModel(features, pairs, vectors, blockingRules, {
        comparisons: options.comparisons,
        thresholds: options.thresholds,
        uSamplePairs: options.uSamplePairs,
        seed: options.seed,
        em: options.em,
        linkOnly: options.linkOnly,
      });
  const model = given ?? trained!.model;
  timings.training = clock();
  const scoring = scoringModel(model);
  const links: LinkedPairs = { left: new Uint32Array(1024), right: new Uint32Array(1024), probability: new Float64Array(1024), length: 0 };
  const reviews: ReviewPair[] = [];
  const hasRules = notAMatch.size > 0 || new Set(records.map((r) => r.kind)).size > 1 || features.some((f) => f.siren !== undefined || (f.first !== undefined && f.last !== undefined));
  const ruleOf = (a: Features, b: Features) => (hasRules ? deterministicRule(a, b, notAMatch) : undefined);
  // weightOfLevels, with its first part computed once per comparison vector
  const vectorCount = vectors.table.size;
  const baseWeight = new Float64Array(vectorCount);
  const adjusted = new Uint8Array(vectorCount);
  for (let v = 0; v < vectorCount; v++) {
    baseWeight[v] = levelsWeight(vectors.table.vector(v), scoring);
    adjusted[v] = usesFrequencies(vectors.table.vector(v), scoring) ? 1 : 0;
  }
  const review = model.thresholds.review;
  for (let p = 0; p < pairs.length; p++) {
    const i = pairs.left[p];
    const j = pairs.right[p];
    const id = vectors.ids[p];
    const weight = baseWeight[id] + (adjusted[id] ? frequencyAdjustments(vectors.table.vector(id), features[i], features[j], scoring) : 0);
    const probability = probabilityOfWeight(weight);
    // a rule matters for a pair that would be linked or reviewed, or that shares a SIRET
    const rule = probability >= review || (features[i].siret !== undefined && features[j].siret !== undefined) ? ruleOf(features[i], features[j]) : undefined;
    const decision = decideMatch({ probability, rule }, model.thresholds);
    if (decision === 'link') pushLink(links, i, j, rule === 'same-siret' ? 1 : probability);
    else if (decision === 'review') reviews.push({ left: records[i].id, right: records[j].id, probability });
  }
  timings.scoring = clock();
  const levels = new Uint8Array(scoring.comparisons.length);
  const pairProbability = (i: number, j: number): number => {
    const rule = ruleOf(features[i], features[j]);
    if (isCannotLink(rule)) return -Infinity;
    if (rule === 'same-siret') return 1;
    return probabilityOfWeight(weightOfLevels(comparePair(features[i], features[j], scoring, levels), features[i], features[j], scoring));
  };
  const labels = clusterLinks(features.length, links, pairProbability, rankById(records), options.clustering);
  timings.clustering = clock();
  return { labels, clusters: new Set(labels).size, model, sessions: trained?.sessions ?? [], report: pairs.report, links: links.length, reviews, timings };
}

/**
 * Trains models on records without resolving them (features, blocking, comparison vectors and
 * the EM sessions of `resolveRecords`), one per kind present.
 */
export function trainOnRecords(records: readonly MatchRecord[], options: Omit<ResolveOptions, 'models' | 'truth' | 'clustering' | 'notAMatch'> = {}): ModelsByKind {
  const models: ModelsByKind = {};
  for (const [kind, indices] of groupByKind(records)) {
    const blockingRules = rulesForKind(options.blockingRules ?? DEFAULT_BLOCKING_RULES, kind);
    const features = extractAllFeatures(
      indices.map((i) => records[i]),
      options,
    );
    const pairs = generateCandidatePairs(features, blockingRules, { maxBlockSize: options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE, linkOnly: options.linkOnly });
    const comparisons = options.comparisons ?? defaultComparisons(kind);
    const vectors = compareCandidates(features, pairs, scoringModel(untrainedModel(comparisons, options.thresholds)));
    models[kind] = trainModel(features, pairs, vectors, blockingRules, {
      comparisons,
      thresholds: options.thresholds,
      uSamplePairs: options.uSamplePairs,
      seed: options.seed,
      em: options.em,
      linkOnly: options.linkOnly,
    }).model;
  }
  return models;
}

/** Features of every record, their strings shared (`internFeatures`: the same values in less memory). */
function extractAllFeatures(records: readonly MatchRecord[], options: Pick<ResolveOptions, 'isGeneric' | 'defaultCountry'>): Features[] {
  const interner = new StringInterner();
  return records.map((r) => internFeatures(extractFeatures(r, { isGeneric: options.isGeneric, defaultCountry: options.defaultCountry }), interner));
}

/** The model that scores records of this kind. */
export function modelForKind(models: ModelsByKind, kind: PartyKind | undefined): MatchModel | undefined {
  return models[kind ?? 'any'] ?? models.any;
}

/**
 * Record positions by kind, each kind in record id order: blocking, comparison vectors and the
 * training sample then come in one order whatever the input order (or the thread that resolves a
 * kind), so the model and the clusters do too.
 */
function groupByKind(records: readonly MatchRecord[]): Map<KindKey, number[]> {
  const groups = new Map<KindKey, number[]>();
  for (const kind of KIND_ORDER) groups.set(kind, []);
  records.forEach((r, i) => groups.get(r.kind ?? 'any')!.push(i));
  for (const kind of KIND_ORDER) {
    const indices = groups.get(kind)!;
    if (indices.length === 0) groups.delete(kind);
    else indices.sort((x, y) => (records[x].id < records[y].id ? -1 : records[x].id > records[y].id ? 1 : x - y));
  }
  return groups;
}

function mergeReport(into: BlockingReport, from: BlockingReport, prefix: string): void {
  into.records += from.records;
  into.comparisons += from.comparisons;
  for (const rule of from.rules) {
    const existing = into.rules.find((r) => r.rule === rule.rule);
    if (!existing) into.rules.push({ ...rule });
    else mergeRule(existing, rule);
  }
  into.warnings.push(...from.warnings.map((w) => prefix + w));
  if (from.truePairs !== undefined) {
    into.truePairs = (into.truePairs ?? 0) + from.truePairs;
    into.truePairsFound = (into.truePairsFound ?? 0) + (from.truePairsFound ?? 0);
    into.recall = into.truePairs === 0 ? 1 : into.truePairsFound / into.truePairs;
  }
}

function mergeRule(into: BlockingRuleReport, from: BlockingRuleReport): void {
  into.keys += from.keys;
  into.pairs += from.pairs;
  into.oversizedBlocks += from.oversizedBlocks;
  into.largestBlock = Math.max(into.largestBlock, from.largestBlock);
}

function pushLink(links: LinkedPairs, i: number, j: number, probability: number): void {
  if (links.length === links.left.length) {
    const size = links.left.length * 2;
    const left = new Uint32Array(size);
    const right = new Uint32Array(size);
    const prob = new Float64Array(size);
    left.set(links.left);
    right.set(links.right);
    prob.set(links.probability);
    links.left = left;
    links.right = right;
    links.probability = prob;
  }
  links.left[links.length] = i;
  links.right[links.length] = j;
  links.probability[links.length] = probability;
  links.length++;
}

function rankById(records: readonly MatchRecord[]): Int32Array {
  const order = records.map((_, i) => i).sort((x, y) => (records[x].id < records[y].id ? -1 : records[x].id > records[y].id ? 1 : 0));
  const rank = new Int32Array(records.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

function checkUniqueIds(records: readonly MatchRecord[]): void {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) throw new Error(`duplicate record id "${r.id}"`);
    seen.add(r.id);
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function timer(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = (now - last) / 1000;
    last = now;
    return round(elapsed);
  };
}
