import { AttributeName, CanonicalAttributes, isAttributeName, isBooleanAttribute, isMultiValued } from '@mdm/core';

/** One `column=attribute` pair of `--map`. */
export interface ColumnMapping {
  column: string;
  attribute: AttributeName;
}

/** Comma-separated pairs; a piece without "=" belongs to the next pair's column name ("Nom, prénom=fullName"). */
function splitPairs(spec: string): string[] {
  const pairs: string[] = [];
  let pending = '';
  for (const piece of spec.split(',')) {
    if (piece.includes('=')) {
      pairs.push(pending === '' ? piece : `${pending},${piece}`);
      pending = '';
    } else {
      pending = pending === '' ? piece : `${pending},${piece}`;
    }
  }
  if (pending.trim() !== '') pairs.push(pending);
  return pairs;
}

/**
 * Parses `--map` values: comma-separated `column=attribute` pairs, the option repeatable. The last
 * `=` of a pair splits it, since attribute names never hold one. Throws naming the faulty pair or
 * attribute.
 */
export function parseColumnMap(specs: string[]): ColumnMapping[] {
  const mappings: ColumnMapping[] = [];
  for (const spec of specs) {
    for (const pair of splitPairs(spec)) {
      if (pair.trim() === '') continue;
      const eq = pair.lastIndexOf('=');
      if (eq <= 0 || eq === pair.length - 1) throw new Error(`--map: "${pair}" is not column=attribute`);
      const column = pair.slice(0, eq).trim();
      const attribute = pair.slice(eq + 1).trim();
      if (!isAttributeName(attribute)) throw new Error(`--map: unknown attribute "${attribute}" (for column "${column}")`);
      if (mappings.some((m) => m.column === column && m.attribute === attribute)) continue;
      mappings.push({ column, attribute });
    }
  }
  if (mappings.length === 0) throw new Error('--map: no column=attribute pair given');
  return mappings;
}

/**
 * Resolves each mapped column against the CSV header: exact name first, then ignoring case and
 * surrounding spaces. Throws naming the missing column and listing the available ones.
 */
export function resolveColumns(mappings: ColumnMapping[], headers: string[]): ColumnMapping[] {
  return mappings.map((m) => {
    if (headers.includes(m.column)) return m;
    const wanted = m.column.trim().toLowerCase();
    const found = headers.find((h) => h.trim().toLowerCase() === wanted);
    if (found === undefined) throw new Error(`--map: no column "${m.column}" in the file; columns are: ${headers.map((h) => `"${h}"`).join(', ')}`);
    return { column: found, attribute: m.attribute };
  });
}

/**
 * One CSV row to canonical attributes. Emails and phones collect every mapped column; a text
 * attribute mapped from several columns joins their values with a space (street from "Adresse 1"
 * and "Adresse 2"); a yes/no attribute takes the first filled column.
 */
export function mapRow(row: Record<string, string | undefined>, mappings: ColumnMapping[]): CanonicalAttributes {
  const out: Record<string, string | string[] | boolean> = {};
  for (const { column, attribute } of mappings) {
    const value = row[column];
    if (value === undefined || value.trim() === '') continue;
    if (isMultiValued(attribute)) {
      const list = (out[attribute] as string[] | undefined) ?? [];
      list.push(value);
      out[attribute] = list;
    } else if (isBooleanAttribute(attribute)) {
      if (out[attribute] === undefined) out[attribute] = value;
    } else {
      const previous = out[attribute];
      out[attribute] = typeof previous === 'string' ? `${previous} ${value}` : value;
    }
  }
  // Yes/no columns stay strings here: standardization reads "oui", "1", "true" and reports the rest.
  return out as CanonicalAttributes;
}
