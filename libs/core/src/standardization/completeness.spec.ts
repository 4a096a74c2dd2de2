import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CanonicalAttributes } from '../model/attributes';
import { CompletenessProfile, CompletenessProfileError, evaluateCompleteness, missingMandatoryFindings, parseCompletenessProfiles } from './completeness';

const profilesFile = join(__dirname, '../../../../config/completeness-profiles.yaml');
const profiles = parseCompletenessProfiles(parse(readFileSync(profilesFile, 'utf8')));

const fullErpAccount: CanonicalAttributes = {
  legalName: 'Dupont',
  street: 'Rue de la Paix',
  postalCode: '75002',
  city: 'Paris',
  email: ['jean.dupont@dupont.fr'],
  siret: '73282932000074',
  nafCode: '62.01Z',
  paymentTerms: '30 jours fin de mois',
};

describe('default completeness profiles (config/completeness-profiles.yaml)', () => {
  it('defines erp, crm, lead and erp-person', () => {
    expect(profiles.map((p) => p.name)).toEqual(['erp', 'crm', 'lead', 'erp-person']);
  });

  it('a complete ERP account satisfies every organization profile; a private customer account needs a last name', () => {
    expect(evaluateCompleteness(fullErpAccount, profiles)).toEqual([
      { profile: 'erp', satisfied: true, missing: [] },
      { profile: 'crm', satisfied: true, missing: [] },
      { profile: 'lead', satisfied: true, missing: [] },
      { profile: 'erp-person', satisfied: false, missing: ['lastName'] },
    ]);
  });

  it('a web-form lead with only a phone is a lead, not a CRM or ERP account', () => {
    const results = evaluateCompleteness({ phone: ['+33612345678'] }, profiles);
    expect(results[0]).toEqual({
      profile: 'erp',
      satisfied: false,
      missing: ['legalName', 'postal address (street, postalCode, city)', 'siret', 'nafCode', 'paymentTerms'],
    });
    expect(results[1]).toEqual({ profile: 'crm', satisfied: false, missing: ['legalName'] });
    expect(results[2]).toEqual({ profile: 'lead', satisfied: true, missing: [] });
  });

  it('names only the missing parts of a partial postal address', () => {
    const { street: _street, city: _city, ...rest } = fullErpAccount;
    expect(evaluateCompleteness(rest, profiles)[0].missing).toEqual(['postal address (street, city)']);
  });

  it('does not count placeholders as filled', () => {
    const results = evaluateCompleteness({ legalName: 'Dupont', email: ['test@test.com'], phone: ['0000000000'] }, profiles);
    expect(results[1]).toEqual({ profile: 'crm', satisfied: false, missing: ['contact (email or phone)'] });
  });

  it('does not count empty lists or blank strings as filled', () => {
    expect(evaluateCompleteness({ email: [], phone: ['  '] }, profiles)[2].satisfied).toBe(false);
  });

  it('turns unmet requirements into MISSING_MANDATORY findings', () => {
    const findings = missingMandatoryFindings({ legalName: 'Dupont' }, profiles[1]);
    expect(findings).toEqual([
      { code: 'MISSING_MANDATORY', severity: 'error', attribute: null, message: 'contact (email or phone) is mandatory for crm' },
    ]);
  });
});

describe('parseCompletenessProfiles', () => {
  it('accepts the list itself as well as { profiles }', () => {
    const list: CompletenessProfile[] = [{ name: 'minimal', requires: ['lastName', { anyOf: ['email', 'phone'] }] }];
    expect(parseCompletenessProfiles(list)).toEqual(list);
  });

  it.each([
    [null, 'completeness profiles: expected a "profiles" list'],
    [{ profiles: 'erp' }, 'completeness profiles: expected a "profiles" list'],
    [{ profiles: ['erp'] }, 'profiles[0]: expected an object with "name" and "requires"'],
    [{ profiles: [{ requires: ['legalName'] }] }, 'profiles[0]: "name" must be a non-empty string'],
    [{ profiles: [{ name: 'erp' }] }, 'profiles[0] (erp): "requires" must be a non-empty list'],
    [{ profiles: [{ name: 'erp', requires: [] }] }, 'profiles[0] (erp): "requires" must be a non-empty list'],
    [{ profiles: [{ name: 'erp', requires: ['legalName', 'emial'] }] }, 'profiles[0] (erp).requires[1]: unknown attribute "emial"'],
    [{ profiles: [{ name: 'erp', requires: [{ anyOf: ['email', 'fax'] }] }] }, 'profiles[0] (erp).requires[0].anyOf[1]: unknown attribute "fax"'],
    [{ profiles: [{ name: 'erp', requires: [{ allOf: ['street', 'city'] }] }] }, 'profiles[0] (erp).requires[0]: an allOf group needs a "label" (for example "postal address")'],
    [{ profiles: [{ name: 'erp', requires: [{ oneOf: ['street'] }] }] }, 'profiles[0] (erp).requires[0]: unknown key "oneOf"'],
    [{ profiles: [{ name: 'erp', requires: [{ anyOf: [] }] }] }, 'profiles[0] (erp).requires[0]: "anyOf" must be a non-empty list of attribute names'],
    [{ profiles: [{ name: 'erp', requires: [42] }] }, 'profiles[0] (erp).requires[0]: expected an attribute name, { anyOf: [...] } or { allOf: [...], label }'],
    [{ profiles: [{ name: 'a', requires: ['email'] }, { name: 'a', requires: ['phone'] }] }, 'profiles[1] (a): duplicate profile name'],
    [{ profiles: [{ name: 'a', requires: ['email'], mandatory: true }] }, 'profiles[0] (a): unknown key "mandatory"'],
  ])('rejects %j: %s', (input, message) => {
    expect(() => parseCompletenessProfiles(input)).toThrow(new CompletenessProfileError(message));
  });
});
