import { AttributeName, CanonicalAttributes, isAttributeName, PartyKind } from '../model/attributes';
import { defaultIsGeneric, IsGenericValue, isOwnDomainRoleMailbox } from '../matching/generic-values';
import { fold } from '../matching/fold';
import { MatchRecord, withoutUndefined } from '../matching/match-record';
import { BoundedMemo } from '../matching/memo';
import { isGenericValue, isPlaceholderValue } from '../standardization';
import { StandardizationResult, standardizeRecord } from '../standardization/standardize-record';

const FEMALE = new Set(['mme', 'mlle', 'madame', 'mademoiselle', 'mrs', 'ms', 'miss', 'f', 'female', 'femme']);
const MALE = new Set(['m', 'mr', 'monsieur', 'h', 'male', 'homme']);

function gender(civility: string | undefined): string | undefined {
  if (civility === undefined) return undefined;
  const key = fold(civility).replace(/[.\s]/g, '');
  return FEMALE.has(key) ? 'f' : MALE.has(key) ? 'm' : undefined;
}

const text = (v: string | undefined) => (v === undefined ? undefined : fold(v) || undefined);

/**
 * What the matcher reads of a standardized record: the standardization library's standardized
 * values and match forms (accent-folded names, legal form removed, E.164 phones). The one bridge
 * between standardization and matching, used by the engine and by `mdm resolve` alike.
 */
export function matchRecordOf(
  id: string,
  source: string,
  kind: PartyKind,
  raw: CanonicalAttributes,
  result: Pick<StandardizationResult, 'standardized' | 'matchKeys'>,
  defaultCountry: string,
): MatchRecord {
  const { standardized: s, matchKeys: k } = result;
  const record: MatchRecord = {
    id,
    source,
    kind,
    firstName: k.firstName,
    lastName: k.lastName,
    birthName: k.birthName,
    fullName: k.firstName === undefined && k.lastName === undefined ? k.fullName : undefined,
    birthDate: s.birthDate,
    gender: gender(s.civility ?? raw.civility),
    emails: s.email,
    phones: s.phone,
    houseNumber: text(s.houseNumber),
    street: k.street,
    addressLine2: text(s.addressLine2),
    postalCode: text(s.postalCode),
    city: k.city,
    region: text(s.region),
    country: s.country ?? defaultCountry,
    legalName: k.legalName ?? k.tradeName,
    siren: s.siren,
    siret: s.siret,
  };
  return withoutUndefined(record);
}

/** Standardizes a mapped record and gives what the matcher reads of it. */
export function standardizedMatchRecord(id: string, source: string, kind: PartyKind, raw: CanonicalAttributes, defaultCountry: string): MatchRecord {
  return matchRecordOf(id, source, kind, raw, standardizeRecord(kind, raw, { defaultCountry }), defaultCountry);
}

/**
 * The standardization library's generic-value test (role mailboxes, switchboards, placeholders),
 * then the matcher's own. On an organization's record, its role mailbox at its own domain
 * (contact@dupont.fr) is its address, not a shared one: only a placeholder is generic there.
 */
export const standardizedIsGeneric: IsGenericValue = (attribute, value, kind) => {
  const key = `${kind ?? ''}\u0001${attribute}\u0001${value}`;
  let verdict = genericVerdicts.get(key);
  if (verdict === undefined) {
    verdict = isGenericUncached(attribute, value, kind);
    genericVerdicts.set(key, verdict);
  }
  return verdict;
};

/**
 * Verdicts already given, by kind, attribute and value. The engine extracts the features of every
 * stored member of every candidate golden record in each batch, and the test (text folding,
 * regular expressions) was a tenth of its event loop's time at 500 records/s.
 */
const genericVerdicts = new BoundedMemo<boolean>(200_000);

const isGenericUncached: IsGenericValue = (attribute, value, kind) => {
  if (attribute === 'email' && kind === 'organization' && isOwnDomainRoleMailbox(value.trim().toLowerCase())) return isPlaceholderValue('email', value);
  const name: string = attribute === 'birthName' ? 'lastName' : attribute;
  return (isAttributeName(name) && isGenericValue(name as AttributeName, value)) || defaultIsGeneric(attribute, value, kind);
};

/** The name the database's trigram index finds neighbours by: "first last" for a person, the company name without its legal form. */
export function trigramName(record: MatchRecord): string | undefined {
  const name = record.kind === 'organization' ? record.legalName : [record.firstName, record.lastName].filter(Boolean).join(' ') || record.fullName;
  const folded = name === undefined ? '' : fold(name).replace(/\s+/g, ' ').trim();
  return folded.length >= 3 ? folded : undefined;
}
