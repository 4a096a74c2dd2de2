import { parseSourceMapping } from '@mdm/core';
import { InboundMessage } from '@mdm/messaging';
import { prepareMessage } from './record-preparation';
import { frenchStandardizer } from './standardizer';

const erp = parseSourceMapping(
  { source: 'erp', entities: [{ name: 'account', kind: 'organization', id: 'no', version: 'changed', attributes: { legalName: 'name', siret: 'siret', email: 'mail' } }] },
  'erp.yaml',
);
const byTopic = new Map([[erp.topic, erp]]);
const bySource = new Map([[erp.source, erp]]);
const standardizer = frenchStandardizer('FR');

function message(value: unknown, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    topic: 'mdm.source.erp.customers',
    partition: 0,
    offset: '7',
    key: null,
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    headers: {},
    timestamp: '0',
    ...overrides,
  };
}

const prepare = (m: InboundMessage) => prepareMessage(m, byTopic, bySource, standardizer, 1000);

describe('prepareMessage', () => {
  it('maps, standardizes and keys a valid message', () => {
    const result = prepare(message({ no: 'C1', name: 'Boulangerie Dupont SA', siret: '832 145 676 00009', mail: 'Dupont.Boulangerie@Free.fr', changed: '2026-11-02T09:14:00Z' }));
    if (!result.ok) throw result.error;
    const [record] = result.records;
    expect(record.sourceId).toBe('C1');
    expect(record.standardized.siret).toBe('83214567600009');
    // the matcher reads the standardized forms: legal form removed, SIREN from the SIRET, email lower-cased
    expect(record.matchRecord).toMatchObject({ id: 'erp:C1', source: 'erp', kind: 'organization', legalName: 'boulangerie dupont', siren: '832145676', emails: ['dupont.boulangerie@free.fr'] });
    // one key per blocking rule that has values, scoped by rule and kind
    expect(record.matchKeys).toEqual([
      'company name|organization|boulangerie dupont',
      'email local part|organization|dupont.boulangerie',
      'email|organization|dupont.boulangerie@free.fr',
      'siren|organization|832145676',
    ]);
    expect(record.matchName).toBe('boulangerie dupont');
    expect(record.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'LEGAL_FORM_EXTRACTED', attribute: 'legalName' })]));
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash to a redelivery and another to a change', () => {
    const a = prepare(message({ no: 'C1', name: 'A' }));
    const b = prepare(message({ name: 'A', no: 'C1' }, { offset: '8' }));
    const c = prepare(message({ no: 'C1', name: 'B' }));
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected valid messages');
    expect(a.records[0].hash).toBe(b.records[0].hash);
    expect(a.records[0].hash).not.toBe(c.records[0].hash);
  });

  it('does not key on generic values', () => {
    const result = prepare(message({ no: 'C1', name: 'X', siret: '00000000000000', mail: 'contact@example.com' }));
    expect(result.ok && result.records[0].matchKeys).toEqual([]);
  });

  it.each([
    ['a topic no mapping reads', message({ no: 'C1', name: 'X' }, { topic: 'mdm.source.sap.customers' }), 'UNKNOWN_SOURCE'],
    ['a source header naming an unknown source', message({ no: 'C1', name: 'X' }, { headers: { 'mdm-source': 'sap' } }), 'UNKNOWN_SOURCE'],
    ['bytes that are not JSON', message('not json'), 'NOT_JSON'],
    ['a message over the size limit', message({ no: 'C1', name: 'x'.repeat(2000) }), 'MESSAGE_TOO_LARGE'],
    ['a tombstone', message(null, { value: null }), 'EMPTY_MESSAGE'],
    ['a payload without id', message({ name: 'X' }), 'VALIDATION_FAILED'],
  ])('refuses %s with %s', (_name, input, code) => {
    const result = prepare(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});
