/**
 * Standardization and data quality: mapped records in, standardized attributes, match forms and
 * findings out. Plain TypeScript; the only dependency is libphonenumber-js.
 */
export { standardizeRecord } from './standardize-record';
export type { StandardizationResult, StandardizeOptions } from './standardize-record';
export type { MatchForms } from './match-keys';
export { FINDING_CODES, FINDING_SEVERITIES, severityOf } from './findings';
export type { Finding, FindingCode, Severity } from './findings';
export { isGenericValue, isPlaceholderValue, isSwitchboardNumber } from './generic-values';
export { phoneType, normalizePhone as standardizePhone } from './phone';
export type { PhoneType, PhoneResult } from './phone';
export { cleanEmail, isValidEmail, isRoleMailbox, suggestEmailDomain } from './email';
// Luhn, SIREN and SIRET checks are exported by ../matching (same rules); not re-exported here.
export { vatKey, frenchVatNumber, normalizeNaf } from './siren';
export { normalizeLegalForm, splitLegalForm, legalNameKey, LEGAL_FORMS } from './organization';
export type { LegalForm } from './organization';
export { normalizeCivility, CIVILITIES } from './civility';
export type { Civility } from './civility';
export { displayPersonName, splitFullName, looksSwapped } from './names';
export { COMMON_GIVEN_NAMES, isCommonGivenName } from './given-names';
export { normalizeCountry } from './countries';
export { normalizePostalCode, normalizeHouseNumber, splitHouseNumber, displayStreet, displayCity } from './address';
export { parseDate } from './date';
export type { DateParse } from './date';
export { cleanText } from './text';
export { evaluateCompleteness, parseCompletenessProfiles, missingMandatoryFindings, CompletenessProfileError } from './completeness';
export type { CompletenessProfile, CompletenessRequirement, CompletenessResult } from './completeness';
export { buildQualityReport, formatQualityReport } from './quality-report';
export type { QualityReport, QualityReportOptions, QualityRow, SourceQuality, AttributeQuality, FindingCount } from './quality-report';
