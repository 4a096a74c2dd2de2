import { compileComparison } from './compare';
import { extractFeatures } from './features';
import { MatchRecord } from './match-record';
import { buildTermFrequencies } from './term-frequency';

const legalName = compileComparison({ name: 'legalName', field: 'legalName', levels: [{ label: 'exact', rule: { type: 'exact', termFrequency: true } }] });
const table = (records: Omit<MatchRecord, 'id'>[]) => buildTermFrequencies(legalName, records.map((r, i) => extractFeatures({ id: String(i), kind: 'organization', ...r })));

describe('term frequencies', () => {
  it('count the records holding each value, values seen once left out', () => {
    expect(table([{ legalName: 'boulangerie martin' }, { legalName: 'boulangerie martin' }, { legalName: 'kowalczyk' }])).toEqual({
      total: 3,
      counts: { 'boulangerie martin': 2 },
    });
  });

  it('count once the records of one value that share an email, a phone or a SIREN (copies of one party)', () => {
    // "sofimec" in 3 records: the ERP's and the CRM's share the SIREN, the CRM's and the web form's
    // the phone: one company, counted once (its frequency is 1/5, not 3/7, and its own records
    // need log2(3) = 1.58 bits less evidence to link than before)
    // "boulangerie martin" in 2 records with nothing in common: two bakeries, counted twice
    const t = table([
      { legalName: 'sofimec', siren: '732829320' },
      { legalName: 'sofimec', siren: '732829320', phones: ['+33478000001'] },
      { legalName: 'sofimec', phones: ['+33478000001'] },
      { legalName: 'boulangerie martin', phones: ['+33478000002'] },
      { legalName: 'boulangerie martin', phones: ['+33478000003'] },
      { legalName: 'kowalczyk' },
      { legalName: 'durand' },
    ]);
    expect(t).toEqual({ total: 5, counts: { 'boulangerie martin': 2 } });
  });
});
