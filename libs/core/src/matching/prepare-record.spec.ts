import { normalizePhone } from './phone';
import { postalDistrict } from './postal-code';
import { prepareMatchRecord } from './prepare-record';

describe('prepareMatchRecord (the matcher’s own small standardization)', () => {
  it('folds names, drops civilities and legal forms, reads dates and phones', () => {
    const person = prepareMatchRecord('1', 'person', {
      civility: 'Mme',
      firstName: 'Hélène',
      lastName: 'M. LEFÈVRE',
      birthDate: '09/04/1956',
      phone: ['06 12 34 56 78', '+33 (0)6 98 76 54 32'],
      email: [' Helene@Example.org '],
    });
    expect(person).toMatchObject({ firstName: 'helene', lastName: 'lefevre', birthDate: '19560409', gender: 'f', phones: ['+33612345678', '+33698765432'], emails: ['helene@example.org'] });
    const company = prepareMatchRecord('2', 'organization', { legalName: 'Transports Dupont S.A.R.L.', siret: '732 829 320 00074' });
    expect(company).toMatchObject({ legalName: 'transports dupont', siret: '73282932000074' });
    expect(prepareMatchRecord('3', 'organization', { legalName: 'SAS Boulangerie Martin' }).legalName).toBe('boulangerie martin');
  });

  it('knows other countries’ phones and postal districts', () => {
    expect(normalizePhone('0033 6 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(normalizePhone('02 9876 5432', 'AU')).toBe('+61298765432');
    expect(normalizePhone('(312) 555-0199', 'US')).toBe('+13125550199');
    expect(normalizePhone('3865286', 'US')).toBe('3865286'); // a local number stays local
    expect(normalizePhone('12', 'FR')).toBeUndefined();
    expect(postalDistrict('tq13 8df', 'GB')).toBe('tq13');
    expect(postalDistrict('60302', 'US')).toBe('603');
    expect(postalDistrict('2119', 'AU')).toBe('21');
    expect(postalDistrict('20090', 'FR')).toBe('20');
  });
});
