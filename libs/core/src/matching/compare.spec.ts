import { compileComparison, isLocalPartTypo } from './compare';
import { DEFAULT_COMPARISONS, defaultComparisons, EMPLOYER_COMPARISON } from './default-comparisons';
import { extractFeatures } from './features';
import { MatchRecord } from './match-record';

const compiled = new Map(DEFAULT_COMPARISONS.map((spec) => [spec.name, compileComparison(spec)]));

/** The level label a default comparison gives two tiny records. */
function level(comparison: string, a: Omit<MatchRecord, 'id'>, b: Omit<MatchRecord, 'id'>): string {
  const c = compiled.get(comparison)!;
  return c.labels[c.level(extractFeatures({ id: 'a', ...a }, { defaultCountry: 'FR' }), extractFeatures({ id: 'b', ...b }, { defaultCountry: 'FR' }))];
}

const names = (kind: 'person' | 'organization') => defaultComparisons(kind).map((c) => c.name);

describe('default comparisons', () => {
  it('first name: exact, swapped, fuzzy, phonetic, initial, else, null', () => {
    expect(level('firstName', { firstName: 'jean' }, { firstName: 'jean' })).toBe('exact');
    // swapped names are weighed once, by the last-name comparison: no evidence here
    expect(level('firstName', { firstName: 'jean', lastName: 'dupont' }, { firstName: 'dupont', lastName: 'jean' })).toBe('null');
    expect(level('lastName', { firstName: 'jean', lastName: 'dupont' }, { firstName: 'dupont', lastName: 'jean' })).toBe('swapped with first name');
    // jonathan/jonathon: one letter apart, jaro-winkler 0.95
    expect(level('firstName', { firstName: 'jonathan' }, { firstName: 'jonathon' })).toBe('jaro-winkler ≥ 0.92');
    // christophe/kristof: jaro-winkler 0.74 only, but both read KRISTOF
    expect(level('firstName', { firstName: 'christophe' }, { firstName: 'kristof' })).toBe('same phonetic code');
    // nicknames and compound names cut short: the shorter name (3 letters or more) begins the other
    expect(level('firstName', { firstName: 'fred' }, { firstName: 'frederic' })).toBe('prefix');
    expect(level('firstName', { firstName: 'jeanclaude' }, { firstName: 'jean' })).toBe('prefix');
    // two letters are an abbreviation, not a name: "jo" is not a prefix level for "josiane"
    expect(level('firstName', { firstName: 'jo' }, { firstName: 'josiane' })).not.toBe('prefix');
    expect(level('firstName', { firstName: 'j' }, { firstName: 'jean' })).toBe('initial');
    // tom/thomas: jaro-winkler 0.85
    expect(level('firstName', { firstName: 'tom' }, { firstName: 'thomas' })).toBe('jaro-winkler ≥ 0.8');
    expect(level('firstName', { firstName: 'jean' }, { firstName: 'paul' })).toBe('else');
    expect(level('firstName', { firstName: 'jean' }, {})).toBe('null');
  });

  it('last name: a maiden name matches the other record’s last name', () => {
    expect(level('lastName', { lastName: 'martin', birthName: 'dupont' }, { lastName: 'dupont' })).toBe('birth name');
    expect(level('lastName', { lastName: 'lefevre' }, { lastName: 'lefebvre' })).toBe('jaro-winkler ≥ 0.92');
    expect(level('lastName', { lastName: 'dupont' }, { lastName: 'durand' })).toBe('else');
  });

  it('full name: only when a record has nothing but a full name', () => {
    expect(level('fullName', { fullName: 'jean dupont' }, { firstName: 'jean', lastName: 'dupont' })).toBe('exact');
    expect(level('fullName', { fullName: 'dupont jean' }, { firstName: 'jean', lastName: 'dupont' })).toBe('token set ≥ 0.9');
    // both records have first and last names: the other comparisons weigh them
    expect(level('fullName', { firstName: 'jean', lastName: 'dupont' }, { firstName: 'jean', lastName: 'dupont' })).toBe('null');
  });

  it('birth date: exact, day/month swap, one-digit typo, within a year, else', () => {
    expect(level('birthDate', { birthDate: '19560409' }, { birthDate: '1956-04-09' })).toBe('exact');
    expect(level('birthDate', { birthDate: '19560409' }, { birthDate: '19560904' })).toBe('day/month swap or one-digit typo');
    expect(level('birthDate', { birthDate: '19560409' }, { birthDate: '19560419' })).toBe('day/month swap or one-digit typo');
    // 19561509 is not a date (month 15) but still one digit away
    expect(level('birthDate', { birthDate: '19560509' }, { birthDate: '19561509' })).toBe('day/month swap or one-digit typo');
    expect(level('birthDate', { birthDate: '19560409' }, { birthDate: '19561231' })).toBe('within a year');
    expect(level('birthDate', { birthDate: '19560409' }, { birthDate: '19800101' })).toBe('else');
  });

  it('email: exact, same local part, same company domain; a shared webmail domain is no evidence', () => {
    expect(level('email', { emails: ['jean.dupont@acme.fr'] }, { emails: ['x@y.fr', 'jean.dupont@acme.fr'] })).toBe('exact');
    expect(level('email', { emails: ['jean.dupont@acme.fr'] }, { emails: ['jean.dupont@gmail.com'] })).toBe('same local part');
    expect(level('email', { emails: ['jean@acme.fr'] }, { emails: ['paul@acme.fr'] })).toBe('same domain');
    expect(level('email', { emails: ['jean@gmail.com'] }, { emails: ['paul@gmail.com'] })).toBe('else');
    // a role mailbox is generic on a person's record (every colleague's): as if there were no email
    expect(level('email', { emails: ['contact@acme.fr'] }, { emails: ['contact@acme.fr'] })).toBe('null');
    expect(level('email', { kind: 'person', emails: ['contact@acme.fr'] }, { kind: 'person', emails: ['contact@acme.fr'] })).toBe('null');
    // on an organization's record it is the company's own address
    expect(level('email', { kind: 'organization', emails: ['contact@acme.fr'] }, { kind: 'organization', emails: ['contact@acme.fr'] })).toBe('exact');
    expect(level('email', { kind: 'organization', emails: ['compta@acme.fr'] }, { kind: 'organization', emails: ['contact@acme.fr'] })).toBe('same domain');
    // …but contact@ is every company's local part, and contact@gmail.com anyone's
    expect(level('email', { kind: 'organization', emails: ['contact@acme.fr'] }, { kind: 'organization', emails: ['contact@dupont.fr'] })).toBe('else');
    expect(level('email', { kind: 'organization', emails: ['contact@gmail.com'] }, { kind: 'organization', emails: ['contact@gmail.com'] })).toBe('null');
    // placeholders stay generic whatever the kind
    expect(level('email', { kind: 'organization', emails: ['contact@test.com'] }, { kind: 'organization', emails: ['contact@test.com'] })).toBe('null');
  });

  it('email: a typo in the domain, not in the local part', () => {
    expect(level('email', { emails: ['isabelle7828@hotmail.fr'] }, { emails: ['isabelle7828@hotmal.fr'] })).toBe('domain typo');
    expect(level('email', { emails: ['jean.dupont@gmail.com'] }, { emails: ['jean.dupont@gmial.com'] })).toBe('domain typo');
    // jmartin and pmartin are two people
    expect(level('email', { emails: ['jmartin@gmail.com'] }, { emails: ['pmartin@gmail.com'] })).toBe('else');
    // same local part at two unrelated domains: not a typo (a person: else; no local-part level)
    expect(level('email', { emails: ['jean.dupont@gmail.com'] }, { emails: ['jean.dupont@orange.fr'] })).toBe('same local part');
  });

  it('phone: exact E.164, same last 8 digits', () => {
    expect(level('phone', { phones: ['+33612345678'] }, { phones: ['+33612345678'] })).toBe('exact');
    expect(level('phone', { phones: ['+33612345678'] }, { phones: ['0612345678'] })).toBe('same last 8 digits');
    expect(level('phone', { phones: ['+33612345678'] }, { phones: ['+33698765432'] })).toBe('else');
    expect(level('phone', { phones: ['0000000000'] }, { phones: ['0000000000'] })).toBe('null');
  });

  it('street and house number are not counted again when the postal codes are in two districts', () => {
    const lyon = { houseNumber: '12', street: 'rue de la republique', postalCode: '69003' };
    const lyon7 = { houseNumber: '15', street: 'avenue jean jaures', postalCode: '69007' };
    const grenoble = { houseNumber: '15', street: 'avenue jean jaures', postalCode: '38000' };
    // same district (69): a different street is evidence against
    expect(level('street', lyon, lyon7)).toBe('else');
    expect(level('houseNumber', lyon, lyon7)).toBe('else');
    // 69 vs 38: the postal code already says "another address" (level "postal codes in different
    // districts", marked asNull: no evidence, weight 0)
    expect(level('street', lyon, grenoble)).toBe('null');
    expect(level('houseNumber', lyon, grenoble)).toBe('null');
    expect(level('postalCode', lyon, grenoble)).toBe('else');
    // …but an agreement still counts, and one typo in the postal code (69003/39003) is not another district
    expect(level('street', { ...lyon, postalCode: '38000' }, lyon)).toBe('exact');
    expect(level('street', { ...lyon, postalCode: '39003' }, { ...grenoble, postalCode: '69003' })).toBe('else');
  });

  it('a contact\'s work address is not compared with a private address', () => {
    const home = { kind: 'person' as const, houseNumber: '3', street: 'rue des lilas', postalCode: '69003', city: 'lyon' };
    const work = { kind: 'person' as const, legalName: 'dupont sa', houseNumber: '18', street: 'avenue foch', postalCode: '69006', city: 'lyon' };
    // level "work and private records", marked asNull: no evidence, weight 0
    expect(level('street', home, work)).toBe('null');
    expect(level('houseNumber', home, work)).toBe('null');
    expect(level('postalCode', home, { ...work, postalCode: '38000' })).toBe('null');
    expect(level('postalCode', home, { ...home, postalCode: '38000' })).toBe('else');
    // two work records, two private records, two organizations: compared as usual
    expect(level('street', work, { ...work, street: 'rue de la gare' })).toBe('else');
    expect(level('street', home, { ...home, street: 'rue de la gare' })).toBe('else');
    expect(level('street', { ...work, kind: 'organization' }, { ...home, kind: 'organization' })).toBe('else');
    // an agreement counts whatever the context
    expect(level('postalCode', home, { ...work, postalCode: '69003' })).toBe('exact');
  });

  it('city and region add nothing when the postal code already says it', () => {
    expect(level('city', { city: 'lyon', postalCode: '69003' }, { city: 'lyon', postalCode: '69003' })).toBe('null');
    expect(level('city', { city: 'lyon', postalCode: '69003' }, { city: 'lyon', postalCode: '69007' })).toBe('exact');
    expect(level('city', { city: 'lyon' }, { city: 'lyon' })).toBe('exact');
    expect(level('region', { region: 'rhone', postalCode: '69003' }, { region: 'rhone', postalCode: '69007' })).toBe('null');
    expect(level('region', { region: 'rhone', postalCode: '69003' }, { region: 'rhone', postalCode: '38000' })).toBe('exact');
  });

  it('email: a typo in the local part, not in its first letter or its digits', () => {
    expect(level('email', { emails: ['jean.sanchez@gmail.com'] }, { emails: ['jean.sanchew@gmail.com'] })).toBe('local part typo');
    // two adjacent letters exchanged, a letter dropped
    expect(level('email', { emails: ['christophefontaine@gmail.com'] }, { emails: ['christophefontaien@gmail.com'] })).toBe('local part typo');
    expect(level('email', { emails: ['vanessafrancois@yahoo.fr'] }, { emails: ['vnessafrancois@yahoo.fr'] })).toBe('local part typo');
    // jmartin/pmartin: the first letter is an initial, two people; monique.julien920/922: two accounts
    expect(level('email', { emails: ['jmartin@free.fr'] }, { emails: ['pmartin@free.fr'] })).toBe('else');
    expect(level('email', { emails: ['monique.julien920@gmail.com'] }, { emails: ['monique.julien922@gmail.com'] })).toBe('else');
    // another domain, a short local part, a role mailbox: not this level
    expect(level('email', { emails: ['jean.sanchez@gmail.com'] }, { emails: ['jean.sanchew@orange.fr'] })).toBe('else');
    expect(level('email', { emails: ['annie@free.fr'] }, { emails: ['anie@free.fr'] })).toBe('else');
    expect(isLocalPartTypo('comptabilite@dupont.fr', 'comptabilte@dupont.fr')).toBe(false);
    // jean.martin / jeanmartin / jean_martin: separators tell two homonyms' mailboxes apart, not a typo
    expect(level('email', { emails: ['jonathan.bernard@gmail.com'] }, { emails: ['jonathan_bernard@gmail.com'] })).toBe('else');
    expect(level('email', { emails: ['sebastien.martin@orange.fr'] }, { emails: ['sebastienmartin@orange.fr'] })).toBe('else');
  });

  it('email: a local part that spells the company name is not "same local part" (the name says it already)', () => {
    const bistrot = { kind: 'organization' as const, legalName: 'bistrot de la place' };
    expect(level('email', { ...bistrot, emails: ['bistrotdelaplace@bbox.fr'] }, { ...bistrot, emails: ['bistrotdelaplace@laposte.net'] })).toBe('else');
    expect(level('email', { ...bistrot, emails: ['bistrot.place@bbox.fr'] }, { ...bistrot, emails: ['bistrot.place@laposte.net'] })).toBe('same local part');
  });

  it('gender: no evidence when the first names agree (the first name says it)', () => {
    expect(level('gender', { firstName: 'nathalie', gender: 'f' }, { firstName: 'nathalie', gender: 'f' })).toBe('null');
    expect(level('gender', { firstName: 'nathalie', gender: 'f' }, { firstName: 'nathalei', gender: 'f' })).toBe('null');
    // the first names differ (an initial, a typo too far, a missing one): the civility still counts
    expect(level('gender', { firstName: 'n', gender: 'f' }, { firstName: 'nathalie', gender: 'f' })).toBe('exact');
    expect(level('gender', { gender: 'f' }, { firstName: 'nathalie', gender: 'm' })).toBe('else');
  });

  it('employer: persons only, when both records have one and a name', () => {
    const employer = compileComparison(EMPLOYER_COMPARISON);
    const at = (a: Omit<MatchRecord, 'id'>, b: Omit<MatchRecord, 'id'>) =>
      employer.labels[employer.level(extractFeatures({ id: 'a', kind: 'person', ...a }), extractFeatures({ id: 'b', kind: 'person', ...b }))];
    const henri = { firstName: 'henri', lastName: 'morel' };
    expect(at({ ...henri, legalName: 'chauffage lambert' }, { ...henri, legalName: 'chauffage lambert' })).toBe('exact');
    expect(at({ ...henri, legalName: 'chauffage lambert' }, { ...henri, legalName: 'lambert chauffage' })).toBe('token set ≥ 0.8');
    expect(at({ ...henri, legalName: 'chauffage lambert' }, { ...henri, legalName: 'hotel martin' })).toBe('else');
    // one work and one private record: no evidence
    expect(at({ ...henri, legalName: 'chauffage lambert' }, henri)).toBe('null');
    // a B2B lead without a name is the company's: any colleague's (level marked asNull)
    expect(at({ legalName: 'chauffage lambert', postalCode: '91000' }, { ...henri, legalName: 'chauffage lambert' })).toBe('null');
    expect(names('person')).toContain('employer');
    expect(names('organization')).not.toContain('employer');
  });

  it('persons and organizations have their own lists', () => {
    expect(names('person')).not.toContain('legalName');
    expect(names('organization')).not.toContain('firstName');
    // a person's mail domain is their employer's, and the local part is made of their names
    expect(defaultComparisons('person').find((c) => c.name === 'email')!.levels.map((l) => l.label)).toEqual(['exact', 'domain typo', 'local part typo']);
    expect(defaultComparisons('organization').find((c) => c.name === 'email')!.levels.map((l) => l.label)).toEqual(['exact', 'domain typo', 'local part typo', 'same local part', 'same domain']);
  });

  it('postal code: exact, one typo, same département, else', () => {
    expect(level('postalCode', { postalCode: '75011' }, { postalCode: '75011' })).toBe('exact');
    expect(level('postalCode', { postalCode: '75011' }, { postalCode: '75012' })).toBe('one typo');
    expect(level('postalCode', { postalCode: '75011' }, { postalCode: '75020' })).toBe('same district');
    expect(level('postalCode', { postalCode: '97411' }, { postalCode: '97490' })).toBe('same district'); // La Réunion: 974
    expect(level('postalCode', { postalCode: '97411' }, { postalCode: '97100' })).toBe('else'); // Guadeloupe: 971
  });

  it('company name (legal form already removed): exact, token set, containment, fuzzy, else', () => {
    expect(level('legalName', { legalName: 'transports dupont' }, { legalName: 'transports dupont' })).toBe('exact');
    expect(level('legalName', { legalName: 'transports dupont' }, { legalName: 'dupont transports' })).toBe('token set ≥ 0.8');
    // one word of two in common: Dice 2·1/3 = 0.67, but "dupont" is wholly inside the other name
    expect(level('legalName', { legalName: 'dupont' }, { legalName: 'dupont transports' })).toBe('one name contains the other');
    // no word in common, the strings nearly equal
    expect(level('legalName', { legalName: 'microsoft' }, { legalName: 'micro soft' })).toBe('jaro-winkler ≥ 0.9');
    expect(level('legalName', { legalName: 'boulangerie martin' }, { legalName: 'fromagerie durand' })).toBe('else');
  });

  it('SIRET: same establishment, same company, different company', () => {
    expect(level('siret', { siret: '73282932000074' }, { siret: '73282932000074' })).toBe('same SIRET');
    expect(level('siret', { siret: '73282932000074' }, { siren: '732829320' })).toBe('same SIREN');
    expect(level('siret', { siren: '732829320' }, { siren: '552100554' })).toBe('else');
    // an invalid SIREN (Luhn fails) counts as missing
    expect(level('siret', { siren: '732829321' }, { siren: '732829321' })).toBe('null');
  });

  it('rejects a level that does not fit the field', () => {
    expect(() => compileComparison({ name: 'bad', field: 'email', levels: [{ label: 'jw', rule: { type: 'jaroWinkler', min: 0.9 } }] })).toThrow(/single-valued/);
  });
});
