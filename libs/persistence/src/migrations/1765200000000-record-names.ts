import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The names the near-name search and the steward search look up by trigram move from
 * `source_record.match_name` to a narrow table of their own, `record_name`, which holds the
 * trigram index. A search reads each candidate row the index returns, to check its similarity:
 * in `source_record` that was one wide row (payload, mapped and standardized values, about 1.5 kB)
 * per candidate, tens of candidates per name on a small store and hundreds on a large one; in
 * `record_name` about a hundred names share a page.
 * A record has a row here when it has a name and is not erased. A new version rewrites its row
 * (and the index entries) only when the name or the kind changed: a nightly export with a new
 * time stamp leaves the index alone. Each kind has a trigram index of its own (a partial index):
 * a search looks among the names of one kind and reads only their posting lists (at 200,000
 * generated records, a quarter less time than with one index for both kinds).
 */
export class RecordNames1765200000000 implements MigrationInterface {
  name = 'RecordNames1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_name (
        source text NOT NULL,
        source_id text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        CONSTRAINT pk_record_name PRIMARY KEY (source, source_id),
        CONSTRAINT fk_record_name_source_record FOREIGN KEY (source, source_id) REFERENCES source_record (source, source_id) ON DELETE CASCADE,
        CONSTRAINT ck_record_name_kind CHECK (kind IN ('person', 'organization'))
      )`);
    await q.query(`INSERT INTO record_name (source, source_id, kind, name)
                   SELECT source, source_id, kind, match_name FROM source_record WHERE match_name IS NOT NULL AND erased_at IS NULL`);
    for (const kind of ['person', 'organization']) {
      await q.query(`CREATE INDEX ix_record_name_${kind} ON record_name USING gin (name gin_trgm_ops) WITH (fastupdate = off) WHERE kind = '${kind}'`);
    }
    await q.query(`DROP INDEX ix_source_record_match_name`);
    await q.query(`ALTER TABLE source_record DROP COLUMN match_name`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_record ADD COLUMN match_name text NULL`);
    await q.query(`UPDATE source_record s SET match_name = n.name FROM record_name n WHERE n.source = s.source AND n.source_id = s.source_id`);
    await q.query(`CREATE INDEX ix_source_record_match_name ON source_record USING gin (match_name gin_trgm_ops) WITH (fastupdate = off) WHERE match_name IS NOT NULL`);
    await q.query(`DROP TABLE record_name`);
  }
}
