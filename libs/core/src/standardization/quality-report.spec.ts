import { buildQualityReport, formatQualityReport, QualityRow } from './quality-report';

const today = new Date('2025-06-15T00:00:00Z');

// Four records from two sources:
// - crm: 2 records; one good email, one email with a typo (warning) ; one phone valid, one invalid (error)
// - forms: 2 records; one placeholder email (warning), one missing email; no phone
const rows: QualityRow[] = [
  { source: 'crm', kind: 'person', raw: { lastName: 'Dupont', email: ['jean.dupont@orange.fr'], phone: ['06 12 34 56 78'] } },
  { source: 'crm', kind: 'person', raw: { lastName: 'Martin', email: ['marie@gmial.com'], phone: ['06 12'] } },
  { source: 'forms', kind: 'person', raw: { lastName: 'Durand', email: ['test@test.com'] } },
  { source: 'forms', kind: 'person', raw: { lastName: '   ', email: [] } },
];

describe('buildQualityReport', () => {
  const report = buildQualityReport(rows, { today });

  it('has one section per source, sorted, and totals', () => {
    expect(report.sources.map((s) => [s.source, s.records])).toEqual([
      ['crm', 2],
      ['forms', 2],
    ]);
    expect(report.totals.records).toBe(4);
  });

  it('measures fill and validity per attribute', () => {
    const crm = report.sources[0];
    const email = crm.attributes.find((a) => a.attribute === 'email');
    const phone = crm.attributes.find((a) => a.attribute === 'phone');
    // 2 emails filled; the typo is a warning, so 1 valid.
    expect(email).toMatchObject({ count: 2, filled: 2, valid: 1, fillRate: 1, validityRate: 0.5 });
    expect(email?.topFindings).toEqual([{ code: 'EMAIL_DOMAIN_TYPO', severity: 'warning', count: 1 }]);
    // 2 phones filled; "06 12" is invalid (error).
    expect(phone).toMatchObject({ filled: 2, valid: 1, validityRate: 0.5 });
  });

  it('counts a blank value as not filled', () => {
    const forms = report.sources[1];
    expect(forms.attributes.find((a) => a.attribute === 'lastName')).toMatchObject({ count: 2, filled: 1, fillRate: 0.5, valid: 1 });
    expect(forms.attributes.find((a) => a.attribute === 'email')).toMatchObject({ filled: 1, valid: 0, validityRate: 0 });
  });

  it('counts records with errors, including record-level findings', () => {
    // crm: the invalid phone; forms: the record with no name, email or phone (MISSING_MANDATORY).
    expect(report.sources.map((s) => s.recordsWithErrors)).toEqual([1, 1]);
    expect(report.sources[1].findings).toEqual([
      { code: 'MISSING_MANDATORY', severity: 'error', count: 1 },
      { code: 'PLACEHOLDER_VALUE', severity: 'warning', count: 1 },
    ]);
  });

  it('adds the sources up in the totals', () => {
    expect(report.totals.attributes.find((a) => a.attribute === 'email')).toMatchObject({ count: 4, filled: 3, valid: 1 });
  });

  it('is empty for no rows', () => {
    const empty = buildQualityReport([]);
    expect(empty).toEqual({ sources: [], totals: { source: '(all sources)', records: 0, recordsWithErrors: 0, attributes: [], findings: [] } });
  });
});

describe('formatQualityReport', () => {
  const text = formatQualityReport(buildQualityReport(rows, { today }));
  const lines = text.split('\n');

  it('starts with a summary line and has a section per source plus totals', () => {
    expect(lines[0]).toBe('Data quality: 4 records from 2 sources');
    expect(lines).toContain('crm: 2 records, 1 with errors (50.0%)');
    expect(lines).toContain('(all sources): 4 records, 2 with errors (50.0%)');
  });

  it('aligns the columns', () => {
    const header = lines.find((l) => l.trim().startsWith('attribute'));
    const emailRow = lines.find((l) => l.trim().startsWith('email'));
    expect(header).toBeDefined();
    expect(emailRow).toBeDefined();
    // The fill column ends at the same position in the header and in the rows.
    const end = (line: string, word: string) => line.search(new RegExp(`(?<=\\s)${word.replace(/[.%]/g, '\\$&')}(?=\\s|$)`)) + word.length;
    expect(end(emailRow!, '100.0%')).toBe(end(header!, 'fill'));
    expect(end(emailRow!, '50.0%')).toBe(end(header!, 'validity'));
    expect(emailRow).toContain('EMAIL_DOMAIN_TYPO 1');
  });

  it('lists each finding code with its count and severity', () => {
    expect(lines).toContain('        1  error     PHONE_INVALID');
  });

  it('never prints 100.0% for a rate below one', () => {
    const many: QualityRow[] = Array.from({ length: 2000 }, (_, i) => ({ source: 's', kind: 'person', raw: { lastName: i === 0 ? 'xxx' : 'Dupont' } }));
    const out = formatQualityReport(buildQualityReport(many, { today }));
    expect(out).toMatch(/lastName\s+2,000\s+100\.0%\s+1,999\s+99\.9%/);
  });
});
