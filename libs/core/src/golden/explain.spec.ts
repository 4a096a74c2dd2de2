import { explainGoldenValue } from './explain';
import { computeGoldenValues } from './survivorship';
import { finding, member, policyOf } from './__tests__/members.factory';

const policy = policyOf({
  default: { rules: [{ 'source-priority': ['erp', 'crm'] }, 'most-recent'], validOnly: true },
  groups: { legalIdentity: { attributes: ['legalName', 'siret'], rules: [{ 'source-priority': ['erp', 'crm'] }] } },
  attributes: { phone: { aggregate: ['most-recent'], validOnly: true } },
});
const members = [
  member('erp', 'C100234', '2026-11-02T09:14:00Z', { legalName: 'DUPONT ET FILS', siret: '83214567600009', phone: ['+33478123456'] }),
  member('crm', 'A1', '2026-11-18T16:42:10Z', { legalName: 'Dupont & Fils', phone: ['+33612345678', '+3312345'] }, [finding('PHONE_INVALID', 'phone', 'phone "01 23 45" is not a valid number for FR')]),
];
const golden = computeGoldenValues('organization', members, policy, [
  { attribute: 'owner', value: 'Julien Martin', by: 'marie', at: '2026-11-20T08:00:00.000Z', reason: 'account moved to Lyon team' },
]);

describe('explainGoldenValue', () => {
  it('explains a single value: where from, which rule, why', () => {
    const explanation = explainGoldenValue(golden, 'legalName');
    expect(explanation.values).toEqual([
      {
        value: 'DUPONT ET FILS',
        source: 'erp',
        sourceId: 'C100234',
        rule: 'source-priority',
        group: 'legalIdentity',
        versionAt: '2026-11-02T09:14:00Z',
        reason: 'erp outranks crm for legalIdentity (source priority)',
      },
    ]);
    expect(explanation.text).toBe(
      'legalName = "DUPONT ET FILS" from erp:C100234 (version 2026-11-02T09:14:00Z, group legalIdentity): erp outranks crm for legalIdentity (source priority)',
    );
  });

  it('explains each value of a list', () => {
    expect(explainGoldenValue(golden, 'phone').text).toBe(
      'phone = "+33612345678" from crm:A1 (version 2026-11-18T16:42:10Z): rank 1 of 3, before "+33478123456": crm:A1 (2026-11-18T16:42:10Z) is more recent than erp:C100234 (2026-11-02T09:14:00Z) (most recent)' +
        ' | "+33478123456" from erp:C100234 (version 2026-11-02T09:14:00Z): rank 2 of 3, before "+3312345": valid-only: the crm value (crm:A1) had PHONE_INVALID' +
        ' | "+3312345" from crm:A1 (version 2026-11-18T16:42:10Z): rank 3 of 3 (aggregate keeps every distinct value); demoted by valid-only (PHONE_INVALID)',
    );
  });

  it('explains a steward override and an absent value', () => {
    expect(explainGoldenValue(golden, 'owner').text).toBe(
      'owner = "Julien Martin" from steward marie (2026-11-20T08:00:00.000Z): steward marie set owner on 2026-11-20T08:00:00.000Z: account moved to Lyon team',
    );
    expect(explainGoldenValue(golden, 'website')).toEqual({ attribute: 'website', value: undefined, values: [], text: 'website has no value: no member gives one and no steward set one' });
  });

  it('still explains lineage stored before reasons existed', () => {
    const old = { attributes: { city: 'Lyon' }, lineage: { city: [{ source: 'erp', sourceId: 'C1', rule: 'source-priority', versionAt: '2026-01-01T00:00:00.000Z' }] } };
    expect(explainGoldenValue(old as never, 'city').text).toBe('city = "Lyon" from erp:C1 (version 2026-01-01T00:00:00.000Z): chosen by source-priority');
  });
});
