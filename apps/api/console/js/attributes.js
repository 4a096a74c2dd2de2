// The canonical attributes, in the order a record is read (identity, contact, address, company, other).
export const ATTRIBUTE_ORDER = [
  'civility',
  'firstName',
  'lastName',
  'fullName',
  'birthDate',
  'legalName',
  'tradeName',
  'siren',
  'siret',
  'vatNumber',
  'nafCode',
  'legalForm',
  'email',
  'phone',
  'houseNumber',
  'street',
  'addressLine2',
  'postalCode',
  'city',
  'region',
  'country',
  'website',
  'paymentTerms',
  'lifecycle',
  'emailOptIn',
  'smsOptIn',
  'owner',
  'externalId',
  'updatedAt',
];

/** Attribute names sorted in reading order; unknown ones last, alphabetically. */
export function inReadingOrder(names) {
  const rank = (name) => (ATTRIBUTE_ORDER.includes(name) ? ATTRIBUTE_ORDER.indexOf(name) : ATTRIBUTE_ORDER.length);
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
