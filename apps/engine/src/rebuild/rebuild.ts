import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AttributeName, CanonicalAttributes, GoldenStateDigest, MappedRecord, PartyKind, compareGoldenStates, digestGoldenState } from '@mdm/core';
import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from '@mdm/infra';
import { createDataSource, runMigrations } from '@mdm/persistence';
import { InboundMessage, OutboundTopics } from '@mdm/messaging';
import { OverrideValueUseCase } from '@mdm/golden';
import { EngineRules } from '@mdm/settings';
import { IngestBatchUseCase } from '../ingest/ingest-batch.usecase';
import { Preparation, SOURCE_HEADER, prepareMapped, prepareMessage, recordId } from '../ingest/record-preparation';
import { frenchStandardizer } from '../ingest/standardizer';

export interface RebuildOptions {
  /** The live database. */
  databaseUrl: string;
  rules: EngineRules;
  topics: OutboundTopics;
  maxMessageBytes: number;
  /** Keep the rebuilt database for inspection instead of dropping it. */
  keep?: boolean;
  batchSize?: number;
}

export interface RebuildReport {
  /** Source records replayed (erased ones are not: they must not come back). */
  sourceRecords: number;
  messages: number;
  /** Records whose raw message another person's erasure blanked, replayed from their mapped values. */
  replayedFromMappedValues: number;
  erasedSkipped: number;
  /** Stored messages the replay refused (must be none: each was accepted live). */
  replayDeadLetters: { topic: string; partition: number; offset: string; code: string; message: string }[];
  stewardDecisions: number;
  overrides: number;
  /** Overrides whose golden record has no counterpart in the rebuild. */
  overridesUnplaced: number;
  liveGoldenRecords: number;
  rebuiltGoldenRecords: number;
  /** Erased source records found in a rebuilt golden record (must be none). */
  erasedResurrected: number;
  differences: string[];
  rebuiltDatabase: string | null;
}

/**
 * Recomputes every golden record from what is stored: the source records (their messages, replayed
 * through the engine's own ingest use case into a scratch database on the same server), the
 * stewards' match and not-a-match decisions, and their overrides. Then compares the result with the
 * live golden records: which source records are together, and their values. There must be no
 * difference; erased people must not come back.
 */
export async function rebuildGoldenRecords(options: RebuildOptions): Promise<RebuildReport> {
  const live = createDataSource(options.databaseUrl, { poolSize: 2, applicationName: 'mdm-rebuild' });
  await live.initialize();
  const scratchName = `${new URL(options.databaseUrl).pathname.slice(1) || 'mdm'}_rebuild_${randomBytes(3).toString('hex')}`;
  let scratch: DataSource | null = null;
  try {
    await createDatabaseIfMissing(options.databaseUrl, scratchName);
    scratch = createDataSource(withDatabaseName(options.databaseUrl, scratchName), { poolSize: 2, applicationName: 'mdm-rebuild' });
    await scratch.initialize();
    await runMigrations(scratch);

    // the stewards' decisions on pairs of source records hold whatever the golden ids
    const decisions: Record<string, unknown>[] = await live.query(`SELECT * FROM match_decision`);
    for (const d of decisions) {
      const columns = Object.keys(d);
      await scratch.query(`INSERT INTO match_decision (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => d[c]));
    }

    // every stored message once, in the order the engine received them; erased records stay out
    const [{ erased }] = await live.query(`SELECT count(*)::int AS erased FROM source_record WHERE erased_at IS NOT NULL`);
    type Position = { source: string; kafka_topic: string | null; kafka_partition: number | null; kafka_offset: string | null; received_at: Date };
    const messages: (Position & { payload: Buffer })[] = await live.query(
      `SELECT DISTINCT ON (coalesce(kafka_topic, source), coalesce(kafka_partition, -1), coalesce(kafka_offset, -1), CASE WHEN kafka_topic IS NULL THEN source_id END)
              source, kafka_topic, kafka_partition, kafka_offset::text AS kafka_offset, payload, received_at
         FROM source_record WHERE erased_at IS NULL AND octet_length(payload) > 0
        ORDER BY coalesce(kafka_topic, source), coalesce(kafka_partition, -1), coalesce(kafka_offset, -1), CASE WHEN kafka_topic IS NULL THEN source_id END, received_at`,
    );
    // A record whose raw message was blanked by another person's erasure (the message named her)
    // is replayed from the values mapped from it, which it kept.
    const blanked: (Position & { source_id: string; entity: string; kind: PartyKind; attributes: CanonicalAttributes; links: Record<string, string>; source_updated_at: Date | null })[] = await live.query(
      `SELECT source, source_id, entity, kind, attributes, links, source_updated_at, kafka_topic, kafka_partition, kafka_offset::text AS kafka_offset, received_at
         FROM source_record WHERE erased_at IS NULL AND octet_length(payload) = 0`,
    );
    const items: (Position & { payload?: Buffer; mapped?: MappedRecord })[] = [
      ...messages,
      ...blanked.map((b) => ({
        ...b,
        mapped: { source: b.source, sourceId: b.source_id, entity: b.entity, kind: b.kind, attributes: b.attributes, links: b.links, sourceUpdatedAt: b.source_updated_at?.toISOString() ?? null },
      })),
    ];
    // within one reception time (one live batch), the order of the partition's messages
    items.sort((a, b) => a.received_at.getTime() - b.received_at.getTime() || (a.kafka_partition ?? -1) - (b.kafka_partition ?? -1) || Number(a.kafka_offset ?? -1) - Number(b.kafka_offset ?? -1));
    // The engine stamps a batch with one reception time: replaying each live batch as one batch, at
    // its own time, gives every rule that reads the time (freshest value wins, most recent members
    // first) the same view it had live.
    let batchTime = new Date(0);
    const standardizer = frenchStandardizer(options.rules.matching.defaultCountry);
    const ingest = new IngestBatchUseCase(scratch, {
      mappings: options.rules.mappings,
      topics: options.topics,
      survivorship: options.rules.survivorship,
      standardizer,
      matching: options.rules.matching,
      erp: options.rules.erp,
      maxMessageBytes: options.maxMessageBytes,
      now: () => batchTime,
    });
    const byTopic = new Map(options.rules.mappings.map((m) => [m.topic, m]));
    const bySource = new Map(options.rules.mappings.map((m) => [m.source, m]));
    const batchSize = options.batchSize ?? 100;
    for (let i = 0; i < items.length; ) {
      batchTime = items[i].received_at;
      let end = i + 1;
      while (end < items.length && end - i < batchSize && items[end].received_at.getTime() === batchTime.getTime()) end++;
      await ingest.executePrepared(
        items.slice(i, end).map((m, k): Preparation => {
          const message: InboundMessage = {
            topic: m.kafka_topic ?? m.source,
            partition: m.kafka_partition ?? 0,
            offset: m.kafka_offset ?? String(i + k),
            key: null,
            value: m.payload ?? Buffer.alloc(0),
            // the record's source decides the mapping, whatever topic carried it
            headers: { [SOURCE_HEADER]: m.source },
            timestamp: String(m.received_at.getTime()),
          };
          return m.mapped
            ? { ok: true, message, payload: Buffer.alloc(0), records: prepareMapped([m.mapped], standardizer) }
            : prepareMessage(message, byTopic, bySource, standardizer, options.maxMessageBytes);
        }),
      );
      i = end;
    }
    const [{ records }] = await scratch.query(`SELECT count(*)::int AS records FROM source_record`);
    const replayDeadLetters: RebuildReport['replayDeadLetters'] = (
      await scratch.query(`SELECT kafka_topic, kafka_partition, kafka_offset::text AS kafka_offset, error_code, error_message FROM dead_letter ORDER BY id`)
    ).map((d: { kafka_topic: string; kafka_partition: number; kafka_offset: string; error_code: string; error_message: string }) => ({
      topic: d.kafka_topic,
      partition: d.kafka_partition,
      offset: d.kafka_offset,
      code: d.error_code,
      message: d.error_message,
    }));

    // overrides belong to a golden record: place each on the rebuilt record with the same members
    const overrides: { golden_id: string; attribute: AttributeName; value: unknown; decided_by: string; reason: string; members: string[] }[] = await live.query(
      `SELECT o.golden_id, o.attribute, o.value, o.decided_by, o.reason,
              (SELECT array_agg(x.source || ':' || x.source_id ORDER BY x.source, x.source_id) FROM xref x WHERE x.golden_id = o.golden_id) AS members
         FROM golden_override o JOIN golden_record g ON g.id = o.golden_id WHERE g.status = 'active'`,
    );
    const rebuiltByMembers = new Map<string, string>();
    for (const row of await scratch.query(`SELECT golden_id, array_agg(source || ':' || source_id ORDER BY source, source_id) AS members FROM xref GROUP BY golden_id`)) {
      rebuiltByMembers.set((row.members as string[]).join(' '), row.golden_id as string);
    }
    const overrideUseCase = new OverrideValueUseCase(scratch, { topics: options.topics, survivorship: options.rules.survivorship, erp: options.rules.erp });
    let unplaced = 0;
    for (const o of overrides) {
      const target = rebuiltByMembers.get((o.members ?? []).join(' '));
      if (!target) {
        unplaced++;
        continue;
      }
      await overrideUseCase.set({ goldenId: target, attribute: o.attribute, value: o.value as never, by: o.decided_by, reason: o.reason });
    }

    const state = async (db: DataSource) =>
      digestGoldenState(
        (await db.query(`SELECT id, status, sources, attributes FROM golden_record WHERE status = 'active'`)).map((g: { id: string; status: string; sources: { source: string; sourceId: string }[]; attributes: unknown }) => ({
          ...g,
          sources: g.sources.map((s) => ({ source: s.source, sourceId: s.sourceId })),
        })),
      );
    const liveState: GoldenStateDigest = await state(live);
    const rebuiltState: GoldenStateDigest = await state(scratch);
    const erasedKeys = new Set(
      ((await live.query(`SELECT source, source_id FROM source_record WHERE erased_at IS NOT NULL`)) as { source: string; source_id: string }[]).map((r) => recordId(r.source, r.source_id)),
    );
    const resurrected = [...rebuiltState.clusters.keys()].flatMap((members) => members.split(' ')).filter((key) => erasedKeys.has(key)).length;
    return {
      sourceRecords: records,
      messages: messages.length,
      replayedFromMappedValues: blanked.length,
      erasedSkipped: erased,
      replayDeadLetters,
      stewardDecisions: decisions.length,
      overrides: overrides.length,
      overridesUnplaced: unplaced,
      liveGoldenRecords: liveState.clusters.size,
      rebuiltGoldenRecords: rebuiltState.clusters.size,
      erasedResurrected: resurrected,
      differences: compareGoldenStates(liveState, rebuiltState),
      rebuiltDatabase: options.keep ? scratchName : null,
    };
  } finally {
    await scratch?.destroy().catch(() => undefined);
    await live.destroy().catch(() => undefined);
    if (!options.keep) await dropDatabase(options.databaseUrl, scratchName).catch(() => undefined);
  }
}
