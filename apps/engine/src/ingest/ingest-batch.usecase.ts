import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ChangeCause,
  ClusterAssessment,
  DomainError,
  GoldenCluster,
  LocalPlan,
  PartyKind,
  PlannedCluster,
  UnionFind,
  MatchingPolicy,
  ModelsByKind,
  MustLinkSet,
  NotAMatchSet,
  SourceMapping,
  SurvivorshipPolicy,
  compareVersions,
  featureCache,
  modelForKind,
  resolveIncoming,
  reclusterLocally,
  DEFAULT_MAX_LOCAL_RECORDS,
  PairScore,
} from '@mdm/core';
import { DeadLetterStore, GoldenRow, LockedGolden, OutboxMessage, OutboxStore, ResolutionStore, StewardTaskStore, StoredVersion, inTransaction } from '@mdm/persistence';
import { InboundMessage, OutboundTopics } from '@mdm/messaging';
import { failpoint } from '@mdm/observability';
import { PreparedRecord, Preparation, Standardizer, prepareMapped, prepareMessage } from './record-preparation';
import { warmUpRecords } from './warm-up';
import { GoldenChange, GoldenRules, GoldenWriter, deadLetterMessage, retireGoldenRecords, xrefMessage } from '@mdm/golden';

export interface IngestSummary {
  messages: number;
  records: number;
  deadLetters: number;
  unchanged: number;
  created: number;
  updated: number;
  merged: number;
  /** Possible matches opened or refreshed for a steward. */
  reviews: number;
  /** Per record and per dead letter, for the metrics: its source and outcome, the error code. */
  detail: { records: { source: string; outcome: string }[]; deadLetters: string[] };
}

export interface IngestOptions {
  mappings: SourceMapping[];
  topics: OutboundTopics;
  survivorship: SurvivorshipPolicy;
  standardizer: Standardizer;
  matching: MatchingPolicy & { models: ModelsByKind };
  /** ERP synchronisation (config/erp-sync.yaml); absent, no creation request is made. */
  erp?: GoldenRules['erp'];
  maxMessageBytes: number;
  now?: () => Date;
  /** Told about what ingestion survives but an operator should know (oversized blocks). */
  warn?: (message: string, details: Record<string, unknown>) => void;
  /**
   * Most locks (one per record and per blocking key) one transaction takes; a larger set is stored
   * in several transactions, one after the other. PostgreSQL's lock table is shared by every
   * session and holds `max_locks_per_transaction` × `max_connections` entries (6,400 by default):
   * one transaction taking more fails with "out of shared memory". Default 3,000.
   */
  maxLocksPerTransaction?: number;
}

export const DEFAULT_MAX_LOCKS_PER_TRANSACTION = 3000;

/** Thrown to roll the warm-up's transactions back. */
const ROLLED_BACK = new Error('warm-up rolled back');

/** The advisory locks a transaction storing these messages takes: each record, each of its blocking keys. */
function lockKeysOf(prepared: Preparation[]): string[] {
  return prepared.flatMap((p) => (p.ok ? p.records.flatMap((r) => [`record:${r.source}:${r.sourceId}`, ...r.matchKeys]) : []));
}

/**
 * Consecutive slices of `prepared` whose distinct lock keys stay within `budget` (a message
 * alone over the budget is a slice of its own). Order is kept: a record given twice in the batch
 * is stored in order, the slices one after the other.
 */
export function sliceByLocks(prepared: Preparation[], budget: number): Preparation[][] {
  const slices: Preparation[][] = [];
  let slice: Preparation[] = [];
  let keys = new Set<string>();
  for (const item of prepared) {
    const own = lockKeysOf([item]);
    const added = own.filter((k) => !keys.has(k)).length;
    if (slice.length > 0 && keys.size + added > budget) {
      slices.push(slice);
      slice = [];
      keys = new Set();
    }
    slice.push(item);
    for (const k of own) keys.add(k);
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

type Outcome = 'unchanged' | 'created' | 'updated' | 'merged';

/** A record of the batch, the message it came in, and its stored version. */
interface Entry {
  record: PreparedRecord;
  item: Extract<Preparation, { ok: true }>;
  stored: StoredVersion | null;
}

/**
 * Stores a batch of source messages and resolves every record they describe into golden records,
 * in one PostgreSQL transaction: source records, cross-references, golden records, history, dead
 * letters and the outbox rows that announce all of it commit together or not at all.
 */
export class IngestBatchUseCase {
  private readonly byTopic: Map<string, SourceMapping>;
  private readonly bySource: Map<string, SourceMapping>;
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: IngestOptions,
  ) {
    this.byTopic = new Map(options.mappings.map((m) => [m.topic, m]));
    this.bySource = new Map(options.mappings.map((m) => [m.source, m]));
    this.now = options.now ?? (() => new Date());
  }

  async execute(messages: InboundMessage[]): Promise<IngestSummary> {
    return this.executePrepared(this.prepare(messages));
  }

  /** What can be decided about messages without the database (decoding, mapping, standardization). */
  prepare(messages: InboundMessage[]): Preparation[] {
    return messages.map((m) => prepareMessage(m, this.byTopic, this.bySource, this.options.standardizer, this.options.maxMessageBytes));
  }

  /** The same, for messages already prepared (a rebuild prepares some from stored mapped values). */
  async executePrepared(prepared: Preparation[]): Promise<IngestSummary> {
    const summary = emptySummary();
    for (const slice of sliceByLocks(prepared, this.options.maxLocksPerTransaction ?? DEFAULT_MAX_LOCKS_PER_TRANSACTION)) add(summary, await this.executeSlice(slice));
    return summary;
  }

  /**
   * Stores made-up records of both kinds (`warmUpRecords`) the way a batch is stored, in
   * transactions that are rolled back, so that nothing of them remains. A fresh engine took up to
   * half a second more for its first batches: its code not yet compiled, its database session's
   * caches empty. Returns what the rolled-back transactions did.
   */
  async warmUp(rounds = 10, perKind = 20): Promise<IngestSummary> {
    const summary = emptySummary();
    const mapping = this.options.mappings[0];
    if (!mapping) return summary;
    const message: InboundMessage = { topic: mapping.topic, partition: 0, offset: '0', key: null, value: Buffer.from('{}'), headers: {}, timestamp: '0' };
    for (let round = 0; round < rounds; round++) {
      const records = prepareMapped(warmUpRecords(mapping.source, perKind), this.options.standardizer);
      const prepared: Preparation[] = [{ ok: true, message, payload: message.value!, records }];
      try {
        await this.dataSource.transaction(async (db) => {
          add(summary, await this.apply(db, prepared));
          throw ROLLED_BACK;
        });
      } catch (error) {
        if (error !== ROLLED_BACK) throw error;
      }
    }
    return summary;
  }

  private async executeSlice(prepared: Preparation[]): Promise<IngestSummary> {
    try {
      return await inTransaction(this.dataSource, async (db) => {
        const summary = await this.apply(db, prepared);
        failpoint('ingest.before-commit');
        return summary;
      });
    } catch (error) {
      if (!isDataError(error)) throw error;
      // One message the database refuses must not block the partition: apply them one by one,
      // and send the one that fails on its own to the dead-letter topic.
      const summary = emptySummary();
      for (const item of prepared) {
        try {
          add(summary, await inTransaction(this.dataSource, (db) => this.apply(db, [item])));
        } catch (single) {
          if (!isDataError(single)) throw single;
          add(summary, await this.deadLetterAlone(item.message, single as Error));
        }
      }
      return summary;
    }
  }

  private async deadLetterAlone(message: InboundMessage, error: Error): Promise<IngestSummary> {
    const failed: Preparation = { ok: false, message, error: new DomainError('PROCESSING_FAILED', `the record could not be stored: ${error.message}`) };
    return inTransaction(this.dataSource, (db) => this.apply(db, [failed]));
  }

  private async apply(db: EntityManager, prepared: Preparation[]): Promise<IngestSummary> {
    const resolution = new ResolutionStore(db);
    const outbox: OutboxMessage[] = [];
    const summary = emptySummary();
    summary.messages = prepared.length;
    const now = this.now();
    const count = (record: PreparedRecord, outcome: Outcome, reviews = 0) => {
      summary[outcome]++;
      summary.reviews += reviews;
      summary.detail.records.push({ source: record.source, outcome });
    };

    await resolution.lockKeys(lockKeysOf(prepared));

    // the records of the batch; a record given twice counts once, in its newest version
    const latest = new Map<string, Entry>();
    for (const item of prepared) {
      if (!item.ok) {
        const stored = await new DeadLetterStore(db).add({
          topic: item.message.topic,
          partition: item.message.partition,
          offset: item.message.offset,
          key: item.message.key,
          value: item.message.value,
          headers: item.message.headers,
          errorCode: item.error.code,
          errorMessage: item.error.message,
          receivedAt: now,
        });
        if (stored) outbox.push(deadLetterMessage(this.options.topics, item.message, item.error.code, item.error.message));
        summary.deadLetters++;
        summary.detail.deadLetters.push(item.error.code);
        continue;
      }
      for (const record of item.records) {
        summary.records++;
        const earlier = latest.get(record.matchRecord.id);
        if (earlier && compareVersions(record, earlier.record) !== 'newer') {
          count(record, 'unchanged');
          continue;
        }
        if (earlier) count(earlier.record, 'unchanged');
        latest.set(record.matchRecord.id, { record, item, stored: null });
      }
    }

    const versions = await resolution.findVersions([...latest.values()].map((e) => e.record));
    const accepted: Entry[] = [];
    for (const entry of latest.values()) {
      const stored = versions.get(entry.record.matchRecord.id) ?? null;
      // an erased person does not come back through a redelivery or a replay of the source topic
      if (stored?.erased || (stored && compareVersions(entry.record, stored) !== 'newer')) {
        count(entry.record, 'unchanged');
        continue;
      }
      accepted.push({ ...entry, stored });
    }
    await resolution.upsertSourceRecords(
      accepted.map(({ record, item }) => ({
        source: record.source,
        sourceId: record.sourceId,
        entity: record.entity,
        kind: record.kind,
        payload: item.payload,
        attributes: record.attributes,
        standardized: record.standardized,
        findings: record.findings,
        matchKeys: record.matchKeys,
        matchRecord: record.matchRecord,
        matchName: record.matchName,
        links: record.links,
        sourceUpdatedAt: record.sourceUpdatedAt,
        payloadHash: record.hash,
        receivedAt: now,
        kafka: { topic: item.message.topic, partition: item.message.partition, offset: item.message.offset },
      })),
      // the near names are looked at after the commit, by the near-name reviewer
      { queueNearNames: this.options.matching.trigramNeighbours > 0 },
    );

    // a record the source created at our request (an ERP account answering a creation request) names its golden record
    const usual: Entry[] = [];
    const answering: { entry: Entry; referenced: string }[] = [];
    for (const entry of accepted) {
      const referenced = entry.record.goldenRef && !entry.stored?.goldenId ? await resolution.resolveGoldenId(entry.record.goldenRef) : null;
      if (referenced) answering.push({ entry, referenced });
      else usual.push(entry);
    }
    // the usual path: the batch's records re-clustered with the link components they touch, as a set
    const outcomes = await this.resolveSet(db, resolution, outbox, usual, now);
    for (const entry of usual) {
      const { outcome, reviews } = outcomes.get(entry.record.matchRecord.id)!;
      count(entry.record, outcome, reviews);
    }
    for (const { entry, referenced } of answering) {
      const { outcome, reviews } = await this.resolveAnswer(db, resolution, outbox, entry, referenced, now);
      count(entry.record, outcome, reviews);
    }
    await new OutboxStore(db).add(outbox);
    return summary;
  }

  /** An ERP record answering our creation request: it joins the golden record it names, unless the matching says otherwise. */
  private async resolveAnswer(
    db: EntityManager,
    store: ResolutionStore,
    outbox: OutboxMessage[],
    { record, stored }: Entry,
    referenced: string,
    now: Date,
  ): Promise<{ outcome: Outcome; reviews: number }> {
    const matching = this.options.matching;
    const found = await store.findCandidates(record.matchKeys, matching.maxBlockSize);
    this.warnSkipped(record, found.skippedKeys);
    const candidateIds = new Set(found.goldenIds);
    if (stored?.goldenId) candidateIds.add(stored.goldenId);
    for (const id of await store.mustLinkGoldenIds(record.matchRecord.id)) candidateIds.add(id);
    candidateIds.add(referenced);
    const locked = (await store.lockGolden([...candidateIds])).filter((g) => g.status === 'active' && g.kind === record.kind);
    const clusters = await store.loadMatchClusters(locked, matching.maxMembersPerGolden);
    const referencedCluster = clusters.find((c) => c.goldenId === referenced);
    // …unless that golden record already holds a record of this source: then it is a duplicate in the source
    const joinsReferenced = referencedCluster !== undefined && !referencedCluster.members.some((m) => m.source === record.source && matching.uniqueSources.includes(record.source));
    const memberIds = [record.matchRecord.id, ...clusters.flatMap((c) => c.members.map((m) => m.id))];
    const notAMatch = new NotAMatchSet(await store.notAMatchPairs(memberIds));
    const model = this.modelFor(record.kind);
    const decision = resolveIncoming(record.matchRecord, clusters, model, {
      ...this.matchOptions(notAMatch),
      currentGoldenId: stored?.goldenId ?? (joinsReferenced ? referenced : undefined),
    });
    const cause = { source: record.source, sourceId: record.sourceId };

    let target: GoldenRow;
    let outcome: Outcome;
    switch (decision.type) {
      case 'create':
        target = await store.insertGolden(randomUUID(), record.kind, now);
        outcome = 'created';
        break;
      case 'link':
        target = locked.find((g) => g.id === decision.goldenId)!;
        outcome = 'updated';
        break;
      case 'merge': {
        target = locked.find((g) => g.id === decision.survivorId)!;
        outcome = 'merged';
        await retireGoldenRecords(db, this.options.topics, outbox, { survivorId: target.id, mergedAway: decision.mergedIds.map((id) => locked.find((g) => g.id === id)!), kind: record.kind, cause, now });
        break;
      }
    }
    const previous = await store.link(record.source, record.sourceId, target.id, now);
    const reviews = await this.openReviews(db, record, target.id, decision.assessments, decision.type === 'merge' ? decision.mergedIds : [], now);

    if (!stored?.goldenId || previous !== null) {
      outbox.push(xrefMessage(this.options.topics, { source: record.source, sourceId: record.sourceId, goldenId: target.id, previousGoldenId: previous, kind: record.kind, at: now }));
    }

    const type = outcome === 'created' ? 'golden.created' : outcome === 'merged' ? 'golden.merged' : 'golden.updated';
    await this.writer(db, outbox).recompute(target, { type, cause, ...(decision.type === 'merge' ? { mergedIds: decision.mergedIds } : {}) }, now);
    return { outcome, reviews };
  }

  /**
   * Resolves the batch's records as one set: their candidates are found, their link components
   * locked and read, and their golden records written with a fixed number of round trips whatever
   * the batch size. Records whose components meet (or that share a blocking key) are re-clustered
   * together with the batch algorithm, each such group with the golden records of its components;
   * the plans are applied: new golden records (a split), records that change golden record, merges
   * into the oldest, the recomputation of every golden record that changed, and a steward task for
   * every pair of clusters in the review band. The partition depends only on the records, never on
   * the order or the batches they arrived in (docs/matching.md).
   */
  private async resolveSet(
    db: EntityManager,
    store: ResolutionStore,
    outbox: OutboxMessage[],
    entries: Entry[],
    now: Date,
  ): Promise<Map<string, { outcome: Outcome; reviews: number }>> {
    const outcomes = new Map<string, { outcome: Outcome; reviews: number }>();
    if (entries.length === 0) return outcomes;
    const { candidates: found, mustLinked } = await store.findBatchCandidates(
      entries.map((e) => e.record.matchKeys),
      entries.map((e) => e.record.matchRecord.id),
      this.options.matching.maxBlockSize,
    );
    entries.forEach((e, i) => this.warnSkipped(e.record, found[i].skippedKeys));
    // each record's direct candidates: golden records sharing a key, its own, and those a steward merged it with
    const direct = entries.map((e, i) => {
      const ids = new Set(found[i].goldenIds);
      if (e.stored?.goldenId) ids.add(e.stored.goldenId);
      for (const { goldenId } of mustLinked.get(e.record.matchRecord.id) ?? []) if (goldenId) ids.add(goldenId);
      return ids;
    });
    // the link components of those golden records, locked; a steward's action that committed while
    // this batch was read may have moved one of its records to a golden record outside them: then it
    // is taken too, with its component, until every record's golden record is locked
    let componentKeys: Set<string>[] = [];
    const activeByKey = new Map<string, string[]>();
    let locked: LockedGolden[] = [];
    for (;;) {
      const components = await store.componentsOf([...new Set(direct.flatMap((d) => [...d]))]);
      componentKeys = direct.map((ids) => new Set([...ids].map((id) => components.keyOf.get(id) ?? id)));
      activeByKey.clear();
      for (const { id, key } of components.active) activeByKey.set(key, [...(activeByKey.get(key) ?? []), id]);
      const goldenIds = [...new Set(componentKeys.flatMap((keys) => [...keys].flatMap((key) => activeByKey.get(key) ?? [])))];
      locked = (await store.lockGoldenKeys(goldenIds)).filter((g) => g.status === 'active');
      const lockedIds = new Set(locked.map((g) => g.id));
      const homes = await store.findVersions(entries.map((e) => e.record));
      let moved = false;
      entries.forEach((e, i) => {
        const home = homes.get(e.record.matchRecord.id)?.goldenId;
        if (home && !lockedIds.has(home) && !direct[i].has(home)) {
          direct[i].add(home);
          moved = true;
        }
      });
      if (!moved) break;
    }

    // groups: records whose link components meet, or that share a blocking key, are re-clustered together
    const sets = new UnionFind(entries.length);
    const first = new Map<string, number>();
    const meet = (token: string, i: number) => {
      const at = first.get(token);
      if (at === undefined) first.set(token, i);
      else sets.union(at, i);
    };
    entries.forEach((e, i) => {
      for (const key of componentKeys[i]) meet(`${e.record.kind}|component|${key}`, i);
      const skipped = new Set(found[i].skippedKeys);
      for (const key of e.record.matchKeys) if (!skipped.has(key)) meet(`${e.record.kind}|key|${key}`, i);
      // a record and one a steward merged it with, both in this batch (a replay: neither stored yet)
      meet(`${e.record.kind}|record|${e.record.matchRecord.id}`, i);
      for (const { recordId } of mustLinked.get(e.record.matchRecord.id) ?? []) meet(`${e.record.kind}|record|${recordId}`, i);
    });
    const groups = sets.groups();

    const rows = new Map(locked.map((g) => [g.id, g]));
    const loaded = new Map((await store.loadMatchClusters(locked, DEFAULT_MAX_LOCAL_RECORDS)).map((c) => [c.goldenId, c]));
    const recordIds = [...entries.map((e) => e.record.matchRecord.id), ...[...loaded.values()].flatMap((c) => c.members.map((m) => m.id))];
    const decisions = await store.decisionPairs(recordIds);
    const notAMatch = new NotAMatchSet(decisions.notAMatch);
    // a steward's merge keeps its two records in one golden record, whatever their new versions say
    const mustLink = new MustLinkSet(decisions.mustLink);
    // every record's features are extracted once, however many groups and assessments read them
    const cache = featureCache();

    const refs = new Map<string, string>();
    const idOf = (id: string) => refs.get(id) ?? id;
    const created: { id: string; kind: PartyKind }[] = [];
    const moves: { source: string; sourceId: string; goldenId: string }[] = [];
    const merges: { survivorId: string; mergedIds: string[]; kind: PartyKind; cause: ChangeCause }[] = [];
    const recomputations: { id: string; change: GoldenChange }[] = [];
    const componentRows: { goldenId: string; component: string }[] = [];
    const planned: { members: Entry[]; plan: LocalPlan; clusters: GoldenCluster[]; expanded: Set<string>[] }[] = [];

    for (const indexes of groups) {
      const members = indexes.map((i) => entries[i]);
      const kind = members[0].record.kind;
      const clusters = [...new Set(indexes.flatMap((i) => [...componentKeys[i]].flatMap((key) => activeByKey.get(key) ?? [])))]
        .sort()
        .map((id) => loaded.get(id))
        .filter((c): c is GoldenCluster => c !== undefined && rows.get(c.goldenId)!.kind === kind);
      const incoming = members.map((m) => m.record.matchRecord).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const plan = reclusterLocally(incoming, clusters, this.modelFor(kind), { ...this.matchOptions(notAMatch), mustLink, cache });
      // the cause a changed golden record names: its first incoming record, else the group's first
      const byId = new Map(members.map((m) => [m.record.matchRecord.id, m.record]));
      const causeOf = (cluster: PlannedCluster): ChangeCause => {
        const record = byId.get(cluster.members.find((id) => byId.has(id)) ?? incoming[0].id)!;
        return { source: record.source, sourceId: record.sourceId };
      };
      for (const step of plan.steps) {
        switch (step.type) {
          case 'create': {
            const id = randomUUID();
            refs.set(step.ref, id);
            created.push({ id, kind });
            break;
          }
          case 'move': {
            const { source, sourceId } = splitRecordId(step.recordId);
            moves.push({ source, sourceId, goldenId: step.to });
            outbox.push(xrefMessage(this.options.topics, { source, sourceId, goldenId: idOf(step.to), previousGoldenId: step.from, kind, at: now }));
            break;
          }
          case 'merge':
            merges.push({ survivorId: step.survivorId, mergedIds: step.mergedIds, kind, cause: causeOf(plan.clusters.find((c) => c.goldenId === step.survivorId)!) });
            break;
        }
      }
      for (const cluster of plan.clusters.filter((c) => c.changed)) {
        const splitInto = plan.clusters.filter((c) => c.created && c.splitFrom.includes(cluster.goldenId)).map((c) => c.goldenId);
        const type = cluster.created ? 'golden.created' : cluster.mergedIds.length > 0 ? 'golden.merged' : splitInto.length > 0 ? 'golden.unmerged' : 'golden.updated';
        recomputations.push({ id: cluster.goldenId, change: { type, cause: causeOf(cluster), ...(cluster.mergedIds.length > 0 ? { mergedIds: cluster.mergedIds } : {}), ...(splitInto.length > 0 ? { splitInto } : {}) } });
      }
      for (const c of plan.clusters) componentRows.push({ goldenId: c.goldenId, component: c.component });
      const expanded = indexes.map((i) => new Set([...componentKeys[i]].flatMap((key) => activeByKey.get(key) ?? [])));
      planned.push({ members, plan, clusters, expanded });
    }

    // the plans, applied with one round trip per kind of write; the values of the golden records
    // written (recomputed, or merged away) are read now, the others' never
    const full = new Map<string, GoldenRow>();
    const written = new Set([...recomputations.map((r) => r.id), ...merges.flatMap((m) => m.mergedIds)].filter((id) => rows.has(id)));
    for (const row of await store.goldenRows([...written])) full.set(row.id, row);
    for (const row of await store.insertGoldens(created, now)) full.set(row.id, row);
    await store.linkMany(moves.map((m) => ({ ...m, goldenId: idOf(m.goldenId) })), now);
    for (const merge of merges) {
      const survivorId = idOf(merge.survivorId);
      await retireGoldenRecords(db, this.options.topics, outbox, { survivorId, mergedAway: merge.mergedIds.map((id) => full.get(idOf(id))!), kind: merge.kind, cause: merge.cause, now });
    }
    await this.writer(db, outbox).recomputeMany(
      recomputations.map(({ id, change }) => ({
        target: full.get(idOf(id))!,
        change: { ...change, ...(change.mergedIds ? { mergedIds: change.mergedIds.map(idOf) } : {}), ...(change.splitInto ? { splitInto: change.splitInto.map(idOf) } : {}) },
      })),
      now,
      componentRows.map((c) => ({ goldenId: idOf(c.goldenId), component: c.component })),
    );

    // steward tasks: pairs of clusters in the review band, seen from an incoming record's side when it is in one
    const tasks = new StewardTaskStore(db);
    const closing: { source: string; sourceId: string; stillOpen: string[] }[] = [];
    const pairTasks: Parameters<StewardTaskStore['upsertPossibleMatches']>[0] = [];
    for (const { members, plan, clusters, expanded } of planned) {
      const ownOf = new Map(members.map((m) => [m.record.matchRecord.id, plan.clusters.find((c) => c.members.includes(m.record.matchRecord.id))!]));
      const owned = new Set([...ownOf.values()].map((c) => idOf(c.goldenId)));
      const oriented = plan.reviews.map((review) => {
        const flip = owned.has(idOf(review.right)) && !owned.has(idOf(review.left));
        return flip
          ? { ...review, left: idOf(review.right), right: idOf(review.left), best: { ...review.best, left: review.best.right, right: review.best.left } }
          : { ...review, left: idOf(review.left), right: idOf(review.right) };
      });
      for (const review of oriented) {
        const from = splitRecordId(review.best.left);
        const to = splitRecordId(review.best.right);
        pairTasks.push({
          task: {
            source: from.source,
            sourceId: from.sourceId,
            goldenId: review.left,
            candidateGoldenId: review.right,
            candidateSource: to.source,
            candidateSourceId: to.sourceId,
            probability: review.best.score.probability,
            details: reviewDetails(review.reason, review.averageProbability, review.pairs, review.best.score),
            at: now,
          },
          type: pairTaskType(review.reason),
        });
      }
      const model = this.modelFor(members[0].record.kind);
      members.forEach(({ record }, m) => {
        const own = ownOf.get(record.matchRecord.id)!;
        const ownId = idOf(own.goldenId);
        const stillOpen = oriented.filter((r) => r.left === ownId).map((r) => r.right);
        // golden records of its candidates' link components that the clustering did not pair with it
        // (stored records of other components): a steward should see the ones in the review band
        const absorbed = new Set([own.goldenId, ...own.mergedIds]);
        const others = clusters.filter((c) => expanded[m].has(c.goldenId) && !absorbed.has(c.goldenId) && !stillOpen.includes(idOf(c.goldenId)));
        const near = resolveIncoming(record.matchRecord, others, model, { ...this.matchOptions(notAMatch), cache }).assessments.filter(
          (a) => a.outcome === 'review' && plan.clusters.some((c) => c.goldenId === a.goldenId && !c.members.includes(record.matchRecord.id)),
        );
        for (const a of near) {
          stillOpen.push(a.goldenId);
          pairTasks.push(assessmentTask(record, ownId, a, now));
        }
        closing.push({ source: record.source, sourceId: record.sourceId, stillOpen });
        const first = own.members.find((id) => ownOf.has(id)) === record.matchRecord.id;
        const outcome: Outcome = first && own.created ? 'created' : first && own.mergedIds.length > 0 ? 'merged' : 'updated';
        outcomes.set(record.matchRecord.id, { outcome, reviews: stillOpen.length });
      });
    }
    await tasks.upsertPossibleMatches(pairTasks);
    await tasks.closeObsoletePossibleMatchesMany(closing, now);
    return outcomes;
  }

  private warnSkipped(record: PreparedRecord, skippedKeys: string[]): void {
    if (skippedKeys.length === 0) return;
    // the keys hold values (an email, a phone): the log names only their rules, never personal data
    const rules = [...new Set(skippedKeys.map((k) => k.slice(0, k.indexOf('|'))))];
    this.options.warn?.('blocking keys shared by too many records were skipped', { source: record.source, sourceId: record.sourceId, rules, maxBlockSize: this.options.matching.maxBlockSize });
  }

  private modelFor(kind: PartyKind) {
    const model = modelForKind(this.options.matching.models, kind);
    if (!model) throw new Error(`no match model for ${kind} records in ${this.options.matching.model}`);
    return model;
  }

  private writer(db: EntityManager, outbox: OutboxMessage[]): GoldenWriter {
    return new GoldenWriter(db, { topics: this.options.topics, survivorship: this.options.survivorship, erp: this.options.erp }, outbox);
  }

  private matchOptions(notAMatch: NotAMatchSet) {
    return matchOptions(this.options.matching, this.options.standardizer, notAMatch);
  }

  /**
   * A steward task for every golden record the record may be the same party as but was not
   * linked to (review band, weak average, incoherent merge), with the pair's explanation; the
   * record's earlier tasks that no longer apply are closed.
   */
  private async openReviews(db: EntityManager, record: PreparedRecord, goldenId: string, assessments: ClusterAssessment[], mergedIds: string[], now: Date): Promise<number> {
    const tasks = new StewardTaskStore(db);
    const open = assessments.filter((a) => a.outcome === 'review' && a.goldenId !== goldenId && !mergedIds.includes(a.goldenId));
    await tasks.upsertPossibleMatches(open.map((a) => assessmentTask(record, goldenId, a, now)));
    await tasks.closeObsoletePossibleMatches(record.source, record.sourceId, open.map((a) => a.goldenId), now);
    return open.length;
  }
}

/** The matching settings every decision on a record uses, with the steward decisions that concern it. */
export function matchOptions(matching: MatchingPolicy, standardizer: Pick<Standardizer, 'isGeneric' | 'defaultCountry'>, notAMatch: NotAMatchSet) {
  return {
    thresholds: matching.thresholds,
    minAverageProbability: matching.minAverageProbability,
    notAMatch,
    uniqueSources: matching.uniqueSources,
    isGeneric: standardizer.isGeneric,
    defaultCountry: standardizer.defaultCountry,
  };
}

/** The task of one assessment: the record may be the same party as the candidate golden record. */
function assessmentTask(record: PreparedRecord, goldenId: string, a: ClusterAssessment, now: Date): Parameters<StewardTaskStore['upsertPossibleMatches']>[0][number] {
  const to = splitRecordId(a.best.recordId);
  return {
    task: {
      source: record.source,
      sourceId: record.sourceId,
      goldenId,
      candidateGoldenId: a.goldenId,
      candidateSource: to.source,
      candidateSourceId: to.sourceId,
      probability: a.best.score.probability,
      details: reviewDetails(a.reason, a.averageProbability, a.members, a.best.score),
      at: now,
    },
    type: pairTaskType(a.reason),
  };
}

/** What a steward task shows of a possible match: why, how alike overall, and the weight of every comparison of the best pair. */
export function reviewDetails(reason: string, averageProbability: number, membersCompared: number, score: PairScore): Record<string, unknown> {
  return { reason, averageProbability, membersCompared, weight: score.weight, contributions: score.contributions, ...(score.rule ? { rule: score.rule } : {}) };
}

/** `crm:contact:42` → source `crm`, source id `contact:42` (a source name holds no colon). */
export function splitRecordId(id: string): { source: string; sourceId: string } {
  const at = id.indexOf(':');
  return { source: id.slice(0, at), sourceId: id.slice(at + 1) };
}

function emptySummary(): IngestSummary {
  return { messages: 0, records: 0, deadLetters: 0, unchanged: 0, created: 0, updated: 0, merged: 0, reviews: 0, detail: { records: [], deadLetters: [] } };
}

function add(into: IngestSummary, from: IngestSummary): void {
  for (const key of COUNTS) into[key] += from[key];
  into.detail.records.push(...from.detail.records);
  into.detail.deadLetters.push(...from.detail.deadLetters);
}

const COUNTS = ['messages', 'records', 'deadLetters', 'unchanged', 'created', 'updated', 'merged', 'reviews'] as const;

/** Errors caused by the data itself (SQLSTATE classes 22 and 23), which retrying cannot cure. */
function isDataError(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/** The steward task a review reason opens: a duplicate inside a source that must hold none, or a possible match. */
export function pairTaskType(reason: string): 'possible-match' | 'source-duplicate' {
  return reason === 'same-source-duplicate' ? 'source-duplicate' : 'possible-match';
}
