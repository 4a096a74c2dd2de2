import { DomainError } from '../errors/domain-error';
import { mapPayload } from './map-payload';
import { parseSourceMapping } from './source-mapping';

const crm = parseSourceMapping(
  {
    source: 'crm',
    entities: [
      {
        name: 'account',
        kind: 'organization',
        id: 'account.id',
        idPrefix: 'account:',
        optional: true,
        attributes: { legalName: 'account.name', siret: 'account.siret' },
      },
      {
        name: 'contact',
        kind: 'person',
        id: 'id',
        idPrefix: 'contact:',
        version: 'modified',
        links: { account: 'account' },
        attributes: {
          firstName: 'first',
          email: ['email', 'otherEmail'],
          phone: 'phones[*]',
          emailOptIn: { path: 'optedOut', map: { true: 'false', false: 'true' } },
          lifecycle: { path: 'stage', map: { SQL: 'prospect', '*': 'lead' } },
        },
      },
    ],
  },
  'crm.mapping.yaml',
);

describe('mapPayload', () => {
  it('maps a contact and its account, linked, with the default topic', () => {
    const records = mapPayload(
      {
        id: 'C1',
        first: ' Anne ',
        email: 'a@x.fr',
        otherEmail: 'a@x.fr',
        phones: ['0612345678', 33612345679],
        optedOut: true,
        stage: 'SQL',
        modified: '2026-01-02T03:04:05+01:00',
        account: { id: 'A1', name: 'Dupont SA', siret: '83214567600009' },
      },
      crm,
    );
    expect(crm.topic).toBe('mdm.source.crm.customers');
    expect(records).toEqual([
      {
        source: 'crm',
        sourceId: 'account:A1',
        entity: 'account',
        kind: 'organization',
        attributes: { legalName: 'Dupont SA', siret: '83214567600009' },
        sourceUpdatedAt: null,
        links: {},
      },
      {
        source: 'crm',
        sourceId: 'contact:C1',
        entity: 'contact',
        kind: 'person',
        // the duplicate email is kept once; the number becomes a string; opt-out true means no opt-in
        attributes: {
          firstName: 'Anne',
          email: ['a@x.fr'],
          phone: ['0612345678', '33612345679'],
          emailOptIn: false,
          lifecycle: 'prospect',
          updatedAt: '2026-01-02T02:04:05.000Z',
        },
        sourceUpdatedAt: '2026-01-02T02:04:05.000Z',
        links: { account: 'account:A1' },
      },
    ]);
  });

  it('uses the catch-all code for values the table does not name', () => {
    const [, contact] = mapPayload({ id: 'C1', stage: 'WHATEVER', account: { id: 'A', name: 'X' } }, crm);
    expect(contact.attributes.lifecycle).toBe('lead');
  });

  it('skips an optional entity whose id is absent', () => {
    const records = mapPayload({ id: 'C1', email: 'a@x.fr' }, crm);
    expect(records.map((r) => r.sourceId)).toEqual(['contact:C1']);
  });

  function failure(payload: unknown): DomainError {
    try {
      mapPayload(payload, crm);
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('expected a failure');
  }

  it('names every faulty field', () => {
    const error = failure({ email: 'a@x.fr', modified: 'yesterday', optedOut: 'maybe' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.field)).toEqual(['id']);
    const second = failure({ id: 'C1', modified: 'yesterday', optedOut: 'maybe' });
    expect(second.details.map((d) => d.field).sort()).toEqual(['modified', 'optedOut']);
  });

  it('refuses a record with no attribute, a non-object and an object id', () => {
    expect(failure({ id: 'C1' }).message).toContain('carries no attribute');
    expect(failure([1, 2]).code).toBe('NOT_AN_OBJECT');
    expect(failure({ id: { x: 1 }, email: 'a@x.fr' }).details[0].field).toBe('id');
  });
});

describe('mapPayload with a golden record reference', () => {
  const erp = parseSourceMapping(
    { source: 'erp', entities: [{ name: 'account', kind: 'organization', id: 'no', goldenRef: 'mdmReference', attributes: { legalName: 'name' } }] },
    'erp.yaml',
  );

  it('reads the golden id an ERP account was created for, lower-cased', () => {
    const [account] = mapPayload({ no: 'C9', name: 'Dupont', mdmReference: '2F1C7A52-8D7E-4F0A-9D8E-3B1F5C0A9E11' }, erp);
    expect(account.goldenRef).toBe('2f1c7a52-8d7e-4f0a-9d8e-3b1f5c0a9e11');
    expect(mapPayload({ no: 'C9', name: 'Dupont' }, erp)[0].goldenRef).toBeUndefined();
  });

  it('refuses a reference that is not a golden id', () => {
    expect(() => mapPayload({ no: 'C9', name: 'Dupont', mdmReference: 'SELECT 1' }, erp)).toThrow('the golden record reference must be a UUID');
  });
});

describe('parseSourceMapping', () => {
  it('names the faulty entries of a broken mapping', () => {
    expect(() =>
      parseSourceMapping(
        { source: 'Bad Source', entities: [{ name: 'x', kind: 'robot', id: 'a..b', attributes: { shoeSize: 'x' }, links: { y: 'nope' } }] },
        'bad.yaml',
      ),
    ).toThrow(/bad\.yaml.*source:.*entities\[0\]\.kind.*entities\[0\]\.id.*shoeSize: is not a canonical attribute.*names no entity "nope"/);
  });

  it('reads a kind chosen from the payload', () => {
    const mapping = parseSourceMapping(
      { source: 'shop', entities: [{ name: 'c', id: 'id', kind: { path: 't', map: { B2B: 'organization' }, default: 'person' }, attributes: { email: 'e' } }] },
      'shop.yaml',
    );
    expect(mapPayload({ id: 1, t: 'B2B', e: 'x@y.fr' }, mapping)[0].kind).toBe('organization');
    expect(mapPayload({ id: 1, t: 'B2C', e: 'x@y.fr' }, mapping)[0].kind).toBe('person');
  });
});
