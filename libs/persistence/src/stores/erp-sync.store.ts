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
    const rows: { golden_id: string; status: ErpSyncRow['status']; request_id: string | null; missing: string[] }[] = await this.db.query(
      `SELECT golden_id, status, request_id, missing FROM erp_sync WHERE golden_id = $1 FOR UPDATE`,
      [goldenId],
    );
    return rows[0] ? { goldenId: rows[0].golden_id, status: rows[0].status, requestId: rows[0].request_id, missing: rows[0].missing } : null;
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
