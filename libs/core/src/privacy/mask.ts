/**
 * Masking of personal data for readers who may not see it (the `viewer` role). Pure functions over
 * plain JSON: the API applies them to its answers, nothing else needs to know.
 *
 * Personal data of a person: names, emails, phones, street address, birth date and bank details.
 * Kept as they are: city, postal code, region, country, the legal and trade names of organizations,
 * SIREN, SIRET, VAT and NAF codes, which identify a company or a place, not a person.
 */
export const PERSONAL_ATTRIBUTES = ['firstName', 'lastName', 'fullName', 'email', 'phone', 'street', 'houseNumber', 'addressLine2', 'birthDate'] as const;
export type PersonalAttribute = (typeof PERSONAL_ATTRIBUTES)[number];

const PERSONAL = new Set<string>(PERSONAL_ATTRIBUTES);
/** Bank details are personal whatever the attribute is called (iban, bankIban, bic…). */
const BANK_DETAILS = /iban|bic|bankAccount/i;

export const MASK = '***';

export function isPersonalAttribute(name: string): boolean {
  return PERSONAL.has(name) || BANK_DETAILS.test(name);
}

/** `jean.dupont@example.fr` → `j***@example.fr`: the domain says which company, not who. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return MASK;
  return `${email[0]}${MASK}${email.slice(at)}`;
}

/** `+33612345678` → `**********78`: the last two digits, enough to tell two numbers apart. */
export function maskPhone(phone: string): string {
  if (phone.length <= 2) return MASK;
  return '*'.repeat(phone.length - 2) + phone.slice(-2);
}

/** `Dupont` → `D***`. */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? MASK : `${first}${MASK}`;
}

/** The masked form of one value of a personal attribute; other attributes pass unchanged. */
export function maskAttributeValue(attribute: string, value: unknown): unknown {
  if (!isPersonalAttribute(attribute) || value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => maskAttributeValue(attribute, v));
  if (typeof value !== 'string') return MASK;
  switch (attribute) {
    case 'email':
      return value.split(', ').map(maskEmail).join(', ');
    case 'phone':
      return value.split(', ').map(maskPhone).join(', ');
    case 'firstName':
    case 'lastName':
    case 'fullName':
      return maskName(value);
    default:
      return MASK;
  }
}

type Json = unknown;

/**
 * Masks every personal value in a JSON document, wherever it is: under an attribute's own name
 * (`attributes.email`, `standardized.firstName`), or in an object that names its attribute
 * (`{ attribute: 'email', value, values, text }` of an explanation, a quality finding).
 */
export function maskPersonalData(document: Json): Json {
  if (Array.isArray(document)) return document.map(maskPersonalData);
  if (document === null || typeof document !== 'object' || document instanceof Date) return document;
  const input = document as Record<string, unknown>;
  const about = typeof input.attribute === 'string' && isPersonalAttribute(input.attribute) ? input.attribute : null;
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    // lineage and history are keyed by attribute too, but hold objects: only values are masked
    if (isPersonalAttribute(key) && holdsValues(value)) output[key] = maskAttributeValue(key, value);
    else output[key] = maskPersonalData(value);
  }
  // the name a person is shown by (a search hit, a 360° view); a company's name is not personal data
  if (input.kind === 'person' && typeof input.displayName === 'string') output.displayName = maskName(input.displayName);
  return about ? maskAboutAttribute(about, input, output) : output;
}

function holdsValues(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((v) => v === null || typeof v !== 'object');
  return value === null || typeof value !== 'object';
}

/** An object about one personal attribute: its values, and the texts that quote them. */
function maskAboutAttribute(attribute: string, input: Record<string, unknown>, output: Record<string, unknown>): Record<string, unknown> {
  const raw: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === 'string' && v !== '') raw.push(v, ...v.split(', '));
    else if (Array.isArray(v)) v.forEach(collect);
  };
  collect(input.value);
  if (Array.isArray(input.values)) for (const v of input.values) collect(typeof v === 'object' && v !== null ? (v as { value?: unknown }).value : v);
  if ('value' in input) output.value = maskAttributeValue(attribute, input.value);
  // one attribute of two records side by side (a steward task's comparison)
  for (const side of ['record', 'candidate'] as const) if (side in input && holdsValues(input[side])) output[side] = maskAttributeValue(attribute, input[side]);
  if (Array.isArray(input.values)) {
    output.values = input.values.map((v) =>
      typeof v === 'object' && v !== null && 'value' in v ? { ...(maskPersonalData(v) as object), value: maskAttributeValue(attribute, (v as { value: unknown }).value) } : maskAttributeValue(attribute, v),
    );
  }
  // longest first, so that a list "a, b" is replaced before its parts
  const quoted = [...new Set(raw)].sort((a, b) => b.length - a.length);
  for (const field of ['text', 'message', 'suggestion']) {
    const text = input[field];
    if (typeof text !== 'string') continue;
    // a text about a personal value that cannot be traced back to known values is withheld whole
    output[field] = quoted.length === 0 ? (field === 'message' ? `${attribute}: details masked` : MASK) : quoted.reduce((t, r) => t.split(r).join(String(maskAttributeValue(attribute, r))), text);
  }
  return output;
}
