import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A source record's blocking keys (`match_key`) and name (`record_name`) without a foreign key to
 * the record. They are written by the statement that writes the record, and the engine never deletes
 * a source record (an erasure clears it, and deletes its keys and name itself): the constraint only
 * checked, for each of the ten or so keys of every record stored, the row that statement had just
 * written, one lookup and one logged row lock each.
 */
export class KeysWithoutForeignKeys1765500000000 implements MigrationInterface {
  name = 'KeysWithoutForeignKeys1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE match_key DROP CONSTRAINT fk_match_key_source_record`);
    await q.query(`ALTER TABLE record_name DROP CONSTRAINT fk_record_name_source_record`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE record_name ADD CONSTRAINT fk_record_name_source_record FOREIGN KEY (source, source_id) REFERENCES source_record (source, source_id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE match_key ADD CONSTRAINT fk_match_key_source_record FOREIGN KEY (source, source_id) REFERENCES source_record (source, source_id) ON DELETE CASCADE`);
  }
}
