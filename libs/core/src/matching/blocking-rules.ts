import { PartyKind } from '../model/attributes';
import { ComparisonField } from './comparison-spec';
import { Features } from './features';
import { companyWordKeys } from './generic-company-words';
import { isRoleLocalPart } from './generic-values';

/** Statistics over all the records being blocked, for key parts that depend on them. */
export interface BlockingContext {
  /** In how many records each company-name word appears. */
  legalWordFrequency: Map<string, number>;
  /** Words in more records than this are never "rare" (1 in 2,000 records, at least 100). */
  commonWord: number;
}

export function blockingContext(features: readonly Features[]): BlockingContext {
  const legalWordFrequency = new Map<string, number>();
  for (const f of features) for (const word of new Set(f.legalTokens ?? [])) legalWordFrequency.set(word, (legalWordFrequency.get(word) ?? 0) + 1);
  return { legalWordFrequency, commonWord: Math.max(100, Math.ceil(features.length / 2000)) };
}

const RARE_WORDS = 2;

/** The words of 3 letters or more of the company name, each once. */
function companyNameWords(f: Features): string[] {
  return [...new Set((f.legalTokens ?? []).filter((t) => t.length >= 3))];
}

/**
 * The two rarest words (3 letters or more) of the company name, leaving out common ones:
 * "boulangerie" and "services" make huge blocks, "kowalczyk" a small one. Without statistics over
 * the records (the engine keys one record at a time and cannot know which words are rare), every
 * word but the generic ones of a shipped list (`companyWordKeys`).
 */
function rareWords(f: Features, context: BlockingContext | undefined): string[] {
  const words = companyNameWords(f);
  if (context === undefined) return companyWordKeys(words);
  const frequency = (w: string) => context.legalWordFrequency.get(w) ?? 0;
  return words
    .filter((w) => frequency(w) <= context.commonWord)
    .sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : 1))
    .slice(0, RARE_WORDS);
}

/**
 * Blocking rules are data: a rule names the key parts it combines, and two records become a
 * candidate pair when one of the rules gives them the same key. A part with several values
 * (emails, phones) gives several keys; a part with no value gives none (records without an email
 * are not all blocked together).
 */
export const BLOCKING_KEY_PARTS = {
  email: (f: Features, _context?: BlockingContext) => f.emails,
  /** Local parts of 5 characters or more (role mailboxes left out): catches a typo in the domain. */
  emailLocalPart: (f: Features) => f.emailLocals.filter((l) => l.length >= 5),
  /**
   * Every address with one character of its local part deleted (local parts of 8 characters or
   * more): two addresses one typo apart share one of these keys (a deletion neighbourhood).
   */
  emailLocalDeletions: (f: Features) => {
    const keys: string[] = [];
    for (const email of f.emails) {
      const at = email.lastIndexOf('@');
      if (at < 8 || isRoleLocalPart(email.slice(0, at))) continue;
      // a short hash of each variant, not the variant itself: a million addresses give some fifteen
      // million keys, and a rare collision only adds a candidate pair that scoring then rejects
      for (let i = 0; i < at; i++) if (i === 0 || email[i] !== email[i - 1]) keys.push(shortHash(email, i));
    }
    return keys;
  },
  /** Domains of the addresses that are not at a free mailbox provider (an organization's own domain). */
  emailDomain: (f: Features) => [...new Set(f.emailDomains.filter((d): d is string => d !== undefined))],
  /** Last 8 digits: catches both the exact-number and the same-last-8-digits levels. */
  phone: (f: Features) => f.phones.map((p) => p.slice(-8)),
  siren: (f: Features) => one(f.siren),
  lastNamePhonetic: (f: Features) => two(f.lastPhonetic, f.birthPhonetic),
  firstNamePhonetic: (f: Features) => one(f.firstPhonetic),
  /** The first- and last-name sounds in alphabetical order: "DUPONT Jean" typed in the wrong boxes gives the same key. */
  namePhonetics: (f: Features) =>
    f.firstPhonetic === undefined || f.lastPhonetic === undefined ? [] : [f.firstPhonetic < f.lastPhonetic ? `${f.firstPhonetic} ${f.lastPhonetic}` : `${f.lastPhonetic} ${f.firstPhonetic}`],
  lastName: (f: Features) => one(f.last),
  firstName: (f: Features) => one(f.first),
  firstNamePrefix: (f: Features) => one(f.first && f.first.length >= 3 ? f.first.slice(0, 3) : undefined),
  birthDate: (f: Features) => one(f.dob),
  birthYear: (f: Features) => one(f.dob?.slice(0, 4)),
  postalCode: (f: Features) => one(f.postalCode),
  district: (f: Features) => one(f.district),
  city: (f: Features) => one(f.city),
  houseNumber: (f: Features) => one(f.houseNumber),
  street: (f: Features) => one(f.street),
  legalName: (f: Features) => one(f.legal),
  /**
   * The words of the company name of 3 letters or more but the generic ones ("boulangerie",
   * "services", "paris"); pairs of words for a name of generic words only (`companyWordKeys`).
   */
  companyWords: (f: Features) => companyWordKeys(companyNameWords(f)),
  /** The two rarest words of the company name (`rareWords`). */
  legalNameRareWords: (f: Features, context?: BlockingContext) => rareWords(f, context),
  fullName: (f: Features) => one(f.fullName),
} satisfies Record<string, (f: Features, context?: BlockingContext) => readonly string[]>;

export type BlockingKeyPart = keyof typeof BLOCKING_KEY_PARTS;

/**
 * The comparisons a key part conditions: pairs blocked on a birth date agree on it whether they
 * match or not, so training on those pairs must not learn the birth date's m from them.
 */
export const BLOCKING_KEY_FIELDS: Record<BlockingKeyPart, ComparisonField[]> = {
  email: ['email'],
  emailDomain: ['email'],
  emailLocalPart: ['email'],
  emailLocalDeletions: ['email'],
  phone: ['phone'],
  siren: ['siret'],
  lastNamePhonetic: ['lastName', 'fullName'],
  firstNamePhonetic: ['firstName', 'fullName'],
  namePhonetics: ['firstName', 'lastName', 'fullName'],
  lastName: ['lastName', 'fullName'],
  firstName: ['firstName', 'fullName'],
  firstNamePrefix: ['firstName', 'fullName'],
  birthDate: ['birthDate'],
  birthYear: ['birthDate'],
  // one address part conditions the others (same street, so same postal code and city)
  postalCode: ['postalCode', 'region', 'city', 'street', 'addressLine2'],
  district: ['postalCode', 'region', 'city', 'street', 'addressLine2'],
  city: ['postalCode', 'region', 'city', 'street', 'addressLine2'],
  houseNumber: ['postalCode', 'region', 'city', 'street', 'addressLine2'],
  street: ['postalCode', 'region', 'city', 'street', 'addressLine2'],
  legalName: ['legalName'],
  companyWords: ['legalName'],
  legalNameRareWords: ['legalName'],
  fullName: ['fullName', 'firstName', 'lastName'],
};

/** Comparison fields a rule's keys condition. */
export function blockedFields(rule: BlockingRuleSpec): Set<ComparisonField> {
  return new Set(rule.on.flatMap((part) => BLOCKING_KEY_FIELDS[part]));
}

export interface BlockingRuleSpec {
  name: string;
  on: BlockingKeyPart[];
  /** The kinds the rule is for (default: both). */
  kinds?: PartyKind[];
  /**
   * The parts the engine keys the rule on, when they are not `on`. Its keys are looked up in the
   * whole store, so a block grows with it (a batch's blocks are one input's): the engine's keys are
   * narrower where that growth costs, and do not depend on other records.
   */
  engineOn?: BlockingKeyPart[];
  /**
   * Batch resolution only: the engine does not store this rule's keys (too many per record for the
   * key table; one per character of an email's local part).
   */
  batchOnly?: boolean;
}

/** The rules that apply to records of a kind (every rule for records of unknown kind). */
export function rulesForKind(rules: readonly BlockingRuleSpec[], kind: PartyKind | 'any'): BlockingRuleSpec[] {
  return rules.filter((r) => kind === 'any' || r.kinds === undefined || r.kinds.includes(kind));
}

/** FNV-1a (32 bits) of the string without its character at `skip`, in base 36. */
function shortHash(value: string, skip: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    if (i === skip) continue;
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function one(v: string | undefined): string[] {
  return v === undefined || v === '' ? [] : [v];
}

function two(a: string | undefined, b: string | undefined): string[] {
  if (a === undefined) return one(b);
  return b === undefined || b === a ? [a] : [a, b];
}

const PERSON: PartyKind[] = ['person'];
const ORGANIZATION: PartyKind[] = ['organization'];

/** The default rules: each catches what the others miss. */
export const DEFAULT_BLOCKING_RULES: BlockingRuleSpec[] = [
  { name: 'email', on: ['email'] },
  { name: 'phone', on: ['phone'] },
  { name: 'email local part', on: ['emailLocalPart'] },
  { name: 'email one typo apart', on: ['emailLocalDeletions'], batchOnly: true },
  { name: 'siren', on: ['siren'], kinds: ORGANIZATION },
  // compta@dupont.fr and contact@dupont.fr: one company (persons: colleagues share the domain)
  { name: 'email domain', on: ['emailDomain'], kinds: ORGANIZATION },
  { name: 'birth date', on: ['birthDate'], kinds: PERSON },
  { name: 'last-name sound + postal code', on: ['lastNamePhonetic', 'postalCode'], kinds: PERSON },
  { name: 'first-name prefix + birth year', on: ['firstNamePrefix', 'birthYear'], kinds: PERSON },
  { name: 'first- and last-name sounds, either order', on: ['namePhonetics'], kinds: PERSON },
  { name: 'first name + postal code', on: ['firstName', 'postalCode'], kinds: PERSON },
  { name: 'last name + city', on: ['lastName', 'city'], kinds: PERSON },
  { name: 'last-name sound + birth year', on: ['lastNamePhonetic', 'birthYear'], kinds: PERSON },
  // the engine keys a building within its postal district: "12 rue de la République" is in hundreds
  // of towns, and a block of the whole store grows with it (15 records a record met at 1,000,000);
  // a batch keeps the number and street alone, for files whose addresses lack a postal code
  { name: 'house number + street', on: ['houseNumber', 'street'], engineOn: ['houseNumber', 'street', 'district'] },
  { name: 'company name', on: ['legalName'], kinds: ORGANIZATION },
  { name: 'rare company words + postal code', on: ['legalNameRareWords', 'postalCode'], kinds: ORGANIZATION },
  { name: 'full name', on: ['fullName'], kinds: PERSON },
  // a contact's records at one employer, with a typo in the first name or a full name only
  { name: 'employer + last-name sound', on: ['legalName', 'lastNamePhonetic'], kinds: PERSON },
  // …or without a last name (a web-form lead giving a first name and the company)
  { name: 'employer + first-name sound', on: ['legalName', 'firstNamePhonetic'], kinds: PERSON },
];

/** Joins the parts of a key (a character no value contains). */
export const KEY_SEPARATOR = '\u0001';

/** The keys a rule gives a record: every combination of its parts' values. */
export function blockingKeys(rule: BlockingRuleSpec, f: Features, context?: BlockingContext): string[] {
  let keys: string[] = [''];
  for (let p = 0; p < rule.on.length; p++) {
    const values = BLOCKING_KEY_PARTS[rule.on[p]](f, context);
    if (values.length === 0) return [];
    if (p === 0 && values.length === 1) {
      keys = [values[0]];
      continue;
    }
    const next: string[] = [];
    for (const k of keys) for (const v of values) next.push(p === 0 ? v : `${k}${KEY_SEPARATOR}${v}`);
    keys = next;
  }
  return keys;
}
