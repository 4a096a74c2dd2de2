import { parse } from 'csv-parse/sync';
import { csvField, csvLine, csvRecordLine } from './csv';
import { generateRows } from './generate';
import { GENERATED_COLUMNS } from './row';

describe('CSV writing (RFC 4180 quoting)', () => {
  it('quotes fields with a comma, a double quote or a line break, and doubles the quotes', () => {
    expect(csvField('Dupont')).toBe('Dupont');
    expect(csvField('40, place Montaigne')).toBe('"40, place Montaigne"');
    expect(csvField('Le "Relais"')).toBe('"Le ""Relais"""');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('')).toBe('');
    expect(csvLine(['a', 'b,c', 'd"e'])).toBe('a,"b,c","d""e"\n');
  });

  it('round-trips through a CSV parser, including awkward values', () => {
    const records = [
      { id: '1', name: 'Société "Dupont", S.A.R.L.', note: 'multi\nline' },
      { id: '2', name: "L'Île-Rousse", note: '' },
    ];
    const columns = ['id', 'name', 'note'];
    const text = csvLine(columns) + records.map((r) => csvRecordLine(r, columns)).join('');
    const parsed = parse(text, { columns: true }) as Record<string, string>[];
    expect(parsed).toEqual(records);
  });

  it('round-trips generated rows', () => {
    const rows = [...generateRows({ records: 3000, seed: 21 })];
    const text = csvLine(GENERATED_COLUMNS) + rows.map((r) => csvRecordLine(r, GENERATED_COLUMNS)).join('');
    const parsed = parse(text, { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(rows.length);
    expect(parsed).toEqual(rows.map((r) => Object.fromEntries(GENERATED_COLUMNS.map((c) => [c, r[c]]))));
    // The sample does contain values that need quoting.
    expect(rows.some((r) => GENERATED_COLUMNS.some((c) => /[",\n]/.test(r[c])))).toBe(true);
  });
});
