import { dateDigits, dayNumber } from './dates';
import { frenchPhonetic } from './french-phonetic';
import { defaultIsGeneric, IsGenericValue, isRoleLocalPart, WEBMAIL_DOMAINS } from './generic-values';
import { MatchRecord } from './match-record';
import { BoundedMemo } from './memo';
import { postalDistrict } from './postal-code';
import { isValidSiren, isValidSiret } from './siren';

/** Words that carry no identity in a company or street name. */
const STOP_TOKENS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'the', 'of', 'and', 'a', 'at', 'en', 'au', 'aux']);

/**
 * Everything the comparisons and blocking rules read, derived once per record: compact names and
 * their phonetic codes, date digits and day number, email parts, postal district, token lists.
 */
export interface Features {
  readonly record: MatchRecord;
  readonly source: string;
  first?: string;
  last?: string;
  birth?: string;
  firstPhonetic?: string;
  lastPhonetic?: string;
  birthPhonetic?: string;
  /** Whole name as words: the first and last names, else the full name. */
  nameTokens?: string[];
  /** The record has a full name only (no separate first or last name): the fullName comparison is for it. */
  fullNameOnly: boolean;
  /** The same words joined by one space. */
  fullName?: string;
  dob?: string;
  dobDay: number;
  gender?: string;
  emails: string[];
  emailLocals: string[];
  /** Domains of non-webmail addresses, aligned with `emails` (undefined for webmail). */
  emailDomains: (string | undefined)[];
  phones: string[];
  houseNumber?: string;
  street?: string;
  streetTokens?: string[];
  line2?: string;
  postalCode?: string;
  district?: string;
  city?: string;
  region?: string;
  legal?: string;
  legalTokens?: string[];
  siren?: string;
  siret?: string;
}

export interface FeatureOptions {
  isGeneric?: IsGenericValue;
  /** Country used for postal districts when the record has none. */
  defaultCountry?: string;
  /**
   * Features already extracted, by record object (`featureCache()`): a caller that scores the same
   * records many times (the records of one batch, against each other and their candidates) extracts
   * each once. One cache per set of the other options.
   */
  cache?: WeakMap<MatchRecord, Features>;
}

/** A cache for `FeatureOptions.cache`: it lives as long as the records it is given. */
export function featureCache(): WeakMap<MatchRecord, Features> {
  return new WeakMap();
}

/** Names repeat (a few thousand first names in a million records): their phonetic code is computed once. */
const phoneticCodes = new BoundedMemo<string>(200_000);

function phonetic(name: string): string {
  let code = phoneticCodes.get(name);
  if (code === undefined) {
    code = frenchPhonetic(name);
    phoneticCodes.set(name, code);
  }
  return code;
}

const clean = (v: string | undefined): string | undefined => {
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};

const compactName = (v: string | undefined): string | undefined => {
  const t = clean(v);
  if (t === undefined) return undefined;
  const c = t.toLowerCase().replace(/[^a-z0-9\u00c0-\u024f]/g, '');
  return c === '' ? undefined : c;
};

function tokens(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .toLowerCase()
    .split(/[^a-z0-9\u00c0-\u024f]+/)
    .filter((t) => t !== '' && !STOP_TOKENS.has(t));
  return list.length === 0 ? undefined : list;
}

export function extractFeatures(record: MatchRecord, options: FeatureOptions = {}): Features {
  const cached = options.cache?.get(record);
  if (cached !== undefined) return cached;
  const features = computeFeatures(record, options);
  options.cache?.set(record, features);
  return features;
}

function computeFeatures(record: MatchRecord, options: FeatureOptions): Features {
  const isGeneric = options.isGeneric ?? defaultIsGeneric;
  const kind = record.kind;
  const keep = (attribute: string, v: string | undefined) => (v !== undefined && !isGeneric(attribute, v, kind) ? v : undefined);
  const first = compactName(keep('firstName', record.firstName));
  const last = compactName(keep('lastName', record.lastName));
  const birth = compactName(keep('birthName', record.birthName));
  const full = clean(record.fullName);
  const dob = record.birthDate ? dateDigits(record.birthDate) ?? digitsOnly(record.birthDate) : undefined;
  const emails = [...new Set((record.emails ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@') && !isGeneric('email', e, kind)))];
  const phones = [...new Set((record.phones ?? []).map((p) => p.replace(/[^\d+]/g, '')).filter((p) => p.length >= 6 && !isGeneric('phone', p, kind)))];
  const postalCode = clean(keep('postalCode', record.postalCode))?.toLowerCase();
  const street = clean(keep('street', record.street))?.toLowerCase();
  const legal = clean(keep('legalName', record.legalName))?.toLowerCase();
  const siren = record.siren?.replace(/\D/g, '');
  const siret = record.siret?.replace(/\D/g, '');
  const features: Features = {
    record,
    source: record.source ?? '',
    first,
    last,
    birth: birth !== last ? birth : undefined,
    firstPhonetic: first ? phonetic(first) || undefined : undefined,
    lastPhonetic: last ? phonetic(last) || undefined : undefined,
    birthPhonetic: birth && birth !== last ? phonetic(birth) || undefined : undefined,
    nameTokens: first !== undefined || last !== undefined ? tokens([record.firstName, record.lastName].filter(Boolean).join(' ')) : tokens(full),
    fullNameOnly: first === undefined && last === undefined && full !== undefined,
    dob: dob && /^\d{8}$/.test(dob) && dob !== '00000000' ? dob : undefined,
    dobDay: NaN,
    gender: clean(record.gender)?.toLowerCase(),
    emails,
    // a role mailbox's local part (contact@, compta@) is every company's: not evidence
    emailLocals: emails.map((e) => e.slice(0, e.indexOf('@'))).filter((local) => !isRoleLocalPart(local)),
    emailDomains: emails.map((e) => {
      const domain = e.slice(e.indexOf('@') + 1);
      return WEBMAIL_DOMAINS.has(domain) ? undefined : domain;
    }),
    phones,
    houseNumber: clean(record.houseNumber)?.toLowerCase(),
    street,
    streetTokens: tokens(street),
    line2: clean(record.addressLine2)?.toLowerCase(),
    postalCode,
    district: postalCode ? postalDistrict(postalCode, record.country ?? options.defaultCountry) : undefined,
    city: compactName(keep('city', record.city)),
    region: clean(record.region)?.toLowerCase(),
    legal,
    legalTokens: tokens(legal),
    siren: siren && siren.length === 9 ? siren : siret && siret.length === 14 ? siret.slice(0, 9) : undefined,
    siret: siret && siret.length === 14 ? siret : undefined,
  };
  features.fullName = features.nameTokens?.join(' ');
  if (features.dob) features.dobDay = dayNumber(features.dob);
  if (features.siren && (!isValidSiren(features.siren) || isGeneric('siren', features.siren, kind))) features.siren = undefined;
  if (features.siret && (!isValidSiret(features.siret) || isGeneric('siret', features.siret, kind))) features.siret = undefined;
  if (features.houseNumber === undefined && street) {
    const m = /^(\d+)\s*(?:bis|ter|quater|[a-d])?\b\s*(.*)$/.exec(street);
    if (m && m[2] !== '') {
      features.houseNumber = m[1];
      features.street = m[2];
      features.streetTokens = tokens(m[2]);
    }
  }
  return features;
}

function digitsOnly(value: string): string | undefined {
  const d = value.replace(/\D/g, '');
  return d.length === 8 ? d : undefined;
}
