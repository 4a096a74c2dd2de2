import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ERP synchronisation: one creation request per golden record, ever; steward tasks about a golden
 * record as a whole (an incomplete customer), not only about a pair of records.
 */
export class ErpSync1764300000000 implements MigrationInterface {
  name = 'ErpSync1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE erp_sync (
        golden_id     uuid        NOT NULL,
        status        text        NOT NULL,
        request_id    uuid        NULL,
        missing       text[]      NOT NULL DEFAULT '{}',
        requested_at  timestamptz NULL,
        erp_source_id text        NULL,
        updated_at    timestamptz NOT NULL,
        CONSTRAINT pk_erp_sync PRIMARY KEY (golden_id),
        CONSTRAINT ck_erp_sync_status CHECK (status IN ('incomplete', 'requested', 'created')),
        CONSTRAINT fk_erp_sync_golden FOREIGN KEY (golden_id) REFERENCES golden_record (id)
      )`);
    await q.query(`ALTER TABLE steward_task ALTER COLUMN source DROP NOT NULL, ALTER COLUMN source_id DROP NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_steward_task_open_golden ON steward_task (type, golden_id) WHERE status = 'open' AND source IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_steward_task_open_golden`);
    await q.query(`DROP TABLE erp_sync`);
  }
}
