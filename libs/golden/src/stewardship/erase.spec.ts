import { identifyingValues, sourceIdPattern } from './erase.usecase';

describe('identifyingValues', () => {
  it('gives the emails, phones and full names in every form, but not a city, a lone first name nor a source id', () => {
    const values = identifyingValues(
      [
        { firstName: 'Camille', lastName: 'Lefèvre', email: ['camille.lefevre@dupont-fils.fr'], phone: ['06 12 34 56 78'], city: 'Lyon' },
        { fullName: 'LEFEVRE Camille', phone: ['+33612345678'] },
      ],
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
      ]),
    );
    expect(values).not.toContain('Lyon');
    expect(values).not.toContain('Camille');
  });
});

describe('sourceIdPattern', () => {
  const finds = (sourceId: string, message: string) => new RegExp(sourceIdPattern(sourceId)).test(message);

  it('finds an id as a whole token, quoted or not', () => {
    expect(finds('crm-5', '{"id":"crm-5","name":"x"}')).toBe(true);
    expect(finds('ecommerce:58213', '{"accountId": 58213, "login": "a@b.fr"}')).toBe(true);
    expect(finds('contact:003XY0000012AbC', '{"Id":"003XY0000012AbC"}')).toBe(true);
    expect(finds('58213', '58213')).toBe(true);
  });

  it('does not find it inside another id', () => {
    // another customer's record: the erasure must leave it alone
    expect(finds('crm-5', '{"id":"crm-50"}')).toBe(false);
    expect(finds('crm-5', '{"id":"xcrm-5"}')).toBe(false);
    expect(finds('58213', '{"accountId": 582130}')).toBe(false);
    expect(finds('58213', '{"ref": "58213.1"}')).toBe(false);
  });

  it('escapes what a regular expression would read', () => {
    expect(finds('a.b', '{"id":"a.b"}')).toBe(true);
    expect(finds('a.b', '{"id":"axb"}')).toBe(false);
  });
});
