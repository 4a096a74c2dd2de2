import { AttributeName, CanonicalAttributes, isAttributeName } from '../model/attributes';
import { Finding, makeFinding } from './findings';
import { isPlaceholderValue } from './generic-values';

/** One requirement: an attribute, any one of several, or all of a group (an address). */
export type CompletenessRequirement =
  | AttributeName
  | { anyOf: AttributeName[]; label?: string }
  | { allOf: AttributeName[]; label: string };

export interface CompletenessProfile {
  name: string;
  description?: string;
  requires: CompletenessRequirement[];
}

export interface CompletenessResult {
  profile: string;
  satisfied: boolean;
  /** The unmet requirements: an attribute name, or the group's label ("contact (email or phone)"). */
  missing: string[];
}

/** Filled: a non-empty value that is not a placeholder ("xxx", test@test.com). */
function isFilled(attributes: CanonicalAttributes, name: AttributeName): boolean {
  const value = attributes[name];
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return true;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && v.trim() !== '' && !isPlaceholderValue(name, v));
}

/** How an unmet requirement is named: "siret", "contact (email or phone)", "postal address (postalCode, city)" (the missing parts). */
function describe(requirement: CompletenessRequirement, attributes: CanonicalAttributes): string {
  if (typeof requirement === 'string') return requirement;
  if ('anyOf' in requirement) {
    const options = requirement.anyOf.join(' or ');
    return requirement.label ? `${requirement.label} (${options})` : options;
  }
  const absent = requirement.allOf.filter((n) => !isFilled(attributes, n));
  return `${requirement.label} (${absent.join(', ')})`;
}

function isMet(attributes: CanonicalAttributes, requirement: CompletenessRequirement): boolean {
  if (typeof requirement === 'string') return isFilled(attributes, requirement);
  if ('anyOf' in requirement) return requirement.anyOf.some((n) => isFilled(attributes, n));
  return requirement.allOf.every((n) => isFilled(attributes, n));
}

/** Checks a record against each profile (ERP account, CRM account, lead...). */
export function evaluateCompleteness(attributes: CanonicalAttributes, profiles: CompletenessProfile[]): CompletenessResult[] {
  return profiles.map((profile) => {
    const missing = profile.requires.filter((r) => !isMet(attributes, r)).map((r) => describe(r, attributes));
    return { profile: profile.name, satisfied: missing.length === 0, missing };
  });
}

/** MISSING_MANDATORY findings for one profile's unmet requirements. */
export function missingMandatoryFindings(attributes: CanonicalAttributes, profile: CompletenessProfile): Finding[] {
  return profile.requires
    .filter((r) => !isMet(attributes, r))
    .map((r) =>
      makeFinding('MISSING_MANDATORY', typeof r === 'string' ? r : null, `${describe(r, attributes)} is mandatory for ${profile.name}`),
    );
}

export class CompletenessProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompletenessProfileError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function attributeList(value: unknown, where: string, key: string): AttributeName[] {
  if (!Array.isArray(value) || value.length === 0) throw new CompletenessProfileError(`${where}: "${key}" must be a non-empty list of attribute names`);
  return value.map((item, i) => {
    if (typeof item !== 'string' || !isAttributeName(item)) {
      throw new CompletenessProfileError(`${where}.${key}[${i}]: unknown attribute ${JSON.stringify(item)}`);
    }
    return item;
  });
}

function parseRequirement(value: unknown, where: string): CompletenessRequirement {
  if (typeof value === 'string') {
    if (!isAttributeName(value)) throw new CompletenessProfileError(`${where}: unknown attribute ${JSON.stringify(value)}`);
    return value;
  }
  if (!isRecord(value)) throw new CompletenessProfileError(`${where}: expected an attribute name, { anyOf: [...] } or { allOf: [...], label }`);
  const keys = Object.keys(value);
  const unknown = keys.filter((k) => k !== 'anyOf' && k !== 'allOf' && k !== 'label');
  if (unknown.length > 0) throw new CompletenessProfileError(`${where}: unknown key ${JSON.stringify(unknown[0])}`);
  if ('anyOf' in value && 'allOf' in value) throw new CompletenessProfileError(`${where}: use anyOf or allOf, not both`);
  const label = value.label;
  if (label !== undefined && (typeof label !== 'string' || label.trim() === '')) {
    throw new CompletenessProfileError(`${where}: "label" must be a non-empty string`);
  }
  if ('anyOf' in value) {
    const anyOf = attributeList(value.anyOf, where, 'anyOf');
    return label === undefined ? { anyOf } : { anyOf, label };
  }
  if ('allOf' in value) {
    const allOf = attributeList(value.allOf, where, 'allOf');
    if (label === undefined) throw new CompletenessProfileError(`${where}: an allOf group needs a "label" (for example "postal address")`);
    return { allOf, label };
  }
  throw new CompletenessProfileError(`${where}: expected an attribute name, { anyOf: [...] } or { allOf: [...], label }`);
}

/**
 * Validates completeness profiles parsed from YAML or JSON: either `{ profiles: [...] }` or the
 * list itself. Throws a CompletenessProfileError naming the faulty entry ("profiles[0] (erp).requires[2]: unknown attribute "emial"").
 */
export function parseCompletenessProfiles(obj: unknown): CompletenessProfile[] {
  const list = isRecord(obj) ? obj.profiles : obj;
  if (!Array.isArray(list)) throw new CompletenessProfileError('completeness profiles: expected a "profiles" list');
  const names = new Set<string>();
  return list.map((entry, i) => {
    let where = `profiles[${i}]`;
    if (!isRecord(entry)) throw new CompletenessProfileError(`${where}: expected an object with "name" and "requires"`);
    const { name, description, requires } = entry;
    if (typeof name !== 'string' || name.trim() === '') throw new CompletenessProfileError(`${where}: "name" must be a non-empty string`);
    where = `${where} (${name})`;
    if (names.has(name)) throw new CompletenessProfileError(`${where}: duplicate profile name`);
    names.add(name);
    const extra = Object.keys(entry).filter((k) => k !== 'name' && k !== 'description' && k !== 'requires');
    if (extra.length > 0) throw new CompletenessProfileError(`${where}: unknown key ${JSON.stringify(extra[0])}`);
    if (description !== undefined && typeof description !== 'string') throw new CompletenessProfileError(`${where}: "description" must be a string`);
    if (!Array.isArray(requires) || requires.length === 0) throw new CompletenessProfileError(`${where}: "requires" must be a non-empty list`);
    const profile: CompletenessProfile = { name, requires: requires.map((r, j) => parseRequirement(r, `${where}.requires[${j}]`)) };
    if (description !== undefined) profile.description = description;
    return profile;
  });
}
