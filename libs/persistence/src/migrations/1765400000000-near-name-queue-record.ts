import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The near-name queue by record: the reviewer asks whether a record's namesakes in its golden
 * record are still waiting to be looked at (a namesake already looked at spares the record its
 * search).
 */
export class NearNameQueueRecord1765400000000 implements MigrationInterface {
  name = 'NearNameQueueRecord1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_near_name_queue_record ON near_name_queue (source, source_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_near_name_queue_record`);
  }
}
