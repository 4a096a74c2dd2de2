import { CanonicalAttributes } from '../model/attributes';
import { Severity } from '../standardization/findings';

/** A quality finding as stored with a source record (`source_record.findings`). */
export interface MemberFinding {
  code: string;
  severity: Severity;
  attribute: string | null;
  message?: string;
}

/** One source record contributing to a golden record. */
export interface MemberRecord {
  source: string;
  sourceId: string;
  /** The standardized attributes. */
  attributes: CanonicalAttributes;
  /** The record's version time: the source's updatedAt, else when the engine received it (ISO 8601). */
  versionAt: string;
  /** Quality findings of standardization; `valid-only` demotes values with an error or a warning. */
  findings: MemberFinding[];
}
