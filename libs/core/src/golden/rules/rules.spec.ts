import { computeGoldenValues } from '../survivorship';
import { finding, member, policyOf } from '../__tests__/members.factory';

/** A policy whose default chain is `rules`, everything else left to it. */
const chain = (...rules: unknown[]) => policyOf({ default: { rules } });

describe('source-priority', () => {
  it('takes the value of the first listed source that has one; unlisted sources come last', () => {
    const members = [
      member('forms', 'F1', '2026-03-01', { legalName: 'Dupont Formulaire' }),
      member('crm', 'A1', '2026-02-01', { legalName: 'Dupont & Fils' }),
      member('shop', 'S1', '2026-04-01', { legalName: 'Dupont Boutique' }),
    ];
    const golden = computeGoldenValues('organization', members, chain({ 'source-priority': ['erp', 'crm', 'forms'] }));
    // no ERP member; the CRM is listed before the forms, and "shop" is not listed at all
    expect(golden.attributes.legalName).toBe('Dupont & Fils');
    expect(golden.lineage.legalName).toEqual([
      { source: 'crm', sourceId: 'A1', rule: 'source-priority', versionAt: '2026-02-01T00:00:00.000Z', reason: 'crm outranks forms for legalName (source priority)' },
    ]);
  });
});

describe('most-recent', () => {
  it('takes the value of the newest version, whatever the source', () => {
    const members = [member('erp', 'C1', '2026-01-10', { owner: 'Alice' }), member('crm', 'A1', '2026-02-20', { owner: 'Bruno' })];
    const golden = computeGoldenValues('organization', members, chain('most-recent'));
    // the CRM version of 20 February is newer than the ERP version of 10 January
    expect(golden.attributes.owner).toBe('Bruno');
    expect(golden.lineage.owner?.[0].reason).toBe(
      'crm:A1 (2026-02-20T00:00:00.000Z) is more recent than erp:C1 (2026-01-10T00:00:00.000Z) (most recent)',
    );
  });
});

describe('most-frequent', () => {
  it('takes the value most members give, compared on the standardized value with case and spaces folded', () => {
    const members = [
      member('erp', 'C1', '2026-05-01', { city: 'Villeurbanne' }),
      member('crm', 'A1', '2026-01-01', { city: 'Lyon' }),
      member('crm', 'A2', '2026-01-02', { city: 'LYON ' }),
      member('forms', 'F1', '2026-01-03', { city: 'lyon' }),
    ];
    const golden = computeGoldenValues('organization', members, chain('most-frequent', { 'source-priority': ['erp', 'crm', 'forms'] }));
    // three members say Lyon (in three spellings), one says Villeurbanne; among the three Lyon
    // spellings, the next rule (source priority) prefers a CRM one, then the tie-break the newest (A2)
    expect(golden.attributes.city).toBe('LYON ');
    expect(golden.lineage.city?.[0]).toMatchObject({ source: 'crm', sourceId: 'A2', rule: 'most-frequent', reason: '3 members give "LYON " against 1 for "Villeurbanne" (most frequent)' });
  });
});

describe('most-complete', () => {
  it('for a single attribute, takes the longest value', () => {
    const members = [member('crm', 'A1', '2026-02-01', { firstName: 'J.-P.' }), member('forms', 'F1', '2026-01-01', { firstName: 'Jean-Pierre' })];
    const golden = computeGoldenValues('person', members, chain('most-complete'));
    // 11 characters beat 5
    expect(golden.attributes.firstName).toBe('Jean-Pierre');
    expect(golden.lineage.firstName?.[0].reason).toBe('"Jean-Pierre" (11 characters) is more complete than "J.-P." (5) (most complete)');
  });

  it('for a group, takes the member filling the most attributes of the group', () => {
    const policy = policyOf({
      default: { rules: ['most-recent'] },
      groups: { address: { attributes: ['street', 'postalCode', 'city', 'country'], rules: ['most-complete', 'most-recent'] } },
    });
    const members = [
      member('crm', 'A1', '2026-06-01', { postalCode: '69003', city: 'Lyon' }),
      member('erp', 'C1', '2026-01-01', { street: '12 avenue de la République', postalCode: '69003', city: 'Lyon' }),
    ];
    const golden = computeGoldenValues('organization', members, policy);
    // the ERP fills 3 of the 4 address attributes, the newer CRM record only 2
    expect(golden.attributes).toEqual({ street: '12 avenue de la République', postalCode: '69003', city: 'Lyon' });
    expect(golden.lineage.city?.[0]).toMatchObject({ source: 'erp', group: 'address', reason: 'erp:C1 fills 3 of the 4 address attributes against 2 for crm:A1 (most complete)' });
  });
});

describe('trust-decay', () => {
  const policy = chain({ 'trust-decay': { trust: { erp: 0.9, crm: 0.6 }, defaultTrust: 0.2, halfLifeDays: 100 } });

  it('halves a source trust every half-life of age, age counted from the newest member', () => {
    const members = [
      member('erp', 'C1', '2026-01-01', { street: '1 rue de la Paix' }),
      member('crm', 'A1', '2026-05-01', { street: '2 rue Neuve' }),
    ];
    const golden = computeGoldenValues('organization', members, policy);
    // the CRM version is the newest: age 0, trust 0.6. The ERP version is 120 days older
    // (1 Jan to 1 May 2026): 0.9 × 0.5^(120/100) = 0.9 × 0.435 = 0.392 < 0.6, so the CRM wins
    expect(golden.attributes.street).toBe('2 rue Neuve');
    expect(golden.lineage.street?.[0].reason).toBe(
      'crm trust 0.6 aged 0 days is 0.6, erp trust 0.9 aged 120 days is 0.392 (trust decay, half-life 100 days)',
    );
  });

  it('lets the trusted source win while its version is less than one half-life-ish old', () => {
    const members = [
      member('erp', 'C1', '2026-04-01', { street: '1 rue de la Paix' }),
      member('crm', 'A1', '2026-05-01', { street: '2 rue Neuve' }),
    ];
    // 30 days: 0.9 × 0.5^(30/100) = 0.9 × 0.812 = 0.731 > 0.6
    expect(computeGoldenValues('organization', members, policy).attributes.street).toBe('1 rue de la Paix');
  });

  it('measures age from the newest member, so a member without the attribute still sets the clock', () => {
    const members = [
      member('erp', 'C1', '2026-04-01', { street: '1 rue de la Paix' }),
      member('crm', 'A1', '2026-03-20', { street: '2 rue Neuve' }),
      member('forms', 'F1', '2026-09-28', { firstName: 'Ana' }),
    ];
    // newest member: 28 September. ERP aged 180 days: 0.9 × 0.5^1.8 = 0.258; CRM aged 192 days:
    // 0.6 × 0.5^1.92 = 0.159. Still the ERP — and the same answer whenever it is recomputed
    const golden = computeGoldenValues('organization', members, policy);
    expect(golden.attributes.street).toBe('1 rue de la Paix');
    expect(golden.lineage.street?.[0].reason).toBe(
      'erp trust 0.9 aged 180 days is 0.258, crm trust 0.6 aged 192 days is 0.159 (trust decay, half-life 100 days)',
    );
  });

  it('gives an unlisted source the default trust', () => {
    const members = [member('erp', 'C1', '2026-01-01', { street: '1 rue de la Paix' }), member('shop', 'S1', '2026-12-31', { street: '3 quai Est' })];
    // the ERP is 364 days old: 0.9 × 0.5^3.64 = 0.072 < the shop's default 0.2 at age 0
    expect(computeGoldenValues('organization', members, policy).attributes.street).toBe('3 quai Est');
  });
});

describe('consent', () => {
  const policy = policyOf({ default: { rules: [{ 'source-priority': ['erp', 'crm', 'ecommerce'] }] }, attributes: { emailOptIn: { rules: ['consent'] } } });

  it('lets a withdrawal win over an older consent, even from a less trusted source', () => {
    const members = [member('crm', 'A1', '2026-03-01', { emailOptIn: true }), member('ecommerce', 'S1', '2026-04-01', { emailOptIn: false })];
    const golden = computeGoldenValues('person', members, policy);
    // the customer unticked the newsletter online on 1 April, after the CRM recorded consent on 1 March
    expect(golden.attributes.emailOptIn).toBe(false);
    expect(golden.lineage.emailOptIn?.[0]).toMatchObject({
      source: 'ecommerce',
      rule: 'consent',
      reason: 'the withdrawal by ecommerce:S1 (2026-04-01T00:00:00.000Z) is more recent than the consent by crm:A1 (2026-03-01T00:00:00.000Z) (consent: latest statement wins)',
    });
  });

  it('lets a newer consent win over an older withdrawal', () => {
    const members = [member('crm', 'A1', '2026-03-01', { emailOptIn: false }), member('ecommerce', 'S1', '2026-04-01', { emailOptIn: true })];
    expect(computeGoldenValues('person', members, policy).attributes.emailOptIn).toBe(true);
  });

  it('lets the withdrawal win when both statements are of the same instant', () => {
    const members = [member('ecommerce', 'S1', '2026-04-01', { emailOptIn: true }), member('crm', 'A1', '2026-04-01', { emailOptIn: false })];
    const golden = computeGoldenValues('person', members, policy);
    expect(golden.attributes.emailOptIn).toBe(false);
    expect(golden.lineage.emailOptIn?.[0].reason).toContain('the withdrawal wins');
  });
});

describe('valid-only', () => {
  it('demotes a value with an error finding below any valid value, and says so', () => {
    const policy = policyOf({ default: { rules: [{ 'source-priority': ['erp', 'crm'] }], validOnly: true } });
    const members = [
      member('erp', 'C1', '2026-01-01', { siret: '83214567600008' }, [finding('SIRET_CHECKSUM', 'siret')]),
      member('crm', 'A1', '2026-01-01', { siret: '83214567600009' }),
    ];
    const golden = computeGoldenValues('organization', members, policy);
    // the ERP outranks the CRM, but its SIRET fails the Luhn checksum
    expect(golden.attributes.siret).toBe('83214567600009');
    expect(golden.lineage.siret?.[0]).toMatchObject({
      source: 'crm',
      rule: 'valid-only',
      reason: 'valid-only: the erp value (erp:C1) had SIRET_CHECKSUM',
      demoted: [{ source: 'erp', sourceId: 'C1', codes: ['SIRET_CHECKSUM'] }],
    });
  });

  it('uses an invalid value when no valid one exists, and marks it', () => {
    const policy = policyOf({ default: { rules: ['most-recent'], validOnly: true } });
    const members = [member('crm', 'A1', '2026-01-01', { postalCode: '00000' }, [finding('PLACEHOLDER_VALUE', 'postalCode')])];
    const golden = computeGoldenValues('organization', members, policy);
    expect(golden.attributes.postalCode).toBe('00000');
    expect(golden.lineage.postalCode?.[0]).toMatchObject({ findings: ['PLACEHOLDER_VALUE'], reason: 'no valid value, kept despite PLACEHOLDER_VALUE: only crm:A1 gives postalCode' });
  });

  it('ignores info findings and findings on other attributes', () => {
    const policy = policyOf({ default: { rules: [{ 'source-priority': ['erp', 'crm'] }], validOnly: true } });
    const members = [
      member('erp', 'C1', '2026-01-01', { siren: '832145676' }, [finding('SIREN_DERIVED', 'siren'), finding('PHONE_INVALID', 'phone')]),
      member('crm', 'A1', '2026-01-01', { siren: '832145677' }),
    ];
    // SIREN_DERIVED is an info; PHONE_INVALID is about the phone: the ERP keeps its rank
    expect(computeGoldenValues('organization', members, policy).lineage.siren?.[0]).toMatchObject({ source: 'erp', rule: 'source-priority' });
  });

  it('is off unless asked for', () => {
    const policy = policyOf({ default: { rules: [{ 'source-priority': ['erp', 'crm'] }] } });
    const members = [
      member('erp', 'C1', '2026-01-01', { siret: '83214567600008' }, [finding('SIRET_CHECKSUM', 'siret')]),
      member('crm', 'A1', '2026-01-01', { siret: '83214567600009' }),
    ];
    expect(computeGoldenValues('organization', members, policy).attributes.siret).toBe('83214567600008');
  });
});

describe('chained rules and the tie-break', () => {
  const policy = chain({ 'source-priority': ['erp', 'crm'] }, 'most-recent');

  it('passes a tie of the first rule on to the next one', () => {
    const members = [member('crm', 'A1', '2026-01-01', { owner: 'Alice' }), member('crm', 'A2', '2026-02-01', { owner: 'Bruno' })];
    // both are CRM records (source priority ties), the newer one wins
    expect(computeGoldenValues('organization', members, policy).lineage.owner?.[0]).toMatchObject({ sourceId: 'A2', rule: 'most-recent' });
  });

  it('ends every tie with the most recent version, then the smallest (source, source id)', () => {
    const tied = chain('most-frequent');
    const sameTime = [member('crm', 'B', '2026-01-01', { owner: 'Bruno' }), member('crm', 'A', '2026-01-01', { owner: 'Alice' })];
    // one vote each, same time: crm:A comes before crm:B
    expect(computeGoldenValues('organization', sameTime, tied).lineage.owner?.[0]).toMatchObject({
      sourceId: 'A',
      rule: 'tie-break',
      reason: 'every rule ties and the versions are of the same time; crm:A comes first by (source, source id) (tie-break)',
    });
    const later = [member('crm', 'B', '2026-01-02', { owner: 'Bruno' }), member('crm', 'A', '2026-01-01', { owner: 'Alice' })];
    expect(computeGoldenValues('organization', later, tied).lineage.owner?.[0]).toMatchObject({ sourceId: 'B', rule: 'tie-break' });
  });

  it('says when the members agree', () => {
    const members = [member('crm', 'A1', '2026-01-01', { city: 'Lyon' }), member('erp', 'C1', '2026-01-01', { city: 'LYON' })];
    expect(computeGoldenValues('organization', members, policy).lineage.city?.[0]).toMatchObject({
      source: 'erp',
      reason: '2 members agree on "LYON"; erp outranks crm for city (source priority)',
    });
  });
});
