import { CONTRACTS, contractProblems, example } from '../../../test/support/contracts';
import { outboundTopics } from '@mdm/messaging';
import { eventMessage, snapshotMessage, xrefMessage } from './publication';

const topics = outboundTopics('');
const at = new Date('2026-11-23T10:00:00Z');
const body = (value: Buffer | null) => JSON.parse(value!.toString('utf8'));

describe('the published messages follow the documented contracts (docs/contracts)', () => {
  it.each(CONTRACTS)('the example of %s conforms to its schema', (name) => {
    expect(contractProblems(example(name))).toEqual([]);
  });

  it('builds snapshots, events and cross-references that conform', () => {
    const golden = {
      id: '2f1c7a52-8d7e-4f0a-9d8e-3b1f5c0a9e11',
      kind: 'person' as const,
      status: 'active' as const,
      mergedInto: null,
      attributes: { firstName: 'Camille', lastName: 'Lefèvre', email: ['camille.lefevre@gmail.com'], emailOptIn: true },
      lineage: { firstName: [{ source: 'crm', sourceId: 'contact:1', rule: 'source-priority' as const, versionAt: at.toISOString(), reason: 'crm is the only source of firstName' }] },
      sources: [{ source: 'crm', sourceId: 'contact:1' }],
      version: 2,
      createdAt: at,
      updatedAt: at,
    };
    expect(contractProblems(body(snapshotMessage(topics, golden).value))).toEqual([]);
    const merged = '5b0e2a1c-4d3f-4e8a-9c7b-1a2b3c4d5e6f';
    const event = eventMessage(topics, { type: 'golden.merged', goldenId: golden.id, kind: 'person', version: 3, changedFields: ['email'], cause: { source: 'crm', sourceId: 'contact:1' }, at, mergedIds: [merged] });
    const redirect = eventMessage(topics, { type: 'golden.redirected', goldenId: merged, kind: 'person', version: 2, changedFields: [], cause: { source: 'crm', sourceId: 'contact:1' }, at, redirectedTo: golden.id });
    expect(contractProblems(body(redirect.value))).toEqual([]);
    expect(contractProblems({ ...body(redirect.value), redirectedTo: undefined })).toEqual([`/ must have required property 'redirectedTo'`, '/ must match "then" schema']);
    expect(contractProblems(body(event.value))).toEqual([]);
    expect(contractProblems(body(xrefMessage(topics, { source: 'crm', sourceId: 'contact:1', goldenId: golden.id, previousGoldenId: null, kind: 'person', at }).value))).toEqual([]);
  });

  it('catches a message that breaks its contract', () => {
    const broken = { ...(example('mdm.xref/v1') as object), goldenId: 'not-a-uuid', extra: 1 };
    expect(contractProblems(broken)).toEqual(['/ must NOT have additional properties', '/goldenId must match format "uuid"']);
  });
});
