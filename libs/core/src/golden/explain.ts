import { AttributeName, CanonicalAttributes } from '../model/attributes';
import { quote } from '../standardization/findings';
import { LineageEntry } from './lineage';

export interface ExplainedValue {
  value: string | boolean;
  source: string;
  sourceId: string;
  rule: LineageEntry['rule'];
  versionAt: string;
  reason: string;
  group?: string;
  findings?: string[];
  demoted?: LineageEntry['demoted'];
  override?: LineageEntry['override'];
}

/** "Why does this golden record say X?": the value(s) of an attribute, where each came from and why, and one line of text. */
export interface GoldenValueExplanation {
  attribute: AttributeName;
  /** The golden value, undefined when the golden record has none. */
  value: CanonicalAttributes[AttributeName] | undefined;
  /** One item per value: one for a single value, one per kept value for emails and phones. */
  values: ExplainedValue[];
  text: string;
}

/** Explains one attribute of a golden record from its stored values and lineage. */
export function explainGoldenValue(
  golden: { attributes: CanonicalAttributes; lineage: Partial<Record<AttributeName, LineageEntry[]>> },
  attribute: AttributeName,
): GoldenValueExplanation {
  const value = golden.attributes[attribute];
  const entries = golden.lineage[attribute] ?? [];
  if (value === undefined) {
    return { attribute, value, values: [], text: `${attribute} has no value: no member gives one and no steward set one` };
  }
  const list: (string | boolean)[] = Array.isArray(value) && entries[0]?.rule !== 'steward-override' ? value : [value as string | boolean];
  const values = list.map((v, i) => explained(v, entries[i]));
  const parts = values.map((v) => `${show(v.value)} from ${origin(v)}: ${v.reason}`);
  return { attribute, value, values, text: `${attribute} = ${parts.join(' | ')}` };
}

function explained(value: string | boolean | string[], entry: LineageEntry | undefined): ExplainedValue {
  const shown = Array.isArray(value) ? value.join(', ') : value;
  if (!entry) return { value: shown, source: 'unknown', sourceId: 'unknown', rule: 'sole-value', versionAt: '', reason: 'no lineage was recorded for this value' };
  const item: ExplainedValue = {
    value: shown,
    source: entry.source,
    sourceId: entry.sourceId,
    rule: entry.rule,
    versionAt: entry.versionAt,
    // golden records computed before reasons existed carry only the rule
    reason: entry.reason ?? `chosen by ${entry.rule}`,
  };
  for (const key of ['group', 'findings', 'demoted', 'override'] as const) {
    if (entry[key] !== undefined) Object.assign(item, { [key]: entry[key] });
  }
  return item;
}

function origin(v: ExplainedValue): string {
  if (v.rule === 'steward-override') return `steward ${v.sourceId} (${v.versionAt})`;
  return `${v.source}:${v.sourceId} (version ${v.versionAt}${v.group ? `, group ${v.group}` : ''})`;
}

function show(value: string | boolean): string {
  return typeof value === 'string' ? quote(value) : String(value);
}
