import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Relationships a steward made between golden records (a qualified lead attached to an account).
 * Relationships the sources state (a CRM contact's account) are read from the source records.
 */
export class GoldenLinks1764400000000 implements MigrationInterface {
  name = 'GoldenLinks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE golden_link (
        from_golden uuid        NOT NULL,
        role        text        NOT NULL,
        to_golden   uuid        NOT NULL,
        decided_by  text        NOT NULL,
        reason      text        NOT NULL,
        decided_at  timestamptz NOT NULL,
        CONSTRAINT pk_golden_link PRIMARY KEY (from_golden, role, to_golden),
        CONSTRAINT fk_golden_link_from FOREIGN KEY (from_golden) REFERENCES golden_record (id),
        CONSTRAINT fk_golden_link_to FOREIGN KEY (to_golden) REFERENCES golden_record (id)
      )`);
    await q.query(`CREATE INDEX ix_golden_link_to ON golden_link (to_golden)`);
    // the links a source record states to another record of the same source (a contact's account), one row each, both ways indexed
    await q.query(`
      CREATE TABLE source_link (
        source           text NOT NULL,
        source_id        text NOT NULL,
        role             text NOT NULL,
        target_source_id text NOT NULL,
        CONSTRAINT pk_source_link PRIMARY KEY (source, source_id, role),
        CONSTRAINT fk_source_link_record FOREIGN KEY (source, source_id) REFERENCES source_record (source, source_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_source_link_target ON source_link (source, target_source_id)`);
    await q.query(`INSERT INTO source_link (source, source_id, role, target_source_id) SELECT s.source, s.source_id, l.key, l.value FROM source_record s CROSS JOIN LATERAL jsonb_each_text(s.links) l`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE source_link`);
    await q.query(`DROP TABLE golden_link`);
  }
}
