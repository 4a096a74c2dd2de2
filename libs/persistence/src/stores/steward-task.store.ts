import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { rowsOf } from './query-rows';

export interface PossibleMatchTask {
  source: string;
  sourceId: string;
  /** The golden record the incoming record went to. */
  goldenId: string;
  /** The golden record it may be the same party as. */
  candidateGoldenId: string;
  candidateSource: string;
  candidateSourceId: string;
  probability: number;
  /** The explanation: the best pair's per-comparison weights, the average over the candidate's members, why it was not linked. */
  details: Record<string, unknown>;
  at: Date;
}

/** What found a possible match: the matching of the ingest transaction, or the near-name reviewer after it. */
export type TaskFinder = 'matching' | 'near-name';

/** Steward tasks, written on the caller's transaction. */
export class StewardTaskStore {
  constructor(private readonly db: EntityManager) {}

  /**
   * Opens tasks about pairs (a possible match, or a duplicate inside a source that must not hold
   * any), or refreshes the open one for the same record and candidate, in one statement; a pair
   * given twice takes the values given last.
   *
   * Two finders own tasks: the matching of the ingest transaction, and the near-name reviewer
   * (`foundBy: 'near-name'`), which runs after it. The matching refreshes any open task of a pair and
   * so takes it over; the near-name reviewer refreshes only its own and leaves the matching's alone.
   * A pair of golden records is one question, asked once: no task is opened about two golden
   * records that an open task asks about the other way round (the candidate's record was assessed
   * first, or the near-name reviewer found the pair from its side). The one open stays, with its
   * assignee and comments.
   */
  async upsertPossibleMatches(items: { task: PossibleMatchTask; type: 'possible-match' | 'source-duplicate' }[], foundBy: TaskFinder = 'matching'): Promise<void> {
    if (items.length === 0) return;
    const last = new Map(items.map((i) => [JSON.stringify([i.type, i.task.source, i.task.sourceId, i.task.candidateGoldenId]), i]));
    // a pair given both ways round is asked the first way
    const asked = new Set<string>();
    const kept = [...last.values()].filter(({ task, type }) => {
      if (asked.has(pairKey(type, task.candidateGoldenId, task.goldenId))) return false;
      asked.add(pairKey(type, task.goldenId, task.candidateGoldenId));
      return true;
    });
    const rows = kept.map(({ task, type }) => ({
      id: randomUUID(),
      type,
      priority: Math.round(task.probability * 100),
      source: task.source,
      source_id: task.sourceId,
      golden_id: task.goldenId,
      candidate_golden_id: task.candidateGoldenId,
      candidate_source: task.candidateSource,
      candidate_source_id: task.candidateSourceId,
      probability: task.probability,
      details: foundBy === 'near-name' ? { ...task.details, foundBy } : task.details,
      at: task.at,
    }));
    await this.db.query(
      `INSERT INTO steward_task (id, type, status, priority, source, source_id, golden_id, candidate_golden_id, candidate_source,
                                 candidate_source_id, probability, details, created_at, updated_at)
       SELECT r.id, r.type, 'open', r.priority, r.source, r.source_id, r.golden_id, r.candidate_golden_id, r.candidate_source,
              r.candidate_source_id, r.probability, r.details, r.at, r.at
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, type text, priority integer, source text, source_id text, golden_id uuid, candidate_golden_id uuid,
                                                 candidate_source text, candidate_source_id text, probability double precision, details jsonb, at timestamptz)
        WHERE NOT EXISTS (SELECT 1 FROM steward_task o
                           WHERE o.status = 'open' AND o.golden_id = r.candidate_golden_id AND o.candidate_golden_id = r.golden_id AND o.type = r.type)
       ON CONFLICT (type, source, source_id, candidate_golden_id) WHERE status = 'open' DO UPDATE SET
         priority = EXCLUDED.priority, golden_id = EXCLUDED.golden_id, candidate_source = EXCLUDED.candidate_source,
         candidate_source_id = EXCLUDED.candidate_source_id, probability = EXCLUDED.probability, details = EXCLUDED.details,
         updated_at = EXCLUDED.updated_at
       WHERE $2 = 'matching' OR steward_task.details ->> 'foundBy' = 'near-name'`,
      [JSON.stringify(rows), foundBy],
    );
  }

  /**
   * The open pair tasks whose record is in one of these golden records, as the two golden records
   * they are about (`golden|candidate`), through the index of open tasks by golden record.
   */
  async openPairTasks(goldenIds: string[]): Promise<Set<string>> {
    if (goldenIds.length === 0) return new Set();
    const rows = rowsOf<{ type: string; golden_id: string; candidate_golden_id: string }>(
      await this.db.query(
        `SELECT type, golden_id, candidate_golden_id FROM steward_task
          WHERE status = 'open' AND golden_id = ANY($1::uuid[]) AND type IN ('possible-match', 'source-duplicate')`,
        [goldenIds],
      ),
    );
    return new Set(rows.map((r) => pairKey(r.type, r.golden_id, r.candidate_golden_id)));
  }

  /**
   * Closes the open possible-match tasks of a record that no longer apply: the record and the
   * candidate are now in one golden record, or the candidate is no longer a possible match.
   */
  async closeObsoletePossibleMatches(source: string, sourceId: string, stillOpen: string[], at: Date): Promise<number> {
    return this.closeObsoletePossibleMatchesMany([{ source, sourceId, stillOpen }], at);
  }

  /** The same for many records in one round trip (each record once); only the tasks `foundBy` owns. */
  async closeObsoletePossibleMatchesMany(records: { source: string; sourceId: string; stillOpen: string[] }[], at: Date, foundBy: TaskFinder = 'matching'): Promise<number> {
    if (records.length === 0) return 0;
    const rows = rowsOf(
      await this.db.query(
        `UPDATE steward_task t SET status = 'obsolete', closed_at = $2, updated_at = $2, resolution = '{"by": "engine", "reason": "no longer a possible match"}'
           FROM jsonb_to_recordset($1::jsonb) AS r(source text, source_id text, still_open uuid[])
          WHERE t.type IN ('possible-match', 'source-duplicate') AND t.status = 'open' AND t.source = r.source AND t.source_id = r.source_id
            AND NOT (t.candidate_golden_id = ANY(r.still_open)) AND coalesce(t.details ->> 'foundBy', 'matching') = $3
          RETURNING t.id`,
        [JSON.stringify(records.map((r) => ({ source: r.source, source_id: r.sourceId, still_open: r.stillOpen }))), at, foundBy],
      ),
    );
    return rows.length;
  }

  /**
   * After golden records merged into the survivor: tasks that pointed to a merged-away id point to
   * the survivor (or close when the record already has one pointing there), and tasks whose record
   * and candidate are now in one golden record close as obsolete.
   */
  async afterMerge(survivorId: string, mergedIds: string[], at: Date): Promise<void> {
    const obsolete = (at: string) => `status = 'obsolete', closed_at = ${at}, updated_at = ${at}, resolution = '{"by": "engine", "reason": "merged"}'`;
    await this.db.query(
      `UPDATE steward_task t SET ${obsolete('$3')}
        WHERE t.status = 'open' AND t.candidate_golden_id = ANY($2::uuid[])
          AND EXISTS (SELECT 1 FROM steward_task o WHERE o.status = 'open' AND o.type = t.type AND o.source = t.source
                         AND o.source_id = t.source_id AND o.candidate_golden_id = $1)`,
      [survivorId, mergedIds, at],
    );
    await this.db.query(
      `UPDATE steward_task t SET ${obsolete('$2')}
        WHERE t.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY type, source, source_id ORDER BY created_at, id) AS n
                                         FROM steward_task WHERE status = 'open' AND candidate_golden_id = ANY($1::uuid[])) d WHERE n > 1)`,
      [mergedIds, at],
    );
    await this.db.query(`UPDATE steward_task SET candidate_golden_id = $1, updated_at = $3 WHERE status = 'open' AND candidate_golden_id = ANY($2::uuid[])`, [
      survivorId,
      mergedIds,
      at,
    ]);
    await this.db.query(`UPDATE steward_task SET golden_id = $1, updated_at = $3 WHERE status = 'open' AND source IS NOT NULL AND golden_id = ANY($2::uuid[])`, [
      survivorId,
      mergedIds,
      at,
    ]);
    // tasks about a merged-away golden record as a whole: the survivor's recomputation reopens what still applies
    await this.db.query(`UPDATE steward_task t SET ${obsolete('$2')} WHERE t.status = 'open' AND t.source IS NULL AND t.golden_id = ANY($1::uuid[])`, [mergedIds, at]);
    await this.db.query(
      `UPDATE steward_task t SET ${obsolete('$2')}
         FROM xref x
        WHERE t.status = 'open' AND t.candidate_golden_id = $1 AND x.source = t.source AND x.source_id = t.source_id AND x.golden_id = $1`,
      [survivorId, at],
    );
  }

  /** Locks a task for a steward's action on it; null when there is no such task. */
  async lockTask(id: string): Promise<StewardTaskRow | null> {
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT * FROM steward_task WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length === 0 ? null : toTaskRow(rows[0]);
  }

  /** Closes a task with a steward's decision. */
  async resolveTask(id: string, resolution: Record<string, unknown>, at: Date): Promise<void> {
    await this.db.query(`UPDATE steward_task SET status = 'resolved', closed_at = $2, updated_at = $2, resolution = $3 WHERE id = $1`, [id, at, JSON.stringify(resolution)]);
  }

  /** Assigns a task to a steward, or unassigns it (null). */
  async assign(id: string, assignee: string | null, at: Date): Promise<void> {
    await this.db.query(`UPDATE steward_task SET assignee = $2, updated_at = $3 WHERE id = $1`, [id, assignee, at]);
  }

  async addComment(comment: { id: string; taskId: string; author: string; text: string; at: Date }): Promise<void> {
    await this.db.query(`INSERT INTO steward_task_comment (id, task_id, author, text, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      comment.id,
      comment.taskId,
      comment.author,
      comment.text,
      comment.at,
    ]);
  }

  /** A task's comments, oldest first. */
  async comments(taskId: string): Promise<{ id: string; author: string; text: string; createdAt: Date }[]> {
    return this.db.query(`SELECT id, author, text, created_at AS "createdAt" FROM steward_task_comment WHERE task_id = $1 ORDER BY created_at, id`, [taskId]);
  }
}

/** A steward task as the use cases read it. */
export interface StewardTaskRow {
  id: string;
  type: string;
  status: string;
  source: string | null;
  sourceId: string | null;
  goldenId: string | null;
  candidateGoldenId: string | null;
  candidateSource: string | null;
  candidateSourceId: string | null;
  assignee: string | null;
}

function toTaskRow(row: Record<string, unknown>): StewardTaskRow {
  return {
    id: row.id as string,
    type: row.type as string,
    status: row.status as string,
    source: (row.source as string | null) ?? null,
    sourceId: (row.source_id as string | null) ?? null,
    goldenId: (row.golden_id as string | null) ?? null,
    candidateGoldenId: (row.candidate_golden_id as string | null) ?? null,
    candidateSource: (row.candidate_source as string | null) ?? null,
    candidateSourceId: (row.candidate_source_id as string | null) ?? null,
    assignee: (row.assignee as string | null) ?? null,
  };
}

/** A pair task's question: its type and the two golden records, the record's first. */
export function pairKey(type: string, goldenId: string, candidateGoldenId: string): string {
  return `${type}|${goldenId}|${candidateGoldenId}`;
}
