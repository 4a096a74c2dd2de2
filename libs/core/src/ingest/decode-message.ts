import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error';

/**
 * Turns the raw bytes of a source message into a JSON value, or a coded error that sends the
 * message to the dead-letter topic. Invalid UTF-8 is refused rather than silently replaced.
 */
export function decodeMessage(value: Buffer | null, maxBytes: number): unknown {
  if (value === null || value.length === 0) throw new DomainError('EMPTY_MESSAGE', 'the message has no value');
  if (value.length > maxBytes) {
    throw new DomainError('MESSAGE_TOO_LARGE', `the message is ${value.length} bytes, more than the ${maxBytes} allowed`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    throw new DomainError('NOT_JSON', 'the message is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('NOT_JSON', `the message is not JSON: ${(error as Error).message}`);
  }
}

/** A stable hash of a JSON value: the record's version when the source gives no modification time. */
export function payloadHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
