import { changedAttributes, computeGoldenValues } from './survivorship';
import { StewardOverride } from './steward-override';
import { finding, member, policyOf } from './__tests__/members.factory';

const policy = policyOf({
  default: { rules: [{ 'source-priority': ['erp', 'crm', 'forms'] }, 'most-recent'], validOnly: true },
  groups: {
    billingAddress: { attributes: ['street', 'houseNumber', 'addressLine2', 'postalCode', 'city', 'region', 'country'], rules: [{ 'source-priority': ['erp', 'crm'] }] },
  },
  attributes: {
    owner: { rules: [{ 'source-priority': ['crm', 'erp'] }] },
    phone: { aggregate: ['most-recent'] },
  },
});

const erp = member('erp', 'C1', '2026-01-01', { legalName: 'Dupont SARL', owner: 'ERP team', email: ['compta@dupont.fr'] });
const crm = member('crm', 'A1', '2026-03-01', { legalName: 'Dupont & Fils', owner: 'Julien', website: 'dupont.fr', email: ['a@dupont.fr', 'compta@dupont.fr'] });
const olderCrm = member('crm', 'A0', '2025-01-01', { website: 'old.fr' });

describe('computeGoldenValues', () => {
  it('applies source priority per attribute and aggregates emails, with lineage', () => {
    const golden = computeGoldenValues('organization', [crm, erp], policy);
    // ERP outranks CRM for the legal name; the CRM outranks the ERP for the owner;
    // the website exists only in the CRM; emails keep every distinct value, ERP's first.
    expect(golden.attributes).toEqual({
      legalName: 'Dupont SARL',
      owner: 'Julien',
      website: 'dupont.fr',
      email: ['compta@dupont.fr', 'a@dupont.fr'],
    });
    expect(golden.lineage.legalName).toEqual([
      { source: 'erp', sourceId: 'C1', rule: 'source-priority', versionAt: erp.versionAt, reason: 'erp outranks crm for legalName (source priority)' },
    ]);
    expect(golden.lineage.website).toEqual([{ source: 'crm', sourceId: 'A1', rule: 'sole-value', versionAt: crm.versionAt, reason: 'only crm:A1 gives website' }]);
    // compta@ is given by both; its best member is the ERP one
    expect(golden.lineage.email).toEqual([
      { source: 'erp', sourceId: 'C1', rule: 'aggregate', rankedBy: 'source-priority', versionAt: erp.versionAt, reason: 'rank 1 of 2, before "a@dupont.fr": erp outranks crm for email (source priority)' },
      { source: 'crm', sourceId: 'A1', rule: 'aggregate', versionAt: crm.versionAt, reason: 'rank 2 of 2 (aggregate keeps every distinct value)' },
    ]);
    expect(golden.sources).toEqual([
      { source: 'crm', sourceId: 'A1' },
      { source: 'erp', sourceId: 'C1' },
    ]);
  });

  it('prefers the most recent version within one source, whatever the order', () => {
    expect(computeGoldenValues('organization', [olderCrm, crm], policy).attributes.website).toBe('dupont.fr');
    expect(computeGoldenValues('organization', [crm, olderCrm], policy)).toEqual(computeGoldenValues('organization', [olderCrm, crm], policy));
  });

  it('moves a group of attributes together: one member supplies the whole billing address', () => {
    const members = [
      member('crm', 'A1', '2026-06-01', { street: 'avenue de la République', houseNumber: '12', postalCode: '69003', city: 'Lyon', region: 'Auvergne-Rhône-Alpes' }),
      member('erp', 'C1', '2026-01-01', { street: 'rue Garibaldi', houseNumber: '4', postalCode: '69006', city: 'Lyon' }),
    ];
    const golden = computeGoldenValues('organization', members, policy);
    // the ERP address wins as a block: the CRM's region is not glued onto the ERP's street,
    // since it may describe another place
    expect(golden.attributes).toEqual({ street: 'rue Garibaldi', houseNumber: '4', postalCode: '69006', city: 'Lyon' });
    for (const attribute of ['street', 'houseNumber', 'postalCode', 'city'] as const) {
      expect(golden.lineage[attribute]).toEqual([
        { source: 'erp', sourceId: 'C1', rule: 'source-priority', group: 'billingAddress', versionAt: '2026-01-01T00:00:00.000Z', reason: 'erp outranks crm for billingAddress (source priority)' },
      ]);
    }
  });

  it('demotes a whole group when one of its attributes has an error', () => {
    const members = [
      member('erp', 'C1', '2026-01-01', { street: 'rue Garibaldi', postalCode: '6900', city: 'Lyon' }, [finding('POSTAL_CODE_INVALID', 'postalCode')]),
      member('crm', 'A1', '2026-06-01', { street: 'avenue de la République', postalCode: '69003', city: 'Lyon' }),
    ];
    const golden = computeGoldenValues('organization', members, policy);
    // the ERP address has a 4-digit postal code: the valid CRM address wins as a block
    expect(golden.attributes).toEqual({ street: 'avenue de la République', postalCode: '69003', city: 'Lyon' });
    expect(golden.lineage.city?.[0]).toMatchObject({ source: 'crm', rule: 'valid-only', reason: 'valid-only: the erp value (erp:C1) had POSTAL_CODE_INVALID' });
  });

  it('ranks aggregated phones freshest first and puts the invalid ones last', () => {
    const members = [
      member('erp', 'C1', '2026-01-01', { phone: ['+33478123456'] }),
      member('crm', 'A1', '2026-05-01', { phone: ['+33612345678', '+3361234'] }, [finding('PHONE_INVALID', 'phone', 'phone "06 1234" is not a valid number for FR')]),
      member('forms', 'F1', '2026-03-01', { phone: ['+33612345678'] }),
    ];
    const golden = computeGoldenValues('person', members, policyOf({ default: { rules: ['most-recent'] }, attributes: { phone: { aggregate: ['most-recent'], validOnly: true } } }));
    // the CRM is the freshest; its second phone is invalid (the finding quotes it as typed, same
    // last digits) and goes after the valid ERP phone although the ERP is older
    expect(golden.attributes.phone).toEqual(['+33612345678', '+33478123456', '+3361234']);
    expect(golden.lineage.phone?.map((l) => [l.source, l.rankedBy, l.findings])).toEqual([
      ['crm', 'most-recent', undefined],
      ['erp', 'valid-only', undefined],
      ['crm', undefined, ['PHONE_INVALID']],
    ]);
    expect(golden.lineage.phone?.[2].reason).toBe('rank 3 of 3 (aggregate keeps every distinct value); demoted by valid-only (PHONE_INVALID)');
  });

  it('demotes every value of a member when a finding on its list quotes none of them', () => {
    const members = [
      member('crm', 'A1', '2026-05-01', { phone: ['+33612345678', '+33478000000'] }, [finding('PHONE_INVALID', 'phone', 'a phone is not valid')]),
      member('erp', 'C1', '2026-01-01', { phone: ['+33478123456'] }),
    ];
    const golden = computeGoldenValues('person', members, policyOf({ default: { rules: ['most-recent'] }, attributes: { phone: { aggregate: ['most-recent'], validOnly: true } } }));
    // which CRM phone is wrong is unknown: both go after the ERP's valid phone
    expect(golden.attributes.phone).toEqual(['+33478123456', '+33612345678', '+33478000000']);
  });

  it('lists the attributes that changed', () => {
    expect(changedAttributes({ legalName: 'A', email: ['x'] }, { legalName: 'A', email: ['x', 'y'], city: 'Lyon' })).toEqual(['city', 'email']);
  });
});

describe('steward overrides', () => {
  const override: StewardOverride = { attribute: 'legalName', value: 'Dupont et Fils', by: 'marie.curie', at: '2026-04-01T10:00:00.000Z', reason: 'Kbis checked' };

  it('wins over every rule and records who, when, why and what it replaced', () => {
    const golden = computeGoldenValues('organization', [crm, erp], policy, [override]);
    expect(golden.attributes.legalName).toBe('Dupont et Fils');
    expect(golden.lineage.legalName).toEqual([
      {
        source: 'steward',
        sourceId: 'marie.curie',
        rule: 'steward-override',
        versionAt: '2026-04-01T10:00:00.000Z',
        reason: 'steward marie.curie set legalName on 2026-04-01T10:00:00.000Z: Kbis checked',
        override: { by: 'marie.curie', at: '2026-04-01T10:00:00.000Z', reason: 'Kbis checked', replaced: { value: 'Dupont SARL', source: 'erp', sourceId: 'C1' } },
      },
    ]);
  });

  it('survives recomputation when a newer, more trusted record arrives', () => {
    const newerErp = member('erp', 'C1', '2026-09-01', { legalName: 'DUPONT SARL NOUVEAU' });
    const golden = computeGoldenValues('organization', [crm, newerErp], policy, [override]);
    expect(golden.attributes.legalName).toBe('Dupont et Fils');
    // the other attributes still follow the rules
    expect(golden.attributes.owner).toBe('Julien');
  });

  it('takes the latest override of an attribute, whatever their order, and can set a value no member has', () => {
    const later: StewardOverride = { ...override, value: 'Dupont & Fils SARL', at: '2026-05-01T00:00:00.000Z' };
    const tradeName: StewardOverride = { ...override, attribute: 'tradeName', value: 'Boulangerie Dupont' };
    const a = computeGoldenValues('organization', [erp], policy, [later, override, tradeName]);
    const b = computeGoldenValues('organization', [erp], policy, [tradeName, override, later]);
    expect(a).toEqual(b);
    expect(a.attributes).toMatchObject({ legalName: 'Dupont & Fils SARL', tradeName: 'Boulangerie Dupont' });
    expect(a.lineage.tradeName?.[0].override?.replaced).toBeUndefined();
  });

  it('refuses an override whose value does not fit the attribute, naming every problem', () => {
    const bad = [
      { ...override, attribute: 'email', value: 'a@b.fr' },
      { ...override, attribute: 'emailOptIn', value: 'yes', by: '' },
    ] as StewardOverride[];
    expect(() => computeGoldenValues('person', [erp], policy, bad)).toThrow(
      'invalid steward override: email.value: email takes a non-empty list of strings; emailOptIn.value: emailOptIn takes true or false; emailOptIn.by: by is required',
    );
  });
});
