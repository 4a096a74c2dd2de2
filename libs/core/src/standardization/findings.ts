import { AttributeName } from '../model/attributes';

export type Severity = 'info' | 'warning' | 'error';

/**
 * Stable finding codes and their severity. `error`: the value is wrong and must not be trusted;
 * `warning`: the value is suspicious or was moved; `info`: the value was derived or reshaped.
 */
export const FINDING_SEVERITIES = {
  EMAIL_INVALID: 'error',
  EMAIL_DOMAIN_TYPO: 'warning',
  EMAIL_GENERIC: 'info',
  PHONE_INVALID: 'error',
  PHONE_GENERIC: 'info',
  PHONE_IN_EMAIL_FIELD: 'warning',
  EMAIL_IN_PHONE_FIELD: 'warning',
  SIREN_FORMAT: 'error',
  SIREN_CHECKSUM: 'error',
  SIRET_FORMAT: 'error',
  SIRET_CHECKSUM: 'error',
  SIRET_SIREN_MISMATCH: 'error',
  SIREN_DERIVED: 'info',
  VAT_INVALID: 'error',
  VAT_MISMATCH: 'error',
  VAT_COMPUTED: 'info',
  NAF_INVALID: 'error',
  LEGAL_FORM_EXTRACTED: 'info',
  LEGAL_FORM_CONFLICT: 'warning',
  LEGAL_FORM_UNKNOWN: 'info',
  POSTAL_CODE_INVALID: 'error',
  POSTAL_CODE_CORRECTED: 'info',
  POSTAL_CODE_IN_CITY: 'info',
  CITY_CEDEX: 'info',
  HOUSE_NUMBER_SPLIT: 'info',
  COUNTRY_UNKNOWN: 'warning',
  DATE_INVALID: 'error',
  DATE_IMPLAUSIBLE: 'warning',
  DATE_AMBIGUOUS: 'info',
  PLACEHOLDER_VALUE: 'warning',
  NAME_ORDER_SWAPPED: 'info',
  NAME_SPLIT: 'info',
  CIVILITY_EXTRACTED: 'info',
  CIVILITY_UNKNOWN: 'warning',
  CIVILITY_CONFLICT: 'warning',
  BOOLEAN_INVALID: 'warning',
  LIFECYCLE_INVALID: 'warning',
  VALUE_TOO_LONG: 'warning',
  MISSING_MANDATORY: 'error',
  STANDARDIZATION_FAILED: 'error',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_SEVERITIES;
export const FINDING_CODES = Object.keys(FINDING_SEVERITIES) as readonly FindingCode[];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  attribute: AttributeName | null;
  message: string;
  suggestion?: string;
}

export function severityOf(code: FindingCode): Severity {
  return FINDING_SEVERITIES[code];
}

export function makeFinding(code: FindingCode, attribute: AttributeName | null, message: string, suggestion?: string): Finding {
  const finding: Finding = { code, severity: FINDING_SEVERITIES[code], attribute, message };
  if (suggestion !== undefined) finding.suggestion = suggestion;
  return finding;
}

/** Collects findings; rules receive one and never build arrays themselves. */
export class FindingCollector {
  readonly findings: Finding[] = [];

  add(code: FindingCode, attribute: AttributeName | null, message: string, suggestion?: string): void {
    this.findings.push(makeFinding(code, attribute, message, suggestion));
  }

  has(code: FindingCode, attribute?: AttributeName | null): boolean {
    return this.findings.some((f) => f.code === code && (attribute === undefined || f.attribute === attribute));
  }
}

/** Quotes a value for a message, shortened so a 10 KB value does not flood logs. */
export function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(short);
}
