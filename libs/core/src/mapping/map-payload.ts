import {
  AttributeName,
  CanonicalAttributes,
  PartyKind,
  isBooleanAttribute,
  isLifecycle,
  isMultiValued,
} from '../model/attributes';
import { DomainError, ErrorDetail } from '../errors/domain-error';
import { readPath } from './json-path';
import { AttributeRule, EntityMapping, SourceMapping, isObject } from './source-mapping';

/** One party described by a source payload, in canonical attribute names, not yet standardized. */
export interface MappedRecord {
  source: string;
  sourceId: string;
  entity: string;
  kind: PartyKind;
  attributes: CanonicalAttributes;
  /** The source's modification time (ISO 8601), when it gives one: the record's version. */
  sourceUpdatedAt: string | null;
  /** Links to other records of the same payload: role -> source id. */
  links: Record<string, string>;
  /** The golden id the source created this record for, when its mapping names one (a UUID). */
  goldenRef?: string;
}

const MAX_VALUE_LENGTH = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies a source mapping to a parsed payload. Throws a VALIDATION_FAILED DomainError whose
 * details name every faulty field, so the dead letter says exactly what was wrong.
 */
export function mapPayload(payload: unknown, mapping: SourceMapping): MappedRecord[] {
  if (!isObject(payload)) throw new DomainError('NOT_AN_OBJECT', 'the message must be a JSON object');
  const problems: ErrorDetail[] = [];
  const ids = new Map<string, string>();
  const records: MappedRecord[] = [];

  for (const entity of mapping.entities) {
    const id = scalar(readPath(payload, entity.id)[0]);
    if (id === undefined || id === '') {
      if (!entity.optional) problems.push({ field: entity.id, message: `the ${entity.name} id is required` });
      continue;
    }
    if (id.length > 200) {
      problems.push({ field: entity.id, message: 'the id is longer than 200 characters' });
      continue;
    }
    const sourceId = `${entity.idPrefix ?? ''}${id}`;
    ids.set(entity.name, sourceId);
    const before = problems.length;
    const attributes = mapAttributes(payload, entity, problems);
    if (Object.keys(attributes).length === 0 && problems.length === before) {
      problems.push({ field: entity.name, message: `the ${entity.name} carries no attribute` });
    }
    const goldenRef = entity.goldenRef === undefined ? undefined : scalar(readPath(payload, entity.goldenRef)[0]);
    if (goldenRef !== undefined && goldenRef !== '' && !UUID.test(goldenRef)) {
      problems.push({ field: entity.goldenRef, message: 'the golden record reference must be a UUID' });
    }
    records.push({
      source: mapping.source,
      sourceId,
      entity: entity.name,
      kind: resolveKind(payload, entity),
      attributes,
      sourceUpdatedAt: attributes.updatedAt ?? null,
      links: {},
      ...(goldenRef ? { goldenRef: goldenRef.toLowerCase() } : {}),
    });
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push({ message: 'the message describes no record' });
  }
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', problems.map(describe).join('; '), problems);
  }
  for (const [index, entity] of mapping.entities.entries()) {
    const record = records.find((r) => r.entity === entity.name);
    if (!record) continue;
    for (const [role, target] of Object.entries(mapping.entities[index].links ?? {})) {
      const targetId = ids.get(target);
      if (targetId !== undefined) record.links[role] = targetId;
    }
  }
  return records;
}

function mapAttributes(payload: Record<string, unknown>, entity: EntityMapping, problems: ErrorDetail[]): CanonicalAttributes {
  const out: Record<string, unknown> = {};
  const rules = { ...entity.attributes };
  if (entity.version && !rules.updatedAt) rules.updatedAt = { paths: [entity.version] };
  for (const [attribute, rule] of Object.entries(rules) as [AttributeName, AttributeRule][]) {
    const values = collect(payload, rule);
    if (values.length === 0) continue;
    const field = rule.paths[0] ?? attribute;
    if (isMultiValued(attribute)) {
      const strings = [...new Set(values.map(scalar).filter((v): v is string => v !== undefined && v !== ''))];
      const bad = values.find((v) => scalar(v) === undefined);
      if (bad !== undefined) problems.push({ field, message: `${attribute} values must be strings` });
      if (strings.length > 0) out[attribute] = strings;
    } else if (isBooleanAttribute(attribute)) {
      const value = toBoolean(translate(scalar(values[0]), rule));
      if (value === undefined) problems.push({ field, message: `${attribute} must be a boolean` });
      else out[attribute] = value;
    } else {
      let value = scalar(values[0]);
      if (value === undefined) {
        problems.push({ field, message: `${attribute} must be a string or a number` });
        continue;
      }
      value = translate(value, rule) as string;
      if (value === '') continue;
      if (attribute === 'lifecycle' && !isLifecycle(value)) {
        problems.push({ field, message: `lifecycle "${value}" is not one of lead, prospect, customer` });
        continue;
      }
      if (attribute === 'updatedAt') {
        const time = Date.parse(value);
        if (Number.isNaN(time)) {
          problems.push({ field, message: 'updatedAt must be an ISO 8601 date-time' });
          continue;
        }
        value = new Date(time).toISOString();
      }
      out[attribute] = value;
    }
  }
  return out as CanonicalAttributes;
}

function collect(payload: Record<string, unknown>, rule: AttributeRule): unknown[] {
  const values: unknown[] = [];
  for (const path of rule.paths) {
    for (const value of readPath(payload, path)) {
      if (value === null || value === '') continue;
      if (Array.isArray(value)) values.push(...value.filter((v) => v !== null && v !== ''));
      else values.push(value);
    }
  }
  if (values.length === 0 && rule.default !== undefined) values.push(rule.default);
  return values;
}

/** Applies the rule's code table; the key `*` stands for every value the table does not name. */
function translate(value: string | undefined, rule: AttributeRule): string | undefined {
  if (value === undefined || !rule.map) return value;
  if (Object.prototype.hasOwnProperty.call(rule.map, value)) return rule.map[value];
  return rule.map['*'] ?? value;
}

function resolveKind(payload: Record<string, unknown>, entity: EntityMapping): PartyKind {
  if (typeof entity.kind === 'string') return entity.kind;
  const code = scalar(readPath(payload, entity.kind.path)[0]);
  return (code !== undefined && entity.kind.map[code]) || entity.kind.default;
}

/**
 * A string value trimmed and bounded; numbers become strings; anything else is undefined.
 * NUL characters are dropped: no text column can hold them, and the verbatim payload is kept anyway.
 */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').trim().slice(0, MAX_VALUE_LENGTH);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = scalar(value)?.toLowerCase();
  if (text === undefined) return undefined;
  if (['true', '1', 'yes', 'oui', 'y', 'o'].includes(text)) return true;
  if (['false', '0', 'no', 'non', 'n'].includes(text)) return false;
  return undefined;
}

function describe(detail: ErrorDetail): string {
  return detail.field ? `${detail.field}: ${detail.message}` : detail.message;
}
