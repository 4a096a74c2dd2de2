import { CanonicalAttributes, PartyKind } from '../model/attributes';
import { dateDigits } from './dates';
import { fold } from './fold';
import { MatchRecord, withoutUndefined } from './match-record';
import { normalizePhone } from './phone';

const LEGAL_FORMS =
  /\b(?:s ?a ?s ?u|s ?a ?s|s ?a ?r ?l|e ?u ?r ?l|s ?n ?c|s ?c ?i|s ?c ?o ?p|s ?c ?a|s ?e ?l ?a ?r ?l|e ?i ?r ?l|e ?i|g ?i ?e|s ?a|ste|societe|association|inc|llc|ltd|corp|gmbh)\b/g;
const CIVILITY = /^(?:m|mr|mme|mlle|mrs|ms|miss|dr|me|monsieur|madame|mademoiselle)\b\.?\s*/;
const FEMALE = new Set(['mme', 'mlle', 'madame', 'mademoiselle', 'mrs', 'ms', 'miss', 'f', 'female', 'femme']);
const MALE = new Set(['m', 'mr', 'monsieur', 'h', 'male', 'homme']);

export interface PrepareOptions {
  source?: string;
  defaultCountry?: string;
}

/**
 * The matcher's own small standardization, from canonical attributes: accent folding, legal forms
 * and civilities removed, dates as YYYYMMDD, phones in E.164. Used by tests and whenever no
 * standardization library is plugged in.
 */
export function prepareMatchRecord(id: string, kind: PartyKind, attributes: CanonicalAttributes, options: PrepareOptions = {}): MatchRecord {
  const country = (attributes.country ?? options.defaultCountry ?? 'FR').toUpperCase();
  const name = (v: string | undefined) => (v === undefined ? undefined : fold(v).replace(CIVILITY, '') || undefined);
  const text = (v: string | undefined) => (v === undefined ? undefined : fold(v) || undefined);
  const civility = attributes.civility ? fold(attributes.civility).replace(/\./g, '') : undefined;
  const legal = attributes.legalName ?? attributes.tradeName;
  const record: MatchRecord = {
    id,
    kind,
    source: options.source,
    firstName: name(attributes.firstName),
    lastName: name(attributes.lastName),
    fullName: name(attributes.fullName),
    birthDate: attributes.birthDate ? dateDigits(attributes.birthDate) ?? attributes.birthDate.replace(/\D/g, '') : undefined,
    gender: civility ? (FEMALE.has(civility) ? 'f' : MALE.has(civility) ? 'm' : undefined) : undefined,
    emails: attributes.email?.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''),
    phones: attributes.phone?.map((p) => normalizePhone(p, country)).filter((p): p is string => p !== undefined),
    houseNumber: text(attributes.houseNumber),
    street: text(attributes.street),
    addressLine2: text(attributes.addressLine2),
    postalCode: text(attributes.postalCode),
    city: text(attributes.city),
    region: text(attributes.region),
    country,
    legalName: legal === undefined ? undefined : fold(legal).replace(/\./g, ' ').replace(LEGAL_FORMS, ' ').replace(/\s+/g, ' ').trim() || undefined,
    siren: attributes.siren?.replace(/\D/g, '') || undefined,
    siret: attributes.siret?.replace(/\D/g, '') || undefined,
  };
  return withoutUndefined(record);
}
