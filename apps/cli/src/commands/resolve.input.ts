import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  AttributeName,
  CanonicalAttributes,
  defaultIsGeneric,
  IsGenericValue,
  isAttributeName,
  isMultiValued,
  isPartyKind,
  MatchRecord,
  PartyKind,
  prepareMatchRecord,
} from '@mdm/core';
import { scanCsv } from './resolve.csv';
import { standardizedIsGeneric, standardizedMatchRecord } from './resolve.standardize';

/** One input row with its record id (`<file name>:<id>` when there are several inputs). */
export interface InputRow {
  id: string;
  source: string;
  row: Record<string, string>;
}

export type ColumnMap = [column: string, attribute: AttributeName][];

/**
 * Reads a CSV file with a header: BOM, quoted fields with embedded newlines, CRLF, spaces after
 * commas (`scanCsv`: a fast reader, csv-parse for what it does not take). With `keep`, each row
 * holds only those columns (a million rows of 30 columns would otherwise stay in memory for
 * nothing).
 */
export function readCsv(path: string, keep?: ReadonlySet<string>, data: Buffer = readFileSync(path)): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  let columns = keep ? [...keep] : undefined;
  scanCsv(
    data,
    columns,
    (values) => {
      const row: Record<string, string> = {};
      for (let k = 0; k < values.length; k++) if (values[k] !== undefined) row[columns![k]] = values[k]!;
      rows.push(row);
    },
    (names) => (columns ??= [...new Set(names)]),
  );
  return rows;
}

/** Which input rows to keep (`index`: the row's position over all the inputs). */
export type RowFilter = (row: Record<string, string>, index: number) => boolean;

/**
 * Reads every input; with several files, each file is a source and ids are prefixed with its
 * name. With `include`, only the rows it accepts are returned, with their positions over all the
 * inputs (`indices`) and the number of rows read (`total`). `data`: the files' bytes, when
 * already read.
 */
export function readInputRows(
  files: readonly string[],
  idColumn: string,
  keep?: readonly string[],
  include?: RowFilter,
  data?: readonly Buffer[],
): { rows: InputRow[]; indices: number[]; total: number } {
  return readInputsAs(files, idColumn, (row) => row, keep, include, data);
}

/**
 * `readInputRows` with each kept row turned into something else as it is read (a match record:
 * a million rows are never in memory together).
 */
export function readInputsAs<T>(
  files: readonly string[],
  idColumn: string,
  convert: (row: InputRow) => T,
  keep?: readonly string[],
  include?: RowFilter,
  data?: readonly Buffer[],
): { rows: T[]; indices: number[]; total: number } {
  const rows: T[] = [];
  const indices: number[] = [];
  const prefix = files.length > 1;
  let total = 0;
  files.forEach((file, f) => {
    const source = basename(file);
    let columns = keep ? [...new Set([idColumn, ...keep])] : undefined;
    let first = true;
    scanCsv(
      data?.[f] ?? readFileSync(file),
      columns,
      (values) => {
        const row: Record<string, string> = {};
        for (let k = 0; k < values.length; k++) if (values[k] !== undefined) row[columns![k]] = values[k]!;
        const index = total++;
        if (first && !(idColumn in row)) throw new Error(`--id: no column "${idColumn}" in ${file}`);
        first = false;
        if (include && !include(row, index)) return;
        rows.push(convert({ id: prefix ? `${source}:${row[idColumn]}` : row[idColumn], source, row }));
        indices.push(index);
      },
      (names) => (columns ??= [...new Set(names)]),
    );
  });
  return { rows, indices, total };
}

/** Reads every input; with several files, each file is a source and ids are prefixed with its name. */
export function readInputs(files: readonly string[], idColumn: string, keep?: readonly string[]): InputRow[] {
  return readInputRows(files, idColumn, keep).rows;
}

/**
 * `given_name=firstName,surname=lastName` → pairs; a column name may contain spaces; a bare name
 * (`email`) maps the column of that name to the attribute of that name.
 */
export function parseColumnMap(text: string): ColumnMap {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const eq = part.includes('=') ? part.lastIndexOf('=') : -1;
      const column = eq < 0 ? part.trim() : part.slice(0, eq).trim();
      const attribute = part.slice(eq + 1).trim();
      if (eq === 0 || column === '') throw new Error(`--map: "${part}" is not <column>=<attribute>`);
      if (!isAttributeName(attribute)) throw new Error(`--map: unknown attribute "${attribute}"`);
      return [column, attribute];
    });
}

export function parseKind(value: string | undefined): PartyKind {
  const kind = value ?? 'person';
  if (!isPartyKind(kind)) throw new Error(`--kind: "${kind}" is not person or organization`);
  return kind;
}

/** Canonical attributes of a row; several emails or phones in one cell are separated by ; or |. */
export function rowAttributes(row: Record<string, string>, map: ColumnMap): CanonicalAttributes {
  const attributes: Record<string, unknown> = {};
  for (const [column, attribute] of map) {
    const value = (row[column] ?? '').trim();
    if (value === '') continue;
    if (isMultiValued(attribute)) {
      const list = (attributes[attribute] as string[] | undefined) ?? [];
      list.push(...value.split(/[;|]/).map((v) => v.trim()).filter((v) => v !== ''));
      attributes[attribute] = list;
    } else if (attributes[attribute] === undefined) attributes[attribute] = value;
    else attributes[attribute] = `${String(attributes[attribute])} ${value}`;
  }
  return attributes as CanonicalAttributes;
}

export const STANDARDIZERS = ['library', 'builtin'] as const;
export type Standardizer = (typeof STANDARDIZERS)[number];

export interface PrepareSettings {
  kind: PartyKind;
  /** A column giving each row's kind (person / organization), for files that mix both. */
  kindColumn?: string;
  country: string;
  /** The standardization library (default), or the matcher's own small normalization. */
  standardizer?: Standardizer;
}

export function parseStandardizer(value: string | undefined): Standardizer {
  const standardizer = value ?? 'library';
  if (!(STANDARDIZERS as readonly string[]).includes(standardizer)) throw new Error(`--standardizer: "${standardizer}" is not ${STANDARDIZERS.join(' or ')}`);
  return standardizer as Standardizer;
}

/**
 * Input rows → match records, through the standardization step. With `release`, each row is
 * removed from the array once standardized, so rows and records are not all in memory together.
 */
export function prepareRows(rows: (InputRow | undefined)[], map: ColumnMap, settings: PrepareSettings, release = false): MatchRecord[] {
  const prepare = rowPreparer(map, settings);
  const records: MatchRecord[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    records[i] = prepare(rows[i]!);
    if (release) rows[i] = undefined;
  }
  return records;
}

/** The standardization step for one input row. */
export function rowPreparer(map: ColumnMap, settings: PrepareSettings): (input: InputRow) => MatchRecord {
  const kindOf = (input: InputRow): PartyKind => {
    if (settings.kindColumn === undefined) return settings.kind;
    const value = input.row[settings.kindColumn];
    if (value === undefined) throw new Error(`--kind-column: no column "${settings.kindColumn}"`);
    return parseKind(value.trim().toLowerCase());
  };
  return settings.standardizer === 'builtin'
    ? (input: InputRow) => prepareMatchRecord(input.id, kindOf(input), rowAttributes(input.row, map), { source: input.source, defaultCountry: settings.country })
    : (input: InputRow) => standardizedMatchRecord(input.id, input.source, kindOf(input), rowAttributes(input.row, map), settings.country);
}

/** The generic-value test that goes with the standardizer. */
export function genericTest(standardizer: Standardizer | undefined): IsGenericValue {
  return standardizer === 'builtin' ? defaultIsGeneric : standardizedIsGeneric;
}
