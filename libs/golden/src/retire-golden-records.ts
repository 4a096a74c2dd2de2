import { EntityManager } from 'typeorm';
import { ChangeCause, PartyKind } from '@mdm/core';
import { GoldenRow, OutboxMessage, RelationshipStore, ResolutionStore, StewardTaskStore } from '@mdm/persistence';
import { OutboundTopics } from '@mdm/messaging';
import { eventMessage, tombstoneMessage, xrefMessage } from './publication';

/**
 * Retires golden records into the survivor, on the caller's transaction: their remaining members,
 * overrides and steward relationships move to it; each keeps a last history entry, gets a
 * tombstone and a `golden.redirected` event keyed by its own id; the moved records get
 * cross-references and steward tasks follow the survivor. The one merge path of the engine's
 * matching and of a steward's merge; the caller then recomputes the survivor (`golden.merged`).
 */
export async function retireGoldenRecords(
  db: EntityManager,
  topics: OutboundTopics,
  outbox: OutboxMessage[],
  merge: { survivorId: string; mergedAway: GoldenRow[]; kind: PartyKind; cause: ChangeCause; now: Date },
): Promise<void> {
  const { survivorId, mergedAway, kind, cause, now } = merge;
  const store = new ResolutionStore(db);
  const mergedIds = mergedAway.map((g) => g.id);
  const moved = await store.moveMembers(mergedIds, survivorId, now);
  await store.markMerged(mergedIds, survivorId, now);
  await store.moveOverrides(mergedIds, survivorId);
  await new RelationshipStore(db).moveLinks(mergedIds, survivorId);
  await store.appendHistories(
    mergedAway.map((golden) => ({ goldenId: golden.id, version: golden.version + 1, changeType: 'merged-into', changedFields: [], cause: { ...cause, survivorId }, attributes: golden.attributes, at: now })),
  );
  for (const golden of mergedAway) {
    outbox.push(tombstoneMessage(topics, golden.id));
    // keyed by the merged-away id: a consumer that holds it learns where it now points
    outbox.push(eventMessage(topics, { type: 'golden.redirected', goldenId: golden.id, kind: golden.kind, version: golden.version + 1, changedFields: [], cause, at: now, redirectedTo: survivorId }));
  }
  for (const member of moved) outbox.push(xrefMessage(topics, { ...member, goldenId: survivorId, kind, at: now }));
  await new StewardTaskStore(db).afterMerge(survivorId, mergedIds, now);
}
