import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records whose near names are still to be looked at. The ingest transaction adds every stored
 * record that has a name; the near-name reviewer takes them in its own transactions, after the
 * commit, and opens the possible-match tasks that name similarity alone suggests (a misspelled name
 * that no blocking key catches). A record stored again while it waits, or while it is being looked
 * at, is queued again (no unique key: the ingest never waits for the reviewer).
 */
export class NearNameQueue1765000000000 implements MigrationInterface {
  name = 'NearNameQueue1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE near_name_queue (
        id bigint GENERATED ALWAYS AS IDENTITY,
        source text NOT NULL,
        source_id text NOT NULL,
        queued_at timestamptz NOT NULL,
        CONSTRAINT pk_near_name_queue PRIMARY KEY (id)
      )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE near_name_queue`);
  }
}
