import { ATTRIBUTE_NAMES } from '../model/attributes';
import { generateRows, generateRowsWithStats } from './generate';
import { isValidSiret } from './identifiers';
import { GeneratedRow, GENERATED_COLUMNS } from './row';

function take(records: number, seed: number, extra: Record<string, unknown> = {}): GeneratedRow[] {
  return [...generateRows({ records, seed, ...extra })];
}

describe('generateRows', () => {
  const sample = generateRowsWithStats({ records: 30_000, seed: 42 });
  const rows = [...sample.rows];
  const stats = sample.stats;

  it('is deterministic: same seed, same rows; another seed, other rows', () => {
    const a = take(2000, 7);
    const b = take(2000, 7);
    const c = take(2000, 8);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    // Not just a permutation: the values themselves differ.
    const names = (rs: GeneratedRow[]) => new Set(rs.map((r) => r.email));
    const shared = [...names(c)].filter((e) => names(a).has(e) && e !== '').length;
    expect(shared).toBeLessThan(100);
  });

  it('produces exactly the requested number of rows', () => {
    for (const n of [0, 1, 2, 7, 999, 12_345]) expect(take(n, 3)).toHaveLength(n);
    expect(rows).toHaveLength(30_000);
    expect(stats.rows).toBe(30_000);
  });

  it('gives every row a unique record id "<source>-<n>" and every column of the header', () => {
    const ids = new Set(rows.map((r) => r.record_id));
    expect(ids.size).toBe(rows.length);
    for (const r of rows.slice(0, 500)) {
      expect(r.record_id.startsWith(`${r.source}-`)).toBe(true);
      expect(Object.keys(r)).toEqual(GENERATED_COLUMNS);
    }
    expect(GENERATED_COLUMNS.slice(0, 4)).toEqual(['record_id', 'source', 'entity_id', 'kind']);
    for (const a of ATTRIBUTE_NAMES) expect(GENERATED_COLUMNS).toContain(a);
  });

  it('reports statistics that match the rows', () => {
    const clusters = new Map<string, number>();
    const bySource: Record<string, number> = {};
    for (const r of rows) {
      clusters.set(r.entity_id, (clusters.get(r.entity_id) ?? 0) + 1);
      bySource[r.source] = (bySource[r.source] ?? 0) + 1;
    }
    let pairs = 0;
    const sizes: Record<number, number> = {};
    for (const n of clusters.values()) {
      pairs += (n * (n - 1)) / 2;
      sizes[n] = (sizes[n] ?? 0) + 1;
    }
    expect(stats.entities).toBe(clusters.size);
    expect(stats.truePairs).toBe(pairs);
    expect(stats.rowsBySource).toEqual(bySource);
    expect(stats.clusterSizes).toEqual(sizes);
    expect(stats.persons + stats.organizations).toBe(stats.entities);
  });

  it('has a realistic mix: ~65 % persons, ~35 % organizations, all four sources, ERP only for organizations', () => {
    const orgShare = stats.organizations / stats.entities;
    expect(orgShare).toBeGreaterThan(0.3);
    expect(orgShare).toBeLessThan(0.4);
    expect(stats.contacts).toBeGreaterThan(0);
    const sources = new Set(rows.map((r) => r.source));
    expect([...sources].sort()).toEqual(['crm', 'ecommerce', 'erp', 'forms']);
    for (const s of sources) expect(stats.rowsBySource[s] / rows.length).toBeGreaterThan(0.08);
    expect(rows.filter((r) => r.source === 'erp').every((r) => r.kind === 'organization')).toBe(true);
    expect(rows.some((r) => r.source === 'ecommerce' && r.kind === 'organization')).toBe(true);
    expect(rows.some((r) => r.source === 'crm' && r.kind === 'person')).toBe(true);
  });

  it('has duplicates: many singletons, some clusters of 2–6, few larger; duplicates inside the CRM and forms, rarely in the ERP', () => {
    const singletons = stats.clusterSizes[1] / stats.entities;
    expect(singletons).toBeGreaterThan(0.45);
    expect(singletons).toBeLessThan(0.7);
    let twoToSix = 0;
    let larger = 0;
    for (const [size, n] of Object.entries(stats.clusterSizes)) {
      if (Number(size) >= 2 && Number(size) <= 6) twoToSix += n;
      if (Number(size) > 6) larger += n;
    }
    expect(twoToSix / stats.entities).toBeGreaterThan(0.25);
    expect(larger / stats.entities).toBeGreaterThan(0);
    expect(larger / stats.entities).toBeLessThan(0.05);
    const perSource = new Map<string, number>();
    for (const r of rows) perSource.set(`${r.source}|${r.entity_id}`, (perSource.get(`${r.source}|${r.entity_id}`) ?? 0) + 1);
    const withinSourceDup = (source: string) => [...perSource].filter(([k, n]) => k.startsWith(`${source}|`) && n > 1).length;
    const erpEntities = [...perSource.keys()].filter((k) => k.startsWith('erp|')).length;
    expect(withinSourceDup('crm')).toBeGreaterThan(100);
    expect(withinSourceDup('forms')).toBeGreaterThan(100);
    expect(withinSourceDup('erp') / erpEntities).toBeLessThan(0.05);
  });

  it('shuffles the records of a party instead of writing them next to each other', () => {
    const firstIndex = new Map<string, number>();
    let far = 0;
    let dup = 0;
    rows.forEach((r, i) => {
      const first = firstIndex.get(r.entity_id);
      if (first === undefined) firstIndex.set(r.entity_id, i);
      else {
        dup++;
        if (i - first > 50) far++;
      }
    });
    expect(far / dup).toBeGreaterThan(0.8);
  });

  it('looks French: accents, compound given names, common surnames repeated, real postal codes including Corsica and overseas', () => {
    const lastNames = new Map<string, number>();
    for (const r of rows) if (r.lastName) lastNames.set(r.lastName, (lastNames.get(r.lastName) ?? 0) + 1);
    const martin = lastNames.get('Martin') ?? 0;
    const median = [...lastNames.values()].sort((a, b) => a - b)[Math.floor(lastNames.size / 2)];
    expect(martin).toBeGreaterThan(10 * median);
    expect(rows.some((r) => /[éèêàçëïô]/.test(r.firstName + r.lastName))).toBe(true);
    expect(rows.some((r) => /^(Jean|Marie)-\p{Lu}/u.test(r.firstName))).toBe(true);
    expect(rows.some((r) => r.postalCode.startsWith('20'))).toBe(true);
    expect(rows.some((r) => r.postalCode.startsWith('97'))).toBe(true);
    expect(rows.some((r) => r.legalForm === 'SARL')).toBe(true);
    expect(rows.some((r) => /^\d\d\.\d\d[A-Z]$/.test(r.nafCode))).toBe(true);
    expect(rows.some((r) => /@(gmail\.com|orange\.fr|free\.fr|wanadoo\.fr)/.test(r.email))).toBe(true);
  });

  it('injects the errors of the error model at errorRate 1 and none at errorRate 0', () => {
    const noisy = rows;
    const clean = take(30_000, 42, { errorRate: 0 });
    const phoneValues = (rs: GeneratedRow[]) => rs.flatMap((r) => (r.phone ? r.phone.split('|') : []));
    const international = (rs: GeneratedRow[]) => phoneValues(rs).filter((p) => /^(\+|00)/.test(p)).length;
    expect(international(noisy)).toBeGreaterThan(100);
    expect(international(clean)).toBe(0);
    const placeholders = (rs: GeneratedRow[]) => rs.filter((r) => r.phone === '0000000000' || r.email === 'test@test.com').length;
    expect(placeholders(noisy)).toBeGreaterThan(0);
    expect(placeholders(clean)).toBe(0);
    const formInName = (rs: GeneratedRow[]) => rs.filter((r) => r.kind === 'organization' && /(^|\s)(SARL|S\.A\.R\.L\.|Ste|Sté|Société|SAS)(\s|,|$)/.test(r.legalName)).length;
    expect(formInName(noisy)).toBeGreaterThan(100);
    expect(formInName(clean)).toBe(0);
    const invalidErpSirets = (rs: GeneratedRow[]) => rs.filter((r) => r.source === 'erp' && !isValidSiret(r.siret)).length;
    expect(invalidErpSirets(noisy)).toBeGreaterThan(0);
    expect(invalidErpSirets(clean)).toBe(0);
    const surnameFirst = (rs: GeneratedRow[]) => rs.filter((r) => /^\p{Lu}{2,}[\p{Lu} -]* \p{Lu}\p{Ll}/u.test(r.fullName)).length;
    expect(surnameFirst(noisy)).toBeGreaterThan(50);
    expect(surnameFirst(clean)).toBe(0);
  });

  it('restricts the output to the requested sources and rejects invalid options', () => {
    const crmOnly = take(3000, 4, { sources: ['crm'] });
    expect(new Set(crmOnly.map((r) => r.source))).toEqual(new Set(['crm']));
    const retail = take(3000, 4, { sources: ['ecommerce', 'forms'] });
    expect(new Set(retail.map((r) => r.source))).toEqual(new Set(['ecommerce', 'forms']));
    expect(() => generateRows({ records: 10, sources: ['sap'] })).toThrow(/unknown source/);
    expect(() => generateRows({ records: 10, sources: [] })).toThrow(/at least one source/);
    expect(() => generateRows({ records: -1 })).toThrow(RangeError);
    expect(() => generateRows({ records: 1.5 })).toThrow(RangeError);
    expect(() => generateRows({ records: 10, errorRate: 2 })).toThrow(/errorRate/);
    expect(() => generateRows({ records: 10, errors: { typo: 1.5 } })).toThrow(/typo/);
  });
});
