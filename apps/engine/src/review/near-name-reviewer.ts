import { DataSource } from 'typeorm';
import { Logger } from 'pino';
import { GoldenCluster, MatchingPolicy, ModelsByKind, NotAMatchSet, featureCache, modelForKind, nearNameReviews } from '@mdm/core';
import { NearNameStore, QueueUpkeep, QueuedRecord, ResolutionStore, StewardTaskStore, inTransaction, pairKey } from '@mdm/persistence';
import { nearNameRecords, reviewsOpened } from '@mdm/observability';
import { matchOptions, pairTaskType, reviewDetails, splitRecordId } from '../ingest/ingest-batch.usecase';
import { Standardizer } from '../ingest/record-preparation';
import { Wakeup } from '../wakeup';

export interface NearNameReviewerOptions {
  matching: MatchingPolicy & { models: ModelsByKind };
  standardizer: Pick<Standardizer, 'isGeneric' | 'defaultCountry'>;
  /** How long to wait for work when the queue is empty and nobody wakes the reviewer. */
  pollMs: number;
  /** Records looked at in one transaction. */
  batchSize?: number;
  /**
   * The share of the time the reviewer works while the ingest is busy (it committed in the last
   * second): after a batch that took t, it waits t × (1 − share) / share. Idle, it drains the queue
   * at full speed. Ingestion comes first; tasks wait. Default 0.25.
   */
  busyShare?: number;
  /**
   * How long a record may wait for the reviewer before it stops giving way: past this, it works at
   * full speed whatever the ingest does, so that under a steady load its queue does not grow
   * without end. Default 60 s.
   */
  maxWaitMs?: number;
  /** Vacuums the queue after every this many rows taken (0: never); see `QueueUpkeep`. */
  vacuumEveryRows?: number;
  now?: () => Date;
}

export const DEFAULT_NEAR_NAME_BATCH = 200;
const DEFAULT_BUSY_SHARE = 0.25;
const DEFAULT_MAX_WAIT_MS = 60_000;
/** The ingest counts as busy for this long after a commit. */
const BUSY_WINDOW_MS = 1000;

/**
 * Opens the possible-match tasks that name similarity alone suggests: for each record the ingest
 * stored (`near_name_queue`), the records of the `trigramNeighbours` nearest names (pg_trgm) outside
 * its own link component are scored against it, grouped by golden record, and every golden record
 * the model does not call distinct becomes a task (`foundBy: 'near-name'`); the record's earlier
 * near-name tasks that no longer apply are closed. Such golden records share no blocking key with
 * the record, so they never change its golden record: the search runs after the ingest commits, in
 * transactions of its own, and the ingest's latency does not carry its cost, which grows with the
 * store.
 *
 * A name is searched once per golden record: a record whose golden record holds another record of
 * the same name already looked at (the copies of one party in several sources) is spared its search,
 * and its earlier near-name tasks stay as they are. Any later record of a near name finds either of
 * them in its own search.
 *
 * Every engine instance runs one; they share the queue (a record taken by one is skipped by the
 * others). A record taken in a transaction that fails is queued again.
 */
export class NearNameReviewer {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly wakeup = new Wakeup();
  private lastIngestAt = 0;
  private readonly upkeep: QueueUpkeep;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly options: NearNameReviewerOptions,
  ) {
    this.upkeep = new QueueUpkeep('near_name_queue', options.vacuumEveryRows ?? 0, (error) => this.logger.warn({ err: error }, 'near-name queue vacuum failed'));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Tells the reviewer that the ingest just committed (and queued records). */
  wake(): void {
    this.lastIngestAt = Date.now();
    this.wakeup.wake();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const share = this.options.busyShare ?? DEFAULT_BUSY_SHARE;
        const maxWait = this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
        for (;;) {
          const started = Date.now();
          if (!this.running) break;
          const { progress, oldestQueuedAt } = await this.review();
          if (progress === 0) break;
          // the ingest is busy and the queue not too late: leave it the machine for a while
          // (records queued again wait for the next round)
          const late = oldestQueuedAt !== null && started - oldestQueuedAt.getTime() > maxWait;
          if (!late && Date.now() - this.lastIngestAt < BUSY_WINDOW_MS) await this.pause(((Date.now() - started) * (1 - share)) / share, false);
        }
        await this.pause();
      } catch (error) {
        this.logger.error({ err: error }, 'near-name review failed; retrying');
        await this.pause(1000);
      }
    }
  }

  /**
   * Looks at one batch of queued records, in one transaction; returns how many it took and did not
   * queue again (0: the queue is empty, or every record of the batch was busy).
   */
  async reviewBatch(): Promise<number> {
    return (await this.review()).progress;
  }

  private async review(): Promise<{ progress: number; oldestQueuedAt: Date | null }> {
    const { matching, standardizer } = this.options;
    const now = this.options.now?.() ?? new Date();
    const result = await inTransaction(this.dataSource, async (db) => {
      const queue = new NearNameStore(db);
      const resolution = new ResolutionStore(db);
      const { taken, oldestQueuedAt, records: queued } = await queue.take(this.options.batchSize ?? DEFAULT_NEAR_NAME_BATCH);
      // one search per name of a golden record: a record whose namesake there was looked at (before,
      // or earlier in this batch) would find the same names; it is spared its search
      const names = new Set<string>();
      const records = queued.filter((r) => {
        const name = `${r.goldenId}\u0000${r.kind}\u0000${r.matchName}`;
        if (r.namesakeLookedAt || names.has(name)) return false;
        names.add(name);
        return true;
      });
      const spared = queued.length - records.length;
      if (records.length === 0) return { taken, oldestQueuedAt, opened: 0, requeued: 0, searched: 0, spared };
      const near = await resolution.findNearNames(
        records.map((r) => ({ kind: r.kind, name: r.matchName, source: r.source, sourceId: r.sourceId })),
        { neighbours: matching.trigramNeighbours, similarity: matching.trigramSimilarity },
      );
      // each record against the near-named records of every other link component, grouped by golden
      // record (those of its own component are the re-clustering's to judge)
      const candidatesOf = records.map((record, i) => {
        const clusters = new Map<string, GoldenCluster>();
        for (const found of near.get(i) ?? []) {
          if (found.component === record.component || found.goldenId === record.goldenId) continue;
          const cluster = clusters.get(found.goldenId);
          if (cluster) cluster.members.push(found.matchRecord);
          else clusters.set(found.goldenId, { goldenId: found.goldenId, createdAt: found.goldenCreatedAt.toISOString(), members: [found.matchRecord] });
        }
        return [...clusters.values()];
      });
      const memberIds = candidatesOf.flatMap((clusters) => clusters.flatMap((c) => c.members.map((m) => m.id)));
      const notAMatch = new NotAMatchSet(await resolution.notAMatchPairs([...records.map((r) => r.matchRecord.id), ...new Set(memberIds)]));
      const cache = featureCache();
      const found = records.map((record, i) => {
        const model = modelForKind(matching.models, record.kind);
        if (!model) return [];
        return nearNameReviews(record.matchRecord, candidatesOf[i], model, { ...matchOptions(matching, standardizer, notAMatch), cache });
      });
      // written under a shared lock of every golden record they name, so that none was merged away or
      // erased meanwhile; a record whose golden records are busy in an ingest (or retired) is queued again
      const named = records.map((record, i) => [record.goldenId, ...found[i].map((r) => r.goldenId)]);
      const locked = await queue.lockActive([...new Set(named.flat())]);
      // a pair of golden records is one question: none is asked that is open the other way round
      // (the candidate's record found this one first, in this batch or before, or the matching did)
      const store = new StewardTaskStore(db);
      const open = await store.openPairTasks([...locked]);
      const tasks: Parameters<StewardTaskStore['upsertPossibleMatches']>[0] = [];
      const closing: { source: string; sourceId: string; stillOpen: string[] }[] = [];
      const later: QueuedRecord[] = [];
      records.forEach((record, i) => {
        if (!named[i].every((id) => locked.has(id))) {
          later.push(record);
          return;
        }
        const asked = found[i].filter(({ goldenId, reason }) => !open.has(pairKey(pairTaskType(reason), goldenId, record.goldenId)));
        // the records of this batch too: the candidate's record may come after this one
        for (const { goldenId, reason } of asked) open.add(pairKey(pairTaskType(reason), record.goldenId, goldenId));
        for (const { goldenId, reason, assessment } of asked) {
          const candidate = splitRecordId(assessment.best.recordId);
          tasks.push({
            type: pairTaskType(reason),
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
        closing.push({ source: record.source, sourceId: record.sourceId, stillOpen: asked.map((r) => r.goldenId) });
      });
      await store.upsertPossibleMatches(tasks, 'near-name');
      await store.closeObsoletePossibleMatchesMany(closing, now, 'near-name');
      await queue.requeue(later, now);
      return { taken, oldestQueuedAt, opened: tasks.length, requeued: later.length, searched: records.length - later.length, spared };
    });
    reviewsOpened.inc(result.opened);
    nearNameRecords.inc({ outcome: 'searched' }, result.searched);
    nearNameRecords.inc({ outcome: 'spared' }, result.spared);
    // the batch is committed (VACUUM runs outside a transaction)
    await this.upkeep.taken(result.taken, (sql) => this.dataSource.query(sql));
    return { progress: result.taken - result.requeued, oldestQueuedAt: result.oldestQueuedAt };
  }

  /** Waits `ms`, or less when woken up (`wakeable`) or stopped. */
  private pause(ms = this.options.pollMs, wakeable = true): Promise<void> {
    return this.wakeup.wait(ms, wakeable);
  }
}
