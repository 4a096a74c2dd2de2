import { AttributeName, PartyKind, isAttributeName, isPartyKind } from '../model/attributes';
import { DomainError } from '../errors/domain-error';
import { isValidPath } from './json-path';

/**
 * A declarative mapping from one source system's payload to canonical party records.
 * One payload may describe several parties (a CRM message holds a contact and its account):
 * each is an entity of the mapping. Adding a source is adding a mapping file.
 */
export interface SourceMapping {
  source: string;
  topic: string;
  description?: string;
  entities: EntityMapping[];
}

export interface EntityMapping {
  /** Name of the entity within the payload, e.g. `account` or `contact`. */
  name: string;
  kind: KindRule;
  /** Path of the record's id in the source system. */
  id: string;
  /** Prefix added to the id, so two entities of one source never share an id. */
  idPrefix?: string;
  /** When true the entity is skipped if its id is absent from the payload. */
  optional?: boolean;
  /** Path of the source's own modification time: the record's version. */
  version?: string;
  /**
   * Path of the golden id the source was asked to create this record for (the ERP echoes the id of
   * the creation request it answers): the record joins that golden record without matching.
   */
  goldenRef?: string;
  attributes: Partial<Record<AttributeName, AttributeRule>>;
  /** Links to other entities of the same payload, e.g. a contact's account. */
  links?: Record<string, string>;
}

export type KindRule = PartyKind | { path: string; map: Record<string, PartyKind>; default: PartyKind };

export interface AttributeRule {
  /** Paths tried in order; for emails and phones every value found is kept. */
  paths: string[];
  /** Source codes translated to canonical values (e.g. lifecycle `CLIENT` to `customer`). */
  map?: Record<string, string>;
  /** Constant value used when no path gives one. */
  default?: string | boolean;
}

/** Validates a parsed mapping file; the error names the file and the faulty entry. */
export function parseSourceMapping(input: unknown, origin: string): SourceMapping {
  const problems: string[] = [];
  const fail = (where: string, message: string) => problems.push(`${where}: ${message}`);
  if (!isObject(input)) throw new DomainError('MAPPING_INVALID', `${origin}: a mapping must be an object`);

  const source = input.source;
  if (typeof source !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(source)) {
    fail('source', 'must be a lower-case identifier such as "erp"');
  }
  const topic = input.topic ?? `mdm.source.${String(source)}.customers`;
  if (typeof topic !== 'string' || !/^[A-Za-z0-9._-]+$/.test(topic)) fail('topic', 'must be a Kafka topic name');
  if (!Array.isArray(input.entities) || input.entities.length === 0) fail('entities', 'must be a non-empty list');

  const entities: EntityMapping[] = [];
  const names = new Set<string>();
  (Array.isArray(input.entities) ? input.entities : []).forEach((raw: unknown, index: number) => {
    const where = `entities[${index}]`;
    if (!isObject(raw)) return fail(where, 'must be an object');
    const name = raw.name;
    if (typeof name !== 'string' || name === '') return fail(`${where}.name`, 'is required');
    if (names.has(name)) fail(`${where}.name`, `duplicate entity "${name}"`);
    names.add(name);
    const kind = parseKind(raw.kind, `${where}.kind`, fail);
    if (typeof raw.id !== 'string' || !isValidPath(raw.id)) fail(`${where}.id`, 'must be a payload path');
    if (raw.version !== undefined && (typeof raw.version !== 'string' || !isValidPath(raw.version))) {
      fail(`${where}.version`, 'must be a payload path');
    }
    if (raw.idPrefix !== undefined && typeof raw.idPrefix !== 'string') fail(`${where}.idPrefix`, 'must be a string');
    if (raw.goldenRef !== undefined && (typeof raw.goldenRef !== 'string' || !isValidPath(raw.goldenRef))) fail(`${where}.goldenRef`, 'must be a payload path');
    const attributes: Partial<Record<AttributeName, AttributeRule>> = {};
    if (!isObject(raw.attributes)) fail(`${where}.attributes`, 'must be an object');
    else {
      for (const [attribute, rule] of Object.entries(raw.attributes)) {
        if (!isAttributeName(attribute)) {
          fail(`${where}.attributes.${attribute}`, 'is not a canonical attribute');
          continue;
        }
        const parsed = parseAttributeRule(rule, `${where}.attributes.${attribute}`, fail);
        if (parsed) attributes[attribute] = parsed;
      }
    }
    const links: Record<string, string> = {};
    if (raw.links !== undefined) {
      if (!isObject(raw.links)) fail(`${where}.links`, 'must be an object');
      else for (const [role, target] of Object.entries(raw.links)) links[role] = String(target);
    }
    entities.push({
      name,
      kind: kind ?? 'person',
      id: String(raw.id),
      idPrefix: raw.idPrefix as string | undefined,
      optional: raw.optional === true,
      version: raw.version as string | undefined,
      ...(raw.goldenRef !== undefined ? { goldenRef: raw.goldenRef as string } : {}),
      attributes,
      links,
    });
  });
  for (const entity of entities) {
    for (const [role, target] of Object.entries(entity.links ?? {})) {
      if (!names.has(target)) fail(`entity ${entity.name}.links.${role}`, `names no entity "${target}"`);
    }
  }
  if (problems.length > 0) {
    throw new DomainError(
      'MAPPING_INVALID',
      `${origin}: invalid source mapping: ${problems.join('; ')}`,
      problems.map((message) => ({ message })),
    );
  }
  return { source: source as string, topic: topic as string, description: input.description as string | undefined, entities };
}

function parseKind(raw: unknown, where: string, fail: (w: string, m: string) => void): KindRule | undefined {
  if (typeof raw === 'string') {
    if (isPartyKind(raw)) return raw;
    fail(where, 'must be "person" or "organization"');
    return undefined;
  }
  if (isObject(raw) && typeof raw.path === 'string' && isObject(raw.map) && typeof raw.default === 'string') {
    const map: Record<string, PartyKind> = {};
    for (const [code, kind] of Object.entries(raw.map)) {
      if (typeof kind === 'string' && isPartyKind(kind)) map[code] = kind;
      else fail(`${where}.map.${code}`, 'must be "person" or "organization"');
    }
    if (!isPartyKind(raw.default)) fail(`${where}.default`, 'must be "person" or "organization"');
    return { path: raw.path, map, default: raw.default as PartyKind };
  }
  fail(where, 'must be a kind or { path, map, default }');
  return undefined;
}

function parseAttributeRule(raw: unknown, where: string, fail: (w: string, m: string) => void): AttributeRule | undefined {
  if (typeof raw === 'string') raw = { paths: [raw] };
  else if (Array.isArray(raw)) raw = { paths: raw };
  if (!isObject(raw)) {
    fail(where, 'must be a path, a list of paths or { path(s), map, default }');
    return undefined;
  }
  const paths = raw.paths ?? (raw.path !== undefined ? [raw.path] : []);
  if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string' || !isValidPath(p))) {
    fail(where, 'paths must be payload paths');
    return undefined;
  }
  if (paths.length === 0 && raw.default === undefined) fail(where, 'needs a path or a default');
  if (raw.map !== undefined && !isObject(raw.map)) fail(`${where}.map`, 'must be an object');
  const defaultValue = raw.default;
  if (defaultValue !== undefined && typeof defaultValue !== 'string' && typeof defaultValue !== 'boolean') {
    fail(`${where}.default`, 'must be a string or a boolean');
  }
  return {
    paths: paths as string[],
    map: raw.map as Record<string, string> | undefined,
    default: defaultValue as string | boolean | undefined,
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
