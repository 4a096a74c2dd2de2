import {
  ATTRIBUTE_NAMES,
  AttributeName,
  BOOLEAN_ATTRIBUTES,
  BooleanAttribute,
  CanonicalAttributes,
  MULTI_VALUED_ATTRIBUTES,
  MultiValuedAttribute,
  STRING_ATTRIBUTES,
  StringAttribute,
} from '../model/attributes';
import { FindingCollector, quote } from './findings';
import { cleanText } from './text';

/** A mutable working copy of the attributes; absent means undefined, never an empty string. */
export type WorkingAttributes = Partial<Record<StringAttribute, string>> &
  Partial<Record<MultiValuedAttribute, string[]>> &
  Partial<Record<BooleanAttribute, boolean>>;

const TRUE_WORDS = new Set(['true', 'vrai', 'oui', 'o', 'yes', 'y', '1', 'x', 'on', 'ok']);
const FALSE_WORDS = new Set(['false', 'faux', 'non', 'n', 'no', '0', 'off']);

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Reads a boolean written as a string or number ("oui", "1", "false"); undefined when unreadable. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = cleanText(value).toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return undefined;
}

/**
 * Cleans whatever a caller passes (JavaScript callers may send numbers, nulls, a string where a list
 * is expected): strings are cleaned of control and invisible characters, empty values dropped.
 */
export function coerceAttributes(raw: CanonicalAttributes | null | undefined, findings: FindingCollector): WorkingAttributes {
  const out: WorkingAttributes = {};
  if (raw === null || typeof raw !== 'object') return out;
  const source = raw as Record<string, unknown>;
  for (const name of STRING_ATTRIBUTES) {
    const value = source[name];
    const text = Array.isArray(value) ? asText(value.map((v) => asText(v) ?? '').join(' ')) : asText(value);
    if (text !== undefined && text !== '') out[name] = text;
  }
  for (const name of MULTI_VALUED_ATTRIBUTES) {
    const value = source[name];
    const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    const texts = items.map(asText).filter((t): t is string => t !== undefined && t !== '');
    if (texts.length > 0) out[name] = texts;
  }
  for (const name of BOOLEAN_ATTRIBUTES) {
    const value = source[name];
    if (value === undefined || value === null || (typeof value === 'string' && cleanText(value) === '')) continue;
    const parsed = parseBoolean(value);
    if (parsed === undefined) {
      findings.add('BOOLEAN_INVALID', name, `${name}: ${quote(String(asText(value) ?? typeof value))} is not a yes/no value; dropped`);
    } else {
      out[name] = parsed;
    }
  }
  return out;
}

/** The attributes in canonical order, without empty values: two equal records serialize identically. */
export function toCanonical(work: WorkingAttributes): CanonicalAttributes {
  const out: Record<string, unknown> = {};
  for (const name of ATTRIBUTE_NAMES as readonly AttributeName[]) {
    const value = work[name];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      // Rules that remove characters (dots, separators) can leave a combining mark next to a
      // letter: NFC here keeps the output what a second pass would produce.
      const text = value.normalize('NFC');
      if (text !== '') out[name] = text;
    } else if (Array.isArray(value)) {
      const items = [...new Set(value.map((v) => v.normalize('NFC')))];
      if (items.length > 0) out[name] = items;
    } else {
      out[name] = value;
    }
  }
  return out as CanonicalAttributes;
}
