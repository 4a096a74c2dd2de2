import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incremental matching: what the matcher reads of each source record, a trigram index for
 * misspelled names no blocking key catches, steward tasks and steward match decisions.
 */
export class IncrementalMatching1764100000000 implements MigrationInterface {
  name = 'IncrementalMatching1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE source_record ADD COLUMN match_record jsonb NOT NULL DEFAULT '{}', ADD COLUMN match_name text NULL`);
    await q.query(`CREATE INDEX ix_source_record_match_name ON source_record USING gist (match_name gist_trgm_ops) WHERE match_name IS NOT NULL`);
    await q.query(`
      CREATE TABLE steward_task (
        id                  uuid             NOT NULL,
        type                text             NOT NULL,
        status              text             NOT NULL DEFAULT 'open',
        priority            integer          NOT NULL DEFAULT 0,
        source              text             NOT NULL,
        source_id           text             NOT NULL,
        golden_id           uuid             NULL,
        candidate_golden_id uuid             NULL,
        candidate_source    text             NULL,
        candidate_source_id text             NULL,
        probability         double precision NULL,
        details             jsonb            NOT NULL DEFAULT '{}',
        created_at          timestamptz      NOT NULL,
        updated_at          timestamptz      NOT NULL,
        closed_at           timestamptz      NULL,
        resolution          jsonb            NULL,
        CONSTRAINT pk_steward_task PRIMARY KEY (id),
        CONSTRAINT ck_steward_task_status CHECK (status IN ('open', 'resolved', 'obsolete')),
        CONSTRAINT fk_steward_task_source_record FOREIGN KEY (source, source_id) REFERENCES source_record (source, source_id) ON DELETE CASCADE,
        CONSTRAINT fk_steward_task_golden FOREIGN KEY (golden_id) REFERENCES golden_record (id),
        CONSTRAINT fk_steward_task_candidate_golden FOREIGN KEY (candidate_golden_id) REFERENCES golden_record (id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_steward_task_open_pair ON steward_task (type, source, source_id, candidate_golden_id) WHERE status = 'open'`,
    );
    await q.query(`CREATE INDEX ix_steward_task_queue ON steward_task (status, priority DESC, created_at)`);
    await q.query(`
      CREATE TABLE match_decision (
        left_source     text        NOT NULL,
        left_source_id  text        NOT NULL,
        right_source    text        NOT NULL,
        right_source_id text        NOT NULL,
        decision        text        NOT NULL,
        decided_by      text        NOT NULL,
        reason          text        NULL,
        decided_at      timestamptz NOT NULL,
        CONSTRAINT pk_match_decision PRIMARY KEY (left_source, left_source_id, right_source, right_source_id),
        CONSTRAINT ck_match_decision_decision CHECK (decision IN ('not-a-match')),
        CONSTRAINT ck_match_decision_order CHECK ((left_source, left_source_id) < (right_source, right_source_id))
      )`);
    await q.query(`CREATE INDEX ix_match_decision_right ON match_decision (right_source, right_source_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE match_decision`);
    await q.query(`DROP TABLE steward_task`);
    await q.query(`DROP INDEX ix_source_record_match_name`);
    await q.query(`ALTER TABLE source_record DROP COLUMN match_name, DROP COLUMN match_record`);
  }
}
