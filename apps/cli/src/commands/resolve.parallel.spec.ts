import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRecords } from '@mdm/core';
import { genericTest, parseColumnMap, prepareRows, readInputs } from './resolve.input';
import { resolveKindsInParallel } from './resolve.parallel';

const ROWS = [
  'r1,person,Jean,Dupont,,1980-01-02,12 rue de la Paix,75002,Paris,jean.dupont@free.fr',
  'r2,person,Jean,Dupond,,1980-01-02,12 rue de la Paix,75002,Paris,jean.dupont@free.fr',
  'r3,person,Marie,Curie,,1867-11-07,1 rue Pierre et Marie Curie,75005,Paris,marie@curie.fr',
  'r4,organization,,,Boulangerie Martin SARL,,3 place du Marché,69001,Lyon,contact@boulangerie-martin.fr',
  'r5,organization,,,Boulangerie Martin,,3 pl. du Marché,69001,Lyon,',
  'r6,person,Maria,Curie,,1867-11-07,1 rue Pierre et Marie Curie,75005,Paris,marie@curie.fr',
  'r7,organization,,,Garage du Centre,,8 avenue Foch,33000,Bordeaux,',
];
const HEADER = 'id,kind,first,last,company,dob,street,zip,city,email';
const MAP = 'first=firstName,last=lastName,company=legalName,dob=birthDate,street=street,zip=postalCode,city=city,email=email';

describe('resolving each kind on its own', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mdm-kinds-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (rows: string[]) => {
    const file = join(dir, `in-${rows.length}-${rows[0]}.csv`.replace(/[^\w.-]/g, '_'));
    writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
    const settings = { kind: 'person' as const, kindColumn: 'kind', country: 'FR', standardizer: 'builtin' as const };
    const kinds = await resolveKindsInParallel({ files: [file], idColumn: 'id', map: parseColumnMap(MAP), settings, options: { defaultCountry: 'FR' }, standardizer: 'builtin' }, 2);
    const records = prepareRows(readInputs([file], 'id'), parseColumnMap(MAP), settings);
    const whole = resolveRecords(records, { defaultCountry: 'FR', isGeneric: genericTest('builtin') });
    return { kinds, whole, ids: records.map((r) => r.id) };
  };

  it('gives the clusters of resolving everything at once, with the ids in input order', async () => {
    const { kinds, whole, ids } = await run(ROWS);
    expect(kinds.ids).toEqual(ids);
    expect(kinds.result.clusterIds).toEqual(whole.clusterIds);
    expect(kinds.result.comparisons).toBe(whole.comparisons);
    expect(kinds.result.links).toBe(whole.links);
    expect(kinds.parts.map((p) => [p.kind, p.records])).toEqual([
      ['person', 4],
      ['organization', 3],
    ]);
    // the duplicate person is found
    const cluster = new Map(kinds.ids.map((id, i) => [id, kinds.result.clusterIds[i]]));
    expect(cluster.get('r2')).toBe(cluster.get('r1'));
    expect(cluster.get('r7')).not.toBe(cluster.get('r4'));
  });

  it('does not depend on the order of the rows', async () => {
    const forward = await run(ROWS);
    const backward = await run([...ROWS].reverse());
    const byId = (r: typeof forward) => new Map(r.kinds.ids.map((id, i) => [id, r.kinds.result.clusterIds[i]]));
    expect(byId(backward)).toEqual(byId(forward));
  });

  it('refuses a duplicated id across kinds, and an unknown kind', async () => {
    await expect(run([...ROWS, 'r1,organization,,,Acme,,,,,'])).rejects.toThrow(/duplicate record id "r1"/);
    await expect(run([...ROWS, 'r9,robot,,,Acme,,,,,'])).rejects.toThrow(/--kind: "robot"/);
  });
});
