import { DomainError } from '../errors/domain-error';
import { decodeMessage, payloadHash } from './decode-message';

function codeOf(value: Buffer | null, max = 100): string {
  try {
    decodeMessage(value, max);
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'OK';
}

describe('decodeMessage', () => {
  it.each([
    ['null value', null, 'EMPTY_MESSAGE'],
    ['empty value', Buffer.alloc(0), 'EMPTY_MESSAGE'],
    ['not JSON', Buffer.from('{"a":'), 'NOT_JSON'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'NOT_JSON'],
    ['too large', Buffer.from(JSON.stringify({ a: 'x'.repeat(200) })), 'MESSAGE_TOO_LARGE'],
    ['valid JSON', Buffer.from('{"a":"é"}'), 'OK'],
  ])('%s gives %s', (_name, value, code) => {
    expect(codeOf(value)).toBe(code);
  });

  it('keeps NUL characters and injection strings verbatim', () => {
    const text = JSON.stringify({ name: "Robert'); DROP TABLE golden_record;--\u0000<script>" });
    expect(decodeMessage(Buffer.from(text), 1000)).toEqual(JSON.parse(text));
  });
});

describe('payloadHash', () => {
  it('ignores key order but not values', () => {
    expect(payloadHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(payloadHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(payloadHash({ a: 1 })).not.toBe(payloadHash({ a: 2 }));
    expect(payloadHash([1, 2])).not.toBe(payloadHash([2, 1]));
  });
});
