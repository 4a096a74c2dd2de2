import { CanonicalAttributes, PartyKind } from '../model/attributes';
import { CompletenessProfile, evaluateCompleteness } from '../standardization/completeness';
import { ErpSyncPolicy } from './erp-sync-policy';

export interface ErpSyncSubject {
  kind: PartyKind;
  attributes: CanonicalAttributes;
  /** The golden record's source records. */
  sources: readonly { source: string; sourceId: string }[];
}

export type ErpSyncDecision =
  | { action: 'none'; why: 'not-a-customer' | 'already-in-erp' }
  /** Ask the ERP to create the account with these values. */
  | { action: 'request'; account: CanonicalAttributes }
  /** A customer the ERP cannot take yet: a steward completes it first. */
  | { action: 'incomplete'; profile: string; missing: string[] };

/**
 * Whether a golden record must be sent to the ERP now: it is a customer (a source or a steward says
 * so), no ERP record is among its sources, and it satisfies the ERP's completeness profile for its
 * kind. Whether a request was already sent is the caller's to remember.
 */
export function decideErpSync(golden: ErpSyncSubject, policy: ErpSyncPolicy, profiles: readonly CompletenessProfile[]): ErpSyncDecision {
  if (golden.attributes.lifecycle !== 'customer') return { action: 'none', why: 'not-a-customer' };
  if (golden.sources.some((s) => s.source === policy.source)) return { action: 'none', why: 'already-in-erp' };
  const name = policy.profiles[golden.kind];
  const profile = profiles.find((p) => p.name === name);
  if (!profile) throw new Error(`ERP sync: no completeness profile named ${name}`);
  const [result] = evaluateCompleteness(golden.attributes, [profile]);
  if (!result.satisfied) return { action: 'incomplete', profile: name, missing: result.missing };
  const account: CanonicalAttributes = {};
  for (const field of policy.fields) {
    const value = golden.attributes[field];
    if (value !== undefined) (account as Record<string, unknown>)[field] = value;
  }
  return { action: 'request', account };
}
