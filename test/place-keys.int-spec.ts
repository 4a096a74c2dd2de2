import { DataSource } from 'typeorm';
import { BlockingRuleSpec, PartyKind, extractFeatures, incrementalBlockingKeys, incrementalBlockingKeysOf, standardizedIsGeneric, trigramName } from '@mdm/core';
import { generatedRecords } from '@mdm/core/matching/__tests__/engine-simulation';
import { ResolutionStore, SourceRecordRow, inTransaction, runMigrations } from '@mdm/persistence';
import { TestEnvironment } from './support/harness';
import { storedKeys } from './support/stored-keys';

/** The engine's keys of the two rules before the migration. */
const OLD_RULES: BlockingRuleSpec[] = [
  { name: 'house number + street', on: ['houseNumber', 'street'] },
  { name: 'rare company words + postal district', on: ['companyWords', 'district'], kinds: ['organization'] },
];
const NEW_RULES = ['house number + street', 'rare company words + postal code'];
const ruleOf = (key: string) => key.slice(0, key.indexOf('|'));
const options = { isGeneric: standardizedIsGeneric, defaultCountry: 'FR' };

/**
 * The migration that narrows the engine's place keys (real PostgreSQL), over 2,500
 * generated records (more than one of its chunks): undone, every record holds the keys of the
 * former rules; applied, exactly the keys the engine computes now, in `match_key` and in the
 * record's own list, the other rules' keys untouched.
 */
describe('narrower place keys migration', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;

  // generated customers as the engine standardizes them; the migration reads only what the matcher reads
  const rows: SourceRecordRow[] = generatedRecords(2500, 17).records.map((matchRecord) => ({
    source: matchRecord.source!,
    sourceId: matchRecord.id,
    entity: matchRecord.kind === 'person' ? 'person' : 'account',
    kind: matchRecord.kind as PartyKind,
    payload: Buffer.from(JSON.stringify({ id: matchRecord.id })),
    attributes: {},
    standardized: {},
    findings: [],
    matchKeys: incrementalBlockingKeys(matchRecord, options),
    matchRecord,
    matchName: trigramName(matchRecord) ?? null,
    links: {},
    sourceUpdatedAt: null,
    payloadHash: `hash-${matchRecord.id}`,
    receivedAt: new Date(),
    kafka: null,
  }));
  const id = (r: SourceRecordRow) => `${r.source}:${r.sourceId}`;
  const computed = new Map(rows.map((r) => [id(r), [...r.matchKeys].sort()]));

  const stored = () => storedKeys(dataSource);

  beforeAll(async () => {
    env = await TestEnvironment.create('place_keys');
    dataSource = await env.migratedDataSource();
    await inTransaction(dataSource, (db) => new ResolutionStore(db).upsertSourceRecords(rows));
  });

  afterAll(async () => {
    await env?.close();
  });

  it('undone, keys a house number and street alone, and company words within the postal district', async () => {
    const [last]: { name: string }[] = await dataSource.query(`SELECT name FROM schema_migrations ORDER BY "timestamp" DESC LIMIT 1`);
    expect(last.name).toBe('PlaceKeysNarrowed1765600000000');
    await dataSource.undoLastMigration({ transaction: 'each' });
    const { table, lists } = await stored();
    let oldKeys = 0;
    for (const r of rows) {
      const keys = table.get(id(r)) ?? [];
      const former = incrementalBlockingKeysOf(extractFeatures(r.matchRecord, options), OLD_RULES);
      oldKeys += former.length;
      const expected = [...computed.get(id(r))!.filter((k) => !NEW_RULES.includes(ruleOf(k))), ...former].sort();
      expect(keys).toEqual(expected);
      expect([...(lists.get(id(r)) ?? [])].sort()).toEqual(expected);
    }
    // the sample holds addresses and company names
    expect(oldKeys).toBeGreaterThan(1000);
    expect([...table.values()].flat().filter((k) => ruleOf(k) === 'rare company words + postal district').length).toBeGreaterThan(100);
  });

  it('applied, leaves exactly the keys the engine computes now', async () => {
    await runMigrations(dataSource);
    const { table, lists } = await stored();
    for (const [record, keys] of computed) {
      expect(table.get(record) ?? []).toEqual(keys);
      expect([...(lists.get(record) ?? [])].sort()).toEqual(keys);
    }
    const byRule = new Map<string, number>();
    for (const k of [...table.values()].flat()) byRule.set(ruleOf(k), (byRule.get(ruleOf(k)) ?? 0) + 1);
    expect(byRule.get('house number + street')).toBeGreaterThan(1000);
    expect(byRule.get('rare company words + postal code')).toBeGreaterThan(100);
    expect(byRule.get('rare company words + postal district')).toBeUndefined();
    // within the postal district: three parts
    expect([...table.values()].flat().filter((k) => ruleOf(k) === 'house number + street').every((k) => k.split('\u0001').length === 3)).toBe(true);
  });
});
