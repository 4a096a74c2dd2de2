import { MigrationInterface, QueryRunner } from 'typeorm';

/** Source records, golden records, cross-references, match keys, history, outbox and dead letters. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE source_record (
        source            text        NOT NULL,
        source_id         text        NOT NULL,
        entity            text        NOT NULL,
        kind              text        NOT NULL,
        payload           bytea       NOT NULL,
        attributes        jsonb       NOT NULL,
        standardized      jsonb       NOT NULL,
        findings          jsonb       NOT NULL DEFAULT '[]',
        match_keys        text[]      NOT NULL DEFAULT '{}',
        links             jsonb       NOT NULL DEFAULT '{}',
        source_updated_at timestamptz NULL,
        payload_hash      text        NOT NULL,
        received_at       timestamptz NOT NULL,
        kafka_topic       text        NULL,
        kafka_partition   integer     NULL,
        kafka_offset      bigint      NULL,
        revision          integer     NOT NULL DEFAULT 1,
        CONSTRAINT pk_source_record PRIMARY KEY (source, source_id),
        CONSTRAINT ck_source_record_kind CHECK (kind IN ('person', 'organization'))
      )`);
    await q.query(`
      CREATE TABLE golden_record (
        id          uuid        NOT NULL,
        kind        text        NOT NULL,
        status      text        NOT NULL DEFAULT 'active',
        merged_into uuid        NULL,
        attributes  jsonb       NOT NULL,
        lineage     jsonb       NOT NULL,
        sources     jsonb       NOT NULL DEFAULT '[]',
        version     integer     NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        CONSTRAINT pk_golden_record PRIMARY KEY (id),
        CONSTRAINT ck_golden_record_status CHECK (status IN ('active', 'merged')),
        CONSTRAINT ck_golden_record_kind CHECK (kind IN ('person', 'organization')),
        CONSTRAINT fk_golden_record_merged_into FOREIGN KEY (merged_into) REFERENCES golden_record (id)
      )`);
    await q.query(`CREATE INDEX ix_golden_record_merged_into ON golden_record (merged_into) WHERE merged_into IS NOT NULL`);
    await q.query(`
      CREATE TABLE xref (
        source    text        NOT NULL,
        source_id text        NOT NULL,
        golden_id uuid        NOT NULL,
        linked_at timestamptz NOT NULL,
        CONSTRAINT pk_xref PRIMARY KEY (source, source_id),
        CONSTRAINT fk_xref_source_record FOREIGN KEY (source, source_id) REFERENCES source_record (source, source_id) ON DELETE CASCADE,
        CONSTRAINT fk_xref_golden_record FOREIGN KEY (golden_id) REFERENCES golden_record (id)
      )`);
    await q.query(`CREATE INDEX ix_xref_golden_id ON xref (golden_id)`);
    await q.query(`
      CREATE TABLE match_key (
        key       text NOT NULL,
        source    text NOT NULL,
        source_id text NOT NULL,
        CONSTRAINT pk_match_key PRIMARY KEY (key, source, source_id),
        CONSTRAINT fk_match_key_source_record FOREIGN KEY (source, source_id) REFERENCES source_record (source, source_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_match_key_record ON match_key (source, source_id)`);
    await q.query(`
      CREATE TABLE golden_history (
        id             bigserial   NOT NULL,
        golden_id      uuid        NOT NULL,
        version        integer     NOT NULL,
        change_type    text        NOT NULL,
        changed_fields text[]      NOT NULL DEFAULT '{}',
        cause          jsonb       NOT NULL,
        attributes     jsonb       NOT NULL,
        recorded_at    timestamptz NOT NULL,
        CONSTRAINT pk_golden_history PRIMARY KEY (id),
        CONSTRAINT uq_golden_history_version UNIQUE (golden_id, version),
        CONSTRAINT fk_golden_history_golden_record FOREIGN KEY (golden_id) REFERENCES golden_record (id)
      )`);
    await q.query(`
      CREATE TABLE outbox (
        id           bigserial   NOT NULL,
        topic        text        NOT NULL,
        message_key  text        NULL,
        value        bytea       NULL,
        headers      jsonb       NOT NULL DEFAULT '{}',
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL,
        CONSTRAINT pk_outbox PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX ix_outbox_unpublished ON outbox (id) WHERE published_at IS NULL`);
    await q.query(`
      CREATE TABLE dead_letter (
        id              bigserial   NOT NULL,
        kafka_topic     text        NOT NULL,
        kafka_partition integer     NOT NULL,
        kafka_offset    bigint      NOT NULL,
        message_key     bytea       NULL,
        value           bytea       NULL,
        headers         jsonb       NOT NULL DEFAULT '{}',
        error_code      text        NOT NULL,
        error_message   text        NOT NULL,
        received_at     timestamptz NOT NULL,
        CONSTRAINT pk_dead_letter PRIMARY KEY (id),
        CONSTRAINT uq_dead_letter_position UNIQUE (kafka_topic, kafka_partition, kafka_offset)
      )`);
    await q.query(`CREATE INDEX ix_dead_letter_error_code ON dead_letter (error_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dead_letter', 'outbox', 'golden_history', 'match_key', 'xref', 'golden_record', 'source_record']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
