import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorDetail, GoldenValues, computeGoldenValues } from '@mdm/core';
import { GoldenRow, OutboxMessage, OutboxStore, ResolutionStore, inTransaction } from '@mdm/persistence';
import { GoldenWriter } from '../golden-writer';
import { xrefMessage } from '../publication';
import { StewardOptions, lockActiveGolden } from './steward-context';

export interface SourceRecordRef {
  source: string;
  sourceId: string;
}

export interface UnmergeCommand {
  goldenId: string;
  /** The source records to take out, into one new golden record. */
  sourceRecords: SourceRecordRef[];
  by: string;
  reason: string;
  /** Compute the result without applying it. */
  preview?: boolean;
}

export interface UnmergeResult {
  applied: boolean;
  /** The golden record that keeps the other source records (and its id). */
  remaining: { goldenId: string; values: GoldenValues };
  /** The new golden record (its id is only known once applied). */
  split: { goldenId: string | null; values: GoldenValues };
}

/**
 * A steward takes source records out of a golden record that should not hold them: they move into
 * a new golden record, both are recomputed and published, and the split is remembered as "not a
 * match" decisions between every moved record and every remaining one, so automatic matching never
 * glues them back. The original keeps its id (downstream systems hold it).
 */
export class UnmergeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: StewardOptions,
  ) {}

  execute(command: UnmergeCommand): Promise<UnmergeResult> {
    const now = this.options.now?.() ?? new Date();
    return inTransaction(this.dataSource, async (db) => {
      const store = new ResolutionStore(db);
      const golden = await lockActiveGolden(store, command.goldenId);
      const members = await store.loadMembers(golden.id);
      const key = (r: SourceRecordRef) => `${r.source}\u0000${r.sourceId}`;
      const memberKeys = new Set(members.map(key));
      const wanted = new Set<string>();
      const problems: ErrorDetail[] = [];
      command.sourceRecords.forEach((r, i) => {
        if (!memberKeys.has(key(r))) problems.push({ field: `sourceRecords[${i}]`, message: `${r.source}:${r.sourceId} is not a source record of golden record ${golden.id}` });
        else if (wanted.has(key(r))) problems.push({ field: `sourceRecords[${i}]`, message: `${r.source}:${r.sourceId} is named twice` });
        wanted.add(key(r));
      });
      if (command.sourceRecords.length === 0) problems.push({ field: 'sourceRecords', message: 'name at least one source record to take out' });
      else if (problems.length === 0 && wanted.size === members.length) {
        problems.push({ field: 'sourceRecords', message: 'a golden record cannot give away all its source records: leave at least one' });
      }
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

      const moved = members.filter((m) => wanted.has(key(m)));
      const remaining = members.filter((m) => !wanted.has(key(m)));
      const { survivorship } = this.options;
      if (command.preview) {
        return {
          applied: false,
          remaining: { goldenId: golden.id, values: computeGoldenValues(golden.kind, remaining, survivorship, await store.loadOverrides(golden.id)) },
          split: { goldenId: null, values: computeGoldenValues(golden.kind, moved, survivorship) },
        };
      }

      const outbox: OutboxMessage[] = [];
      const created = await store.insertGolden(randomUUID(), golden.kind, now);
      // the records taken out are still linked to the others by their scores: the engine must go on
      // re-clustering both golden records together, so the new one stays in the same link component
      await store.shareComponent(created.id, golden.id, members.map((m) => `${m.source}:${m.sourceId}`).sort()[0]);
      for (const record of moved) {
        await store.link(record.source, record.sourceId, created.id, now);
        outbox.push(xrefMessage(this.options.topics, { source: record.source, sourceId: record.sourceId, goldenId: created.id, previousGoldenId: golden.id, kind: golden.kind, at: now }));
      }
      await store.addNotAMatch(
        moved.flatMap((a) => remaining.map((b) => ({ a, b }))),
        command.by,
        command.reason,
        now,
      );
      const cause = { steward: command.by, action: 'unmerge' as const, reason: command.reason };
      const writer = new GoldenWriter(db, this.options, outbox);
      const original = await writer.recompute(golden, { type: 'golden.unmerged', cause, splitInto: [created.id] }, now);
      const split = await writer.recompute(created, { type: 'golden.created', cause }, now);
      await new OutboxStore(db).add(outbox);
      return {
        applied: true,
        remaining: { goldenId: golden.id, values: valuesOf(original.saved ?? golden) },
        split: { goldenId: created.id, values: valuesOf(split.saved ?? created) },
      };
    });
  }
}

function valuesOf(row: GoldenRow): GoldenValues {
  return { attributes: row.attributes, lineage: row.lineage, sources: row.sources };
}
