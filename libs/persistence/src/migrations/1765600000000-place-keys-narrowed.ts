import { MigrationInterface, QueryRunner } from 'typeorm';
import { BlockingRuleSpec, MatchRecord, extractFeatures, incrementalBlockingKeysOf, standardizedIsGeneric } from '@mdm/core';

/**
 * The engine's keys of two blocking rules that describe a place gathered every customer there,
 * and their blocks grew with the store (docs/benchmarks.md, session 17): "house number + street"
 * met 15 stored records a record at 1,000,000 records ("12 rue de la République" is in hundreds of
 * towns), "rare company words + postal district" 15 (a word of a company name in a whole
 * département). The engine now keys a house number and street within the postal district, and a
 * company's words within its postal code ("rare company words + postal code").
 * Every stored record's keys of the two rules are computed again from its match record by the
 * engine's own key functions, in `match_key` and in the record's own list. The rules are written
 * out here as the engine keyed them before and after this release.
 */
const BEFORE: BlockingRuleSpec[] = [
  { name: 'house number + street', on: ['houseNumber', 'street'] },
  { name: 'rare company words + postal district', on: ['companyWords', 'district'], kinds: ['organization'] },
];
const AFTER: BlockingRuleSpec[] = [
  { name: 'house number + street', on: ['houseNumber', 'street', 'district'] },
  { name: 'rare company words + postal code', on: ['companyWords', 'postalCode'], kinds: ['organization'] },
];
/** Source records read and rewritten per statement. */
const CHUNK = 2000;
/** A stored match record holds its country (the engine fills in its default); this is for one that would not. */
const DEFAULT_COUNTRY = 'FR';

export class PlaceKeysNarrowed1765600000000 implements MigrationInterface {
  name = 'PlaceKeysNarrowed1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await rekey(q, BEFORE, AFTER);
  }

  async down(q: QueryRunner): Promise<void> {
    await rekey(q, AFTER, BEFORE);
  }
}

/** Replaces every stored record's keys of the rules `from` by its keys of the rules `to`. */
async function rekey(q: QueryRunner, from: BlockingRuleSpec[], to: BlockingRuleSpec[]): Promise<void> {
  // a one-time pass over every record: a large store takes longer than the engine's statement timeout
  await q.query(`SET LOCAL statement_timeout = 0`);
  const dropped = new Set(from.map((r) => r.name));
  const ruleOf = (key: string) => key.slice(0, key.indexOf('|'));
  let after: [string, string] | undefined;
  for (;;) {
    const rows: { source: string; source_id: string; match_record: MatchRecord; match_keys: string[] }[] = await q.query(
      `SELECT source, source_id, match_record, match_keys FROM source_record
        WHERE erased_at IS NULL AND match_record IS NOT NULL AND match_record <> '{}'::jsonb ${after ? 'AND (source, source_id) > ($1, $2)' : ''}
        ORDER BY source, source_id LIMIT ${CHUNK}`,
      after ?? [],
    );
    if (rows.length === 0) break;
    after = [rows[rows.length - 1].source, rows[rows.length - 1].source_id];
    const changed: { source: string; sourceId: string; removed: string[]; added: string[]; keys: string[] }[] = [];
    for (const row of rows) {
      const features = extractFeatures(row.match_record, { isGeneric: standardizedIsGeneric, defaultCountry: DEFAULT_COUNTRY });
      const added = incrementalBlockingKeysOf(features, to);
      const removed = row.match_keys.filter((k) => dropped.has(ruleOf(k)));
      if (removed.length === 0 && added.length === 0) continue;
      const keys = [...new Set([...row.match_keys.filter((k) => !dropped.has(ruleOf(k))), ...added])].sort();
      changed.push({ source: row.source, sourceId: row.source_id, removed, added, keys });
    }
    if (changed.length === 0) continue;
    const pairs = (list: typeof changed, keys: (c: (typeof changed)[number]) => string[]) => {
      const out = { keys: [] as string[], sources: [] as string[], ids: [] as string[] };
      for (const c of list)
        for (const k of keys(c)) {
          out.keys.push(k);
          out.sources.push(c.source);
          out.ids.push(c.sourceId);
        }
      return out;
    };
    const removed = pairs(changed, (c) => c.removed);
    await q.query(
      `DELETE FROM match_key m USING unnest($1::text[], $2::text[], $3::text[]) AS r(key, source, source_id)
        WHERE m.key = r.key AND m.source = r.source AND m.source_id = r.source_id`,
      [removed.keys, removed.sources, removed.ids],
    );
    const added = pairs(changed, (c) => c.added);
    await q.query(
      `INSERT INTO match_key (key, source, source_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [added.keys, added.sources, added.ids],
    );
    await q.query(
      `UPDATE source_record s SET match_keys = ARRAY(SELECT e.key FROM jsonb_array_elements_text(r.keys) WITH ORDINALITY AS e(key, n) ORDER BY e.n)
         FROM jsonb_to_recordset($1::jsonb) AS r(source text, "sourceId" text, keys jsonb)
        WHERE s.source = r.source AND s.source_id = r."sourceId"`,
      [JSON.stringify(changed.map(({ source, sourceId, keys }) => ({ source, sourceId, keys })))],
    );
  }
}
