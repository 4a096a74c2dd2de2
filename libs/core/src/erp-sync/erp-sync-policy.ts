import { AttributeName, PartyKind, isAttributeName } from '../model/attributes';
import { DomainError } from '../errors/domain-error';
import { isObject } from '../mapping/source-mapping';

/**
 * How golden records reach the ERP (config/erp-sync.yaml): when one becomes a customer and the
 * ERP does not hold it yet, one creation request is published with the fields the ERP needs.
 */
export interface ErpSyncPolicy {
  /** The ERP's source name: a golden record holding one of its records is already in the ERP. */
  source: string;
  /** The completeness profile a request must satisfy, per kind (config/completeness-profiles.yaml). */
  profiles: Record<PartyKind, string>;
  /** The golden attributes a request carries. */
  fields: AttributeName[];
}

export function parseErpSyncPolicy(input: unknown, origin: string, knownProfiles: readonly string[]): ErpSyncPolicy {
  if (!isObject(input)) throw new DomainError('MAPPING_INVALID', `${origin}: must be an object`);
  const problems: string[] = [];
  if (typeof input.source !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(input.source)) problems.push('source must name the ERP source, e.g. erp');
  const profiles = { person: '', organization: '' } as Record<PartyKind, string>;
  if (!isObject(input.profiles)) problems.push('profiles must give a completeness profile for person and organization');
  else
    for (const kind of ['person', 'organization'] as const) {
      const name = input.profiles[kind];
      if (typeof name !== 'string' || !knownProfiles.includes(name)) problems.push(`profiles.${kind} must name a completeness profile (${knownProfiles.join(', ')})`);
      else profiles[kind] = name;
    }
  const fields: AttributeName[] = [];
  if (!Array.isArray(input.fields) || input.fields.length === 0) problems.push('fields must list the attributes a request carries');
  else
    for (const field of input.fields) {
      if (typeof field === 'string' && isAttributeName(field)) fields.push(field);
      else problems.push(`fields: ${String(field)} is not a canonical attribute`);
    }
  if (problems.length > 0) throw new DomainError('MAPPING_INVALID', `${origin}: ${problems.join('; ')}`);
  return { source: input.source as string, profiles, fields };
}
