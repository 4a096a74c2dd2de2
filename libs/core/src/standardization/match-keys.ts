import { CanonicalAttributes } from '../model/attributes';
import { cityKey, streetKey } from './address';
import { givenNameKey, surnameKeys } from './names';
import { legalNameKey } from './organization';
import { fold, MAX_PARSED_LENGTH } from './text';

/**
 * Forms for matching: accent-folded, lower case, punctuation-free. Phonetic keys are computed by
 * the matcher, not here. An attribute whose form would be empty is absent.
 */
export interface MatchForms {
  firstName?: string;
  lastName?: string;
  /** The birth (maiden) name when the surname says "née …" or "… épouse …". */
  birthName?: string;
  /** Given name then surname, whatever the order the source used. */
  fullName?: string;
  /** Legal form and the generic "Société" removed, "&" read as "et". */
  legalName?: string;
  tradeName?: string;
  city?: string;
  street?: string;
}

function set(keys: MatchForms, name: keyof MatchForms, value: string | undefined): void {
  if (value !== undefined && value !== '') keys[name] = value;
}

function long(value: string): boolean {
  return value.length > MAX_PARSED_LENGTH;
}

/** Match forms of standardized attributes. */
export function buildMatchKeys(s: CanonicalAttributes): MatchForms {
  const keys: MatchForms = {};
  if (s.firstName !== undefined) set(keys, 'firstName', givenNameKey(s.firstName));
  if (s.lastName !== undefined) {
    if (long(s.lastName)) {
      set(keys, 'lastName', fold(s.lastName));
    } else {
      const surname = surnameKeys(s.lastName);
      set(keys, 'lastName', surname.lastName);
      set(keys, 'birthName', surname.birthName);
    }
  }
  if (keys.firstName !== undefined && keys.lastName !== undefined) set(keys, 'fullName', `${keys.firstName} ${keys.lastName}`);
  else if (s.fullName !== undefined) set(keys, 'fullName', fold(s.fullName));
  if (s.legalName !== undefined) set(keys, 'legalName', long(s.legalName) ? fold(s.legalName) : legalNameKey(s.legalName));
  if (s.tradeName !== undefined) set(keys, 'tradeName', long(s.tradeName) ? fold(s.tradeName) : legalNameKey(s.tradeName));
  if (s.city !== undefined) set(keys, 'city', long(s.city) ? fold(s.city) : cityKey(s.city));
  if (s.street !== undefined) set(keys, 'street', streetKey(s.street));
  return keys;
}
