import { DataSource } from 'typeorm';
import { generateRows } from '@mdm/core';
import { ResolutionStore, inTransaction } from '@mdm/persistence';
import { loadRules } from '@mdm/settings';
import { generatedRowMessage, generatedRowsIngest } from '@mdm/engine/ingest/generated-rows';
import { CONFIG_DIR, TestEnvironment } from './support/harness';

/**
 * The candidate lookup by blocking key (one statement for a whole batch) against a plain join of
 * the same tables: the same golden records for every key, and the keys shared by more records than
 * the block size reported as skipped. The same for the near-name search (trigram similarity).
 */
describe('candidates by blocking key (real PostgreSQL)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;

  beforeAll(async () => {
    env = await TestEnvironment.create('candidates');
    dataSource = await env.migratedDataSource(2);
    const ingest = generatedRowsIngest(dataSource, loadRules(CONFIG_DIR), 'candidates.');
    const rows = [...generateRows({ records: 300, seed: 5 })];
    for (let i = 0; i < rows.length; i += 50) await ingest.execute(rows.slice(i, i + 50).map((row, k) => generatedRowMessage(row, i + k)));
  });

  afterAll(async () => {
    await env?.close();
  });

  /** What a plain join says: per key, its number of records and the active golden records holding them. */
  async function reference(keys: string[]): Promise<Map<string, { records: number; golden: Set<string> }>> {
    const rows: { key: string; records: number; golden: string[] }[] = await dataSource.query(
      `SELECT m.key, count(*)::int AS records, array_remove(array_agg(DISTINCT CASE WHEN g.status = 'active' THEN g.id END), NULL) AS golden
         FROM match_key m JOIN xref x ON x.source = m.source AND x.source_id = m.source_id JOIN golden_record g ON g.id = x.golden_id
        WHERE m.key = ANY($1::text[]) GROUP BY m.key`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, { records: r.records, golden: new Set(r.golden) }]));
  }

  it('finds, for every stored record, the golden records sharing one of its keys, and skips the keys over the block size', async () => {
    const stored: { source: string; source_id: string; kind: 'person' | 'organization'; keys: string[] }[] = await dataSource.query(
      `SELECT s.source, s.source_id, s.kind, array_agg(m.key ORDER BY m.key) AS keys FROM source_record s JOIN match_key m USING (source, source_id) GROUP BY 1, 2, 3`,
    );
    const maxBlockSize = 2;
    const queries = stored.map((s) => ({ keys: [...s.keys, `unknown|${s.source_id}`] }));
    const results = await inTransaction(dataSource, (db) => new ResolutionStore(db).findCandidatesMany(queries.map((q) => q.keys), maxBlockSize));
    const truth = await reference([...new Set(stored.flatMap((s) => s.keys))]);

    let skippedSeen = 0;
    let linkedSeen = 0;
    queries.forEach((q, i) => {
      const oversized = q.keys.filter((k) => (truth.get(k)?.records ?? 0) > maxBlockSize).sort();
      const expected = new Set(q.keys.filter((k) => !oversized.includes(k)).flatMap((k) => [...(truth.get(k)?.golden ?? [])]));
      expect(results[i].skippedKeys).toEqual(oversized);
      expect(results[i].goldenIds).toEqual([...expected].sort());
      skippedSeen += oversized.length;
      linkedSeen += expected.size;
    });
    // the data exercises both sides: keys over the block size, and candidates found
    expect(skippedSeen).toBeGreaterThan(0);
    expect(linkedSeen).toBeGreaterThan(stored.length / 2);
  });

  it('finds the golden records of the near names of every stored name, as a plain join of all similar names says', async () => {
    const named: { source: string; source_id: string; kind: 'person' | 'organization'; match_name: string }[] = await dataSource.query(
      `SELECT source, source_id, kind, name AS match_name FROM record_name ORDER BY source, source_id`,
    );
    const neighbours = 10;
    const queries = named.map((s) => ({ kind: s.kind, name: s.match_name, source: s.source, sourceId: s.source_id }));
    const found = await inTransaction(dataSource, (db) => new ResolutionStore(db).findNearNames(queries, { neighbours, similarity: 0.5 }));
    // every similar stored name (the record's own included), with its active golden record
    const similar: { source: string; source_id: string; names: number; golden: string[] }[] = await inTransaction(dataSource, async (db) => {
      await db.query(`SELECT set_config('pg_trgm.similarity_threshold', '0.5', true)`);
      return db.query(
        `SELECT r.source, r.source_id, count(*)::int AS names,
                array_remove(array_agg(DISTINCT CASE WHEN g.status = 'active' AND (o.source, o.source_id) <> (r.source, r.source_id) THEN g.id END), NULL) AS golden
           FROM record_name r
           JOIN record_name o ON o.kind = r.kind AND o.name % r.name
           JOIN xref x ON x.source = o.source AND x.source_id = o.source_id JOIN golden_record g ON g.id = x.golden_id
          GROUP BY 1, 2`,
      );
    });
    const truth = new Map(similar.map((s) => [`${s.source}:${s.source_id}`, s]));
    let compared = 0;
    let withNeighbours = 0;
    named.forEach((s, i) => {
      const expected = truth.get(`${s.source}:${s.source_id}`)!;
      const golden = [...new Set((found.get(i) ?? []).map((r) => r.goldenId))].sort();
      // the search keeps the nearest `neighbours` names (the record's own among them): where there
      // are no more similar names than that, it must find exactly the golden records of all of them
      if (expected.names <= neighbours) {
        expect(golden).toEqual([...expected.golden].sort());
        compared++;
        if (golden.length > 0) withNeighbours++;
      } else expect(golden.every((id) => expected.golden.includes(id))).toBe(true);
    });
    expect(compared).toBeGreaterThan(named.length / 2);
    expect(withNeighbours).toBeGreaterThan(10);
  });

  it('reads the link components of golden records as a plain query over the whole table says', async () => {
    const golden: { id: string; component: string | null; status: string }[] = await dataSource.query(`SELECT id, component, status FROM golden_record ORDER BY id`);
    const keyOf = (g: { id: string; component: string | null }) => g.component ?? g.id;
    // golden records that share their component with others, and some that do not
    const shared = new Set(golden.filter((g, _, all) => g.component !== null && all.some((o) => o.id !== g.id && o.component === g.component)).map((g) => g.id));
    // one golden record of each shared component (the others must be found), and some alone
    const firstOfComponent = [...new Map(golden.filter((g) => shared.has(g.id)).map((g) => [g.component, g] as const)).values()];
    const given = [...firstOfComponent.slice(0, 40), ...golden.filter((g) => !shared.has(g.id)).slice(0, 40)].map((g) => g.id);
    expect(shared.size).toBeGreaterThan(0);
    const { keyOf: found, active } = await inTransaction(dataSource, (db) => new ResolutionStore(db).componentsOf(given));
    const byId = new Map(golden.map((g) => [g.id, g]));
    expect(new Map([...found].sort())).toEqual(new Map(given.map((id) => [id, keyOf(byId.get(id)!)] as [string, string]).sort()));
    const keys = new Set(given.map((id) => keyOf(byId.get(id)!)));
    const expected = golden.filter((g) => g.status === 'active' && keys.has(keyOf(g))).map((g) => ({ id: g.id, key: keyOf(g) }));
    expect(active).toEqual(expected);
    expect(active.length).toBeGreaterThan(given.filter((id) => byId.get(id)!.status === 'active').length);
  });
});
