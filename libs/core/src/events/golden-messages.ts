import { AttributeName, CanonicalAttributes, PartyKind } from '../model/attributes';
import { GoldenValues } from '../golden/survivorship';

/** Value of `mdm.golden.parties` (key: golden id): the whole golden record, latest version. */
export interface GoldenSnapshot {
  schema: 'mdm.golden.party/v1';
  goldenId: string;
  kind: PartyKind;
  version: number;
  attributes: CanonicalAttributes;
  lineage: GoldenValues['lineage'];
  sources: GoldenValues['sources'];
  createdAt: string;
  updatedAt: string;
}

export const GOLDEN_EVENT_TYPES = ['golden.created', 'golden.updated', 'golden.merged', 'golden.redirected', 'golden.unmerged', 'golden.erased'] as const;
export type GoldenEventType = (typeof GOLDEN_EVENT_TYPES)[number];

/** What caused a change: a source record that arrived, or a steward's action (with its reason). */
export type ChangeCause = { source: string; sourceId: string } | { steward: string; action: StewardAction; reason: string };

export const STEWARD_ACTIONS = ['override', 'remove-override', 'unmerge', 'erase', 'merge'] as const;
export type StewardAction = (typeof STEWARD_ACTIONS)[number];

/** Value of `mdm.golden.events` (key: golden id). `eventId` is unique: downstream deduplicates on it. */
export interface GoldenEvent {
  schema: 'mdm.golden.event/v1';
  eventId: string;
  type: GoldenEventType;
  goldenId: string;
  kind: PartyKind;
  version: number;
  changedFields: AttributeName[];
  /** For `golden.merged`: the ids merged into `goldenId`, which now redirect to it. */
  mergedIds?: string[];
  /** For `golden.redirected` (keyed by the merged-away id): the golden record that id now resolves to. */
  redirectedTo?: string;
  /** For `golden.unmerged`: the new golden record(s) the steward split source records out into. */
  splitInto?: string[];
  cause: ChangeCause;
  occurredAt: string;
}

/** Value of `mdm.xref` (key: `<source>:<sourceId>`): the golden record a source record belongs to. */
export interface XrefMessage {
  schema: 'mdm.xref/v1';
  source: string;
  sourceId: string;
  goldenId: string;
  previousGoldenId: string | null;
  kind: PartyKind;
  linkedAt: string;
}

export function xrefKey(source: string, sourceId: string): string {
  return `${source}:${sourceId}`;
}

/**
 * Value of `mdm.erp.requests` (key: golden id): ask the ERP to create the account of a customer it
 * does not hold. Sent once per golden record. The ERP answers by publishing the account it created
 * on its source topic with `mdmReference` set to `goldenId`, which joins it to this golden record.
 */
export interface ErpCreationRequest {
  schema: 'mdm.erp.request/v1';
  requestId: string;
  goldenId: string;
  kind: PartyKind;
  /** The golden values the ERP needs (config/erp-sync.yaml), complete for its profile. */
  account: CanonicalAttributes;
  requestedAt: string;
}
