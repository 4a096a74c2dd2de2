import { EntityManager } from 'typeorm';
import { recordNamesWhere } from './record-names';
import { rowsOf } from './query-rows';
import { ErpSyncRow } from './erp-sync.store';
import { CanonicalAttributes, GoldenCluster, GoldenValues, MatchRecord, MemberFinding, MemberRecord, PartyKind, StewardOverride } from '@mdm/core';

export interface StoredVersion {
  hash: string;
  sourceUpdatedAt: string | null;
  goldenId: string | null;
  revision: number;
  /** The record was erased: a redelivery must not bring its data back. */
  erased: boolean;
}

export interface SourceRecordRow {
  source: string;
  sourceId: string;
  entity: string;
  kind: PartyKind;
  payload: Buffer;
  attributes: CanonicalAttributes;
  standardized: CanonicalAttributes;
  findings: unknown[];
  matchKeys: string[];
  matchRecord: MatchRecord;
  matchName: string | null;
  links: Record<string, string>;
  sourceUpdatedAt: string | null;
  payloadHash: string;
  receivedAt: Date;
  kafka: { topic: string; partition: number; offset: string } | null;
}

export interface GoldenRow {
  id: string;
  kind: PartyKind;
  status: 'active' | 'merged' | 'erased';
  mergedInto: string | null;
  attributes: CanonicalAttributes;
  lineage: GoldenValues['lineage'];
  sources: GoldenValues['sources'];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Its link component (docs/matching.md); null until a re-clustering names it. */
  component?: string | null;
}

/** A golden record as a batch locks it: everything but its values. */
export type LockedGolden = Omit<GoldenRow, 'attributes' | 'lineage' | 'sources'>;

/** A record whose near names are looked for (`findNearNames`). */
export interface NearNameQuery {
  kind: PartyKind;
  /** Trigram name of the record. */
  name: string;
  source: string;
  sourceId: string;
}

/** How near names are looked for: at most `neighbours` per record, at `similarity` (0 to 1) or more. */
export interface NearNameSearch {
  neighbours: number;
  similarity: number;
}

/** A stored record whose name is near a record's, with its golden record. */
export interface NearRecord {
  matchRecord: MatchRecord;
  goldenId: string;
  /** The golden record's link component (its own id when it has none). */
  component: string;
  goldenCreatedAt: Date;
}

export interface CandidateResult {
  goldenIds: string[];
  /** Keys shared by more records than the block-size cap, left out. */
  skippedKeys: string[];
}

/**
 * The SQL of resolution, always run on the caller's transaction manager. Writes that race use
 * INSERT … ON CONFLICT and row locks, never read-then-write.
 */
export class ResolutionStore {
  constructor(private readonly db: EntityManager) {}

  /**
   * Serializes resolution per match key across engine instances: two records sharing a key never
   * resolve at the same time. Keys are locked in one sorted order, so lockers never deadlock each other.
   */
  async lockKeys(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query(
      `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS s`,
      [keys],
    );
  }

  async findVersion(source: string, sourceId: string): Promise<StoredVersion | null> {
    return (await this.findVersions([{ source, sourceId }])).get(recordKey(source, sourceId)) ?? null;
  }

  /** The stored versions of many records in one round trip, by `source:sourceId`; records never seen are absent. */
  async findVersions(records: { source: string; sourceId: string }[]): Promise<Map<string, StoredVersion>> {
    const found = new Map<string, StoredVersion>();
    if (records.length === 0) return found;
    const rows: { source: string; source_id: string; payload_hash: string; source_updated_at: Date | null; golden_id: string | null; revision: number; erased: boolean }[] =
      await this.db.query(
        `SELECT s.source, s.source_id, s.payload_hash, s.source_updated_at, x.golden_id, s.revision, s.erased_at IS NOT NULL AS erased
           FROM unnest($1::text[], $2::text[]) AS r(source, source_id)
           JOIN source_record s ON s.source = r.source AND s.source_id = r.source_id
           LEFT JOIN xref x ON x.source = s.source AND x.source_id = s.source_id`,
        [records.map((r) => r.source), records.map((r) => r.sourceId)],
      );
    for (const row of rows) {
      found.set(recordKey(row.source, row.source_id), {
        hash: row.payload_hash,
        sourceUpdatedAt: row.source_updated_at ? row.source_updated_at.toISOString() : null,
        goldenId: row.golden_id,
        revision: row.revision,
        erased: row.erased,
      });
    }
    return found;
  }

  /**
   * Stores records with their links, blocking keys and names, in one statement (one round trip): links and
   * keys a new version no longer has are deleted, the others inserted or kept; a record's name
   * (`record_name`, trigram-indexed) is rewritten only when it changed, and deleted when the new
   * version has none. The sub-statements
   * touch disjoint rows, as PostgreSQL requires of data-modifying CTEs; each record comes once. With
   * `queueNearNames`, the records that have a name are queued for the near-name reviewer
   * (`NearNameStore`), unless what the matcher reads of them is what was stored (a new version that
   * changed only values the matching does not read, such as an export's time stamp: a nightly full
   * export would otherwise have every record searched again).
   */
  async upsertSourceRecords(rows: SourceRecordRow[], options: { queueNearNames?: boolean } = {}): Promise<void> {
    if (rows.length === 0) return;
    const input = rows.map((row) => ({
      source: row.source,
      source_id: row.sourceId,
      entity: row.entity,
      kind: row.kind,
      attributes: row.attributes,
      standardized: row.standardized,
      findings: row.findings,
      match_keys: row.matchKeys,
      links: row.links,
      source_updated_at: row.sourceUpdatedAt,
      payload_hash: row.payloadHash,
      received_at: row.receivedAt.toISOString(),
      kafka_topic: row.kafka?.topic ?? null,
      kafka_partition: row.kafka?.partition ?? null,
      kafka_offset: row.kafka?.offset ?? null,
      match_record: row.matchRecord,
      match_name: row.matchName,
    }));
    await this.db.query(
      `WITH input AS (
         SELECT i.*, p.payload
           FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (
                  source text, source_id text, entity text, kind text, attributes jsonb, standardized jsonb, findings jsonb,
                  match_keys text[], links jsonb, source_updated_at timestamptz, payload_hash text, received_at timestamptz,
                  kafka_topic text, kafka_partition integer, kafka_offset bigint, match_record jsonb, match_name text)) WITH ORDINALITY AS i
           JOIN unnest($2::bytea[]) WITH ORDINALITY AS p(payload, n) ON p.n = i.ordinality
       ),
       stored AS (
         INSERT INTO source_record (source, source_id, entity, kind, payload, attributes, standardized, findings, match_keys, links,
                                    source_updated_at, payload_hash, received_at, kafka_topic, kafka_partition, kafka_offset, revision,
                                    match_record)
         SELECT source, source_id, entity, kind, payload, attributes, standardized, findings, match_keys, links,
                source_updated_at, payload_hash, received_at, kafka_topic, kafka_partition, kafka_offset, 1, match_record
           FROM input
         ON CONFLICT ON CONSTRAINT pk_source_record DO UPDATE SET
           entity = EXCLUDED.entity, kind = EXCLUDED.kind, payload = EXCLUDED.payload, attributes = EXCLUDED.attributes,
           standardized = EXCLUDED.standardized, findings = EXCLUDED.findings, match_keys = EXCLUDED.match_keys,
           links = EXCLUDED.links, source_updated_at = EXCLUDED.source_updated_at, payload_hash = EXCLUDED.payload_hash,
           received_at = EXCLUDED.received_at, kafka_topic = EXCLUDED.kafka_topic, kafka_partition = EXCLUDED.kafka_partition,
           kafka_offset = EXCLUDED.kafka_offset, revision = source_record.revision + 1,
           match_record = EXCLUDED.match_record
         RETURNING 1
       ),
       dropped_names AS (
         DELETE FROM record_name n USING input i
          WHERE n.source = i.source AND n.source_id = i.source_id AND i.match_name IS NULL
       ),
       names AS (
         INSERT INTO record_name (source, source_id, kind, name)
         SELECT source, source_id, kind, match_name FROM input WHERE match_name IS NOT NULL
         ON CONFLICT ON CONSTRAINT pk_record_name DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name
          WHERE (record_name.kind, record_name.name) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name)
       ),
       dropped_links AS (
         DELETE FROM source_link l USING input i
          WHERE l.source = i.source AND l.source_id = i.source_id AND NOT (i.links ? l.role)
       ),
       links AS (
         INSERT INTO source_link (source, source_id, role, target_source_id)
         SELECT i.source, i.source_id, e.key, e.value FROM input i CROSS JOIN LATERAL jsonb_each_text(i.links) AS e
         ON CONFLICT ON CONSTRAINT pk_source_link DO UPDATE SET target_source_id = EXCLUDED.target_source_id
       ),
       dropped_keys AS (
         DELETE FROM match_key m USING input i
          WHERE m.source = i.source AND m.source_id = i.source_id AND NOT (m.key = ANY(i.match_keys))
       ),
       keys AS (
         INSERT INTO match_key (key, source, source_id)
         SELECT k, i.source, i.source_id FROM input i CROSS JOIN LATERAL unnest(i.match_keys) AS k
         ON CONFLICT DO NOTHING
       ),
       near_names AS (
         INSERT INTO near_name_queue (source, source_id, queued_at)
         SELECT i.source, i.source_id, i.received_at FROM input i
           LEFT JOIN source_record s ON s.source = i.source AND s.source_id = i.source_id
          WHERE $3::boolean AND i.match_name IS NOT NULL AND s.match_record IS DISTINCT FROM i.match_record
       )
       SELECT count(*) FROM stored`,
      [JSON.stringify(input), rows.map((r) => r.payload), options.queueNearNames ?? false],
    );
  }

  /**
   * Golden records worth scoring the record against: those holding a source record that shares a
   * blocking key (keys shared by more than `maxBlockSize` records are skipped and reported: a
   * placeholder phone must not pull in thousands of records). Near names are the near-name
   * reviewer's (`findNearNames`).
   */
  async findCandidates(keys: string[], maxBlockSize: number): Promise<CandidateResult> {
    return (await this.findCandidatesMany([keys], maxBlockSize))[0];
  }

  /** The candidates of many records, by their blocking keys (`findCandidates`), in one round trip whatever their number. */
  async findCandidatesMany(keysOfRecords: string[][], maxBlockSize: number): Promise<CandidateResult[]> {
    return (await this.findBatchCandidates(keysOfRecords, [], maxBlockSize)).candidates;
  }

  /**
   * What a batch resolves its records against, in one round trip: the candidates of each record by
   * its blocking keys (`findCandidates`), and the records a steward merged with each of `recordIds`
   * (`mustLinkedMany`).
   */
  async findBatchCandidates(
    keysOfRecords: string[][],
    recordIds: string[],
    maxBlockSize: number,
  ): Promise<{ candidates: CandidateResult[]; mustLinked: Map<string, { recordId: string; goldenId: string | null }[]> }> {
    const allKeys = [...new Set(keysOfRecords.flat())];
    const skipped = new Set<string>();
    const byKey = new Map<string, Set<string>>();
    const mustLinked = new Map<string, { recordId: string; goldenId: string | null }[]>();
    if (allKeys.length > 0 || recordIds.length > 0) {
      const { sources, sourceIds } = splitRecordIds(recordIds);
      // Candidates: driven by the keys, one index lookup each, whatever the planner's statistics say
      // (LIMIT and OFFSET 0 keep the lateral subqueries from being flattened into a join it might
      // hash over whole tables when its statistics are stale, as during an initial load). A key is
      // read up to maxBlockSize + 1 records: more, and it is oversized, skipped and reported. One row
      // per key and golden record: the records of one golden record share most keys, and the batch's
      // own records, stored but not linked yet, hold every key of the batch (they were most of the
      // rows). Partners: the steward decisions of each record, looked up by record on either side.
      const rows: { part: 'key' | 'partner'; key: string; n: string; golden_id: string | null; partner_id: string }[] = await this.db.query(
        `SELECT DISTINCT 'key' AS part, h.key, h.n, g.golden_id, NULL::text AS partner_id
           FROM (SELECT k.key, r.source, r.source_id, count(*) OVER (PARTITION BY k.key) AS n
                   FROM unnest($1::text[]) AS k(key)
                   CROSS JOIN LATERAL (SELECT m.source, m.source_id FROM match_key m WHERE m.key = k.key LIMIT $2 + 1) r) h
           LEFT JOIN LATERAL (SELECT x.golden_id FROM xref x JOIN golden_record g ON g.id = x.golden_id
                               WHERE x.source = h.source AND x.source_id = h.source_id AND g.status = 'active' OFFSET 0) g ON h.n <= $2
          WHERE h.n > $2 OR g.golden_id IS NOT NULL
         UNION ALL
         SELECT DISTINCT 'partner', r.source || ':' || r.source_id, NULL::bigint, x.golden_id, o.source || ':' || o.source_id
           FROM unnest($3::text[], $4::text[]) AS r(source, source_id)
          CROSS JOIN LATERAL (
            SELECT right_source AS source, right_source_id AS source_id FROM match_decision
             WHERE decision = 'match' AND left_source = r.source AND left_source_id = r.source_id
            UNION ALL
            SELECT left_source, left_source_id FROM match_decision
             WHERE decision = 'match' AND right_source = r.source AND right_source_id = r.source_id) o
          LEFT JOIN xref x ON x.source = o.source AND x.source_id = o.source_id`,
        [allKeys, maxBlockSize, sources, sourceIds],
      );
      for (const row of rows) {
        if (row.part === 'partner') {
          const partner = { recordId: row.partner_id, goldenId: row.golden_id };
          const list = mustLinked.get(row.key);
          if (list) list.push(partner);
          else mustLinked.set(row.key, [partner]);
          continue;
        }
        if (Number(row.n) > maxBlockSize) {
          skipped.add(row.key);
          continue;
        }
        if (row.golden_id === null) continue;
        const set = byKey.get(row.key);
        if (set) set.add(row.golden_id);
        else byKey.set(row.key, new Set([row.golden_id]));
      }
    }
    const candidates = keysOfRecords.map((keys) => {
      const ids = new Set<string>();
      for (const key of keys) for (const id of byKey.get(key) ?? []) ids.add(id);
      return { goldenIds: [...ids].sort(), skippedKeys: keys.filter((k) => skipped.has(k)).sort() };
    });
    return { candidates, mustLinked };
  }

  /**
   * The `neighbours` nearest names of each record (by query index) among the stored records of its
   * kind (the record itself left out), by trigram distance, at `similarity` or more: each
   * such record with its active golden record and that golden record's link component (every
   * committed record is linked). It sets the similarity for the rest of the transaction it runs on.
   */
  async findNearNames(queries: NearNameQuery[], search: NearNameSearch): Promise<Map<number, NearRecord[]>> {
    const near = new Map<number, NearRecord[]>();
    if (queries.length === 0 || search.neighbours <= 0) return near;
    const named = queries.map((q, i) => ({ q, i }));
    await this.db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(search.similarity)]);
    // The nearest names first, once per name (materialized), in the narrow names table and its
    // kind's trigram index: the search reads every row the index returns to check the similarity,
    // hundreds a name on a large store, and in source_record each was a wide row of its own page.
    // Then each name's match record and golden record, by key.
    // With the cross-reference joined inside the lateral search, the planner (expecting hundreds of
    // trigram matches a name) hashed the whole xref table for every name: 80 % of the search's time
    // at 200,000 records. Without the materialization, stale statistics (a young table) could put
    // the golden records outside the loop and search every name once per golden record. Each name
    // found is then one index lookup (the LIMIT keeps the planner from hashing whole tables again).
    const rows: { i: number; match_record: MatchRecord; golden_id: string; component: string; created_at: Date }[] = await this.db.query(
      `WITH near AS MATERIALIZED (
         SELECT q.i, n.source, n.source_id
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS q(name, kind, source, source_id, i)
           CROSS JOIN LATERAL (
             ${recordNamesWhere('n.source, n.source_id, n.name <-> q.name AS distance', 'n.name % q.name', 'q.kind')}
              ORDER BY distance LIMIT $6) n
          WHERE NOT (n.source = q.source AND n.source_id = q.source_id))
       SELECT near.i, l.match_record, l.golden_id, l.component, l.created_at
         FROM near
         CROSS JOIN LATERAL (
           SELECT s.match_record, x.golden_id, coalesce(g.component, g.id::text) AS component, g.created_at
             FROM source_record s JOIN xref x ON x.source = s.source AND x.source_id = s.source_id JOIN golden_record g ON g.id = x.golden_id
            WHERE s.source = near.source AND s.source_id = near.source_id AND g.status = 'active' LIMIT 1) l`,
      [named.map(({ q }) => q.name), named.map(({ q }) => q.kind), named.map(({ q }) => q.source), named.map(({ q }) => q.sourceId), named.map(({ i }) => i), search.neighbours],
    );
    for (const row of rows) {
      const found: NearRecord = { matchRecord: row.match_record, goldenId: row.golden_id, component: row.component, goldenCreatedAt: row.created_at };
      const list = near.get(row.i);
      if (list) list.push(found);
      else near.set(row.i, [found]);
    }
    return near;
  }

  /**
   * What the matcher reads of the members of golden records: at most `maxMembers` per golden
   * record, the most recently received first (the others are older copies of the same party).
   * Read golden record by golden record, and member by member (`OFFSET 0` keeps each lateral lookup
   * from being flattened into a join): without fresh statistics, PostgreSQL guesses thousands of
   * members for the ids and hashes the whole source-record table instead, a cost that grows with the store.
   */
  async loadMatchClusters(golden: Pick<GoldenRow, 'id' | 'createdAt' | 'component'>[], maxMembers: number): Promise<GoldenCluster[]> {
    if (golden.length === 0) return [];
    const rows: { golden_id: string; match_record: MatchRecord }[] = await this.db.query(
      `SELECT g.id AS golden_id, m.match_record
         FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) g
        CROSS JOIN LATERAL (
          SELECT s.match_record
            FROM xref x
           CROSS JOIN LATERAL (
             SELECT s.match_record, s.received_at FROM source_record s WHERE s.source = x.source AND s.source_id = x.source_id OFFSET 0) s
           WHERE x.golden_id = g.id
           ORDER BY s.received_at DESC, x.source, x.source_id
           LIMIT $2) m`,
      [golden.map((g) => g.id), maxMembers],
    );
    const members = new Map<string, MatchRecord[]>(golden.map((g) => [g.id, []]));
    for (const row of rows) members.get(row.golden_id)!.push(row.match_record);
    return golden.map((g) => ({ goldenId: g.id, createdAt: g.createdAt.toISOString(), members: members.get(g.id)!, ...(g.component ? { component: g.component } : {}) }));
  }

  /** Steward "not a match" decisions that involve one of the records, as pairs of record ids (`source:sourceId`). */
  async notAMatchPairs(recordIds: string[]): Promise<[string, string][]> {
    return (await this.decisionPairs(recordIds)).notAMatch;
  }

  /** Steward "merge" decisions (must-link) that involve one of the records, as pairs of record ids (`source:sourceId`). */
  async mustLinkPairs(recordIds: string[]): Promise<[string, string][]> {
    return (await this.decisionPairs(recordIds)).mustLink;
  }

  /**
   * Both kinds of steward decisions that involve one of the records, in one round trip. Looked up by
   * record, on either side of the pair (the primary key leads with the left record, an index serves
   * the right one): every batch asks, and decisions only accumulate.
   */
  async decisionPairs(recordIds: string[]): Promise<{ notAMatch: [string, string][]; mustLink: [string, string][] }> {
    const pairs = { notAMatch: [] as [string, string][], mustLink: [] as [string, string][] };
    if (recordIds.length === 0) return pairs;
    const { sources, sourceIds } = splitRecordIds(recordIds);
    const rows: { a: string; b: string; decision: 'not-a-match' | 'match' }[] = await this.db.query(
      `SELECT DISTINCT d.left_source || ':' || d.left_source_id AS a, d.right_source || ':' || d.right_source_id AS b, d.decision
         FROM unnest($1::text[], $2::text[]) AS r(source, source_id)
        CROSS JOIN LATERAL (
          SELECT left_source, left_source_id, right_source, right_source_id, decision FROM match_decision
           WHERE left_source = r.source AND left_source_id = r.source_id
          UNION ALL
          SELECT left_source, left_source_id, right_source, right_source_id, decision FROM match_decision
           WHERE right_source = r.source AND right_source_id = r.source_id) d`,
      [sources, sourceIds],
    );
    for (const row of rows) (row.decision === 'match' ? pairs.mustLink : pairs.notAMatch).push([row.a, row.b]);
    return pairs;
  }

  /**
   * The golden records holding the records a steward merged with this one: candidates whatever the
   * blocking keys say, so a replay in any order still brings the pair together.
   */
  async mustLinkGoldenIds(recordId: string): Promise<string[]> {
    return ((await this.mustLinkedMany([recordId])).get(recordId) ?? []).flatMap((p) => (p.goldenId ? [p.goldenId] : []));
  }

  /**
   * The records a steward merged with each of these (`source:sourceId`), and the golden record each
   * is in (null when it is not stored yet: it may be in the same batch, as in a replay), in one round
   * trip, looked up by record (`decisionPairs`); records with none are absent.
   */
  async mustLinkedMany(recordIds: string[]): Promise<Map<string, { recordId: string; goldenId: string | null }[]>> {
    return (await this.findBatchCandidates([], recordIds, 0)).mustLinked;
  }

  async joinComponents(goldenIds: string[]): Promise<void> {
    if (goldenIds.length === 0) return;
    await this.db.query(
      `WITH joined AS (SELECT array_agg(DISTINCT component) AS components, min(component) AS smallest FROM golden_record WHERE id = ANY($1::uuid[]) AND component IS NOT NULL)
       UPDATE golden_record g SET component = j.smallest FROM joined j
        WHERE j.smallest IS NOT NULL AND (g.id = ANY($1::uuid[]) OR g.component = ANY(j.components))`,
      [goldenIds],
    );
  }

  /** The active golden record an id stands for today (itself, or the one it was merged into); null when unknown. */
  async resolveGoldenId(id: string): Promise<string | null> {
    const rows: { id: string; status: string; merged_into: string | null }[] = await this.db.query(`SELECT id, status, merged_into FROM golden_record WHERE id = $1`, [id]);
    if (rows.length === 0) return null;
    return rows[0].status === 'active' ? rows[0].id : rows[0].merged_into;
  }

  /**
   * The link components of golden records: for each given id, the key of its component (the
   * component id, or its own id when it has none), and the active golden records of those
   * components with their key (the given ones included when active).
   */
  async componentsOf(ids: string[]): Promise<{ keyOf: Map<string, string>; active: { id: string; key: string }[] }> {
    const keyOf = new Map<string, string>();
    if (ids.length === 0) return { keyOf, active: [] };
    // The given golden records, then the others of their components, each part by its own index:
    // written as one condition with OR, the planner could use neither index and read the whole
    // table for every batch (150 ms at 110,000 golden records, over a quarter of the ingest's database time).
    const rows: { id: string; key: string; given: boolean; active: boolean }[] = await this.db.query(
      `WITH given AS (SELECT id, component, status FROM golden_record WHERE id = ANY($1::uuid[]))
       SELECT id, coalesce(component, id::text) AS key, true AS given, status = 'active' AS active FROM given
       UNION ALL
       SELECT m.id, m.component, false, m.status = 'active'
         FROM (SELECT DISTINCT component FROM given WHERE component IS NOT NULL) c
         CROSS JOIN LATERAL (SELECT id, component, status FROM golden_record WHERE component = c.component OFFSET 0) m
        WHERE NOT m.id = ANY($1::uuid[])
       ORDER BY 1`,
      [ids],
    );
    for (const row of rows) if (row.given) keyOf.set(row.id, row.key);
    return { keyOf, active: rows.filter((r) => r.active).map((r) => ({ id: r.id, key: r.key })) };
  }

  /**
   * A golden record split out of another stays in its link component (its records are still linked
   * to the others); when the other has none yet, both take `component`.
   */
  async shareComponent(goldenId: string, withGoldenId: string, component: string): Promise<void> {
    await this.db.query(
      `UPDATE golden_record SET component = coalesce((SELECT o.component FROM golden_record o WHERE o.id = $2), $3) WHERE id = ANY(ARRAY[$1, $2]::uuid[])`,
      [goldenId, withGoldenId, component],
    );
  }

  async lockGolden(ids: string[]): Promise<GoldenRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT * FROM golden_record WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map(toGoldenRow);
  }

  /**
   * The same lock, reading only what matching needs: a batch locks the whole link components of its
   * candidates, and writes the values of a few of them (`goldenRows` reads those).
   */
  async lockGoldenKeys(ids: string[]): Promise<LockedGolden[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, kind, status, merged_into, version, created_at, updated_at, component FROM golden_record WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map(toLockedGolden);
  }

  /** Golden records with their values, read without a lock (the caller holds one). */
  async goldenRows(ids: string[]): Promise<GoldenRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT * FROM golden_record WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);
    return rows.map(toGoldenRow);
  }

  async insertGolden(id: string, kind: PartyKind, now: Date): Promise<GoldenRow> {
    return (await this.insertGoldens([{ id, kind }], now))[0];
  }

  /** New, empty golden records (their values come with the first recomputation), in the order given. */
  async insertGoldens(goldens: { id: string; kind: PartyKind }[], now: Date): Promise<GoldenRow[]> {
    if (goldens.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.db.query(
      `INSERT INTO golden_record (id, kind, status, attributes, lineage, sources, version, created_at, updated_at)
       SELECT id, kind, 'active', '{}', '{}', '[]', 0, $3, $3 FROM unnest($1::uuid[], $2::text[]) AS g(id, kind) RETURNING *`,
      [goldens.map((g) => g.id), goldens.map((g) => g.kind), now],
    );
    const byId = new Map(rows.map((r) => [r.id as string, toGoldenRow(r)]));
    return goldens.map((g) => byId.get(g.id)!);
  }

  /** Links a source record to a golden record; returns the golden id it was linked to before, if any. */
  async link(source: string, sourceId: string, goldenId: string, now: Date): Promise<string | null> {
    const rows: { previous: string | null }[] = await this.db.query(
      `WITH previous AS (SELECT golden_id FROM xref WHERE source = $1 AND source_id = $2)
       INSERT INTO xref (source, source_id, golden_id, linked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT pk_xref DO UPDATE SET golden_id = EXCLUDED.golden_id, linked_at = EXCLUDED.linked_at
         WHERE xref.golden_id <> EXCLUDED.golden_id
       RETURNING (SELECT golden_id FROM previous) AS previous`,
      [source, sourceId, goldenId, now],
    );
    return rows[0]?.previous ?? null;
  }

  /** Links many source records to golden records in one round trip (each record once). */
  async linkMany(links: { source: string; sourceId: string; goldenId: string }[], now: Date): Promise<void> {
    if (links.length === 0) return;
    await this.db.query(
      `INSERT INTO xref (source, source_id, golden_id, linked_at)
       SELECT source, source_id, golden_id, $4 FROM unnest($1::text[], $2::text[], $3::uuid[]) AS l(source, source_id, golden_id)
       ON CONFLICT ON CONSTRAINT pk_xref DO UPDATE SET golden_id = EXCLUDED.golden_id, linked_at = EXCLUDED.linked_at
         WHERE xref.golden_id <> EXCLUDED.golden_id`,
      [links.map((l) => l.source), links.map((l) => l.sourceId), links.map((l) => l.goldenId), now],
    );
  }

  /** Moves every source record of the merged golden records to the survivor; returns the moved ones. */
  async moveMembers(fromIds: string[], toId: string, now: Date): Promise<{ source: string; sourceId: string; previousGoldenId: string }[]> {
    const rows = rowsOf<{ source: string; source_id: string; previous: string }>(
      await this.db.query(
      `WITH moved AS (SELECT source, source_id, golden_id FROM xref WHERE golden_id = ANY($1::uuid[]) FOR UPDATE)
       UPDATE xref x SET golden_id = $2, linked_at = $3 FROM moved m
        WHERE x.source = m.source AND x.source_id = m.source_id
       RETURNING x.source, x.source_id, m.golden_id AS previous`,
      [fromIds, toId, now],
      ),
    );
    return rows
      .map((r) => ({ source: r.source, sourceId: r.source_id, previousGoldenId: r.previous }))
      .sort((a, b) => (a.source + a.sourceId < b.source + b.sourceId ? -1 : 1));
  }

  /** Marks golden records as merged into the survivor; earlier redirects to them now point to it too. */
  async markMerged(ids: string[], survivorId: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE golden_record SET status = 'merged', merged_into = $2, version = version + 1, updated_at = $3 WHERE id = ANY($1::uuid[])`,
      [ids, survivorId, now],
    );
    await this.db.query(`UPDATE golden_record SET merged_into = $2 WHERE merged_into = ANY($1::uuid[])`, [ids, survivorId]);
  }

  async loadMembers(goldenId: string): Promise<MemberRecord[]> {
    return (await this.loadMembersMany([goldenId])).get(goldenId)!;
  }

  /**
   * The member records of many golden records, in one round trip (an entry for every id, empty when
   * it has none). Looked up by key whatever the statistics say, as in `loadMatchClusters`.
   */
  async loadMembersMany(goldenIds: string[]): Promise<Map<string, MemberRecord[]>> {
    return (await this.loadRecomputation(goldenIds, { overrides: false })).members;
  }

  /** A steward's overrides of a golden record, by attribute. */
  async loadOverrides(goldenId: string): Promise<StewardOverride[]> {
    return (await this.loadOverridesMany([goldenId])).get(goldenId)!;
  }

  /** The overrides of many golden records, by attribute, in one round trip (an entry for every id). */
  async loadOverridesMany(goldenIds: string[]): Promise<Map<string, StewardOverride[]>> {
    const overrides = new Map<string, StewardOverride[]>(goldenIds.map((id) => [id, []]));
    if (goldenIds.length === 0) return overrides;
    const rows: { golden_id: string; attribute: string; value: StewardOverride['value']; decided_by: string; reason: string; decided_at: Date }[] = await this.db.query(
      `SELECT golden_id, attribute, value, decided_by, reason, decided_at FROM golden_override WHERE golden_id = ANY($1::uuid[]) ORDER BY golden_id, attribute`,
      [goldenIds],
    );
    for (const r of rows) overrides.get(r.golden_id)!.push(overrideOf(r));
    return overrides;
  }

  /**
   * What recomputing many golden records reads, in one round trip: the member records of each (an
   * entry for every id, empty when it has none; looked up by key whatever the statistics say, as in
   * `loadMatchClusters`), unless `overrides` is false its steward overrides by attribute (else every
   * list is empty), and, with `erp`, where each stands with the ERP, locked for the transaction
   * (those never synchronised are absent). A part not asked for is not read.
   */
  async loadRecomputation(goldenIds: string[], options: { overrides?: boolean; erp?: boolean } = {}): Promise<Recomputation> {
    const found: Recomputation = {
      members: new Map(goldenIds.map((id) => [id, []])),
      overrides: new Map(goldenIds.map((id) => [id, []])),
      erp: new Map(),
    };
    if (goldenIds.length === 0) return found;
    // three reads of different shapes as one result: each row says which it belongs to
    const rows: {
      part: 'member' | 'override' | 'erp';
      golden_id: string;
      source: string;
      source_id: string;
      standardized: CanonicalAttributes;
      findings: MemberFinding[] | null;
      source_updated_at: Date | null;
      received_at: Date;
      attribute: string;
      value: StewardOverride['value'];
      decided_by: string;
      reason: string;
      decided_at: Date;
      status: ErpSyncRow['status'];
      request_id: string | null;
      missing: string[];
    }[] = await this.db.query(
      `WITH ids AS MATERIALIZED (SELECT DISTINCT unnest($1::uuid[]) AS id),
            erp AS MATERIALIZED (SELECT e.golden_id, e.status, e.request_id, e.missing FROM erp_sync e
                                  WHERE $2 AND e.golden_id = ANY($1::uuid[]) ORDER BY e.golden_id FOR UPDATE)
       SELECT 'member' AS part, g.id AS golden_id, x.source, x.source_id, s.standardized, s.findings, s.source_updated_at, s.received_at,
              NULL::text AS attribute, NULL::jsonb AS value, NULL::text AS decided_by, NULL::text AS reason, NULL::timestamptz AS decided_at,
              NULL::text AS status, NULL::uuid AS request_id, NULL::text[] AS missing
         FROM ids g
        CROSS JOIN LATERAL (SELECT x.source, x.source_id FROM xref x WHERE x.golden_id = g.id OFFSET 0) x
        CROSS JOIN LATERAL (
          SELECT s.standardized, s.findings, s.source_updated_at, s.received_at
            FROM source_record s WHERE s.source = x.source AND s.source_id = x.source_id OFFSET 0) s
       UNION ALL
       SELECT 'override', o.golden_id, NULL, NULL, NULL, NULL, NULL, NULL, o.attribute, o.value, o.decided_by, o.reason, o.decided_at, NULL, NULL, NULL
         FROM golden_override o WHERE $3 AND o.golden_id = ANY($1::uuid[])
       UNION ALL
       SELECT 'erp', e.golden_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, e.status, e.request_id, e.missing FROM erp e`,
      [goldenIds, options.erp === true, options.overrides !== false],
    );
    for (const r of rows) {
      if (r.part === 'member') {
        found.members.get(r.golden_id)!.push({
          source: r.source,
          sourceId: r.source_id,
          attributes: r.standardized,
          versionAt: (r.source_updated_at ?? r.received_at).toISOString(),
          findings: r.findings ?? [],
        });
      } else if (r.part === 'override') {
        found.overrides.get(r.golden_id)!.push(overrideOf(r));
      } else {
        found.erp.set(r.golden_id, { goldenId: r.golden_id, status: r.status, requestId: r.request_id, missing: r.missing });
      }
    }
    // overrides by attribute, whatever order the rows came in
    for (const list of found.overrides.values()) list.sort((a, b) => (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0));
    return found;
  }

  async setOverride(goldenId: string, override: StewardOverride): Promise<void> {
    await this.db.query(
      `INSERT INTO golden_override (golden_id, attribute, value, decided_by, reason, decided_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT pk_golden_override DO UPDATE SET value = EXCLUDED.value, decided_by = EXCLUDED.decided_by,
         reason = EXCLUDED.reason, decided_at = EXCLUDED.decided_at`,
      [goldenId, override.attribute, JSON.stringify(override.value), override.by, override.reason, override.at],
    );
  }

  /** Removes an override; true when there was one. */
  async removeOverride(goldenId: string, attribute: string): Promise<boolean> {
    const rows = rowsOf<{ attribute: string }>(await this.db.query(`DELETE FROM golden_override WHERE golden_id = $1 AND attribute = $2 RETURNING attribute`, [goldenId, attribute]));
    return rows.length > 0;
  }

  /** A merge keeps the survivor's overrides and takes the merged-away records' others. */
  async moveOverrides(fromIds: string[], toId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO golden_override (golden_id, attribute, value, decided_by, reason, decided_at)
       SELECT DISTINCT ON (attribute) $2::uuid, attribute, value, decided_by, reason, decided_at
         FROM golden_override WHERE golden_id = ANY($1::uuid[]) ORDER BY attribute, decided_at DESC
       ON CONFLICT ON CONSTRAINT pk_golden_override DO NOTHING`,
      [fromIds, toId],
    );
    await this.db.query(`DELETE FROM golden_override WHERE golden_id = ANY($1::uuid[])`, [fromIds]);
  }

  /**
   * Remembers that pairs of source records are not the same party (a steward's decision that
   * automatic matching never overrides). Each pair is stored once, in the database's own order.
   */
  async addNotAMatch(pairs: { a: { source: string; sourceId: string }; b: { source: string; sourceId: string } }[], by: string, reason: string, at: Date): Promise<void> {
    await this.addDecisions(pairs, 'not-a-match', by, reason, at);
  }

  /**
   * Remembers a steward's decision on pairs of source records: `not-a-match` (never in one golden
   * record) or `match` (always in one). A later decision on the same pair replaces the earlier one.
   */
  async addDecisions(
    pairs: { a: { source: string; sourceId: string }; b: { source: string; sourceId: string } }[],
    decision: 'not-a-match' | 'match',
    by: string,
    reason: string,
    at: Date,
  ): Promise<void> {
    if (pairs.length === 0) return;
    await this.db.query(
      `INSERT INTO match_decision (left_source, left_source_id, right_source, right_source_id, decision, decided_by, reason, decided_at)
       SELECT CASE WHEN o THEN a_s ELSE b_s END, CASE WHEN o THEN a_id ELSE b_id END, CASE WHEN o THEN b_s ELSE a_s END, CASE WHEN o THEN b_id ELSE a_id END,
              $8, $5, $6, $7
         FROM (SELECT a_s, a_id, b_s, b_id, (a_s, a_id) < (b_s, b_id) AS o
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS p(a_s, a_id, b_s, b_id)) q
       ON CONFLICT ON CONSTRAINT pk_match_decision DO UPDATE SET decision = EXCLUDED.decision, decided_by = EXCLUDED.decided_by,
         reason = EXCLUDED.reason, decided_at = EXCLUDED.decided_at`,
      [pairs.map((p) => p.a.source), pairs.map((p) => p.a.sourceId), pairs.map((p) => p.b.source), pairs.map((p) => p.b.sourceId), by, reason, at, decision],
    );
  }

  /**
   * Writes new versions of many golden records (their values and version) with their history
   * entries, and the link components of golden records, changed or not, in one round trip. A
   * component a golden record already has is not written again.
   */
  async saveGoldens(goldens: { id: string; values: GoldenValues; version: number }[], history: HistoryEntry[], components: { goldenId: string; component: string }[], now: Date): Promise<void> {
    if (goldens.length === 0 && history.length === 0 && components.length === 0) return;
    await this.db.query(
      `WITH v AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, attributes jsonb, lineage jsonb, sources jsonb, version integer)),
            c AS (SELECT DISTINCT ON (id) * FROM unnest($3::uuid[], $4::text[]) AS c(id, component)),
            w AS (SELECT coalesce(v.id, c.id) AS id, v.attributes, v.lineage, v.sources, v.version, c.component FROM v FULL JOIN c ON c.id = v.id),
            saved AS (
              UPDATE golden_record g
                 SET attributes = CASE WHEN w.version IS NULL THEN g.attributes ELSE w.attributes END,
                     lineage = CASE WHEN w.version IS NULL THEN g.lineage ELSE w.lineage END,
                     sources = CASE WHEN w.version IS NULL THEN g.sources ELSE w.sources END,
                     version = coalesce(w.version, g.version),
                     updated_at = CASE WHEN w.version IS NULL THEN g.updated_at ELSE $2 END,
                     component = coalesce(w.component, g.component)
                FROM w
               WHERE g.id = w.id AND (w.version IS NOT NULL OR g.component IS DISTINCT FROM w.component))
       INSERT INTO golden_history (golden_id, version, change_type, changed_fields, cause, attributes, recorded_at)
       SELECT golden_id, version, change_type, ARRAY(SELECT jsonb_array_elements_text(changed_fields)), cause, attributes, recorded_at
         FROM ROWS FROM (jsonb_to_recordset($5::jsonb) AS (golden_id uuid, version integer, change_type text, changed_fields jsonb, cause jsonb, attributes jsonb, recorded_at timestamptz)) WITH ORDINALITY AS h
        ORDER BY h.ordinality`,
      [
        JSON.stringify(goldens.map((g) => ({ id: g.id, attributes: g.values.attributes, lineage: g.values.lineage, sources: g.values.sources, version: g.version }))),
        now,
        components.map((c) => c.goldenId),
        components.map((c) => c.component),
        historyJson(history),
      ],
    );
  }

  /** History entries of many golden records, in one round trip. */
  async appendHistories(entries: HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO golden_history (golden_id, version, change_type, changed_fields, cause, attributes, recorded_at)
       SELECT golden_id, version, change_type, ARRAY(SELECT jsonb_array_elements_text(changed_fields)), cause, attributes, recorded_at
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (golden_id uuid, version integer, change_type text, changed_fields jsonb, cause jsonb, attributes jsonb, recorded_at timestamptz)) WITH ORDINALITY AS h
        ORDER BY h.ordinality`,
      [historyJson(entries)],
    );
  }
}

function historyJson(entries: HistoryEntry[]): string {
  return JSON.stringify(
    entries.map((e) => ({ golden_id: e.goldenId, version: e.version, change_type: e.changeType, changed_fields: e.changedFields, cause: e.cause, attributes: e.attributes, recorded_at: e.at.toISOString() })),
  );
}

function overrideOf(r: { attribute: string; value: StewardOverride['value']; decided_by: string; reason: string; decided_at: Date }): StewardOverride {
  return { attribute: r.attribute as StewardOverride['attribute'], value: r.value, by: r.decided_by, reason: r.reason, at: r.decided_at.toISOString() };
}

/** What recomputing golden records reads (`loadRecomputation`), by golden record id. */
export interface Recomputation {
  members: Map<string, MemberRecord[]>;
  overrides: Map<string, StewardOverride[]>;
  /** Where each stands with the ERP, when asked for; absent when never synchronised. */
  erp: Map<string, ErpSyncRow>;
}

/** A golden record's history entry: one per version. */
export interface HistoryEntry {
  goldenId: string;
  version: number;
  changeType: string;
  changedFields: string[];
  cause: Record<string, unknown>;
  attributes: CanonicalAttributes;
  at: Date;
}

/** How the engine names a source record: `source:sourceId`. */
function recordKey(source: string, sourceId: string): string {
  return `${source}:${sourceId}`;
}

export function toGoldenRow(row: Record<string, unknown>): GoldenRow {
  return {
    ...toLockedGolden(row),
    attributes: row.attributes as CanonicalAttributes,
    lineage: row.lineage as GoldenValues['lineage'],
    sources: row.sources as GoldenValues['sources'],
  };
}

function toLockedGolden(row: Record<string, unknown>): LockedGolden {
  return {
    id: row.id as string,
    kind: row.kind as PartyKind,
    status: row.status as GoldenRow['status'],
    mergedInto: (row.merged_into as string | null) ?? null,
    version: row.version as number,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    component: (row.component as string | null | undefined) ?? null,
  };
}

/** Record ids (`source:sourceId`, the source ends at the first colon) as the two columns of the key. */
function splitRecordIds(recordIds: string[]): { sources: string[]; sourceIds: string[] } {
  const sources: string[] = [];
  const sourceIds: string[] = [];
  for (const id of recordIds) {
    const at = id.indexOf(':');
    sources.push(id.slice(0, at));
    sourceIds.push(id.slice(at + 1));
  }
  return { sources, sourceIds };
}
