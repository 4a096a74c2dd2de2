import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure of a person's personal data (GDPR, right to erasure): erased source records and golden
 * records keep their ids, so a redelivery is recognised and ignored, and an audit register keeps
 * who erased what and why, without the data itself.
 */
export class Erasure1764500000000 implements MigrationInterface {
  name = 'Erasure1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_record ADD COLUMN erased_at timestamptz NULL`);
    await q.query(`ALTER TABLE golden_record DROP CONSTRAINT ck_golden_record_status`);
    await q.query(`ALTER TABLE golden_record ADD CONSTRAINT ck_golden_record_status CHECK (status IN ('active', 'merged', 'erased'))`);
    await q.query(`ALTER TABLE dead_letter ADD COLUMN erased_at timestamptz NULL`);
    await q.query(`
      CREATE TABLE erasure (
        id             uuid        NOT NULL,
        golden_id      uuid        NOT NULL,
        golden_ids     uuid[]      NOT NULL,
        source_records integer     NOT NULL,
        dead_letters   integer     NOT NULL,
        erased_by      text        NOT NULL,
        reason         text        NOT NULL,
        erased_at      timestamptz NOT NULL,
        CONSTRAINT pk_erasure PRIMARY KEY (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erasure`);
    await q.query(`ALTER TABLE dead_letter DROP COLUMN erased_at`);
    await q.query(`ALTER TABLE golden_record DROP CONSTRAINT ck_golden_record_status`);
    await q.query(`ALTER TABLE golden_record ADD CONSTRAINT ck_golden_record_status CHECK (status IN ('active', 'merged'))`);
    await q.query(`ALTER TABLE source_record DROP COLUMN erased_at`);
  }
}
