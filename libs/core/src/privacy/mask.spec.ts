import { maskAttributeValue, maskEmail, maskName, maskPersonalData, maskPhone } from './mask';

describe('masking of personal data', () => {
  it('keeps the first letter and the domain of an email', () => {
    expect(maskEmail('jean.dupont@example.fr')).toBe('j***@example.fr');
    expect(maskEmail('not-an-email')).toBe('***');
  });

  it('keeps the last two digits of a phone', () => {
    expect(maskPhone('+33612345678')).toBe('**********78');
    expect(maskPhone('7')).toBe('***');
  });

  it('keeps the first letter of a name', () => {
    expect(maskName('Dupont')).toBe('D***');
    expect(maskName('Élodie')).toBe('É***');
  });

  it('hides street, house number and birth date whole, and bank details under any name', () => {
    expect(maskAttributeValue('street', '12 rue de la Paix')).toBe('***');
    expect(maskAttributeValue('birthDate', '1980-04-12')).toBe('***');
    expect(maskAttributeValue('bankIban', 'FR7630006000011234567890189')).toBe('***');
  });

  it('leaves what identifies a company or a place', () => {
    for (const attribute of ['city', 'postalCode', 'legalName', 'tradeName', 'siren', 'siret', 'vatNumber', 'country']) {
      expect(maskAttributeValue(attribute, 'Dupont et Fils 75002 Paris')).toBe('Dupont et Fils 75002 Paris');
    }
  });

  it('masks a golden record wherever its values are, and nothing else', () => {
    const golden = {
      goldenId: 'g1',
      kind: 'person',
      attributes: { firstName: 'Jean', lastName: 'Dupont', email: ['jean.dupont@example.fr'], phone: ['+33612345678'], city: 'Lyon', postalCode: '69002', emailOptIn: true },
      lineage: { email: [{ source: 'crm', sourceId: 'c1', rule: 'aggregate', reason: 'every valid email is kept' }] },
      sources: [{ source: 'crm', sourceId: 'c1' }],
    };
    expect(maskPersonalData(golden)).toEqual({
      ...golden,
      attributes: { firstName: 'J***', lastName: 'D***', email: ['j***@example.fr'], phone: ['**********78'], city: 'Lyon', postalCode: '69002', emailOptIn: true },
    });
  });

  it('masks an explanation: its values and the text that quotes them', () => {
    const explained = {
      attribute: 'email',
      value: ['jean.dupont@example.fr', 'jd@corp.fr'],
      values: [
        { value: 'jean.dupont@example.fr', source: 'crm', sourceId: 'c1', rule: 'aggregate' },
        { value: 'jd@corp.fr', source: 'erp', sourceId: 'e1', rule: 'aggregate' },
      ],
      text: 'email = "jean.dupont@example.fr" from crm:c1 | "jd@corp.fr" from erp:e1',
    };
    const masked = maskPersonalData(explained) as typeof explained;
    expect(masked.value).toEqual(['j***@example.fr', 'j***@corp.fr']);
    expect(masked.values.map((v) => [v.value, v.source])).toEqual([
      ['j***@example.fr', 'crm'],
      ['j***@corp.fr', 'erp'],
    ]);
    expect(masked.text).toBe('email = "j***@example.fr" from crm:c1 | "j***@corp.fr" from erp:e1');
    expect(JSON.stringify(masked)).not.toMatch(/jean\.dupont|jd@/);
  });

  it('masks both sides of an attribute compared side by side, and keeps the flag', () => {
    const comparison = [
      { attribute: 'email', record: null, candidate: ['sophie.garnier@laposte.net'], differs: false },
      { attribute: 'lastName', record: 'Garnier', candidate: 'Garnier', differs: false },
      { attribute: 'siret', record: '83214567600009', candidate: '83214567600017', differs: true },
    ];
    const masked = maskPersonalData(comparison) as typeof comparison;
    expect(masked).toEqual([
      { attribute: 'email', record: null, candidate: ['s***@laposte.net'], differs: false },
      { attribute: 'lastName', record: 'G***', candidate: 'G***', differs: false },
      // a company's identifiers are not personal data
      { attribute: 'siret', record: '83214567600009', candidate: '83214567600017', differs: true },
    ]);
  });

  it("masks the name a person is shown by, not a company's", () => {
    const hits = [
      { id: 'g1', kind: 'person', displayName: 'Sophie Garnier', city: 'Paris' },
      { id: 'g2', kind: 'organization', displayName: 'Dupont et Fils', city: 'Lyon' },
    ];
    expect(maskPersonalData(hits)).toEqual([
      { id: 'g1', kind: 'person', displayName: 'S***', city: 'Paris' },
      { id: 'g2', kind: 'organization', displayName: 'Dupont et Fils', city: 'Lyon' },
    ]);
  });

  it('withholds the message of a finding about a personal value, keeps one about a company', () => {
    const findings = [
      { code: 'EMAIL_DOMAIN_TYPO', attribute: 'email', message: 'jean@gmial.com looks like a typo', suggestion: 'jean@gmail.com' },
      { code: 'SIRET_CHECKSUM', attribute: 'siret', message: '83214567600008 fails the checksum' },
    ];
    expect(maskPersonalData(findings)).toEqual([
      { code: 'EMAIL_DOMAIN_TYPO', attribute: 'email', message: 'email: details masked', suggestion: '***' },
      findings[1],
    ]);
  });
});
