import { EntityManager } from 'typeorm';
import { rowsOf } from './query-rows';

export interface ErpSyncRow {
  goldenId: string;
  status: 'incomplete' | 'requested' | 'created';
  requestId: string | null;
  missing: string[];
}

/** Where each golden record stands with the ERP, on the caller's transaction. */
export class ErpSyncStore {
  constructor(private readonly db: EntityManager) {}

  async find(goldenId: string): Promise<ErpSyncRow | null> {
    return (await this.findMany([goldenId])).get(goldenId) ?? null;
  }

  /** Where many golden records stand, locked for the transaction, in one round trip; those never synchronised are absent. */
  async findMany(goldenIds: string[]): Promise<Map<string, ErpSyncRow>> {
    const found = new Map<string, ErpSyncRow>();
    if (goldenIds.length === 0) return found;
    const rows: { golden_id: string; status: ErpSyncRow['status']; request_id: string | null; missing: string[] }[] = await this.db.query(
      `SELECT golden_id, status, request_id, missing FROM erp_sync WHERE golden_id = ANY($1::uuid[]) ORDER BY golden_id FOR UPDATE`,
      [goldenIds],
    );
    for (const r of rows) found.set(r.golden_id, { goldenId: r.golden_id, status: r.status, requestId: r.request_id, missing: r.missing });
    return found;
  }

  /**
   * Records the one creation request of each golden record, in one statement; the golden records
   * that got theirs (one already made is never made again).
   */
  async markRequestedMany(requests: { goldenId: string; requestId: string }[], at: Date): Promise<Set<string>> {
    if (requests.length === 0) return new Set();
    const rows = rowsOf<{ golden_id: string }>(
      await this.db.query(
        `INSERT INTO erp_sync (golden_id, status, request_id, missing, requested_at, updated_at)
         SELECT r.golden_id, 'requested', r.request_id, '{}', $2, $2 FROM unnest($1::uuid[], $3::uuid[]) AS r(golden_id, request_id)
         ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET status = 'requested', request_id = EXCLUDED.request_id, missing = '{}',
           requested_at = EXCLUDED.requested_at, updated_at = EXCLUDED.updated_at
           WHERE erp_sync.status = 'incomplete'
         RETURNING golden_id`,
        [requests.map((r) => r.goldenId), at, requests.map((r) => r.requestId)],
      ),
    );
    return new Set(rows.map((r) => r.golden_id));
  }

  /** Golden records the ERP cannot take yet, with what they miss, in one statement. */
  async markIncompleteMany(items: { goldenId: string; missing: string[] }[], at: Date): Promise<void> {
    if (items.length === 0) return;
    await this.db.query(
      `INSERT INTO erp_sync (golden_id, status, missing, updated_at)
       SELECT r.golden_id, 'incomplete', r.missing, $2 FROM jsonb_to_recordset($1::jsonb) AS r(golden_id uuid, missing text[])
       ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET missing = EXCLUDED.missing, updated_at = EXCLUDED.updated_at WHERE erp_sync.status = 'incomplete'`,
      [JSON.stringify(items.map((i) => ({ golden_id: i.goldenId, missing: i.missing }))), at],
    );
  }

  /** The ERP record now in each golden record: the request is answered (or was never needed). One statement. */
  async markCreatedMany(items: { goldenId: string; erpSourceId: string }[], at: Date): Promise<void> {
    if (items.length === 0) return;
    await this.db.query(
      `INSERT INTO erp_sync (golden_id, status, erp_source_id, updated_at)
       SELECT r.golden_id, 'created', r.erp_source_id, $2 FROM unnest($1::uuid[], $3::text[]) AS r(golden_id, erp_source_id)
       ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET status = 'created', erp_source_id = EXCLUDED.erp_source_id, missing = '{}', updated_at = EXCLUDED.updated_at`,
      [items.map((i) => i.goldenId), at, items.map((i) => i.erpSourceId)],
    );
  }
}
