import { criterionOf, displayNameOf } from './search-golden-records';

describe('criterionOf', () => {
  it('reads identifiers exactly and anything else as a folded name', () => {
    expect(criterionOf('832 145 676 00009', 'FR')).toEqual({ type: 'siret', value: '83214567600009' });
    expect(criterionOf('832.145.676', 'FR')).toEqual({ type: 'siren', value: '832145676' });
    expect(criterionOf('Camille.Lefevre@Gmail.com', 'FR')).toEqual({ type: 'email', value: 'camille.lefevre@gmail.com' });
    // every written form of one French mobile gives its E.164
    for (const phone of ['06 11 22 33 44', '+33 (0)6.11.22.33.44', '0033611223344']) expect(criterionOf(phone, 'FR')).toEqual({ type: 'phone', value: '+33611223344' });
    expect(criterionOf('Lefèvre-D’Août', 'FR')).toEqual({ type: 'name', value: 'lefevre d aout' });
    expect(criterionOf('', 'FR')).toEqual({ type: 'city', value: '' });
  });
});

describe('displayNameOf', () => {
  it('names an organization by its legal name and a person by full name, else first and last names', () => {
    expect(displayNameOf('organization', { legalName: 'Dupont et Fils', tradeName: 'DF' })).toBe('Dupont et Fils');
    expect(displayNameOf('person', { firstName: 'Camille', lastName: 'Lefèvre' })).toBe('Camille Lefèvre');
    expect(displayNameOf('person', {})).toBeNull();
  });
});
