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

  /** Records the one creation request of a golden record; false when one was already made (it never is twice). */
  async markRequested(goldenId: string, requestId: string, at: Date): Promise<boolean> {
    const rows = rowsOf<{ golden_id: string }>(
      await this.db.query(
        `INSERT INTO erp_sync (golden_id, status, request_id, missing, requested_at, updated_at) VALUES ($1, 'requested', $2, '{}', $3, $3)
         ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET status = 'requested', request_id = EXCLUDED.request_id, missing = '{}',
           requested_at = EXCLUDED.requested_at, updated_at = EXCLUDED.updated_at
           WHERE erp_sync.status = 'incomplete'
         RETURNING golden_id`,
        [goldenId, requestId, at],
      ),
    );
    return rows.length > 0;
  }

  async markIncomplete(goldenId: string, missing: string[], at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO erp_sync (golden_id, status, missing, updated_at) VALUES ($1, 'incomplete', $2, $3)
       ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET missing = EXCLUDED.missing, updated_at = EXCLUDED.updated_at WHERE erp_sync.status = 'incomplete'`,
      [goldenId, missing, at],
    );
  }

  /** The ERP record now in the golden record: the request is answered (or was never needed). */
  async markCreated(goldenId: string, erpSourceId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO erp_sync (golden_id, status, erp_source_id, updated_at) VALUES ($1, 'created', $2, $3)
       ON CONFLICT ON CONSTRAINT pk_erp_sync DO UPDATE SET status = 'created', erp_source_id = EXCLUDED.erp_source_id, missing = '{}', updated_at = EXCLUDED.updated_at`,
      [goldenId, erpSourceId, at],
    );
  }
}
