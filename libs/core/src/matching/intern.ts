import { Features } from './features';

/**
 * One string object per distinct value. A million records hold a few thousand distinct first
 * names, cities or birth years: sharing them cuts memory (and the garbage collector's work), and
 * comparing two references to one string is immediate.
 */
export class StringInterner {
  private readonly values = new Map<string, string>();

  intern(value: string): string {
    const known = this.values.get(value);
    if (known !== undefined) return known;
    this.values.set(value, value);
    return value;
  }

  get size(): number {
    return this.values.size;
  }
}

/** The empty list every record without emails, phones… shares (frozen: nothing may add to it). */
const EMPTY: readonly never[] = Object.freeze([]);

function internArray(list: unknown[], interner: StringInterner): void {
  for (let k = 0; k < list.length; k++) if (typeof list[k] === 'string') list[k] = interner.intern(list[k] as string);
}

/**
 * Values nearly unique to a party (ids, emails, phones, identifiers, whole names and addresses):
 * sharing them saves little and a table of millions of them costs more than it saves.
 */
const MOSTLY_UNIQUE = new Set(['record', 'id', 'emails', 'emailLocals', 'phones', 'siren', 'siret', 'fullName', 'street', 'line2', 'addressLine2', 'legal', 'legalName']);

function internProperties(object: Record<string, unknown>, interner: StringInterner): void {
  for (const key in object) {
    const value = object[key];
    if (typeof value === 'string') {
      if (!MOSTLY_UNIQUE.has(key)) object[key] = interner.intern(value);
    } else if (Array.isArray(value)) {
      if (value.length === 0) object[key] = EMPTY;
      else if (!MOSTLY_UNIQUE.has(key)) internArray(value, interner);
    }
  }
}

/**
 * The same features with shared strings and one shared empty list (the values do not change;
 * the record's strings are shared too; values nearly unique to a party are left as they are). Returns `features`.
 */
export function internFeatures(features: Features, interner: StringInterner): Features {
  internProperties(features as unknown as Record<string, unknown>, interner);
  internProperties(features.record as unknown as Record<string, unknown>, interner);
  return features;
}
