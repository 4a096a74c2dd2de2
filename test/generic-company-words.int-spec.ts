import { DataSource } from 'typeorm';
import { incrementalBlockingKeys, standardizedMatchRecord, trigramName } from '@mdm/core';
import { ResolutionStore, SourceRecordRow, inTransaction, runMigrations } from '@mdm/persistence';
import { TestEnvironment } from './support/harness';
import { storedKeys } from './support/stored-keys';

const RULE = 'rare company words + postal district|organization|';
/** The same rule since the postal code replaced the district (a later migration). */
const CURRENT = 'rare company words + postal code|organization|';

/**
 * The migration that rewrites the stored company-word keys (real PostgreSQL): after it, every
 * stored record holds exactly the keys the engine computes for it now (generic company words left
 * out, pairs of words for a name of generic words only), in `match_key` and in the record's own
 * list; undone, every word of 3 letters or more is a key again.
 */
describe('generic company words migration', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;

  const companies: [string, string, string][] = [
    ['1', 'Boulangerie Kowalczyk', '69003'],
    ['2', 'Boulangerie du Centre', '69001'],
    ['3', 'HÔTEL PARIS CENTRE SARL', '75011'],
    ['4', 'Boulangerie', '13001'],
    ['5', 'Garage Moreau et Fils', '44000'],
    ['6', 'Les Jardins de la Vallée', '38000'],
  ];
  const rows: SourceRecordRow[] = companies.map(([sourceId, legalName, postalCode]) => {
    const matchRecord = standardizedMatchRecord(`erp:${sourceId}`, 'erp', 'organization', { legalName, postalCode }, 'FR');
    return {
      source: 'erp',
      sourceId,
      entity: 'account',
      kind: 'organization',
      payload: Buffer.from(JSON.stringify({ sourceId, legalName, postalCode })),
      attributes: { legalName, postalCode },
      standardized: {},
      findings: [],
      matchKeys: incrementalBlockingKeys(matchRecord, { defaultCountry: 'FR' }),
      matchRecord,
      matchName: trigramName(matchRecord) ?? null,
      links: {},
      sourceUpdatedAt: null,
      payloadHash: `hash-${sourceId}`,
      receivedAt: new Date(),
      kafka: null,
    };
  });
  const computed = new Map(rows.map((r) => [r.sourceId, [...r.matchKeys].sort()]));

  /** Each record's keys, by its source id, from `match_key` and from its own list. */
  const stored = async () => {
    const { table, lists } = await storedKeys(dataSource);
    const bySourceId = (keys: Map<string, string[]>) => new Map([...keys].map(([id, k]) => [id.slice(id.indexOf(':') + 1), k]));
    return { table: bySourceId(table), lists: bySourceId(lists) };
  };
  const words = (keys: readonly string[], rule = RULE) => keys.filter((k) => k.startsWith(rule)).map((k) => k.slice(rule.length).split('\u0001')[0]);
  const ofOtherRules = (keys: readonly string[]) => keys.filter((k) => !k.startsWith(RULE) && !k.startsWith(CURRENT));

  beforeAll(async () => {
    env = await TestEnvironment.create('generic_company_words');
    dataSource = await env.migratedDataSource();
    await inTransaction(dataSource, (db) => new ResolutionStore(db).upsertSourceRecords(rows));
  });

  afterAll(async () => {
    await env?.close();
  });

  it('undone, keys a company name on every word of 3 letters or more', async () => {
    // the later migrations first, then this one
    for (;;) {
      const [last]: { name: string }[] = await dataSource.query(`SELECT name FROM schema_migrations ORDER BY "timestamp" DESC LIMIT 1`);
      await dataSource.undoLastMigration({ transaction: 'each' });
      if (last.name === 'GenericCompanyWords1765300000000') break;
    }
    const { table, lists } = await stored();
    expect(Object.fromEntries([...table].map(([id, keys]) => [id, words(keys).sort()]))).toEqual({
      '1': ['boulangerie', 'kowalczyk'],
      '2': ['boulangerie', 'centre'],
      '3': ['centre', 'hotel', 'paris'],
      '4': ['boulangerie'],
      '5': ['fils', 'garage', 'moreau'],
      '6': ['jardins', 'vallee'],
    });
    // the other rules' keys are left as they were, and each record's list says what the table holds
    for (const [id, keys] of table) {
      expect(ofOtherRules(keys)).toEqual(ofOtherRules(computed.get(id)!));
      expect([...lists.get(id)!].sort()).toEqual(keys);
    }
  });

  it('applied to keys of every word, leaves exactly the keys the engine computes now', async () => {
    await runMigrations(dataSource);
    const { table, lists } = await stored();
    for (const [id, keys] of computed) {
      expect(table.get(id)).toEqual(keys);
      expect([...lists.get(id)!].sort()).toEqual(keys);
    }
    expect(Object.fromEntries([...table].map(([id, keys]) => [id, words(keys, CURRENT)]))).toEqual({
      '1': ['kowalczyk'],
      '2': ['boulangerie centre'],
      '3': ['centre hotel', 'centre paris', 'hotel paris'],
      '4': ['boulangerie'],
      '5': ['moreau'],
      '6': ['jardins vallee'],
    });
  });
});
