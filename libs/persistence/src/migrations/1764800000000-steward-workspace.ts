import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data steward's workspace: who a task is assigned to and the comments on it, a steward's
 * "merge" decision on a pair (kept with "not a match" in match_decision), and the indexes of the
 * golden-record search (emails and phones in E.164 of the standardized records, SIREN and SIRET;
 * names use the trigram index on match_name).
 */
export class StewardWorkspace1764800000000 implements MigrationInterface {
  name = 'StewardWorkspace1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE steward_task ADD COLUMN assignee text NULL`);
    await q.query(`CREATE INDEX ix_steward_task_assignee ON steward_task (assignee, status) WHERE assignee IS NOT NULL`);
    await q.query(`CREATE INDEX ix_steward_task_created_at ON steward_task (status, created_at)`);
    await q.query(`
      CREATE TABLE steward_task_comment (
        id         uuid        NOT NULL,
        task_id    uuid        NOT NULL,
        author     text        NOT NULL,
        text       text        NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_steward_task_comment PRIMARY KEY (id),
        CONSTRAINT fk_steward_task_comment_task FOREIGN KEY (task_id) REFERENCES steward_task (id) ON DELETE CASCADE,
        CONSTRAINT ck_steward_task_comment_text CHECK (length(text) > 0)
      )`);
    await q.query(`CREATE INDEX ix_steward_task_comment_task ON steward_task_comment (task_id, created_at)`);
    await q.query(`ALTER TABLE match_decision DROP CONSTRAINT ck_match_decision_decision`);
    await q.query(`ALTER TABLE match_decision ADD CONSTRAINT ck_match_decision_decision CHECK (decision IN ('not-a-match', 'match'))`);
    await q.query(`CREATE INDEX ix_source_record_search_email ON source_record USING gin ((standardized -> 'email'))`);
    await q.query(`CREATE INDEX ix_source_record_search_phone ON source_record USING gin ((standardized -> 'phone'))`);
    await q.query(`CREATE INDEX ix_source_record_search_siren ON source_record ((standardized ->> 'siren')) WHERE standardized ? 'siren'`);
    await q.query(`CREATE INDEX ix_source_record_search_siret ON source_record ((standardized ->> 'siret')) WHERE standardized ? 'siret'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_source_record_search_siret`);
    await q.query(`DROP INDEX ix_source_record_search_siren`);
    await q.query(`DROP INDEX ix_source_record_search_phone`);
    await q.query(`DROP INDEX ix_source_record_search_email`);
    await q.query(`DELETE FROM match_decision WHERE decision = 'match'`);
    await q.query(`ALTER TABLE match_decision DROP CONSTRAINT ck_match_decision_decision`);
    await q.query(`ALTER TABLE match_decision ADD CONSTRAINT ck_match_decision_decision CHECK (decision IN ('not-a-match'))`);
    await q.query(`DROP TABLE steward_task_comment`);
    await q.query(`DROP INDEX ix_steward_task_created_at`);
    await q.query(`DROP INDEX ix_steward_task_assignee`);
    await q.query(`ALTER TABLE steward_task DROP COLUMN assignee`);
  }
}
