import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { rowsOf } from './query-rows';

export interface ErpSyncRow {
  goldenId: string;
  status: 'incomplete' | 'requested' | 'created';
  requestId: string | null;
  missing: string[];
}

/**
 * What the engine records of each golden record's standing with the ERP, on the caller's
 * transaction (it is read, locked, with the golden record's members: `ResolutionStore.loadRecomputation`).
 */
export class ErpSyncStore {
  constructor(private readonly db: EntityManager) {}

  /**
   * What recomputing golden records decided about the ERP, in one statement:
   * - `created`: the ERP record is now in the golden record: the request is answered (or was never
   *   needed), and its open `taskType` task closes with the reason given;
   * - `incomplete`: the ERP cannot take it yet: what it misses (unless it is past that stage), and
   *   its open `taskType` task, opened or updated, says so;
   * - `requests`: its one creation request, made only if none was (a request is never made twice);
   *   the open task of each golden record that got its request closes with `requestedReason`.
   * Each golden record is in one list at most. Returns the golden records that got their request.
   */
  async recordDecisions(
    decisions: {
      created: { goldenId: string; erpSourceId: string; reason: string }[];
      incomplete: { goldenId: string; missing: string[]; priority: number; details: Record<string, unknown> }[];
      requests: { goldenId: string; requestId: string }[];
      taskType: string;
      requestedReason: string;
    },
    at: Date,
  ): Promise<Set<string>> {
    const { created, incomplete, requests } = decisions;
    if (created.length === 0 && incomplete.length === 0 && requests.length === 0) return new Set();
    const rows = rowsOf<{ golden_id: string }>(
      await this.db.query(
        `WITH created AS (
           INSERT INTO erp_sync (golden_id, status, erp_source_id, updated_at)
           SELECT r.golden_id, 'created', r.erp_source_id, $1 FROM jsonb_to_recordset($2::jsonb) AS r(golden_id uuid, erp_source_id text)
           ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET status = 'created', erp_source_id = EXCLUDED.erp_source_id, missing = '{}', updated_at = EXCLUDED.updated_at),
         incomplete AS (
           INSERT INTO erp_sync (golden_id, status, missing, updated_at)
           SELECT r.golden_id, 'incomplete', r.missing, $1 FROM jsonb_to_recordset($3::jsonb) AS r(golden_id uuid, missing text[])
           ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET missing = EXCLUDED.missing, updated_at = EXCLUDED.updated_at WHERE erp_sync.status = 'incomplete'),
         requested AS (
           INSERT INTO erp_sync (golden_id, status, request_id, missing, requested_at, updated_at)
           SELECT r.golden_id, 'requested', r.request_id, '{}', $1, $1 FROM jsonb_to_recordset($4::jsonb) AS r(golden_id uuid, request_id uuid)
           ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET status = 'requested', request_id = EXCLUDED.request_id, missing = '{}',
             requested_at = EXCLUDED.requested_at, updated_at = EXCLUDED.updated_at
             WHERE erp_sync.status = 'incomplete'
           RETURNING golden_id),
         opened AS (
           INSERT INTO steward_task (id, type, status, priority, golden_id, details, created_at, updated_at)
           SELECT r.id, $5, 'open', r.priority, r.golden_id, r.details, $1, $1 FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, priority integer, golden_id uuid, details jsonb)
           ON CONFLICT (type, golden_id) WHERE status = 'open' AND source IS NULL DO UPDATE SET
             priority = EXCLUDED.priority, details = EXCLUDED.details, updated_at = EXCLUDED.updated_at),
         closing AS (
           SELECT r.golden_id, r.reason FROM jsonb_to_recordset($2::jsonb) AS r(golden_id uuid, reason text)
           UNION ALL
           SELECT golden_id, $6 FROM requested),
         closed AS (
           UPDATE steward_task t SET status = 'resolved', closed_at = $1, updated_at = $1, resolution = jsonb_build_object('by', 'engine', 'reason', c.reason)
             FROM closing c
            WHERE t.type = $5 AND t.golden_id = c.golden_id AND t.status = 'open' AND t.source IS NULL)
         SELECT golden_id FROM requested`,
        [
          at,
          JSON.stringify(created.map((c) => ({ golden_id: c.goldenId, erp_source_id: c.erpSourceId, reason: c.reason }))),
          JSON.stringify(incomplete.map((i) => ({ id: randomUUID(), golden_id: i.goldenId, missing: i.missing, priority: i.priority, details: i.details }))),
          JSON.stringify(requests.map((r) => ({ golden_id: r.goldenId, request_id: r.requestId }))),
          decisions.taskType,
          decisions.requestedReason,
        ],
      ),
    );
    return new Set(rows.map((r) => r.golden_id));
  }
}
