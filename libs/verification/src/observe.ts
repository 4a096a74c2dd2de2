import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { GoldenVersionRef, ObservedGolden, ObservedMessage, ObservedState, RecordRef, SourceMapping, decodeMessage, mapPayload } from '@mdm/core';
import { readTopicsToEnd } from './read-topics';

export interface ObserveOptions {
  kafka: Kafka;
  databaseUrl: string;
  mappings: SourceMapping[];
  topics: { deadLetters: string; goldenEvents: string };
  maxMessageBytes: number;
  /**
   * Observe only what changed after this point (a database preloaded with golden records whose
   * source messages are not on the topics): the golden records changed or linked since, all their
   * members' cross-references, and the history and outbox rows written since.
   */
  since?: Watermark;
}

/** A point in a database's life: a time, the last history row and the last outbox row then. */
export interface Watermark {
  at: Date;
  historyId: number;
  outboxId: number;
}

/** The database's watermark now. */
export async function watermarkOf(databaseUrl: string): Promise<Watermark> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query(`SELECT now() AS at, (SELECT coalesce(max(id), 0) FROM golden_history) AS history, (SELECT coalesce(max(id), 0) FROM outbox) AS outbox`);
    return { at: rows[0].at as Date, historyId: Number(rows[0].history), outboxId: Number(rows[0].outbox) };
  } finally {
    await pool.end();
  }
}

/** The header by which a message names its source when its topic is shared. */
const SOURCE_HEADER = 'mdm-source';

/**
 * What an independent reader sees of the engine: the source topics decoded with the source
 * mappings alone, the dead-letter and golden-event topics, and the tables read with plain SQL.
 */
export async function observeEngine(options: ObserveOptions): Promise<ObservedState & { goldenValues: (ObservedGolden & { attributes: unknown })[] }> {
  const byTopic = new Map(options.mappings.map((m) => [m.topic, m]));
  const bySource = new Map(options.mappings.map((m) => [m.source, m]));
  const sourceMessages = await readTopicsToEnd(options.kafka, options.mappings.map((m) => m.topic));
  const messages: ObservedMessage[] = sourceMessages.map((m) => {
    const position = `${m.topic}:${m.partition}:${m.offset}`;
    const named = m.headers[SOURCE_HEADER];
    const mapping = named !== undefined ? bySource.get(named) : byTopic.get(m.topic);
    try {
      if (!mapping) return { position, records: null };
      const records = mapPayload(decodeMessage(m.value, options.maxMessageBytes), mapping).map((r) => ({ source: r.source, sourceId: r.sourceId }));
      return { position, records };
    } catch {
      return { position, records: null };
    }
  });
  const outbound = await readTopicsToEnd(options.kafka, [options.topics.deadLetters, options.topics.goldenEvents]);
  const deadLetters = outbound.filter((m) => m.topic === options.topics.deadLetters && m.key !== null).map((m) => m.key!.toString('utf8'));
  const publishedEvents: GoldenVersionRef[] = outbound
    .filter((m) => m.topic === options.topics.goldenEvents && m.value !== null)
    .map((m) => JSON.parse(m.value!.toString('utf8')) as { goldenId: string; version: number })
    .map((e) => ({ goldenId: e.goldenId, version: e.version }));

  const pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
  try {
    const rows = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[];
    const since = options.since ?? { at: new Date(0), historyId: 0, outboxId: 0 };
    // the golden records in view: changed since the watermark (a history row) or linked to since
    const scope = `SELECT golden_id FROM golden_history WHERE id > $1 UNION SELECT golden_id FROM xref WHERE linked_at >= $2`;
    const scoped = options.since !== undefined;
    const xref = await rows<RecordRef & { goldenId: string }>(
      scoped
        ? `SELECT source, source_id AS "sourceId", golden_id AS "goldenId" FROM xref WHERE golden_id IN (${scope}) OR linked_at >= $2`
        : `SELECT source, source_id AS "sourceId", golden_id AS "goldenId" FROM xref`,
      scoped ? [since.historyId, since.at] : [],
    );
    const golden = await rows<ObservedGolden & { attributes: unknown }>(
      scoped ? `SELECT id, status, sources, attributes FROM golden_record WHERE id IN (${scope})` : `SELECT id, status, sources, attributes FROM golden_record`,
      scoped ? [since.historyId, since.at] : [],
    );
    const erased = await rows<RecordRef>(`SELECT source, source_id AS "sourceId" FROM source_record WHERE erased_at IS NOT NULL`);
    const history = await rows<GoldenVersionRef>(`SELECT golden_id AS "goldenId", version FROM golden_history WHERE id > $1`, [since.historyId]);
    const outboxEvents = (
      await rows<{ value: Buffer }>(`SELECT value FROM outbox WHERE topic = $1 AND value IS NOT NULL AND id > $2`, [options.topics.goldenEvents, since.outboxId])
    ).map((r) => JSON.parse(r.value.toString('utf8')) as GoldenVersionRef).map((e) => ({ goldenId: e.goldenId, version: e.version }));
    const goldenValues = golden.map((g) => ({ ...g, sources: g.sources.map((s) => ({ source: s.source, sourceId: s.sourceId })) }));
    return { messages, deadLetters, xref, golden: goldenValues, goldenValues, erased, history, outboxEvents, publishedEvents };
  } finally {
    await pool.end();
  }
}
