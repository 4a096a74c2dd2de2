import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, xrefKey } from '@mdm/core';
import { OutboxMessage, OutboxStore, ResolutionStore, inTransaction, rowsOf } from '@mdm/persistence';
import { deadLetterKey, eventMessage, tombstoneMessage } from '../publication';
import { StewardOptions, lockActiveGolden } from './steward-context';

export interface EraseCommand {
  /** The person's golden record, or one of their source records. */
  goldenId?: string;
  sourceRecord?: { source: string; sourceId: string };
  by: string;
  reason: string;
}

export interface EraseResult {
  erasureId: string;
  goldenId: string;
  /** The golden record and the ids merged into it, all erased. */
  goldenIds: string[];
  sourceRecords: number;
  deadLetters: number;
}

/** Values shorter than this are not searched for in dead letters (a house number would match anything). */
const MIN_SEARCHED_LENGTH = 5;
/** A character that cannot be part of an id. */
const OUTSIDE_ID = '[^0-9A-Za-z_.@-]';

/**
 * Erases a person (right to erasure): their personal data leaves the golden record, its history
 * and the ids merged into it, their source records, steward overrides, tasks and decisions, the
 * dead letters that carry it and the outbox; tombstones and a `golden.erased` event tell downstream
 * systems to do the same. Ids stay (a redelivered record is recognised and ignored); an audit entry
 * keeps who, when, why and how much, never the data.
 */
export class EraseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: StewardOptions,
  ) {}

  execute(command: EraseCommand): Promise<EraseResult> {
    const now = this.options.now?.() ?? new Date();
    return inTransaction(this.dataSource, async (db) => {
      const store = new ResolutionStore(db);
      const golden = await lockActiveGolden(store, await this.goldenIdOf(db, command));
      if (golden.kind !== 'person') {
        throw new DomainError('VALIDATION_FAILED', 'erasure applies to persons: an organization has no personal data to erase', [{ field: 'goldenId', message: 'is an organization' }]);
      }
      const goldenIds: string[] = (await db.query(`SELECT id FROM golden_record WHERE id = $1 OR merged_into = $1 ORDER BY id`, [golden.id])).map((r: { id: string }) => r.id);
      const records: { source: string; source_id: string; attributes: Record<string, unknown>; standardized: Record<string, unknown> }[] = await db.query(
        `SELECT s.source, s.source_id, s.attributes, s.standardized FROM xref x JOIN source_record s ON s.source = x.source AND s.source_id = x.source_id WHERE x.golden_id = $1`,
        [golden.id],
      );
      const keys = records.map((r) => ({ source: r.source, sourceId: r.source_id }));
      const values = identifyingValues([golden.attributes, ...records.flatMap((r) => [r.attributes, r.standardized])]);
      const idPatterns = keys.map((k) => sourceIdPattern(k.sourceId));
      // the Kafka messages that carried her records: one message can describe several records
      const carriers: { kafka_topic: string; kafka_partition: number; kafka_offset: string }[] = await db.query(
        `SELECT DISTINCT s.kafka_topic, s.kafka_partition, s.kafka_offset::text AS kafka_offset
           FROM xref x JOIN source_record s ON s.source = x.source AND s.source_id = x.source_id
          WHERE x.golden_id = $1 AND s.kafka_topic IS NOT NULL`,
        [golden.id],
      );

      // source records: ids kept, everything else blanked
      await db.query(
        `UPDATE source_record s SET payload = '\\x'::bytea, attributes = '{}', standardized = '{}', findings = '[]', match_keys = '{}', match_record = '{}',
                payload_hash = 'erased', erased_at = $2
           FROM xref x WHERE x.golden_id = $1 AND s.source = x.source AND s.source_id = x.source_id`,
        [golden.id, now],
      );
      await db.query(`DELETE FROM match_key m USING xref x WHERE x.golden_id = $1 AND m.source = x.source AND m.source_id = x.source_id`, [golden.id]);
      await db.query(`DELETE FROM record_name n USING xref x WHERE x.golden_id = $1 AND n.source = x.source AND n.source_id = x.source_id`, [golden.id]);
      await db.query(`DELETE FROM near_name_queue q USING xref x WHERE x.golden_id = $1 AND q.source = x.source AND q.source_id = x.source_id`, [golden.id]);
      // one message can describe several records (a CRM contact and her company's account): the
      // other records keep their mapped values but lose the raw message that carried hers, or
      // any raw message that names her. Source ids are not searched here: another record's id
      // can contain hers ("crm-5" in "crm-50"), and her records' messages are found by position.
      await db.query(
        `UPDATE source_record SET payload = '\\x'::bytea
          WHERE octet_length(payload) > 0
            AND ((kafka_topic, kafka_partition, kafka_offset) IN (SELECT * FROM unnest($2::text[], $3::int[], $4::bigint[]))
                 OR EXISTS (SELECT 1 FROM unnest($1::text[]) v WHERE position(convert_to(v, 'UTF8') IN payload) > 0))`,
        [values, carriers.map((c) => c.kafka_topic), carriers.map((c) => c.kafka_partition), carriers.map((c) => c.kafka_offset)],
      );
      // golden records, their history, overrides, tasks and steward decisions
      await db.query(`UPDATE golden_record SET attributes = '{}', lineage = '{}', sources = '[]', status = 'erased', version = version + 1, updated_at = $2 WHERE id = $1`, [golden.id, now]);
      await db.query(`UPDATE golden_record SET attributes = '{}', lineage = '{}', sources = '[]' WHERE id = ANY($1::uuid[])`, [goldenIds]);
      await db.query(`UPDATE golden_history SET attributes = '{}', changed_fields = '{}' WHERE golden_id = ANY($1::uuid[])`, [goldenIds]);
      await db.query(`DELETE FROM golden_override WHERE golden_id = ANY($1::uuid[])`, [goldenIds]);
      await db.query(
        `DELETE FROM steward_task t WHERE t.golden_id = ANY($1::uuid[]) OR t.candidate_golden_id = ANY($1::uuid[])
            OR EXISTS (SELECT 1 FROM xref x WHERE x.golden_id = $2 AND ((x.source = t.source AND x.source_id = t.source_id) OR (x.source = t.candidate_source AND x.source_id = t.candidate_source_id)))`,
        [goldenIds, golden.id],
      );
      await db.query(
        `DELETE FROM match_decision d USING xref x WHERE x.golden_id = $1
            AND ((d.left_source = x.source AND d.left_source_id = x.source_id) OR (d.right_source = x.source AND d.right_source_id = x.source_id))`,
        [golden.id],
      );
      await db.query(`DELETE FROM golden_link WHERE from_golden = ANY($1::uuid[]) OR to_golden = ANY($1::uuid[])`, [goldenIds]);
      // dead letters that carry one of the values, and the outbox's copies of published messages
      // (a broken message may name her only by a record id: ids are matched as whole tokens)
      const deadLetters = rowsOf<{ id: string; kafka_topic: string; kafka_partition: number; kafka_offset: string }>(
        await db.query(
          `UPDATE dead_letter SET value = NULL, message_key = NULL, headers = '{}', error_message = 'erased', erased_at = $2
            WHERE erased_at IS NULL AND (value IS NOT NULL OR message_key IS NOT NULL)
              AND (EXISTS (SELECT 1 FROM unnest($1::text[]) v
                            WHERE position(convert_to(v, 'UTF8') IN coalesce(value, '')) > 0 OR position(convert_to(v, 'UTF8') IN coalesce(message_key, '')) > 0)
                   OR EXISTS (SELECT 1 FROM unnest($3::text[]) p
                               WHERE encode(coalesce(value, ''), 'escape') ~ p OR encode(coalesce(message_key, ''), 'escape') ~ p))
            RETURNING id, kafka_topic, kafka_partition, kafka_offset`,
          [values, now, idPatterns],
        ),
      );
      await db.query(`DELETE FROM outbox WHERE published_at IS NULL AND (message_key = ANY($1::text[]) OR message_key = ANY($2::text[]))`, [goldenIds, keys.map((k) => xrefKey(k.source, k.sourceId))]);
      await db.query(
        `UPDATE outbox SET value = NULL
          WHERE value IS NOT NULL
            AND (message_key = ANY($1::text[]) OR message_key = ANY($2::text[])
                 OR EXISTS (SELECT 1 FROM unnest($3::text[]) v WHERE position(convert_to(v, 'UTF8') IN value) > 0))`,
        [goldenIds, keys.map((k) => xrefKey(k.source, k.sourceId)), values],
      );

      // tell downstream systems: tombstones on the compacted topics, one event
      const outbox: OutboxMessage[] = [];
      for (const id of goldenIds) outbox.push(tombstoneMessage(this.options.topics, id));
      for (const key of keys) outbox.push({ topic: this.options.topics.xref, key: xrefKey(key.source, key.sourceId), value: null });
      for (const letter of deadLetters) {
        outbox.push({ topic: this.options.topics.deadLetters, key: deadLetterKey(letter.kafka_topic, letter.kafka_partition, String(letter.kafka_offset)), value: null });
      }
      outbox.push(
        eventMessage(this.options.topics, {
          type: 'golden.erased',
          goldenId: golden.id,
          kind: 'person',
          version: golden.version + 1,
          changedFields: [],
          cause: { steward: command.by, action: 'erase', reason: command.reason },
          at: now,
          ...(goldenIds.length > 1 ? { mergedIds: goldenIds.filter((id) => id !== golden.id) } : {}),
        }),
      );
      await new OutboxStore(db).add(outbox);
      const erasureId = randomUUID();
      await db.query(
        `INSERT INTO erasure (id, golden_id, golden_ids, source_records, dead_letters, erased_by, reason, erased_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [erasureId, golden.id, goldenIds, keys.length, deadLetters.length, command.by, command.reason, now],
      );
      return { erasureId, goldenId: golden.id, goldenIds, sourceRecords: keys.length, deadLetters: deadLetters.length };
    });
  }

  private async goldenIdOf(db: EntityManager, command: EraseCommand): Promise<string> {
    if (command.goldenId) return command.goldenId;
    if (!command.sourceRecord) throw new DomainError('VALIDATION_FAILED', 'name the golden record or one of its source records', [{ field: 'goldenId', message: 'or sourceRecord is required' }]);
    const rows: { golden_id: string }[] = await db.query(`SELECT golden_id FROM xref WHERE source = $1 AND source_id = $2`, [command.sourceRecord.source, command.sourceRecord.sourceId]);
    if (rows.length === 0) throw new DomainError('SOURCE_RECORD_NOT_FOUND', `no source record ${command.sourceRecord.source}:${command.sourceRecord.sourceId}`);
    return rows[0].golden_id;
  }
}

/**
 * A regular expression (PostgreSQL's and JavaScript's alike) that finds a source id as a whole
 * token of a message: `crm-5` in `{"id":"crm-5"}` but not in `{"id":"crm-50"}`, `58213` in
 * `"accountId": 58213,` but not in `582130`.
 */
export function sourceIdPattern(sourceId: string): string {
  const id = sourceId.replace(/^[a-z]+:/, '').replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  return `(^|${OUTSIDE_ID})${id}($|${OUTSIDE_ID})`;
}

/**
 * The values that identify the person, in every form a message may carry them: emails, phones,
 * full names in both orders; as given and lower- and upper-cased. Not cities, postal codes or a
 * lone first name, which other people's messages carry too, nor source ids (see sourceIdPattern).
 */
export function identifyingValues(records: Record<string, unknown>[]): string[] {
  const values = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v !== 'string') return;
    const t = v.trim();
    if (t.length < MIN_SEARCHED_LENGTH) return;
    for (const form of [t, t.toLowerCase(), t.toUpperCase()]) values.add(form);
  };
  for (const record of records) {
    for (const name of ['email', 'phone'] as const) for (const v of (record[name] as unknown[] | undefined) ?? []) add(v);
    add(record.fullName);
    const first = typeof record.firstName === 'string' ? record.firstName.trim() : '';
    const last = typeof record.lastName === 'string' ? record.lastName.trim() : '';
    if (first && last) {
      add(`${first} ${last}`);
      add(`${last} ${first}`);
    }
  }
  return [...values].sort();
}
