import { DataSource } from 'typeorm';
import { MatchRecord } from '@mdm/core';
import { ResolutionStore, SourceRecordRow, inTransaction } from '@mdm/persistence';
import { TestEnvironment } from './support/harness';

/**
 * The names table the trigram searches read (`record_name`, real PostgreSQL): it follows the
 * stored versions, and a version whose name did not change leaves its row (and its index entries)
 * as they were.
 */
describe('record names', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;

  const row = (sourceId: string, version: number, matchName: string | null, kind: 'person' | 'organization' = 'person'): SourceRecordRow => ({
    source: 'crm',
    sourceId,
    entity: 'contact',
    kind,
    payload: Buffer.from(JSON.stringify({ sourceId, version })),
    attributes: {},
    standardized: {},
    findings: [],
    matchKeys: [],
    matchRecord: { id: `crm:${sourceId}`, kind, version } as unknown as MatchRecord,
    matchName,
    links: {},
    sourceUpdatedAt: null,
    payloadHash: `hash-${sourceId}-${version}`,
    receivedAt: new Date(),
    kafka: null,
  });
  const store = (rows: SourceRecordRow[]) => inTransaction(dataSource, (db) => new ResolutionStore(db).upsertSourceRecords(rows));
  const names = async (): Promise<{ source_id: string; kind: string; name: string; version: string }[]> =>
    dataSource.query(`SELECT source_id, kind, name, xmin::text AS version FROM record_name ORDER BY source_id`);

  beforeAll(async () => {
    env = await TestEnvironment.create('record_names');
    dataSource = await env.migratedDataSource();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('holds the name of each stored version that has one, rewritten only when it changes', async () => {
    await store([row('1', 1, 'marie dupont'), row('2', 1, 'jean martin'), row('3', 1, null)]);
    const first = await names();
    expect(first.map(({ source_id, kind, name }) => ({ source_id, kind, name }))).toEqual([
      { source_id: '1', kind: 'person', name: 'marie dupont' },
      { source_id: '2', kind: 'person', name: 'jean martin' },
    ]);

    // a new version of each: 1 keeps its name, 2 changes it, 3 gets one
    await store([row('1', 2, 'marie dupont'), row('2', 2, 'jean martins'), row('3', 2, 'boulangerie durand', 'organization')]);
    const second = await names();
    expect(second.map(({ source_id, name }) => ({ source_id, name }))).toEqual([
      { source_id: '1', name: 'marie dupont' },
      { source_id: '2', name: 'jean martins' },
      { source_id: '3', name: 'boulangerie durand' },
    ]);
    // the unchanged name's row is the same row version: not rewritten, its index entries untouched
    expect(second[0].version).toBe(first[0].version);
    expect(second[1].version).not.toBe(first[1].version);

    // a version without a name leaves no row; the source record itself stays
    await store([row('2', 3, null)]);
    expect((await names()).map((n) => n.source_id)).toEqual(['1', '3']);
    expect(await dataSource.query(`SELECT revision FROM source_record WHERE source = 'crm' AND source_id = '2'`)).toEqual([{ revision: 3 }]);
  });

  it('is what the near-name search finds by: the current name, not a former one', async () => {
    await store([row('4', 1, 'sophie bernard')]);
    await dataSource.query(`INSERT INTO golden_record (id, kind, status, attributes, lineage, sources, version, created_at, updated_at)
                            VALUES ('00000000-0000-4000-8000-000000000004', 'person', 'active', '{}', '{}', '[]', 1, now(), now())`);
    await dataSource.query(`INSERT INTO xref (source, source_id, golden_id, linked_at) VALUES ('crm', '4', '00000000-0000-4000-8000-000000000004', now())`);
    const search = (name: string) =>
      inTransaction(dataSource, (db) => new ResolutionStore(db).findNearNames([{ kind: 'person', name, source: 'crm', sourceId: 'query' }], { neighbours: 10, similarity: 0.5 }));

    expect((await search('sophie bernart')).get(0)?.map((r) => r.goldenId)).toEqual(['00000000-0000-4000-8000-000000000004']);
    await store([row('4', 2, 'sophie lambert')]);
    expect((await search('sophie bernart')).get(0)).toBeUndefined();
    expect((await search('sophie lamber')).get(0)?.map((r) => r.goldenId)).toEqual(['00000000-0000-4000-8000-000000000004']);
    // the other kind's names are not searched
    expect(
      (await inTransaction(dataSource, (db) => new ResolutionStore(db).findNearNames([{ kind: 'organization', name: 'sophie lambert', source: 'crm', sourceId: 'query' }], { neighbours: 10, similarity: 0.5 }))).get(0),
    ).toBeUndefined();
  });
});
