import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open tasks of a golden record, by either side. A merge moves or closes the open tasks that
 * name the merged-away golden records: without these indexes each of its statements read every
 * open task (tens of thousands on a large store).
 */
export class OpenTaskGoldenIndexes1765100000000 implements MigrationInterface {
  name = 'OpenTaskGoldenIndexes1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_steward_task_open_golden ON steward_task (golden_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX ix_steward_task_open_candidate ON steward_task (candidate_golden_id) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_steward_task_open_candidate`);
    await q.query(`DROP INDEX ix_steward_task_open_golden`);
  }
}
