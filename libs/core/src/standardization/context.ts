import { AttributeName } from '../model/attributes';
import { WorkingAttributes } from './coerce';
import { FindingCollector, quote } from './findings';
import { MAX_PARSED_LENGTH } from './text';

/** What every standardization step receives. */
export interface StepContext {
  attributes: WorkingAttributes;
  findings: FindingCollector;
  /** ISO alpha-2 country used for phones and postal rules: the record's, else the default. */
  country: string;
  /** The country follows French postal rules (France, Monaco, overseas). */
  french: boolean;
  today: Date;
}

/**
 * True when a value is too long to parse: it is kept as cleaned and reported once per attribute.
 * Keeps every rule's regular expressions away from pathological inputs.
 */
export function tooLong(ctx: StepContext, attribute: AttributeName, value: string): boolean {
  if (value.length <= MAX_PARSED_LENGTH) return false;
  if (!ctx.findings.has('VALUE_TOO_LONG', attribute)) {
    ctx.findings.add('VALUE_TOO_LONG', attribute, `${attribute}: ${value.length} characters, kept as given without standardization: ${quote(value)}`);
  }
  return true;
}
