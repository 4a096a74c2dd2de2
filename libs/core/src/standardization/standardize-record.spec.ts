import fc from 'fast-check';
import { CanonicalAttributes, PartyKind, STRING_ATTRIBUTES } from '../model/attributes';
import { FINDING_CODES, FINDING_SEVERITIES, FindingCode } from './findings';
import { standardizeRecord, StandardizationResult } from './standardize-record';

const today = new Date('2025-06-15T00:00:00Z');
const person = (raw: CanonicalAttributes, defaultCountry?: string): StandardizationResult => standardizeRecord('person', raw, { today, defaultCountry });
const organization = (raw: CanonicalAttributes, defaultCountry?: string): StandardizationResult =>
  standardizeRecord('organization', raw, { today, defaultCountry });
const codes = (result: StandardizationResult): FindingCode[] => result.findings.map((f) => f.code);

describe('finding codes', () => {
  it.each([
    ['EMAIL_INVALID', 'error'],
    ['EMAIL_DOMAIN_TYPO', 'warning'],
    ['EMAIL_GENERIC', 'info'],
    ['PHONE_INVALID', 'error'],
    ['PHONE_IN_EMAIL_FIELD', 'warning'],
    ['EMAIL_IN_PHONE_FIELD', 'warning'],
    ['SIREN_CHECKSUM', 'error'],
    ['SIRET_CHECKSUM', 'error'],
    ['SIRET_SIREN_MISMATCH', 'error'],
    ['VAT_INVALID', 'error'],
    ['VAT_MISMATCH', 'error'],
    ['NAF_INVALID', 'error'],
    ['POSTAL_CODE_INVALID', 'error'],
    ['COUNTRY_UNKNOWN', 'warning'],
    ['DATE_INVALID', 'error'],
    ['DATE_IMPLAUSIBLE', 'warning'],
    ['PLACEHOLDER_VALUE', 'warning'],
    ['NAME_ORDER_SWAPPED', 'info'],
    ['MISSING_MANDATORY', 'error'],
  ])('%s exists with severity %s', (code, severity) => {
    expect(FINDING_CODES).toContain(code);
    expect(FINDING_SEVERITIES[code as FindingCode]).toBe(severity);
  });
});

it('every finding a record can raise carries the severity of its code', () => {
  const result = person({ lastName: 'Martin', email: ['x@gmial.com', 'bad@'], phone: ['06 12'], birthDate: '31/02/2020' });
  expect(result.findings.length).toBe(4);
  for (const f of result.findings) expect(f.severity).toBe(FINDING_SEVERITIES[f.code]);
});

describe('standardizeRecord: persons', () => {
  it('standardizes a typical CRM contact', () => {
    const result = person({
      fullName: 'M. DUPONT Jean-Pierre',
      email: [' Jean-Pierre.Dupont@Orange.FR '],
      phone: ['06 12 34 56 78'],
      birthDate: '05/03/1980',
      street: '12 bis av. de la republique',
      postalCode: '75011',
      city: 'PARIS',
      country: 'france',
    });
    expect(result.standardized).toEqual({
      civility: 'M.',
      firstName: 'Jean-Pierre',
      lastName: 'Dupont',
      fullName: 'Dupont Jean-Pierre',
      birthDate: '1980-03-05',
      street: 'Avenue de la République',
      houseNumber: '12 bis',
      postalCode: '75011',
      city: 'Paris',
      country: 'FR',
      email: ['jean-pierre.dupont@orange.fr'],
      phone: ['+33612345678'],
    });
    expect(result.matchKeys).toEqual({
      firstName: 'jean pierre',
      lastName: 'dupont',
      fullName: 'jean pierre dupont',
      city: 'paris',
      street: 'avenue de la republique',
    });
    expect(codes(result).sort()).toEqual(['CIVILITY_EXTRACTED', 'HOUSE_NUMBER_SPLIT', 'NAME_SPLIT']);
  });

  it('keeps a maiden name in the match forms', () => {
    const result = person({ fullName: 'Mme Marie Martin née Durand' });
    expect(result.standardized).toMatchObject({ civility: 'Mme', firstName: 'Marie', lastName: 'Martin née Durand' });
    expect(result.matchKeys).toMatchObject({ lastName: 'martin', birthName: 'durand', fullName: 'marie martin' });
  });

  it('"DURAND Marie épouse MARTIN": birth name first, usage name after', () => {
    const result = person({ fullName: 'DURAND Marie épouse MARTIN' });
    expect(result.standardized).toMatchObject({ firstName: 'Marie', lastName: 'Durand épouse Martin' });
    expect(result.matchKeys).toMatchObject({ lastName: 'martin', birthName: 'durand' });
  });

  it.each([
    [{ firstName: 'Jean-Pierre', lastName: 'Dupont' }],
    [{ firstName: 'Jean Pierre', lastName: 'DUPONT' }],
    [{ firstName: 'JEAN-PIERRE', lastName: 'dupont' }],
    [{ fullName: 'DUPONT Jean-Pierre' }],
    [{ fullName: 'Jean Pierre DUPONT' }],
    [{ fullName: 'dupont jean pierre' }],
  ])('%j gives the match forms jean pierre / dupont', (raw) => {
    expect(person(raw).matchKeys).toMatchObject({ firstName: 'jean pierre', lastName: 'dupont', fullName: 'jean pierre dupont' });
  });

  it('reports given name and surname that look swapped, without swapping them', () => {
    const result = person({ firstName: 'DUPONT', lastName: 'JEAN' });
    expect(result.standardized).toMatchObject({ firstName: 'Dupont', lastName: 'Jean' });
    expect(result.findings).toContainEqual({
      code: 'NAME_ORDER_SWAPPED',
      severity: 'info',
      attribute: 'firstName',
      message: 'given name "Dupont" looks like a surname and surname "Jean" like a given name',
      suggestion: 'firstName: Jean, lastName: Dupont',
    });
  });

  it.each([
    [{ civility: 'Monsieur' }, 'M.'],
    [{ civility: 'MME' }, 'Mme'],
    [{ civility: 'mademoiselle' }, 'Mlle'],
    [{ civility: 'Docteur' }, 'Dr'],
    [{ civility: 'Maître' }, 'Me'],
    [{ civility: 'Pr.' }, 'Pr'],
    [{ firstName: 'Mme Marie', lastName: 'Martin' }, 'Mme'],
    [{ firstName: 'Madame', lastName: 'Martin' }, 'Mme'],
    [{ lastName: 'Dr Petit' }, 'Dr'],
  ])('%j -> civility %s', (raw, civility) => {
    expect(person(raw).standardized.civility).toBe(civility);
  });

  it('drops a first name that only held a civility', () => {
    expect(person({ firstName: 'Monsieur', lastName: 'Martin' }).standardized).toEqual({ civility: 'M.', lastName: 'Martin' });
  });

  it('keeps the given civility when the name says another one', () => {
    const result = person({ civility: 'M.', fullName: 'Mme Claude Martin' });
    expect(result.standardized.civility).toBe('M.');
    expect(codes(result)).toContain('CIVILITY_CONFLICT');
  });

  it('keeps an unknown civility and reports it', () => {
    const result = person({ civility: 'Sa Majesté', lastName: 'Martin' });
    expect(result.standardized.civility).toBe('Sa Majesté');
    expect(codes(result)).toContain('CIVILITY_UNKNOWN');
  });

  it.each([
    ['05/03/1980', '1980-03-05', []],
    ['1980-03-05', '1980-03-05', []],
    ['5 mars 1980', '1980-03-05', []],
    ['19800305', '1980-03-05', []],
    ['05.03.1980', '1980-03-05', []],
    ['5/3/80', '1980-03-05', ['DATE_AMBIGUOUS']],
    ['31/02/2020', '31/02/2020', ['DATE_INVALID']],
    ['hier', 'hier', ['DATE_INVALID']],
    ['01/01/1900', '1900-01-01', ['PLACEHOLDER_VALUE']],
    ['00/00/0000', '00/00/0000', ['PLACEHOLDER_VALUE']],
    ['9999-12-31', '9999-12-31', ['PLACEHOLDER_VALUE']],
    ['2030-01-01', '2030-01-01', ['DATE_IMPLAUSIBLE']],
    ['1890-05-01', '1890-05-01', ['DATE_IMPLAUSIBLE']],
  ])('birth date %j -> %j with %j', (birthDate, expected, expectedCodes) => {
    const result = person({ lastName: 'Martin', birthDate });
    expect(result.standardized.birthDate).toBe(expected);
    expect(codes(result)).toEqual(expectedCodes);
  });

  it('uses the injected today for plausibility', () => {
    expect(codes(standardizeRecord('person', { lastName: 'Martin', birthDate: '2025-06-20' }, { today }))).toEqual(['DATE_IMPLAUSIBLE']);
    expect(codes(standardizeRecord('person', { lastName: 'Martin', birthDate: '2025-06-20' }, { today: new Date('2026-01-01') }))).toEqual([]);
  });
});

describe('standardizeRecord: emails and phones', () => {
  it('moves a phone typed in the email field', () => {
    const result = person({ lastName: 'Martin', email: ['06 12 34 56 78'] });
    expect(result.standardized).toEqual({ lastName: 'Martin', phone: ['+33612345678'] });
    expect(result.findings).toContainEqual(expect.objectContaining({ code: 'PHONE_IN_EMAIL_FIELD', attribute: 'email', severity: 'warning' }));
  });

  it('moves an email typed in the phone field', () => {
    const result = person({ lastName: 'Martin', phone: ['marie.martin@free.fr'] });
    expect(result.standardized).toEqual({ lastName: 'Martin', email: ['marie.martin@free.fr'] });
    expect(codes(result)).toEqual(['EMAIL_IN_PHONE_FIELD']);
  });

  it('splits several emails or phones given in one field and removes duplicates', () => {
    const result = person({ lastName: 'Martin', email: ['a.martin@free.fr; A.Martin@free.fr, b.martin@orange.fr'], phone: ['06 12 34 56 78 / 01 45 67 89 10', '+33612345678'] });
    expect(result.standardized.email).toEqual(['a.martin@free.fr', 'b.martin@orange.fr']);
    expect(result.standardized.phone).toEqual(['+33612345678', '+33145678910']);
  });

  it('keeps an invalid email, lower-cased, with an error', () => {
    const result = person({ lastName: 'Martin', email: ['Marie.Martin@Orange'] });
    expect(result.standardized.email).toEqual(['marie.martin@orange']);
    expect(result.findings).toEqual([expect.objectContaining({ code: 'EMAIL_INVALID', severity: 'error', attribute: 'email' })]);
  });

  it('suggests a domain for a typo but keeps the value as given', () => {
    const result = person({ lastName: 'Martin', email: ['marie@hotmial.fr'] });
    expect(result.standardized.email).toEqual(['marie@hotmial.fr']);
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'EMAIL_DOMAIN_TYPO', severity: 'warning', suggestion: 'marie@hotmail.fr' }),
    ]);
  });

  it.each([
    ['contact@dupont.fr', 'EMAIL_GENERIC'],
    ['compta@dupont.fr', 'EMAIL_GENERIC'],
    ['test@test.com', 'PLACEHOLDER_VALUE'],
    ['noreply@dupont.fr', 'PLACEHOLDER_VALUE'],
  ])('email %j -> %s', (email, code) => {
    expect(codes(organization({ legalName: 'Dupont', email: [email] }))).toEqual([code]);
  });

  it.each([
    ['0692 12 34 56', '+262692123456', []],
    ['+33 (0)6 12 34 56 78', '+33612345678', []],
    ['0033612345678', '+33612345678', []],
    ['06 12 34 56', '06123456', ['PHONE_INVALID']],
    ['0000000000', '0000000000', ['PLACEHOLDER_VALUE']],
    ['01 23 45 67 89', '+33123456789', ['PLACEHOLDER_VALUE']],
    ['01 02 03 04 05', '+33102030405', ['PLACEHOLDER_VALUE']],
    ['01 45 67 00 00', '+33145670000', ['PHONE_GENERIC']],
  ])('phone %j -> %j with %j', (phone, expected, expectedCodes) => {
    const result = person({ lastName: 'Martin', phone: [phone] });
    expect(result.standardized.phone).toEqual([expected]);
    expect(codes(result)).toEqual(expectedCodes);
  });

  it('reads national numbers with the record country first, then the default', () => {
    expect(person({ lastName: 'Peeters', country: 'Belgique', phone: ['0470 12 34 56'] }).standardized.phone).toEqual(['+32470123456']);
    expect(person({ lastName: 'Smith', phone: ['(312) 226-2649'] }, 'US').standardized.phone).toEqual(['+13122262649']);
  });
});

describe('standardizeRecord: organizations', () => {
  it('standardizes an ERP account', () => {
    const result = organization({
      legalName: 'Sté DUPONT & FILS S.A.R.L.',
      siret: '732 829 320 00074',
      nafCode: '6201z',
      street: '12B BD ST GERMAIN',
      city: '75006 PARIS',
      paymentTerms: '30 jours fin de mois',
    });
    expect(result.standardized).toEqual({
      legalName: 'Sté DUPONT & FILS',
      legalForm: 'SARL',
      siren: '732829320',
      siret: '73282932000074',
      vatNumber: 'FR44732829320',
      nafCode: '62.01Z',
      street: 'Boulevard Saint-Germain',
      houseNumber: '12 bis',
      postalCode: '75006',
      city: 'Paris',
      paymentTerms: '30 jours fin de mois',
    });
    expect(result.matchKeys).toEqual({ legalName: 'dupont et fils', city: 'paris', street: 'boulevard saint germain' });
    expect(codes(result).sort()).toEqual(['HOUSE_NUMBER_SPLIT', 'LEGAL_FORM_EXTRACTED', 'POSTAL_CODE_IN_CITY', 'SIREN_DERIVED', 'VAT_COMPUTED']);
  });

  it.each([
    [{ siren: '732829321' }, 'SIREN_CHECKSUM'],
    [{ siren: '73282932' }, 'SIREN_FORMAT'],
    [{ siret: '73282932000075' }, 'SIRET_CHECKSUM'],
    [{ siret: '7328293200007' }, 'SIRET_FORMAT'],
    [{ siren: '552100554', siret: '73282932000074' }, 'SIRET_SIREN_MISMATCH'],
    [{ siren: '732829320', vatNumber: 'FR45732829320' }, 'VAT_MISMATCH'],
    [{ siren: '732829320', vatNumber: 'FR96552100554' }, 'VAT_MISMATCH'],
    [{ vatNumber: 'FR44' }, 'VAT_INVALID'],
    [{ vatNumber: 'FR12732829321' }, 'VAT_INVALID'],
    [{ vatNumber: 'XYZ' }, 'VAT_INVALID'],
    [{ nafCode: '721Z' }, 'NAF_INVALID'],
    [{ siret: '00000000000000' }, 'PLACEHOLDER_VALUE'],
  ])('%j -> %s', (raw, code) => {
    expect(codes(organization({ legalName: 'Dupont', ...raw }))).toContain(code);
  });

  it('keeps invalid identifiers, cleaned', () => {
    expect(organization({ legalName: 'Dupont', siret: '732 829 320 00075' }).standardized.siret).toBe('73282932000075');
  });

  it('suggests the right VAT number when the key is wrong', () => {
    const finding = organization({ legalName: 'Dupont', vatNumber: 'FR 45 732 829 320' }).findings.find((f) => f.code === 'VAT_MISMATCH');
    expect(finding?.suggestion).toBe('FR44732829320');
  });

  it('accepts a La Poste establishment whose SIRET fails Luhn', () => {
    const result = organization({ legalName: 'La Poste', siret: '35600000000015' });
    expect(codes(result)).toEqual(['SIREN_DERIVED', 'VAT_COMPUTED']);
    expect(result.standardized).toMatchObject({ siren: '356000000', vatNumber: 'FR39356000000' });
  });

  it('does not compute a French VAT number for a foreign record', () => {
    expect(organization({ legalName: 'Dupont', siren: '732829320', country: 'BE' }).standardized.vatNumber).toBeUndefined();
  });

  it('accepts a well-formed foreign VAT number', () => {
    expect(codes(organization({ legalName: 'Peeters', vatNumber: 'BE 0123.456.789' }))).toEqual([]);
  });

  it('keeps the given legal form when the name says another', () => {
    const result = organization({ legalName: 'SARL Dupont', legalForm: 'SAS' });
    expect(result.standardized).toEqual({ legalName: 'Dupont', legalForm: 'SAS' });
    expect(codes(result)).toEqual(['LEGAL_FORM_CONFLICT']);
  });

  it.each([
    ['SARL Dupont', 'Dupont', 'SARL'],
    ['Dupont S.A.S.', 'Dupont', 'SAS'],
    ['Boulangerie Martin EURL', 'Boulangerie Martin', 'EURL'],
    ['Association Sportive de Lyon', 'Association Sportive de Lyon', 'Association'],
  ])('legal name %j -> %j + %j', (legalName, name, form) => {
    expect(organization({ legalName }).standardized).toEqual({ legalName: name, legalForm: form });
  });

  it('requires some identity', () => {
    expect(organization({ city: 'Lyon' }).findings).toContainEqual(expect.objectContaining({ code: 'MISSING_MANDATORY', attribute: null }));
  });
});

describe('standardizeRecord: addresses', () => {
  it.each([
    [{ postalCode: '6000', city: 'NICE' }, '06000', 'Nice', ['POSTAL_CODE_CORRECTED']],
    [{ postalCode: '2A004', city: 'AJACCIO' }, '20004', 'Ajaccio', ['POSTAL_CODE_CORRECTED']],
    [{ postalCode: '20000', city: 'AJACCIO' }, '20000', 'Ajaccio', []],
    [{ postalCode: '75008', city: 'PARIS CEDEX 08' }, '75008', 'Paris', ['CITY_CEDEX']],
    [{ postalCode: '75008 CEDEX', city: 'Paris' }, '75008', 'Paris', ['CITY_CEDEX']],
    [{ city: '69003 LYON' }, '69003', 'Lyon', ['POSTAL_CODE_IN_CITY']],
    [{ postalCode: '69003', city: 'LYON 69003' }, '69003', 'Lyon', []],
    [{ postalCode: '7500', city: 'Paris' }, '07500', 'Paris', ['POSTAL_CODE_CORRECTED']],
    [{ postalCode: '750001', city: 'Paris' }, '750001', 'Paris', ['POSTAL_CODE_INVALID']],
    [{ postalCode: '00000', city: 'Paris' }, '00000', 'Paris', ['PLACEHOLDER_VALUE']],
    [{ postalCode: '42000', city: 'ST ETIENNE' }, '42000', 'Saint-Etienne', []],
    [{ postalCode: '13002', city: 'MARSEILLE CEDEX-' }, '13002', 'Marseille', ['CITY_CEDEX']],
    [{ city: '75001 PARIS CEDEX 01' }, '75001', 'Paris', ['POSTAL_CODE_IN_CITY', 'CITY_CEDEX']],
  ])('%j -> %j %j with %j', (raw, postalCode, city, expectedCodes) => {
    const result = person({ lastName: 'Martin', ...raw });
    expect(result.standardized.postalCode).toBe(postalCode);
    expect(result.standardized.city).toBe(city);
    expect(codes(result)).toEqual(expectedCodes);
  });

  it.each([
    ['France', 'FR'],
    ['FRA', 'FR'],
    ['Belgique', 'BE'],
    ['Deutschland', 'DE'],
  ])('country %j -> %j', (country, expected) => {
    expect(person({ lastName: 'Martin', country }).standardized.country).toBe(expected);
  });

  it('keeps an unknown country and reports it', () => {
    const result = person({ lastName: 'Martin', country: 'Groland' });
    expect(result.standardized.country).toBe('Groland');
    expect(codes(result)).toEqual(['COUNTRY_UNKNOWN']);
  });

  it('does not default the country attribute', () => {
    expect(person({ lastName: 'Martin', city: 'Paris' }).standardized.country).toBeUndefined();
  });

  it('checks postal codes with the rules of the record country', () => {
    expect(codes(person({ lastName: 'Peeters', postalCode: '1000', country: 'BE' }))).toEqual([]);
    expect(codes(person({ lastName: 'Smith', postalCode: '60624', city: 'CHICAGO' }, 'US'))).toEqual([]);
    expect(person({ lastName: 'Smith', city: 'CHICAGO' }, 'US').standardized.city).toBe('Chicago');
  });
});

describe('standardizeRecord: other attributes', () => {
  it.each([
    [{ emailOptIn: 'oui' }, { emailOptIn: true }, []],
    [{ smsOptIn: '0' }, { smsOptIn: false }, []],
    [{ smsOptIn: 'peut-être' }, {}, ['BOOLEAN_INVALID']],
    [{ lifecycle: 'Customer' }, { lifecycle: 'customer' }, []],
    [{ lifecycle: 'VIP' }, { lifecycle: 'VIP' }, ['LIFECYCLE_INVALID']],
    [{ website: 'HTTPS://WWW.Dupont.FR/Contact' }, { website: 'https://www.dupont.fr/Contact' }, []],
    [{ paymentTerms: '  30   jours  ' }, { paymentTerms: '30 jours' }, []],
  ])('%j -> %j', (raw, expected, expectedCodes) => {
    const result = person({ lastName: 'Martin', ...(raw as CanonicalAttributes) });
    expect(result.standardized).toEqual({ lastName: 'Martin', ...expected });
    expect(codes(result)).toEqual(expectedCodes);
  });

  it.each<[CanonicalAttributes, string]>([
    [{ lastName: 'xxx' }, 'lastName'],
    [{ lastName: 'Martin', firstName: 'inconnu' }, 'firstName'],
    [{ lastName: 'Martin', street: 'N/A' }, 'street'],
    [{ lastName: 'Martin', city: 'nc' }, 'city'],
  ])('%j: placeholder in %s', (raw, attribute) => {
    expect(person(raw).findings).toContainEqual(expect.objectContaining({ code: 'PLACEHOLDER_VALUE', attribute }));
  });
});

describe('standardizeRecord: hostile input', () => {
  const huge = 'é'.repeat(10_240);

  it.each<[string, unknown]>([
    ['empty record', {}],
    ['null', null],
    ['undefined', undefined],
    ['a string instead of a record', 'Dupont'],
    ['whitespace only', { lastName: '   \t\n ', email: ['  '], phone: [' '] }],
    ['NUL bytes', { lastName: 'Du\u0000pont', email: ['jean\u0000@free.fr'] }],
    ['emoji', { lastName: '😀 Dupont 👍', legalName: '🚀 SAS', city: '🏙️' }],
    ['mixed scripts', { firstName: 'Иван', lastName: 'Petrov 中文', street: 'شارع 12' }],
    ['numbers instead of strings', { postalCode: 75001, phone: 612345678 }],
    ['a string instead of a list', { email: 'jean@free.fr' }],
    ['nested objects', { lastName: { a: 1 }, email: [{ b: 2 }] }],
    ['lone surrogates', { lastName: '\ud800Dupont\udfff' }],
  ])('%s does not throw', (_label, raw) => {
    expect(() => standardizeRecord('person', raw as CanonicalAttributes, { today })).not.toThrow();
    expect(() => standardizeRecord('organization', raw as CanonicalAttributes, { today })).not.toThrow();
  });

  it('drops blank values', () => {
    expect(person({ lastName: '   \t\n ', email: ['  '], phone: [' '], firstName: '\u0000' }).standardized).toEqual({});
  });

  it('removes NUL bytes and invisible characters', () => {
    expect(person({ lastName: 'Du\u0000pont\u200b' }).standardized.lastName).toBe('Dupont');
  });

  it('reads a number given for a postal code', () => {
    expect(person({ lastName: 'Martin', postalCode: 75001 } as unknown as CanonicalAttributes).standardized.postalCode).toBe('75001');
  });

  it('wraps a single email given as a string', () => {
    expect(person({ email: 'jean@free.fr' } as unknown as CanonicalAttributes).standardized.email).toEqual(['jean@free.fr']);
  });

  it('keeps 10 KB values as they are, reported, and stays fast', () => {
    const start = Date.now();
    const raw: CanonicalAttributes = Object.fromEntries(STRING_ATTRIBUTES.map((a) => [a, huge]));
    raw.email = [huge];
    raw.phone = [huge];
    const result = standardizeRecord('organization', raw, { today });
    expect(result.standardized.legalName).toBe(huge);
    expect(result.standardized.email).toEqual([huge]);
    expect(result.findings.filter((f) => f.code === 'VALUE_TOO_LONG').length).toBeGreaterThanOrEqual(25);
    expect(result.findings.every((f) => f.message.length < 300)).toBe(true);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('handles 10 KB of separators and digits quickly', () => {
    const start = Date.now();
    const raw: CanonicalAttributes = {
      legalName: `${'SA '.repeat(160)}Dupont`,
      street: `${'12 '.repeat(160)}rue`,
      email: [`${'a@'.repeat(2000)}`],
      phone: [`${'06 '.repeat(3000)}`],
      birthDate: '1'.repeat(10_000),
    };
    expect(() => standardizeRecord('organization', raw, { today })).not.toThrow();
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('does not mutate its input', () => {
    const raw: CanonicalAttributes = { fullName: 'M. DUPONT Jean', email: ['06 12 34 56 78'] };
    const copy = JSON.parse(JSON.stringify(raw));
    standardizeRecord('person', raw, { today });
    expect(raw).toEqual(copy);
  });

  it('ignores an invalid today and an unknown default country', () => {
    const result = standardizeRecord('person', { lastName: 'Martin', phone: ['0612345678'] }, { today: new Date('nope'), defaultCountry: 'Narnia' });
    expect(result.standardized.phone).toEqual(['+33612345678']);
  });
});

describe('standardizeRecord: properties', () => {
  const pieces = [
    'M.', 'Mme', 'DUPONT', 'Jean', 'jean-pierre', 'de', 'LA', "d'", 'née', 'épouse', 'SARL', 'S.A.', 'Ste', '&', '12', 'bis', 'B',
    'rue', 'bd', 'St', 'CEDEX', '75001', '2A004', '6000', '@', 'gmail.com', 'gmial.com', '06 12 34 56 78', '+33', '(0)', '0033',
    '0692123456', ';', ',', '/', '-', '.', "'", ' ', 'İ', 'ß', 'é', '\u0301', '\u0000', '\u200b', '😀', 'Иван', '中', 'xxx',
    '31/02/2020', '05/03/1980', 'mars', 'FR', 'France', 'association', 'contact', 'mailto:', '<', '>', 'ou', 's/', 'XIV', '0', 'a',
  ];
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(' ')),
    fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join('')),
    fc.stringMatching(/^[0-9+ ().\-/a-zA-Z]{0,24}$/),
    fc.emailAddress(),
    fc.stringMatching(/^(0|\+33|0033)[1-9]([ .-]?[0-9]{2}){4}$/),
  );
  const record = fc.record(
    {
      ...Object.fromEntries(STRING_ATTRIBUTES.map((name) => [name, text])),
      email: fc.array(text, { maxLength: 3 }),
      phone: fc.array(text, { maxLength: 3 }),
      emailOptIn: fc.boolean(),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<CanonicalAttributes>;
  const kind = fc.constantFrom<PartyKind>('person', 'organization');
  const country = fc.constantFrom('FR', 'US', 'BE', undefined);

  it('never throws on any string in any attribute', () => {
    fc.assert(
      fc.property(kind, record, country, (k, raw, c) => {
        const result = standardizeRecord(k, raw, { today, defaultCountry: c });
        expect(codes(result)).not.toContain('STANDARDIZATION_FAILED');
      }),
      { numRuns: 1500 },
    );
  });

  it('is idempotent: standardizing the standardized record changes nothing', () => {
    fc.assert(
      fc.property(kind, record, country, (k, raw, c) => {
        const options = { today, defaultCountry: c };
        const once = standardizeRecord(k, raw, options).standardized;
        expect(standardizeRecord(k, once, options).standardized).toEqual(once);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same match keys on the second pass', () => {
    fc.assert(
      fc.property(kind, record, (k, raw) => {
        const once = standardizeRecord(k, raw, { today });
        expect(standardizeRecord(k, once.standardized, { today }).matchKeys).toEqual(once.matchKeys);
      }),
      { numRuns: 500 },
    );
  });

  it('match keys are lower case and free of accents and punctuation', () => {
    fc.assert(
      fc.property(kind, record, (k, raw) => {
        for (const key of Object.values(standardizeRecord(k, raw, { today }).matchKeys)) {
          expect(key).toBe(key.toLowerCase());
          expect(key).not.toMatch(/[\p{M}\p{P}\p{S}]|^\s|\s$|\s\s/u);
          expect(key).not.toMatch(/[àâäéèêëîïôöùûüç]/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('standardized strings are trimmed, non-empty and NFC', () => {
    fc.assert(
      fc.property(kind, record, (k, raw) => {
        for (const value of Object.values(standardizeRecord(k, raw, { today }).standardized)) {
          for (const v of Array.isArray(value) ? value : [value]) {
            if (typeof v !== 'string') continue;
            expect(v).not.toBe('');
            expect(v).toBe(v.trim());
            expect(v).toBe(v.normalize('NFC'));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
