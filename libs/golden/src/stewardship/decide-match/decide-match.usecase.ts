import { DataSource, EntityManager } from 'typeorm';
import { DomainError, MatchingPolicy, NotAMatchSet, compareGoldenAge, mergeBlocker, standardizedIsGeneric } from '@mdm/core';
import { GoldenRow, OutboxMessage, OutboxStore, ResolutionStore, StewardTaskRow, StewardTaskStore, inTransaction } from '@mdm/persistence';
import { GoldenWriter } from '../../golden-writer';
import { retireGoldenRecords } from '../../retire-golden-records';
import { StewardOptions, lockActiveGolden } from '../steward-context';
import { DecideMatchCommand, DecideMatchResult, PAIR_TASK_TYPES } from './decide-match.command';

/** What the decision needs of the matching settings: the sources that hold no duplicates and the default country. */
export type DecisionMatching = Pick<MatchingPolicy, 'uniqueSources' | 'defaultCountry'>;

/** Most members read per golden record to check a merge against the rules. */
const MAX_MEMBERS_CHECKED = 10_000;

/**
 * A steward decides a task about a pair of records, in one transaction.
 *
 * `merge`: the decision is stored as must-link pairs (`match_decision.decision = 'match'`) tying
 * the pair and every member of both golden records together, which every later re-clustering (and
 * a rebuild) honours; the two golden records merge into the oldest through the
 * engine's own merge path (tombstone and `golden.redirected` for the retired id, cross-references
 * of the moved records, `golden.merged` for the survivor), all through the outbox. A merge that a
 * rule forbids (two different valid SIRENs, two records of the ERP, a "not a match" decision
 * between their members…) is refused with MERGE_FORBIDDEN.
 *
 * `not-a-match`: the pair is stored as "not a match", which matching never overrides; nothing
 * changes in the golden records, so nothing is published.
 *
 * Either way the task closes as resolved with the decision; a task already closed is TASK_CLOSED.
 */
export class DecideMatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: StewardOptions,
    private readonly matching: DecisionMatching,
  ) {}

  execute(command: DecideMatchCommand): Promise<DecideMatchResult> {
    const now = this.options.now?.() ?? new Date();
    return inTransaction(this.dataSource, async (db) => {
      const tasks = new StewardTaskStore(db);
      const task = await tasks.lockTask(command.taskId);
      if (!task) throw new DomainError('TASK_NOT_FOUND', `no task ${command.taskId}`);
      if (task.status !== 'open') throw new DomainError('TASK_CLOSED', `task ${task.id} is ${task.status}: it takes no more decisions`, [{ field: 'decision', message: `the task is ${task.status}` }]);
      const pair = pairOf(task);
      const reason = command.reason ?? `${command.decision} decided on task ${task.id}`;
      const store = new ResolutionStore(db);
      const [left, right] = await Promise.all([currentGolden(store, pair.a, 'record'), currentGolden(store, pair.b, 'candidate')]);
      const resolution = { by: command.by, decision: command.decision, reason, at: now.toISOString() };

      if (command.decision === 'not-a-match') {
        if (left === right) {
          throw new DomainError('MERGE_FORBIDDEN', `${idOf(pair.a)} and ${idOf(pair.b)} are in one golden record now: take one out with an unmerge`, [
            { field: 'decision', message: 'the two records are in one golden record' },
          ]);
        }
        await store.addDecisions([pair], 'not-a-match', command.by, reason, now);
        await tasks.resolveTask(task.id, { ...resolution, goldenIds: [left, right] }, now);
        return { taskId: task.id, decision: command.decision, status: 'resolved', goldenIds: [left, right], mergedIds: [] };
      }

      const locked = await lockGoldenOf(store, pair, [left, right]);
      const [survivor, ...mergedAway] = locked.sort((x, y) => compareGoldenAge({ goldenId: x.id, createdAt: x.createdAt.toISOString() }, { goldenId: y.id, createdAt: y.createdAt.toISOString() }));
      if (mergedAway.length > 0) await this.checkMerge(store, survivor, mergedAway[0]);
      // the steward merged the two golden records as they stand: every member is tied to the pair,
      // so a re-clustering (or a rebuild) keeps all of them together, not only the pair
      const members = await store.loadMembersMany(locked.map((g) => g.id));
      const tied = new Map([...members.values()].flat().map((m) => [idOf(m), { source: m.source, sourceId: m.sourceId }]));
      tied.delete(idOf(pair.a));
      tied.delete(idOf(pair.b));
      await store.addDecisions([pair, ...[...tied.values()].map((b) => ({ a: pair.a, b }))], 'match', command.by, reason, now);
      // closed before the merge, which turns the record's other tasks about this pair obsolete
      await tasks.resolveTask(task.id, { ...resolution, goldenIds: [survivor.id] }, now);
      if (mergedAway.length > 0) await this.merge(db, survivor, mergedAway, { steward: command.by, action: 'merge', reason }, now);
      return { taskId: task.id, decision: command.decision, status: 'resolved', goldenIds: [survivor.id], mergedIds: mergedAway.map((g) => g.id) };
    });
  }

  private async checkMerge(store: ResolutionStore, a: GoldenRow, b: GoldenRow): Promise<void> {
    if (a.kind !== b.kind) throw new DomainError('MERGE_FORBIDDEN', `a ${a.kind} and a ${b.kind} are never one party`, [{ field: 'decision', message: 'different kinds' }]);
    const [left, right] = await store.loadMatchClusters([a, b], MAX_MEMBERS_CHECKED);
    const ids = [...left.members, ...right.members].map((m) => m.id);
    const blocker = mergeBlocker(left.members, right.members, {
      notAMatch: new NotAMatchSet(await store.notAMatchPairs(ids)),
      uniqueSources: this.matching.uniqueSources,
      isGeneric: standardizedIsGeneric,
      defaultCountry: this.matching.defaultCountry,
    });
    if (blocker) {
      throw new DomainError('MERGE_FORBIDDEN', `golden records ${a.id} and ${b.id} cannot be merged: ${blocker.left} and ${blocker.right} (${blocker.rule})`, [
        { field: 'decision', message: `${blocker.left} and ${blocker.right} are kept apart by the rule ${blocker.rule}` },
      ]);
    }
  }

  private async merge(db: EntityManager, survivor: GoldenRow, mergedAway: GoldenRow[], cause: { steward: string; action: 'merge'; reason: string }, now: Date): Promise<void> {
    const outbox: OutboxMessage[] = [];
    const mergedIds = mergedAway.map((g) => g.id);
    await retireGoldenRecords(db, this.options.topics, outbox, { survivorId: survivor.id, mergedAway, kind: survivor.kind, cause, now });
    await new ResolutionStore(db).joinComponents([survivor.id, ...mergedIds]);
    await new GoldenWriter(db, this.options, outbox).recompute(survivor, { type: 'golden.merged', cause, mergedIds }, now);
    await new OutboxStore(db).add(outbox);
  }
}

interface RecordRef {
  source: string;
  sourceId: string;
}

const idOf = (r: RecordRef) => `${r.source}:${r.sourceId}`;

function pairOf(task: StewardTaskRow): { a: RecordRef; b: RecordRef } {
  if (!(PAIR_TASK_TYPES as readonly string[]).includes(task.type) || !task.source || !task.sourceId || !task.candidateSource || !task.candidateSourceId) {
    throw new DomainError('VALIDATION_FAILED', `task ${task.id} (${task.type}) is not about a pair of records: it takes no merge decision`, [
      { field: 'decision', message: `a ${task.type} task takes no merge decision` },
    ]);
  }
  return { a: { source: task.source, sourceId: task.sourceId }, b: { source: task.candidateSource, sourceId: task.candidateSourceId } };
}

/**
 * Locks the golden records holding the two records (in id order, as every locker does), then
 * checks that the records did not move meanwhile (an engine instance resolving one of them); if
 * one did, locks where it is now.
 */
async function lockGoldenOf(store: ResolutionStore, pair: { a: RecordRef; b: RecordRef }, goldenIds: string[]): Promise<GoldenRow[]> {
  for (let attempt = 0; ; attempt++) {
    const locked: GoldenRow[] = [];
    for (const id of [...new Set(goldenIds)].sort()) locked.push(await lockActiveGolden(store, id));
    const now = [await currentGolden(store, pair.a, 'record'), await currentGolden(store, pair.b, 'candidate')];
    const ids = new Set(locked.map((g) => g.id));
    if (now.every((id) => ids.has(id))) return [...new Map(locked.filter((g) => now.includes(g.id)).map((g) => [g.id, g])).values()];
    if (attempt === 3) throw new Error(`the records of the task keep moving between golden records`);
    goldenIds = now;
  }
}

async function currentGolden(store: ResolutionStore, record: RecordRef, field: string): Promise<string> {
  const stored = await store.findVersion(record.source, record.sourceId);
  if (!stored?.goldenId || stored.erased) throw new DomainError('SOURCE_RECORD_NOT_FOUND', `no source record ${idOf(record)}`, [{ field, message: 'the record is no longer stored' }]);
  return stored.goldenId;
}
