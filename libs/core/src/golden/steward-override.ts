import { AttributeName, isAttributeName, isBooleanAttribute, isMultiValued } from '../model/attributes';
import { DomainError, ErrorDetail } from '../errors/domain-error';
import { LineageEntry } from './lineage';

/**
 * A value a data steward chose for one attribute of a golden record. It wins over every rule and
 * every source, and survives every recomputation for as long as it is passed in.
 */
export interface StewardOverride {
  attribute: AttributeName;
  /** A string, a boolean for emailOptIn and smsOptIn, a non-empty list of strings for email and phone. */
  value: string | boolean | string[];
  /** Who decided (a steward's login). */
  by: string;
  /** When (ISO 8601). */
  at: string;
  /** Why, in the steward's words. */
  reason: string;
}

/** The problems of an override, each naming its field; empty when it can be applied. */
export function overrideProblems(override: StewardOverride): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const { attribute, value } = override;
  if (!isAttributeName(attribute)) problems.push({ field: 'attribute', message: `${String(attribute)} is not a canonical attribute` });
  else if (isMultiValued(attribute)) {
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
      problems.push({ field: 'value', message: `${attribute} takes a non-empty list of strings` });
    }
  } else if (isBooleanAttribute(attribute)) {
    if (typeof value !== 'boolean') problems.push({ field: 'value', message: `${attribute} takes true or false` });
  } else if (typeof value !== 'string' || value === '') problems.push({ field: 'value', message: `${attribute} takes a non-empty string` });
  for (const field of ['by', 'reason'] as const) {
    if (typeof override[field] !== 'string' || override[field].trim() === '') problems.push({ field, message: `${field} is required` });
  }
  if (typeof override.at !== 'string' || Number.isNaN(Date.parse(override.at))) problems.push({ field: 'at', message: 'at must be an ISO 8601 time' });
  return problems;
}

/**
 * The override that applies to each attribute: the latest one when several name the same
 * attribute (then the smallest steward name), whatever their order.
 */
export function effectiveOverrides(overrides: readonly StewardOverride[]): Map<AttributeName, StewardOverride> {
  const problems = overrides.flatMap((o) => overrideProblems(o).map((p) => ({ ...p, field: `${String(o.attribute)}.${p.field}` })));
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `invalid steward override: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
  }
  const byAttribute = new Map<AttributeName, StewardOverride>();
  for (const override of overrides) {
    const current = byAttribute.get(override.attribute);
    if (!current || isLater(override, current)) byAttribute.set(override.attribute, override);
  }
  return byAttribute;
}

function isLater(a: StewardOverride, b: StewardOverride): boolean {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta > tb;
  if (a.by !== b.by) return a.by < b.by;
  return JSON.stringify(a.value) < JSON.stringify(b.value);
}

export function overrideLineage(override: StewardOverride, replaced: { value: unknown; entry: LineageEntry } | undefined): LineageEntry {
  const entry: LineageEntry = {
    source: 'steward',
    sourceId: override.by,
    rule: 'steward-override',
    versionAt: new Date(Date.parse(override.at)).toISOString(),
    reason: `steward ${override.by} set ${override.attribute} on ${override.at}: ${override.reason}`,
    override: { by: override.by, at: override.at, reason: override.reason },
  };
  if (replaced) entry.override!.replaced = { value: replaced.value, source: replaced.entry.source, sourceId: replaced.entry.sourceId };
  return entry;
}
