import {
  CanonicalAttributes,
  DomainError,
  IsGenericValue,
  MappedRecord,
  MatchForms,
  MatchRecord,
  PartyKind,
  SourceMapping,
  decodeMessage,
  incrementalBlockingKeys,
  mapPayload,
  matchRecordOf,
  payloadHash,
  trigramName,
} from '@mdm/core';
import { InboundMessage } from '@mdm/messaging';

/** Standardization as ingestion uses it: display values, match forms and findings, and the generic-value test. */
export interface Standardizer {
  /** Country of records that do not say. */
  defaultCountry: string;
  standardize(kind: PartyKind, raw: CanonicalAttributes): { standardized: CanonicalAttributes; matchKeys: MatchForms; findings: unknown[] };
  isGeneric: IsGenericValue;
}

export interface PreparedRecord extends MappedRecord {
  standardized: CanonicalAttributes;
  findings: unknown[];
  /** What the matcher reads of the record; its id is `source:sourceId`. */
  matchRecord: MatchRecord;
  /** Blocking keys: the record is stored under them and candidates are found through them. */
  matchKeys: string[];
  /** The name the trigram index finds misspelled neighbours by. */
  matchName: string | null;
  hash: string;
}

/** The id of a source record in the matcher and in steward decisions. */
export function recordId(source: string, sourceId: string): string {
  return `${source}:${sourceId}`;
}

export type Preparation =
  | { ok: true; message: InboundMessage; payload: Buffer; records: PreparedRecord[] }
  | { ok: false; message: InboundMessage; error: DomainError };

export const SOURCE_HEADER = 'mdm-source';

/**
 * Everything that can be decided about a message without the database: which source it comes
 * from, whether it decodes and validates, and the standardized records it describes.
 */
export function prepareMessage(
  message: InboundMessage,
  mappingsByTopic: Map<string, SourceMapping>,
  mappingsBySource: Map<string, SourceMapping>,
  standardizer: Standardizer,
  maxBytes: number,
): Preparation {
  try {
    const named = message.headers[SOURCE_HEADER];
    const mapping = named !== undefined ? mappingsBySource.get(named) : mappingsByTopic.get(message.topic);
    if (!mapping) {
      throw new DomainError(
        'UNKNOWN_SOURCE',
        named !== undefined ? `the source "${named}" named by the ${SOURCE_HEADER} header has no mapping` : `no source mapping reads the topic ${message.topic}`,
      );
    }
    const payload = decodeMessage(message.value, maxBytes);
    const records = prepareMapped(mapPayload(payload, mapping), standardizer);
    return { ok: true, message, payload: message.value as Buffer, records };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message, error };
    throw error;
  }
}

/** Standardization, match forms and blocking keys of records already mapped to canonical attributes. */
export function prepareMapped(mapped: MappedRecord[], standardizer: Standardizer): PreparedRecord[] {
  return mapped.map((record) => {
    const result = standardizer.standardize(record.kind, record.attributes);
    const matchRecord = matchRecordOf(recordId(record.source, record.sourceId), record.source, record.kind, record.attributes, result, standardizer.defaultCountry);
    return {
      ...record,
      standardized: result.standardized,
      findings: result.findings,
      matchRecord,
      matchKeys: incrementalBlockingKeys(matchRecord, { isGeneric: standardizer.isGeneric, defaultCountry: standardizer.defaultCountry }),
      matchName: trigramName(matchRecord) ?? null,
      // the hash covers the record's own mapped values, so an unrelated part of the payload changing does not re-version it
      hash: payloadHash({ kind: record.kind, attributes: record.attributes, links: record.links }),
    };
  });
}
