import { standardizedIsGeneric } from './resolve.standardize';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { truthLabel } from './evaluate.command';
import { parseColumnMap, prepareRows, readInputs, rowAttributes } from './resolve.input';
import { csvField, writeClusters } from './resolve.output';

describe('resolve input and output', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mdm-resolve-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads CSV with a BOM, CRLF, spaces after commas and quoted line breaks; prefixes ids with several inputs', () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, '\uFEFFrec_id, given_name, surname\r\nrec-1-org, jean, dupont\r\nrec-2-org, marie, "de la\r\nfontaine"\r\n');
    writeFileSync(b, 'rec_id,given_name,surname\nrec-1-dup-0,jean,dupond\n');
    expect(readInputs([a], 'rec_id').map((r) => [r.id, r.row.surname])).toEqual([
      ['rec-1-org', 'dupont'],
      ['rec-2-org', 'de la\r\nfontaine'],
    ]);
    const both = readInputs([a, b], 'rec_id', ['surname']);
    expect(both.map((r) => r.id)).toEqual(['a.csv:rec-1-org', 'a.csv:rec-2-org', 'b.csv:rec-1-dup-0']);
    // only the columns asked for are kept
    expect(Object.keys(both[0].row).sort()).toEqual(['rec_id', 'surname']);
    expect(() => readInputs([a], 'id')).toThrow(/no column "id"/);
  });

  it('maps columns to attributes, splitting several emails or phones in one cell', () => {
    const map = parseColumnMap('Site name=legalName,Phone=phone,email');
    expect(map).toEqual([
      ['Site name', 'legalName'],
      ['Phone', 'phone'],
      ['email', 'email'],
    ]);
    expect(rowAttributes({ 'Site name': 'Acme', Phone: '01 02 03 04 05 | 06 07 08 09 10', email: '' }, map)).toEqual({
      legalName: 'Acme',
      phone: ['01 02 03 04 05', '06 07 08 09 10'],
    });
    expect(() => parseColumnMap('given_name=prenom')).toThrow(/unknown attribute "prenom"/);
  });

  it('takes each row’s kind from a column when asked', () => {
    const rows = [
      { id: '1', source: 's', row: { kind: 'organization', name: 'Acme SARL' } },
      { id: '2', source: 's', row: { kind: 'Person', name: 'Jean Dupont' } },
    ];
    const records = prepareRows(rows, [['name', 'fullName']], { kind: 'person', kindColumn: 'kind', country: 'FR', standardizer: 'builtin' });
    expect(records.map((r) => r.kind)).toEqual(['organization', 'person']);
  });

  it('reads the true entity from a column or from the group a pattern captures', () => {
    expect(truthLabel('rec-12-dup-3', /^rec-(\d+)-/)).toBe('12');
    expect(truthLabel('Q42', undefined)).toBe('Q42');
    expect(truthLabel('', undefined)).toBeUndefined();
  });

  it('writes record_id,cluster_id with a header, quoting what needs it', () => {
    const out = join(dir, 'clusters.csv');
    writeClusters(out, ['a,1', 'b'], ['a,1', 'a,1']);
    expect(readFileSync(out, 'utf8')).toBe('record_id,cluster_id\n"a,1","a,1"\nb,"a,1"\n');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('standardizedIsGeneric', () => {
  it('keeps an organization\'s own role mailbox, not a person\'s', () => {
    // a contact person's contact@ is every colleague's; on the company's record it is the company's
    expect(standardizedIsGeneric('email', 'contact@dupont.fr', 'person')).toBe(true);
    expect(standardizedIsGeneric('email', 'contact@dupont.fr')).toBe(true);
    expect(standardizedIsGeneric('email', 'contact@dupont.fr', 'organization')).toBe(false);
    // at a webmail domain, or a placeholder: generic whatever the kind
    expect(standardizedIsGeneric('email', 'contact@gmail.com', 'organization')).toBe(true);
    expect(standardizedIsGeneric('email', 'test@test.com', 'organization')).toBe(true);
  });
});
