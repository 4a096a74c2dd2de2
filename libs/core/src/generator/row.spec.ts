import { generateRows } from './generate';
import { emptyRow, GENERATED_COLUMNS, joinValues, splitValues } from './row';

describe('multi-valued attributes', () => {
  it('joins values with "|", dropping empty values and duplicates, keeping order', () => {
    expect(joinValues(['a@x.fr', undefined, '', 'b@y.fr', 'a@x.fr'])).toBe('a@x.fr|b@y.fr');
    expect(joinValues([])).toBe('');
    expect(splitValues('a|b')).toEqual(['a', 'b']);
    expect(splitValues('')).toEqual([]);
    expect(() => joinValues(['a|b'])).toThrow(/contains/);
  });

  it('writes several emails and phones joined with "|" in generated rows, each a plausible value', () => {
    let multiEmail = 0;
    let multiPhone = 0;
    const bad: string[] = [];
    for (const r of generateRows({ records: 20_000, seed: 17 })) {
      const emails = splitValues(r.email);
      const phones = splitValues(r.phone);
      if (emails.length > 1) multiEmail++;
      if (phones.length > 1) multiPhone++;
      for (const e of emails) if (!/^[^@|\s]+@[^@|\s]+\.[a-z]+$/.test(e)) bad.push(`email ${e}`);
      for (const p of phones) if (p.replace(/\D/g, '').length < 10) bad.push(`phone ${p}`);
      if (new Set(emails).size !== emails.length) bad.push(`duplicate email in ${r.email}`);
      // Single-valued columns never contain the separator.
      for (const c of GENERATED_COLUMNS) if (c !== 'email' && c !== 'phone' && r[c].includes('|')) bad.push(`${c} ${r[c]}`);
    }
    expect(bad).toEqual([]);
    expect(multiEmail).toBeGreaterThan(50);
    expect(multiPhone).toBeGreaterThan(50);
  });

  it('creates rows with every column, in header order', () => {
    expect(Object.keys(emptyRow())).toEqual(GENERATED_COLUMNS);
  });
});
