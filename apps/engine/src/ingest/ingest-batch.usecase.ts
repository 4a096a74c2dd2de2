import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ClusterAssessment,
  DomainError,
  MatchingPolicy,
  ModelsByKind,
  MustLinkSet,
  NotAMatchSet,
  SourceMapping,
  SurvivorshipPolicy,
  compareVersions,
  modelForKind,
  resolveIncoming,
  reclusterLocally,
  DEFAULT_MAX_LOCAL_RECORDS,
  PairScore,
} from '@mdm/core';
import { DeadLetterStore, GoldenRow, OutboxMessage, OutboxStore, ResolutionStore, StewardTaskStore, inTransaction } from '@mdm/persistence';
import { InboundMessage, OutboundTopics } from '@mdm/messaging';
import { failpoint } from '@mdm/observability';
import { PreparedRecord, Preparation, Standardizer, prepareMessage } from './record-preparation';
import { GoldenRules, GoldenWriter, deadLetterMessage, retireGoldenRecords, xrefMessage } from '@mdm/golden';

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
}

type Outcome = 'unchanged' | 'created' | 'updated' | 'merged';

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
    const prepared = messages.map((m) => prepareMessage(m, this.byTopic, this.bySource, this.options.standardizer, this.options.maxMessageBytes));
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

    const lockKeys = prepared.flatMap((p) => (p.ok ? p.records.flatMap((r) => [`record:${r.source}:${r.sourceId}`, ...r.matchKeys]) : []));
    await resolution.lockKeys(lockKeys);

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
        const { outcome, reviews } = await this.resolveRecord(db, resolution, outbox, record, item, now);
        summary[outcome]++;
        summary.reviews += reviews;
        summary.detail.records.push({ source: record.source, outcome });
      }
    }
    await new OutboxStore(db).add(outbox);
    return summary;
  }

  private async resolveRecord(
    db: EntityManager,
    store: ResolutionStore,
    outbox: OutboxMessage[],
    record: PreparedRecord,
    item: Extract<Preparation, { ok: true }>,
    now: Date,
  ): Promise<{ outcome: Outcome; reviews: number }> {
    const stored = await store.findVersion(record.source, record.sourceId);
    // an erased person does not come back through a redelivery or a replay of the source topic
    if (stored?.erased) return { outcome: 'unchanged', reviews: 0 };
    if (stored && compareVersions({ sourceUpdatedAt: record.sourceUpdatedAt, hash: record.hash }, stored) !== 'newer') {
      return { outcome: 'unchanged', reviews: 0 };
    }
    await store.upsertSourceRecord({
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
    });

    // candidates: golden records sharing a blocking key or holding a near name, and the record's own
    const matching = this.options.matching;
    const found = await store.findCandidates({
      keys: record.matchKeys,
      kind: record.kind,
      name: matching.trigramNeighbours > 0 ? record.matchName : null,
      source: record.source,
      sourceId: record.sourceId,
      maxBlockSize: matching.maxBlockSize,
      neighbours: matching.trigramNeighbours,
    });
    if (found.skippedKeys.length > 0) {
      // the keys hold values (an email, a phone): the log names only their rules, never personal data
      const rules = [...new Set(found.skippedKeys.map((k) => k.slice(0, k.indexOf('|'))))];
      this.options.warn?.('blocking keys shared by too many records were skipped', { source: record.source, sourceId: record.sourceId, rules, maxBlockSize: matching.maxBlockSize });
    }
    const candidateIds = new Set(found.goldenIds);
    if (stored?.goldenId) candidateIds.add(stored.goldenId);
    // the records a steward merged with this one, whatever keys they share
    for (const id of await store.mustLinkGoldenIds(record.matchRecord.id)) candidateIds.add(id);
    // a record the source created at our request (an ERP account answering a creation request) names its golden record
    const referenced = record.goldenRef && !stored?.goldenId ? await store.resolveGoldenId(record.goldenRef) : null;
    // the usual path: re-cluster the record's link components (the result does not depend on arrival order)
    if (!referenced) return this.reclusterRecord(db, store, outbox, record, [...candidateIds], now);
    candidateIds.add(referenced);
    const locked = (await store.lockGolden([...candidateIds])).filter((g) => g.status === 'active' && g.kind === record.kind);
    const clusters = await store.loadMatchClusters(locked, matching.maxMembersPerGolden);
    const referencedCluster = clusters.find((c) => c.goldenId === referenced);
    // …unless that golden record already holds a record of this source: then it is a duplicate in the source
    const joinsReferenced = referencedCluster !== undefined && !referencedCluster.members.some((m) => m.source === record.source && matching.uniqueSources.includes(record.source));
    const memberIds = [record.matchRecord.id, ...clusters.flatMap((c) => c.members.map((m) => m.id))];
    const notAMatch = new NotAMatchSet(await store.notAMatchPairs(memberIds));
    const model = modelForKind(matching.models, record.kind);
    if (!model) throw new Error(`no match model for ${record.kind} records in ${matching.model}`);
    const decision = resolveIncoming(record.matchRecord, clusters, model, {
      ...this.matchOptions(notAMatch),
      currentGoldenId: stored?.goldenId ?? (joinsReferenced ? referenced! : undefined),
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
    await new GoldenWriter(db, { topics: this.options.topics, survivorship: this.options.survivorship, erp: this.options.erp }, outbox).recompute(
      target,
      { type, cause, ...(decision.type === 'merge' ? { mergedIds: decision.mergedIds } : {}) },
      now,
    );
    return { outcome, reviews };
  }

  /**
   * Re-clusters the record with every golden record of the link components it touches, with the
   * batch algorithm, and applies the plan: new golden records (a split), records that change golden
   * record, merges into the oldest, the recomputation of every golden record that changed, and a
   * steward task for every pair of clusters in the review band. The partition depends only on the
   * records, never on the order they arrived in (docs/matching.md).
   */
  private async reclusterRecord(
    db: EntityManager,
    store: ResolutionStore,
    outbox: OutboxMessage[],
    record: PreparedRecord,
    candidateIds: string[],
    now: Date,
  ): Promise<{ outcome: Outcome; reviews: number }> {
    const matching = this.options.matching;
    const model = modelForKind(matching.models, record.kind);
    if (!model) throw new Error(`no match model for ${record.kind} records in ${matching.model}`);
    const locked = (await store.lockGolden(await store.expandToComponents(candidateIds))).filter((g) => g.status === 'active' && g.kind === record.kind);
    const clusters = await store.loadMatchClusters(locked, DEFAULT_MAX_LOCAL_RECORDS);
    const recordIds = [record.matchRecord.id, ...clusters.flatMap((c) => c.members.map((m) => m.id))];
    const notAMatch = new NotAMatchSet(await store.notAMatchPairs(recordIds));
    // a steward's merge keeps its two records in one golden record, whatever their new versions say
    const mustLink = new MustLinkSet(await store.mustLinkPairs(recordIds));
    const plan = reclusterLocally([record.matchRecord], clusters, model, { ...this.matchOptions(notAMatch), mustLink });
    const cause = { source: record.source, sourceId: record.sourceId };
    const rows = new Map(locked.map((g) => [g.id, g]));
    const refs = new Map<string, string>();
    const idOf = (id: string) => refs.get(id) ?? id;
    const tasks = new StewardTaskStore(db);

    for (const step of plan.steps) {
      switch (step.type) {
        case 'create': {
          const row = await store.insertGolden(randomUUID(), record.kind, now);
          refs.set(step.ref, row.id);
          rows.set(row.id, row);
          break;
        }
        case 'move': {
          const { source, sourceId } = splitRecordId(step.recordId);
          const to = idOf(step.to);
          await store.link(source, sourceId, to, now);
          outbox.push(xrefMessage(this.options.topics, { source, sourceId, goldenId: to, previousGoldenId: step.from, kind: record.kind, at: now }));
          break;
        }
        case 'merge': {
          const survivor = idOf(step.survivorId);
          await retireGoldenRecords(db, this.options.topics, outbox, { survivorId: survivor, mergedAway: step.mergedIds.map((id) => rows.get(idOf(id))!), kind: record.kind, cause, now });
          break;
        }
      }
    }

    const writer = new GoldenWriter(db, { topics: this.options.topics, survivorship: this.options.survivorship, erp: this.options.erp }, outbox);
    for (const cluster of plan.clusters.filter((c) => c.changed)) {
      const id = idOf(cluster.goldenId);
      const splitInto = plan.clusters.filter((c) => c.created && c.splitFrom.includes(cluster.goldenId)).map((c) => idOf(c.goldenId));
      const type = cluster.created ? 'golden.created' : cluster.mergedIds.length > 0 ? 'golden.merged' : splitInto.length > 0 ? 'golden.unmerged' : 'golden.updated';
      await writer.recompute(rows.get(id)!, { type, cause, ...(cluster.mergedIds.length > 0 ? { mergedIds: cluster.mergedIds.map(idOf) } : {}), ...(splitInto.length > 0 ? { splitInto } : {}) }, now);
    }
    await store.setComponents(plan.clusters.map((c) => ({ goldenId: idOf(c.goldenId), component: c.component })));

    // steward tasks: pairs of clusters in the review band, seen from the incoming record's side when it is in one
    const own = plan.clusters.find((c) => c.members.includes(record.matchRecord.id))!;
    const ownId = idOf(own.goldenId);
    const stillOpen: string[] = [];
    for (const review of plan.reviews) {
      const [left, right, best] =
        idOf(review.right) === ownId
          ? [idOf(review.right), idOf(review.left), { ...review.best, left: review.best.right, right: review.best.left }]
          : [idOf(review.left), idOf(review.right), review.best];
      const from = splitRecordId(best.left);
      const to = splitRecordId(best.right);
      if (left === ownId) stillOpen.push(right);
      await tasks.upsertPossibleMatch(
        {
          source: from.source,
          sourceId: from.sourceId,
          goldenId: left,
          candidateGoldenId: right,
          candidateSource: to.source,
          candidateSourceId: to.sourceId,
          probability: best.score.probability,
          details: reviewDetails(review.reason, review.averageProbability, review.pairs, best.score),
          at: now,
        },
        review.reason === 'same-source-duplicate' ? 'source-duplicate' : 'possible-match',
      );
    }
    // golden records the record only resembles (a near name found by trigram, no shared key): the
    // clustering never pairs them, but a steward should see the ones in the review band
    const absorbed = new Set([own.goldenId, ...own.mergedIds]);
    const others = clusters.filter((c) => !absorbed.has(c.goldenId) && !stillOpen.includes(idOf(c.goldenId)));
    const near = resolveIncoming(record.matchRecord, others, model, this.matchOptions(notAMatch)).assessments.filter((a) => a.outcome === 'review' && plan.clusters.some((c) => c.goldenId === a.goldenId && !c.members.includes(record.matchRecord.id)));
    for (const a of near) {
      stillOpen.push(a.goldenId);
      await upsertAssessmentTask(tasks, record, ownId, a, now);
    }
    await tasks.closeObsoletePossibleMatches(record.source, record.sourceId, stillOpen, now);
    const outcome: Outcome = own.created ? 'created' : own.mergedIds.length > 0 ? 'merged' : 'updated';
    return { outcome, reviews: stillOpen.length };
  }

  /** The matching settings every decision on a record uses, with the steward decisions that concern it. */
  private matchOptions(notAMatch: NotAMatchSet) {
    const { matching, standardizer } = this.options;
    return {
      thresholds: matching.thresholds,
      minAverageProbability: matching.minAverageProbability,
      notAMatch,
      uniqueSources: matching.uniqueSources,
      isGeneric: standardizer.isGeneric,
      defaultCountry: standardizer.defaultCountry,
    };
  }

  /**
   * A steward task for every golden record the record may be the same party as but was not
   * linked to (review band, weak average, incoherent merge), with the pair's explanation; the
   * record's earlier tasks that no longer apply are closed.
   */
  private async openReviews(db: EntityManager, record: PreparedRecord, goldenId: string, assessments: ClusterAssessment[], mergedIds: string[], now: Date): Promise<number> {
    const tasks = new StewardTaskStore(db);
    const open = assessments.filter((a) => a.outcome === 'review' && a.goldenId !== goldenId && !mergedIds.includes(a.goldenId));
    for (const a of open) await upsertAssessmentTask(tasks, record, goldenId, a, now);
    await tasks.closeObsoletePossibleMatches(record.source, record.sourceId, open.map((a) => a.goldenId), now);
    return open.length;
  }
}

/** Opens (or refreshes) the task of one assessment: the record may be the same party as the candidate golden record. */
async function upsertAssessmentTask(tasks: StewardTaskStore, record: PreparedRecord, goldenId: string, a: ClusterAssessment, now: Date): Promise<void> {
  const to = splitRecordId(a.best.recordId);
  await tasks.upsertPossibleMatch(
    {
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
    a.reason === 'same-source-duplicate' ? 'source-duplicate' : 'possible-match',
  );
}

/** What a steward task shows of a possible match: why, how alike overall, and the weight of every comparison of the best pair. */
function reviewDetails(reason: string, averageProbability: number, membersCompared: number, score: PairScore): Record<string, unknown> {
  return { reason, averageProbability, membersCompared, weight: score.weight, contributions: score.contributions, ...(score.rule ? { rule: score.rule } : {}) };
}

/** `crm:contact:42` → source `crm`, source id `contact:42` (a source name holds no colon). */
function splitRecordId(id: string): { source: string; sourceId: string } {
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
