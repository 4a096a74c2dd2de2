import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { ResolutionStore } from '@mdm/persistence';
import { TestEnvironment } from './support/harness';

const GOLDEN = 20_000;
const MEMBERS = 2;

/**
 * The member reads of every batch (`loadMembersMany`, `loadMatchClusters`), its reads of the
 * stewards' decisions (`decisionPairs`, `mustLinkedMany`), and the near-name search, on a store that has no
 * planner statistics yet, as a young store has until autovacuum comes (and always, on a server
 * without it): PostgreSQL then guesses thousands of rows for a list of golden record ids, and a plain
 * join of the cross-references and the source records became a hash join over the whole
 * source-record table, a cost that grows with the store in every batch (the decisions were matched
 * on their concatenated keys, which no index serves). The plans are read with
 * auto_explain, sent to this client as notices.
 */
describe('member and decision reads without planner statistics (real PostgreSQL)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let client: Client;
  const plans: string[] = [];

  beforeAll(async () => {
    env = await TestEnvironment.create('plans');
    dataSource = await env.migratedDataSource(1);
    // a store of 20,000 golden records of two members each, written without ANALYZE
    await dataSource.query(
      `INSERT INTO golden_record (id, kind, attributes, lineage, created_at, updated_at)
       SELECT md5('g' || g)::uuid, 'person', '{}', '{}', now(), now() FROM generate_series(1, $1) AS g`,
      [GOLDEN],
    );
    await dataSource.query(
      `INSERT INTO source_record (source, source_id, entity, kind, payload, attributes, standardized, payload_hash, received_at, match_record)
       SELECT 'crm', g || '-' || m, 'person', 'person', '\\x7b7d', '{}', jsonb_build_object('lastName', 'N' || g), 'h', now() - m * interval '1 second',
              jsonb_build_object('id', 'crm:' || g || '-' || m)
         FROM generate_series(1, $1) AS g, generate_series(1, $2) AS m`,
      [GOLDEN, MEMBERS],
    );
    await dataSource.query(
      `INSERT INTO xref (source, source_id, golden_id, linked_at)
       SELECT 'crm', g || '-' || m, md5('g' || g)::uuid, now() FROM generate_series(1, $1) AS g, generate_series(1, $2) AS m`,
      [GOLDEN, MEMBERS],
    );
    // a steward decision on the two members of every golden record: "merge" for every tenth, "not a match" for the others
    await dataSource.query(
      `INSERT INTO match_decision (left_source, left_source_id, right_source, right_source_id, decision, decided_by, decided_at)
       SELECT 'crm', g || '-1', 'crm', g || '-2', CASE WHEN g % 10 = 0 THEN 'match' ELSE 'not-a-match' END, 'steward', now()
         FROM generate_series(1, $1) AS g`,
      [GOLDEN],
    );
    // the names of the records: a person's for most, a company's for every fifth golden record
    await dataSource.query(
      `INSERT INTO record_name (source, source_id, kind, name)
       SELECT source, source_id, CASE WHEN split_part(source_id, '-', 1)::int % 5 = 0 THEN 'organization' ELSE 'person' END,
              CASE WHEN split_part(source_id, '-', 1)::int % 5 = 0 THEN 'boulangerie ' ELSE 'marie ' END || 'n' || source_id
         FROM source_record`,
    );
    client = new Client({ connectionString: env.databaseUrl });
    await client.connect();
    client.on('notice', (notice) => plans.push(notice.message ?? ''));
    await client.query(`LOAD 'auto_explain'`);
    await client.query(`SET auto_explain.log_min_duration = 0`);
    await client.query(`SET auto_explain.log_level = 'notice'`);
  });

  afterAll(async () => {
    await client?.end();
    await env?.close();
  });

  /** Runs `read` with the store on the explained connection; returns its result and the plans it printed. */
  async function explained<T>(read: (store: ResolutionStore) => Promise<T>): Promise<{ result: T; plans: string }> {
    const store = new ResolutionStore({ query: (sql: string, parameters?: unknown[]) => client.query(sql, parameters).then((r) => r.rows) } as never);
    plans.length = 0;
    const result = await read(store);
    return { result, plans: plans.join('\n') };
  }

  const ids = Array.from({ length: 40 }, (_, i) => i * 97 + 3);
  const golden = async () => (await dataSource.query(`SELECT md5('g' || g)::uuid::text AS id FROM unnest($1::int[]) AS g`, [ids])).map((r: { id: string }) => r.id) as string[];

  it('reads the members of golden records by key, and finds every member', async () => {
    const goldenIds = await golden();
    const { result, plans } = await explained((store) => store.loadMembersMany(goldenIds));
    expect(plans).toContain('source_record');
    expect(plans).not.toMatch(/Seq Scan on (source_record|xref)/);
    expect([...result.keys()].sort()).toEqual([...goldenIds].sort());
    for (const [id, members] of result) {
      const g = ids[goldenIds.indexOf(id)];
      expect(members.map((m) => m.sourceId).sort()).toEqual(Array.from({ length: MEMBERS }, (_, m) => `${g}-${m + 1}`));
      expect(members[0].attributes).toEqual({ lastName: `N${g}` });
    }
  });

  it('reads the match clusters by key, the most recently received members first, at most the given number', async () => {
    const goldenIds = await golden();
    const clusters = goldenIds.map((id) => ({ id, createdAt: new Date(), component: null }));
    const { result, plans } = await explained((store) => store.loadMatchClusters(clusters, 1));
    expect(plans).toContain('source_record');
    expect(plans).not.toMatch(/Seq Scan on (source_record|xref)/);
    expect(result.map((c) => c.goldenId)).toEqual(goldenIds);
    // member m was received m seconds ago: the first is the most recent
    result.forEach((c, i) => expect(c.members.map((m) => m.id)).toEqual([`crm:${ids[i]}-1`]));
  });

  it('reads the steward decisions of records by key, on either side of the pair', async () => {
    // the left member of some golden records, the right member of the others
    const recordIds = ids.map((g, i) => `crm:${g}-${(i % 2) + 1}`);
    const { result, plans } = await explained((store) => store.decisionPairs(recordIds));
    expect(plans).toContain('match_decision');
    expect(plans).not.toMatch(/Seq Scan on match_decision/);
    const pair = (g: number): [string, string] => [`crm:${g}-1`, `crm:${g}-2`];
    expect(result.mustLink.sort()).toEqual(ids.filter((g) => g % 10 === 0).map(pair).sort());
    expect(result.notAMatch.sort()).toEqual(ids.filter((g) => g % 10 !== 0).map(pair).sort());
  });

  it('searches the near names of each kind in the trigram index of that kind', async () => {
    const queries = [
      { kind: 'person' as const, name: 'marie n1234-1', source: 'web', sourceId: 'a' },
      { kind: 'organization' as const, name: 'boulangerie n1235-1', source: 'web', sourceId: 'b' },
    ];
    const { result, plans } = await explained((store) => store.findNearNames(queries, { neighbours: 3, similarity: 0.5 }));
    expect(plans).toContain('ix_record_name_person');
    expect(plans).toContain('ix_record_name_organization');
    expect(plans).not.toMatch(/Seq Scan on (record_name|source_record|xref)/);
    // the nearest names of each kind, and only of that kind: the same name first (golden record 1234, 1235)
    const [person, company] = await dataSource.query(`SELECT md5('g' || g)::uuid::text AS id FROM unnest(ARRAY[1234, 1235]) AS g ORDER BY g`);
    expect(result.get(0)?.[0].goldenId).toBe(person.id);
    expect(result.get(1)?.[0].goldenId).toBe(company.id);
    expect(result.get(0)).toHaveLength(3);
    expect(result.get(1)).toHaveLength(3);
  });

  it('reads the golden records of the records a steward merged with each record, by key', async () => {
    const recordIds = ids.map((g, i) => `crm:${g}-${(i % 2) + 1}`);
    const { result, plans } = await explained((store) => store.mustLinkedMany(recordIds));
    expect(plans).not.toMatch(/Seq Scan on (match_decision|xref)/);
    const goldenIds = await golden();
    const expected = new Map(ids.flatMap((g, i) => (g % 10 === 0 ? [[recordIds[i], [goldenIds[i]]] as const] : [])));
    expect(new Map([...result].map(([id, partners]) => [id, partners.map((p) => p.goldenId).sort()]))).toEqual(expected);
  });
});
