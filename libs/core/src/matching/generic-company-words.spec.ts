import { standardizedMatchRecord } from '../resolution/standardized-match-record';
import { companyWordKeys } from './generic-company-words';
import { incrementalBlockingKeys } from './incremental';

describe('companyWordKeys', () => {
  it('leaves out trade, corporate and place words when another word remains', () => {
    expect(companyWordKeys(['boulangerie', 'kowalczyk'])).toEqual(['kowalczyk']);
    expect(companyWordKeys(['garage', 'moreau', 'fils'])).toEqual(['moreau']);
    expect(companyWordKeys(['holding', 'azimut', 'paris'])).toEqual(['azimut']);
  });

  it('keys a name made of generic words only on each pair of its words, in alphabetical order', () => {
    expect(companyWordKeys(['plomberie', 'centre'])).toEqual(['centre plomberie']);
    expect(companyWordKeys(['hotel', 'paris', 'centre'])).toEqual(['hotel paris', 'centre hotel', 'centre paris']);
    // "Hôtel de Paris" and "Hôtel Paris Centre" meet
    expect(companyWordKeys(['hotel', 'paris']).filter((k) => companyWordKeys(['hotel', 'paris', 'centre']).includes(k))).toEqual(['hotel paris']);
  });

  it('keys a name of one generic word on it, and a name without words on nothing', () => {
    expect(companyWordKeys(['boulangerie'])).toEqual(['boulangerie']);
    expect(companyWordKeys([])).toEqual([]);
  });

  it('meets the words of a standardized company name (accents folded, legal form taken out)', () => {
    const record = standardizedMatchRecord('erp:1', 'erp', 'organization', { legalName: 'ÉLECTRICITÉ GÉNÉRALE Dupont SARL', postalCode: '69003' }, 'FR');
    const keys = incrementalBlockingKeys(record, { defaultCountry: 'FR' }).filter((k) => k.startsWith('rare company words'));
    expect(keys).toEqual(['rare company words + postal code|organization|dupont\u000169003']);
  });
});
