import { CompletenessProfile } from '../standardization/completeness';
import { decideErpSync } from './erp-sync-decision';
import { parseErpSyncPolicy } from './erp-sync-policy';

const profiles: CompletenessProfile[] = [
  { name: 'erp', requires: ['legalName', 'siret', { allOf: ['street', 'postalCode', 'city'], label: 'postal address' }, 'paymentTerms'] },
  { name: 'erp-person', requires: ['lastName', { anyOf: ['email', 'phone'], label: 'contact' }] },
];
const policy = parseErpSyncPolicy(
  { source: 'erp', profiles: { organization: 'erp', person: 'erp-person' }, fields: ['legalName', 'siret', 'street', 'postalCode', 'city', 'paymentTerms', 'lastName', 'email'] },
  'erp-sync.yaml',
  profiles.map((p) => p.name),
);
const company = {
  legalName: 'Dupont & Fils',
  siret: '83214567600009',
  street: 'Avenue de la République',
  postalCode: '69003',
  city: 'Lyon',
  paymentTerms: '30J_FDM',
  website: 'www.dupont-fils.fr',
  lifecycle: 'customer',
};

describe('decideErpSync', () => {
  it('asks the ERP to create a complete customer it does not hold, with the configured fields only', () => {
    const decision = decideErpSync({ kind: 'organization', attributes: company, sources: [{ source: 'crm', sourceId: 'A1' }] }, policy, profiles);
    // the website is not among the fields the ERP takes; the lifecycle neither
    expect(decision).toEqual({
      action: 'request',
      account: { legalName: 'Dupont & Fils', siret: '83214567600009', street: 'Avenue de la République', postalCode: '69003', city: 'Lyon', paymentTerms: '30J_FDM' },
    });
  });

  it('says what a customer lacks for the ERP, per the profile of its kind', () => {
    const { paymentTerms: _terms, city: _city, ...partial } = company;
    expect(decideErpSync({ kind: 'organization', attributes: partial, sources: [] }, policy, profiles)).toEqual({
      action: 'incomplete',
      profile: 'erp',
      missing: ['postal address (city)', 'paymentTerms'],
    });
    // a person is checked against the person profile: a name and a way to reach her
    expect(decideErpSync({ kind: 'person', attributes: { lastName: 'Lefèvre', lifecycle: 'customer' }, sources: [] }, policy, profiles)).toEqual({
      action: 'incomplete',
      profile: 'erp-person',
      missing: ['contact (email or phone)'],
    });
  });

  it('does nothing for a prospect, nor for a customer the ERP already holds', () => {
    expect(decideErpSync({ kind: 'organization', attributes: { ...company, lifecycle: 'prospect' }, sources: [] }, policy, profiles)).toEqual({ action: 'none', why: 'not-a-customer' });
    expect(decideErpSync({ kind: 'organization', attributes: company, sources: [{ source: 'erp', sourceId: 'C1' }] }, policy, profiles)).toEqual({ action: 'none', why: 'already-in-erp' });
  });

  it('names every problem of the configuration', () => {
    expect(() => parseErpSyncPolicy({ source: 'ERP!', profiles: { person: 'nope' }, fields: ['legalName', 'shoeSize'] }, 'erp-sync.yaml', ['erp'])).toThrow(
      'erp-sync.yaml: source must name the ERP source, e.g. erp; profiles.person must name a completeness profile (erp); profiles.organization must name a completeness profile (erp); fields: shoeSize is not a canonical attribute',
    );
  });
});
