import { MigrationInterface, QueryRunner } from 'typeorm';

/** Values a steward chose for a golden record: they win over every survivorship rule until removed. */
export class StewardOverrides1764200000000 implements MigrationInterface {
  name = 'StewardOverrides1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE golden_override (
        golden_id  uuid        NOT NULL,
        attribute  text        NOT NULL,
        value      jsonb       NOT NULL,
        decided_by text        NOT NULL,
        reason     text        NOT NULL,
        decided_at timestamptz NOT NULL,
        CONSTRAINT pk_golden_override PRIMARY KEY (golden_id, attribute),
        CONSTRAINT fk_golden_override_golden FOREIGN KEY (golden_id) REFERENCES golden_record (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE golden_override`);
  }
}
