import { DataSource } from 'typeorm';
import { Logger } from 'pino';
import { GoldenCluster, MatchingPolicy, ModelsByKind, NotAMatchSet, featureCache, modelForKind, nearNameReviews } from '@mdm/core';
import { NearNameStore, ResolutionStore, StewardTaskStore, inTransaction } from '@mdm/persistence';
import { reviewsOpened } from '@mdm/observability';
import { reviewDetails, splitRecordId } from '../ingest/ingest-batch.usecase';
import { Standardizer } from '../ingest/record-preparation';

export interface NearNameReviewerOptions {
  matching: MatchingPolicy & { models: ModelsByKind };
  standardizer: Pick<Standardizer, 'isGeneric' | 'defaultCountry'>;
  /** How long to wait for work when the queue is empty and nobody wakes the reviewer. */
  pollMs: number;
  /** Records looked at in one transaction. */
  batchSize?: number;
  now?: () => Date;
}

export const DEFAULT_NEAR_NAME_BATCH = 200;

/**
 * Opens the possible-match tasks that name similarity alone suggests: for each record the ingest
 * stored (`near_name_queue`), the golden records holding the `trigramNeighbours` nearest names
 * (pg_trgm) outside the record's own link component are scored against it, and every one the model
 * does not call distinct becomes a task (`foundBy: 'near-name'`); the record's earlier near-name
 * tasks that no longer apply are closed. Such golden records share no blocking key with the record,
 * so they never change its golden record: the search runs after the ingest commits, in transactions
 * of its own, and the ingest's latency does not carry its cost, which grows with the store.
 *
 * Every engine instance runs one; they share the queue (a record taken by one is skipped by the
 * others). A record taken in a transaction that fails is queued again.
 */
export class NearNameReviewer {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private reviewed = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly options: NearNameReviewerOptions,
  ) {}

  get reviewedCount(): number {
    return this.reviewed;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Tells the reviewer that records were just queued. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        while (this.running && (await this.reviewBatch()) > 0) {
          // drain the queue before waiting again
        }
        await this.pause();
      } catch (error) {
        this.logger.error({ err: error }, 'near-name review failed; retrying');
        await this.pause(1000);
      }
    }
  }

  /** Looks at one batch of queued records, in one transaction; returns how many were taken (0: the queue is empty). */
  async reviewBatch(): Promise<number> {
    const { matching, standardizer } = this.options;
    const now = this.options.now?.() ?? new Date();
    const result = await inTransaction(this.dataSource, async (db) => {
      const queue = new NearNameStore(db);
      const resolution = new ResolutionStore(db);
      const { taken, records } = await queue.take(this.options.batchSize ?? DEFAULT_NEAR_NAME_BATCH);
      if (records.length === 0) return { taken, opened: 0 };
      const near = await resolution.findNearNames(
        records.map((r) => ({ keys: [], kind: r.kind, name: r.matchName, source: r.source, sourceId: r.sourceId, maxBlockSize: matching.maxBlockSize, neighbours: matching.trigramNeighbours, similarity: matching.trigramSimilarity })),
      );
      // the golden records of the record's own link component are the re-clustering's to judge
      const { keyOf } = await resolution.componentsOf([...new Set([...records.map((r) => r.goldenId), ...[...near.values()].flat()])]);
      const componentOf = (id: string) => keyOf.get(id) ?? id;
      const candidatesOf = records.map((r, i) => [...new Set(near.get(i) ?? [])].filter((id) => componentOf(id) !== componentOf(r.goldenId)));
      const golden = await queue.activeGolden([...new Set(candidatesOf.flat())]);
      const kindOf = new Map(golden.map((g) => [g.id, g.kind]));
      const clusters = new Map<string, GoldenCluster>((await resolution.loadMatchClusters(golden, matching.maxMembersPerGolden)).map((c) => [c.goldenId, c]));
      const notAMatch = new NotAMatchSet(await resolution.notAMatchPairs([...records.map((r) => r.matchRecord.id), ...[...clusters.values()].flatMap((c) => c.members.map((m) => m.id))]));
      const cache = featureCache();
      const found = records.map((record, i) => {
        const model = modelForKind(matching.models, record.kind);
        const candidates = candidatesOf[i].filter((id) => kindOf.get(id) === record.kind).map((id) => clusters.get(id)!);
        if (!model || candidates.length === 0) return [];
        return nearNameReviews(record.matchRecord, candidates, model, {
          thresholds: matching.thresholds,
          minAverageProbability: matching.minAverageProbability,
          notAMatch,
          uniqueSources: matching.uniqueSources,
          isGeneric: standardizer.isGeneric,
          defaultCountry: standardizer.defaultCountry,
          cache,
        });
      });
      // written under a shared lock of every golden record named: none was merged away or erased meanwhile
      const active = await queue.lockActive([...new Set([...records.map((r) => r.goldenId), ...found.flat().map((r) => r.goldenId)])]);
      const tasks: Parameters<StewardTaskStore['upsertPossibleMatches']>[0] = [];
      const closing = records.map((record, i) => {
        const open = active.has(record.goldenId) ? found[i].filter((r) => active.has(r.goldenId)) : [];
        for (const { goldenId, reason, assessment } of open) {
          const candidate = splitRecordId(assessment.best.recordId);
          tasks.push({
            type: reason === 'same-source-duplicate' ? 'source-duplicate' : 'possible-match',
            task: {
              source: record.source,
              sourceId: record.sourceId,
              goldenId: record.goldenId,
              candidateGoldenId: goldenId,
              candidateSource: candidate.source,
              candidateSourceId: candidate.sourceId,
              probability: assessment.best.score.probability,
              details: reviewDetails(reason, assessment.averageProbability, assessment.members, assessment.best.score),
              at: now,
            },
          });
        }
        return { source: record.source, sourceId: record.sourceId, stillOpen: open.map((r) => r.goldenId) };
      });
      const store = new StewardTaskStore(db);
      await store.upsertPossibleMatches(tasks, 'near-name');
      await store.closeObsoletePossibleMatchesMany(closing, now, 'near-name');
      return { taken, opened: tasks.length };
    });
    this.reviewed += result.taken;
    reviewsOpened.inc(result.opened);
    return result.taken;
  }

  private pause(ms = this.options.pollMs): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
