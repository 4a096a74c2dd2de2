import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATOR_SOURCES, GeneratedRow, MULTI_VALUE_SEPARATOR, SourceMapping, parseSourceMapping } from '@mdm/core';
import { DataSource } from 'typeorm';
import { InboundMessage, outboundTopics } from '@mdm/messaging';
import { EngineRules } from '@mdm/settings';
import { IngestBatchUseCase } from './ingest-batch.usecase';
import { frenchStandardizer } from './standardizer';
import { NearNameReviewer } from '../review/near-name-reviewer';
import { createLogger } from '../logger';

/**
 * Generated rows (`mdm generate`) as source messages: one source mapping per generator source that
 * reads a row as it is (payload keys are attribute names). For benchmarks and tests of the ingest path.
 */
export function generatedRowMappings(topicOf: (source: string) => string = (source) => `bench.${source}`): SourceMapping[] {
  return generatedRowMappingDocuments(topicOf).map((document) => parseSourceMapping(document, `generated ${document.source}`));
}

/** The mapping documents (as a mapping file holds them) that read generated rows as they are. */
export function generatedRowMappingDocuments(topicOf: (source: string) => string) {
  const attributes = Object.fromEntries(
    ['civility', 'firstName', 'lastName', 'fullName', 'birthDate', 'street', 'houseNumber', 'addressLine2', 'postalCode', 'city', 'region', 'country', 'legalName', 'tradeName', 'siren', 'siret', 'vatNumber', 'nafCode', 'legalForm', 'paymentTerms', 'website', 'lifecycle', 'owner', 'email', 'phone', 'emailOptIn', 'smsOptIn'].map((a) => [a, a]),
  );
  return GENERATOR_SOURCES.map((source) => ({
    source,
    topic: topicOf(source),
    entities: [{ name: 'record', kind: { path: 'kind', map: { person: 'person', organization: 'organization' }, default: 'person' }, id: 'record_id', version: 'updatedAt', attributes }],
  }));
}

/** The topic a source of generated rows is read from, in a configuration written by `writeGeneratedConfig`. */
export const generatedTopic = (source: string) => `gen.${source}`;

/**
 * A configuration folder whose sources read generated rows (one mapping per generator source, with
 * the real configuration's source names, so its survivorship and matching rules apply), for the
 * engine run by benchmarks and the fault suite.
 */
export function writeGeneratedConfig(configDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mdm-config-'));
  cpSync(configDir, dir, { recursive: true });
  for (const file of readdirSync(join(dir, 'sources'))) rmSync(join(dir, 'sources', file));
  // JSON is YAML
  for (const document of generatedRowMappingDocuments(generatedTopic)) writeFileSync(join(dir, 'sources', `${document.source}.mapping.yaml`), JSON.stringify(document, null, 2));
  return dir;
}

/** A generated row as its source would publish it: the row's columns, multi-valued ones as lists. */
export function generatedRowPayload(row: GeneratedRow): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (value === '' || column === 'entity_id' || column === 'source') continue;
    payload[column] = column === 'email' || column === 'phone' ? value.split(MULTI_VALUE_SEPARATOR) : value;
  }
  return payload;
}

export function generatedRowMessage(row: GeneratedRow, offset: number): InboundMessage {
  return { topic: `bench.${row.source}`, partition: 0, offset: String(offset), key: Buffer.from(row.record_id), value: Buffer.from(JSON.stringify(generatedRowPayload(row))), headers: {}, timestamp: '0' };
}

/** The engine's ingest use case reading generated rows, with the rules of a configuration folder. */
export function generatedRowsIngest(dataSource: DataSource, rules: EngineRules, topicPrefix: string, maxMessageBytes = 512 * 1024): IngestBatchUseCase {
  return new IngestBatchUseCase(dataSource, {
    mappings: generatedRowMappings(),
    topics: outboundTopics(topicPrefix),
    survivorship: rules.survivorship,
    standardizer: frenchStandardizer(rules.matching.defaultCountry),
    matching: rules.matching,
    erp: rules.erp,
    maxMessageBytes,
  });
}

/** The near-name reviewer of the engine, over a database the benchmarks load (it runs only when asked: `reviewBatch`). */
export function generatedRowsReviewer(dataSource: DataSource, rules: EngineRules): NearNameReviewer {
  return new NearNameReviewer(dataSource, createLogger('silent'), { matching: rules.matching, standardizer: frenchStandardizer(rules.matching.defaultCountry), pollMs: 1000 });
}
