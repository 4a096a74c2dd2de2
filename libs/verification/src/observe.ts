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
    const xref = await rows<RecordRef & { goldenId: string }>(`SELECT source, source_id AS "sourceId", golden_id AS "goldenId" FROM xref`);
    const golden = await rows<ObservedGolden & { attributes: unknown }>(`SELECT id, status, sources, attributes FROM golden_record`);
    const erased = await rows<RecordRef>(`SELECT source, source_id AS "sourceId" FROM source_record WHERE erased_at IS NOT NULL`);
    const history = await rows<GoldenVersionRef>(`SELECT golden_id AS "goldenId", version FROM golden_history`);
    const outboxEvents = (
      await rows<{ value: Buffer }>(`SELECT value FROM outbox WHERE topic = $1 AND value IS NOT NULL`, [options.topics.goldenEvents])
    ).map((r) => JSON.parse(r.value.toString('utf8')) as GoldenVersionRef).map((e) => ({ goldenId: e.goldenId, version: e.version }));
    const goldenValues = golden.map((g) => ({ ...g, sources: g.sources.map((s) => ({ source: s.source, sourceId: s.sourceId })) }));
    return { messages, deadLetters, xref, golden: goldenValues, goldenValues, erased, history, outboxEvents, publishedEvents };
  } finally {
    await pool.end();
  }
}
