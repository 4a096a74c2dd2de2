import { EntityManager } from 'typeorm';
import { MatchRecord, PartyKind } from '@mdm/core';

/** A queued record as the near-name reviewer reads it: its name, its match record and its golden record. */
export interface QueuedRecord {
  source: string;
  sourceId: string;
  kind: PartyKind;
  matchName: string;
  matchRecord: MatchRecord;
  goldenId: string;
  /** Its golden record's link component (the golden record's id when it has none). */
  component: string;
  /**
   * Another record of the same golden record has the same name and is not waiting in the queue:
   * its search looked at this name already.
   */
  namesakeLookedAt: boolean;
}

/**
 * The queue of records whose near names are still to be looked at (`near_name_queue`, filled by the
 * ingest transaction), on the caller's transaction. A record taken and not looked at (the
 * transaction rolls back) is queued again; one queued twice is looked at twice.
 */
export class NearNameStore {
  constructor(private readonly db: EntityManager) {}

  /**
   * Up to `limit` queued records, the oldest first, locked so that another reviewer skips them and
   * deleted from the queue when the transaction commits. `taken` counts the queue's rows; `records`
   * holds each record once, in its stored version, without those erased since or without a name or
   * an active golden record. A namesake taken in the same call counts as waiting.
   */
  async take(limit: number): Promise<{ taken: number; oldestQueuedAt: Date | null; records: QueuedRecord[] }> {
    const rows: {
      source: string;
      source_id: string;
      queued_at: Date;
      kind: PartyKind | null;
      match_name: string;
      match_record: MatchRecord;
      golden_id: string;
      component: string;
      namesake_looked_at: boolean;
    }[] = await this.db.query(
      `WITH taken AS (
         DELETE FROM near_name_queue q
          WHERE q.id IN (SELECT id FROM near_name_queue ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING q.source, q.source_id, q.queued_at
       )
       SELECT t.source, t.source_id, t.queued_at, r.kind, r.match_name, r.match_record, r.golden_id, r.component, r.namesake_looked_at
         FROM taken t
         LEFT JOIN LATERAL (
           SELECT n.kind, n.name AS match_name, s.match_record, x.golden_id, coalesce(g.component, g.id::text) AS component,
                  EXISTS (SELECT 1 FROM (SELECT o.source, o.source_id FROM xref o WHERE o.golden_id = x.golden_id OFFSET 0) o
                           CROSS JOIN LATERAL (SELECT 1 FROM record_name m WHERE m.source = o.source AND m.source_id = o.source_id
                                                  AND m.kind = n.kind AND m.name = n.name OFFSET 0) m
                           WHERE NOT (o.source = t.source AND o.source_id = t.source_id)
                             AND NOT EXISTS (SELECT 1 FROM near_name_queue w WHERE w.source = o.source AND w.source_id = o.source_id)) AS namesake_looked_at
             FROM record_name n
             JOIN source_record s ON s.source = n.source AND s.source_id = n.source_id
             JOIN xref x ON x.source = s.source AND x.source_id = s.source_id
             JOIN golden_record g ON g.id = x.golden_id
            WHERE n.source = t.source AND n.source_id = t.source_id AND s.erased_at IS NULL AND g.status = 'active'
           OFFSET 0) r ON true`,
      [limit],
    );
    const records = new Map<string, QueuedRecord>();
    for (const r of rows) {
      if (r.kind === null) continue;
      records.set(`${r.source}:${r.source_id}`, {
        source: r.source,
        sourceId: r.source_id,
        kind: r.kind,
        matchName: r.match_name,
        matchRecord: r.match_record,
        goldenId: r.golden_id,
        component: r.component,
        namesakeLookedAt: r.namesake_looked_at,
      });
    }
    const oldest = rows.reduce<Date | null>((min, r) => (min === null || r.queued_at < min ? r.queued_at : min), null);
    return { taken: rows.length, oldestQueuedAt: oldest, records: [...records.values()] };
  }

  /**
   * Locks those of these golden records that are active and that no other transaction holds, against
   * a merge or an erasure until this transaction ends (a shared lock; it never waits for the
   * engine's transactions), and returns them: a task written after this names no golden record
   * that a commit retired meanwhile. The others are either retired or busy: see `requeue`.
   */
  async lockActive(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM golden_record WHERE id = ANY($1::uuid[]) AND status = 'active' ORDER BY id FOR SHARE SKIP LOCKED`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Queues records again, to be looked at once what held them back has committed. */
  async requeue(records: { source: string; sourceId: string }[], at: Date): Promise<void> {
    if (records.length === 0) return;
    await this.db.query(`INSERT INTO near_name_queue (source, source_id, queued_at) SELECT source, source_id, $3 FROM unnest($1::text[], $2::text[]) AS r(source, source_id)`, [
      records.map((r) => r.source),
      records.map((r) => r.sourceId),
      at,
    ]);
  }
}
