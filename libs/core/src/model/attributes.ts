/**
 * The canonical party model. These attribute names are used everywhere: source mappings,
 * survivorship configuration, the CLI, the API and the events published downstream.
 */
export const PARTY_KINDS = ['person', 'organization'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const LIFECYCLES = ['lead', 'prospect', 'customer'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** Attributes that may hold several values on one record (a person has several emails and phones). */
export const MULTI_VALUED_ATTRIBUTES = ['email', 'phone'] as const;
export type MultiValuedAttribute = (typeof MULTI_VALUED_ATTRIBUTES)[number];

export const BOOLEAN_ATTRIBUTES = ['emailOptIn', 'smsOptIn'] as const;
export type BooleanAttribute = (typeof BOOLEAN_ATTRIBUTES)[number];

export const STRING_ATTRIBUTES = [
  'civility',
  'firstName',
  'lastName',
  'fullName',
  'birthDate',
  'street',
  'houseNumber',
  'addressLine2',
  'postalCode',
  'city',
  'region',
  'country',
  'legalName',
  'tradeName',
  'siren',
  'siret',
  'vatNumber',
  'nafCode',
  'legalForm',
  'paymentTerms',
  'website',
  'externalId',
  'lifecycle',
  'owner',
  'updatedAt',
] as const;
export type StringAttribute = (typeof STRING_ATTRIBUTES)[number];

export const ATTRIBUTE_NAMES = [...STRING_ATTRIBUTES, ...MULTI_VALUED_ATTRIBUTES, ...BOOLEAN_ATTRIBUTES] as const;
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

/** Canonical attributes of one record: every value optional, emails and phones as lists. */
export type CanonicalAttributes = Partial<Record<StringAttribute, string>> &
  Partial<Record<MultiValuedAttribute, string[]>> &
  Partial<Record<BooleanAttribute, boolean>>;

const NAMES = new Set<string>(ATTRIBUTE_NAMES);
const MULTI = new Set<string>(MULTI_VALUED_ATTRIBUTES);
const BOOLS = new Set<string>(BOOLEAN_ATTRIBUTES);

export function isAttributeName(name: string): name is AttributeName {
  return NAMES.has(name);
}

export function isMultiValued(name: string): name is MultiValuedAttribute {
  return MULTI.has(name);
}

export function isBooleanAttribute(name: string): name is BooleanAttribute {
  return BOOLS.has(name);
}

export function isLifecycle(value: string): value is Lifecycle {
  return (LIFECYCLES as readonly string[]).includes(value);
}

export function isPartyKind(value: string): value is PartyKind {
  return (PARTY_KINDS as readonly string[]).includes(value);
}
