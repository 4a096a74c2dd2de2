import { identifyingValues } from './erase.usecase';

describe('identifyingValues', () => {
  it('gives the emails, phones and full names in every form, and the source ids, but not a city nor a lone first name', () => {
    const values = identifyingValues(
      [
        { firstName: 'Camille', lastName: 'Lefèvre', email: ['camille.lefevre@dupont-fils.fr'], phone: ['06 12 34 56 78'], city: 'Lyon' },
        { fullName: 'LEFEVRE Camille', phone: ['+33612345678'] },
      ],
      ['contact:003XY0000012AbC'],
    );
    expect(values).toEqual(
      expect.arrayContaining([
        'camille.lefevre@dupont-fils.fr',
        'CAMILLE.LEFEVRE@DUPONT-FILS.FR',
        '06 12 34 56 78',
        '+33612345678',
        'Camille Lefèvre',
        'Lefèvre Camille',
        'lefèvre camille',
        'LEFEVRE Camille',
        '003XY0000012AbC',
      ]),
    );
    expect(values).not.toContain('Lyon');
    expect(values).not.toContain('Camille');
  });
});
