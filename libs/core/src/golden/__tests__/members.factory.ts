import { CanonicalAttributes } from '../../model/attributes';
import { FindingCode, severityOf } from '../../standardization/findings';
import { MemberFinding, MemberRecord } from '../member-record';
import { parseSurvivorshipPolicy } from '../survivorship-policy';
import { SurvivorshipPolicy } from '../survivorship-policy.types';

/** A member record; the version is a day of 2026 unless given in full. */
export function member(source: string, sourceId: string, versionAt: string, attributes: CanonicalAttributes, findings: MemberFinding[] = []): MemberRecord {
  return { source, sourceId, versionAt: versionAt.length === 10 ? `${versionAt}T00:00:00.000Z` : versionAt, attributes, findings };
}

/** A finding as standardization stores it, with its real severity. */
export function finding(code: FindingCode, attribute: MemberFinding['attribute'], message = `${code} on ${attribute}`): MemberFinding {
  return { code, severity: severityOf(code), attribute, message };
}

/** A policy from the YAML shape, validated as the engine does. */
export function policyOf(input: Record<string, unknown>): SurvivorshipPolicy {
  return parseSurvivorshipPolicy(input, 'test.yaml');
}
