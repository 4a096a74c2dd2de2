import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemberRecord, computeGoldenValues, decodeMessage, mapPayload, standardizeRecord } from '@mdm/core';
import { loadRules } from './config-files';

const configDir = join(__dirname, '..', '..', '..', 'config');

describe('the committed configuration', () => {
  const rules = loadRules(configDir);

  it('declares the four sources on their own topics', () => {
    expect(rules.mappings.map((m) => [m.source, m.topic])).toEqual([
      ['crm', 'mdm.source.crm.customers'],
      ['ecommerce', 'mdm.source.ecommerce.customers'],
      ['erp', 'mdm.source.erp.customers'],
      ['forms', 'mdm.source.forms.customers'],
    ]);
  });

  it.each(['erp', 'crm', 'ecommerce', 'forms'])('maps the %s example message as is', (source) => {
    const mapping = rules.mappings.find((m) => m.source === source)!;
    const payload = decodeMessage(readFileSync(join(configDir, 'sources', `${source}.example.json`)), 512 * 1024);
    const records = mapPayload(payload, mapping);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.source).toBe(source);
      expect(record.sourceUpdatedAt).toMatch(/^2026-11-\d\dT/);
      expect(Object.keys(record.attributes).length).toBeGreaterThan(3);
    }
  });

  it('maps the CRM example to an account and a contact linked to it', () => {
    const mapping = rules.mappings.find((m) => m.source === 'crm')!;
    const payload = JSON.parse(readFileSync(join(configDir, 'sources', 'crm.example.json'), 'utf8'));
    const [account, contact] = mapPayload(payload, mapping);
    expect(account.kind).toBe('organization');
    expect(contact.kind).toBe('person');
    expect(contact.links).toEqual({ account: account.sourceId });
    expect(contact.attributes.lifecycle).toBe('prospect');
    expect(contact.attributes.emailOptIn).toBe(true);
  });
});

describe('the committed matching configuration', () => {
  const { matching } = loadRules(configDir);

  it('loads a trained model for persons and one for organizations, with the thresholds of matching.yaml', () => {
    expect(matching.models.person?.format).toBe('mdm-match-model');
    expect(matching.models.organization?.format).toBe('mdm-match-model');
    expect(matching.thresholds).toEqual({ link: 0.5, review: 0.1 });
    expect(matching.defaultCountry).toBe('FR');
  });
});

describe('the committed survivorship policy', () => {
  const { mappings, survivorship } = loadRules(configDir);
  // the example messages, mapped and standardized as the engine does
  const records = ['erp', 'crm', 'ecommerce', 'forms'].flatMap((source) => {
    const mapping = mappings.find((m) => m.source === source)!;
    const payload = decodeMessage(readFileSync(join(configDir, 'sources', `${source}.example.json`)), 512 * 1024);
    return mapPayload(payload, mapping).map((record) => {
      const { standardized, findings } = standardizeRecord(record.kind, record.attributes);
      const member: MemberRecord = { source, sourceId: record.sourceId, attributes: standardized, findings, versionAt: record.sourceUpdatedAt! };
      return { kind: record.kind, member };
    });
  });
  const membersOf = (kind: string) => records.filter((r) => r.kind === kind).map((r) => r.member);

  it('declares the groups that move together', () => {
    expect(survivorship.groups.map((g) => g.name)).toEqual(['legalIdentity', 'billingAddress', 'personName']);
  });

  it('builds the example company from the ERP for its identity, address and terms, the CRM for its website', () => {
    const organization = computeGoldenValues('organization', membersOf('organization'), survivorship);
    expect(organization.lineage.legalName?.[0]).toMatchObject({ source: 'erp', group: 'legalIdentity' });
    expect(organization.lineage.city?.[0]).toMatchObject({ source: 'erp', group: 'billingAddress' });
    expect(organization.attributes.paymentTerms).toBe('30J_FDM');
    expect(organization.lineage.website?.[0].source).toBe('crm');
  });

  it('builds the example person from the online account for the login email and name, and the latest consent', () => {
    const person = computeGoldenValues('person', membersOf('person'), survivorship);
    expect(person.attributes.email?.[0]).toBe('camille.lefevre@dupont-fils.fr');
    expect(person.lineage.email?.[0].source).toBe('ecommerce');
    expect(person.lineage.firstName?.[0]).toMatchObject({ source: 'ecommerce', group: 'personName' });
    // the lead of 21 November is the latest statement on email consent (it consents)
    expect(person.lineage.emailOptIn?.[0]).toMatchObject({ source: 'forms', rule: 'consent' });
  });
});
