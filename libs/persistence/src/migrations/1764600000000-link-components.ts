import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The link component of each golden record (the smallest record id of the records linked to it,
 * directly or through others): the engine re-clusters whole components, so the clusters do not
 * depend on the order records arrive in.
 */
export class LinkComponents1764600000000 implements MigrationInterface {
  name = 'LinkComponents1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE golden_record ADD COLUMN component text NULL`);
    await q.query(`CREATE INDEX ix_golden_record_component ON golden_record (component) WHERE component IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_golden_record_component`);
    await q.query(`ALTER TABLE golden_record DROP COLUMN component`);
  }
}
