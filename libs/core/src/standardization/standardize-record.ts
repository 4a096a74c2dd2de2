import { CanonicalAttributes, PartyKind, STRING_ATTRIBUTES, StringAttribute } from '../model/attributes';
import { standardizeAddress, standardizeCountry } from './address-step';
import { coerceAttributes, toCanonical } from './coerce';
import { standardizeContacts } from './contact-step';
import { StepContext, tooLong } from './context';
import { FRENCH_POSTAL_COUNTRIES, ISO_ALPHA2, normalizeCountry } from './countries';
import { standardizeBirthDate } from './date-step';
import { Finding, FindingCollector, quote } from './findings';
import { isPlaceholderValue } from './generic-values';
import { buildMatchKeys, MatchForms } from './match-keys';
import { standardizeMisc } from './misc-step';
import { standardizeNames } from './names-step';
import { standardizeOrganization } from './organization-step';

export interface StandardizeOptions {
  /** ISO 3166 alpha-2 country (or a country name) for phones and postal rules when the record has none. Default FR. */
  defaultCountry?: string;
  /** "Today", for birth-date plausibility. Default: the current date. */
  today?: Date;
}

export interface StandardizationResult {
  standardized: CanonicalAttributes;
  matchKeys: MatchForms;
  findings: Finding[];
}

/** Free-text attributes checked for placeholders ("xxx", "inconnu", "n/a") after their own rules. */
const PLACEHOLDER_CHECKED: readonly StringAttribute[] = [
  'firstName', 'lastName', 'fullName', 'legalName', 'tradeName', 'street', 'houseNumber', 'addressLine2', 'city', 'region',
  'paymentTerms', 'website', 'nafCode', 'legalForm', 'country', 'owner', 'externalId',
];

function checkPlaceholders(ctx: StepContext): void {
  // Attributes no rule parses are reported too when too long.
  for (const attribute of STRING_ATTRIBUTES) {
    const value = ctx.attributes[attribute];
    if (value !== undefined) tooLong(ctx, attribute, value);
  }
  for (const attribute of PLACEHOLDER_CHECKED) {
    const value = ctx.attributes[attribute];
    if (value === undefined || value.length > 500 || ctx.findings.has('PLACEHOLDER_VALUE', attribute)) continue;
    if (isPlaceholderValue(attribute, value)) ctx.findings.add('PLACEHOLDER_VALUE', attribute, `${attribute} ${quote(value)} is a placeholder`);
  }
}

function checkIdentity(ctx: StepContext, kind: PartyKind): void {
  const a = ctx.attributes;
  if (kind === 'person') {
    if (!a.lastName && !a.fullName && !a.firstName && !a.email && !a.phone) {
      ctx.findings.add('MISSING_MANDATORY', null, 'a person needs at least a name, an email or a phone number');
    }
  } else if (!a.legalName && !a.tradeName && !a.siren && !a.siret) {
    ctx.findings.add('MISSING_MANDATORY', null, 'an organization needs at least a legal name, a trade name, a SIREN or a SIRET');
  }
}

function resolveToday(today: Date | undefined): Date {
  return today instanceof Date && !Number.isNaN(today.getTime()) ? today : new Date();
}

function run(kind: PartyKind, raw: CanonicalAttributes, options: StandardizeOptions): StandardizationResult {
  const findings = new FindingCollector();
  const attributes = coerceAttributes(raw, findings);
  const defaultCountry = (typeof options.defaultCountry === 'string' ? normalizeCountry(options.defaultCountry) : undefined) ?? 'FR';
  const ctx: StepContext = { attributes, findings, country: defaultCountry, french: false, today: resolveToday(options.today) };
  standardizeCountry(ctx);
  if (attributes.country !== undefined && ISO_ALPHA2.has(attributes.country)) ctx.country = attributes.country;
  ctx.french = FRENCH_POSTAL_COUNTRIES.has(ctx.country);

  standardizeContacts(ctx);
  standardizeNames(ctx, kind);
  standardizeOrganization(ctx);
  standardizeAddress(ctx);
  standardizeBirthDate(ctx);
  standardizeMisc(ctx);
  checkPlaceholders(ctx);
  checkIdentity(ctx, kind);

  const standardized = toCanonical(attributes);
  return { standardized, matchKeys: buildMatchKeys(standardized), findings: findings.findings };
}

/**
 * Turns a mapped record into standardized attributes (display forms), match forms and quality
 * findings. Invalid values are kept and reported; only values clearly in the wrong field move
 * (a phone in the email list). Never throws, and standardizing the result again changes nothing.
 */
export function standardizeRecord(kind: PartyKind, raw: CanonicalAttributes, options: StandardizeOptions = {}): StandardizationResult {
  try {
    return run(kind === 'organization' ? 'organization' : 'person', raw, options ?? {});
  } catch (error) {
    // A bug must not stop ingestion: the record goes on cleaned only, with a finding that says so.
    const findings = new FindingCollector();
    const standardized = toCanonical(coerceAttributes(raw, findings));
    findings.add('STANDARDIZATION_FAILED', null, `standardization failed: ${error instanceof Error ? error.message : String(error)}`);
    return { standardized, matchKeys: {}, findings: findings.findings };
  }
}
