import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may use the API and what they did: the people who sign in (`app_user`), the systems that
 * call with an API key (`api_key`, only the key's hash is kept), and the audit trail of actions and
 * of reads of personal data (`audit_entry`, which never holds a personal value).
 */
export class AccessControl1764700000000 implements MigrationInterface {
  name = 'AccessControl1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id            uuid        NOT NULL,
        username      text        NOT NULL,
        display_name  text        NOT NULL,
        roles         text[]      NOT NULL,
        password_hash text        NOT NULL,
        disabled      boolean     NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_app_user PRIMARY KEY (id),
        CONSTRAINT uq_app_user_username UNIQUE (username),
        CONSTRAINT ck_app_user_roles CHECK (roles <@ ARRAY['viewer', 'steward', 'admin', 'system']::text[])
      )`);
    await q.query(`
      CREATE TABLE api_key (
        id           uuid        NOT NULL,
        name         text        NOT NULL,
        key_prefix   text        NOT NULL,
        key_hash     text        NOT NULL,
        roles        text[]      NOT NULL,
        sources      text[]      NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at   timestamptz NULL,
        last_used_at timestamptz NULL,
        CONSTRAINT pk_api_key PRIMARY KEY (id),
        CONSTRAINT uq_api_key_key_hash UNIQUE (key_hash),
        CONSTRAINT ck_api_key_roles CHECK (roles <@ ARRAY['viewer', 'steward', 'admin', 'system']::text[])
      )`);
    await q.query(`
      CREATE TABLE audit_entry (
        id          uuid        NOT NULL,
        at          timestamptz NOT NULL,
        actor_id    text        NULL,
        actor_kind  text        NOT NULL,
        action      text        NOT NULL,
        target_type text        NULL,
        target_id   text        NULL,
        reason      text        NULL,
        outcome     text        NOT NULL,
        request_id  text        NULL,
        CONSTRAINT pk_audit_entry PRIMARY KEY (id),
        CONSTRAINT ck_audit_entry_actor_kind CHECK (actor_kind IN ('person', 'system', 'anonymous', 'cli')),
        CONSTRAINT ck_audit_entry_outcome CHECK (outcome IN ('attempted', 'succeeded', 'failed', 'denied'))
      )`);
    await q.query(`CREATE INDEX ix_audit_entry_at ON audit_entry (at DESC, id)`);
    await q.query(`CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_id, at DESC)`);
    await q.query(`CREATE INDEX ix_audit_entry_target ON audit_entry (target_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP TABLE api_key`);
    await q.query(`DROP TABLE app_user`);
  }
}
