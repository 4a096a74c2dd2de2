import { parse } from 'csv-parse/sync';

/**
 * A fast reader for the CSV files `mdm resolve` reads (a million rows in a few seconds instead of
 * 16 s with csv-parse), giving the same rows as csv-parse with `columns, bom, trim,
 * skip_empty_lines, relax_column_count`: a header; fields separated by commas; records by LF or
 * CRLF; RFC 4180 quoting (quoted line breaks, doubled quotes); spaces and tabs around fields
 * trimmed (inside quotes kept); blank lines skipped; missing trailing fields absent, extra fields
 * ignored; of two columns with one name, the last one counts. Anything else (a quote inside an
 * unquoted field, a bare CR record delimiter, text after a closing quote) is handed to csv-parse,
 * which reads it or reports the error.
 *
 * Only the columns asked for are decoded, each value as a new string (no slice of the file's
 * text is kept alive).
 */
export class CsvFallback extends Error {}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** The values of the kept columns of one row, in the order asked for (undefined: the row has no such field). */
export type CsvRowHandler = (values: (string | undefined)[]) => void;

/**
 * Calls `onRow` with the values of `columns` for every record of the file (after `onHeader` with
 * the header); returns the header. Throws (csv-parse's errors) on malformed files. `columns`
 * undefined: every column of the header (of two with one name, the first place and the last value).
 */
export function scanCsv(data: Buffer, columns: readonly string[] | undefined, onRow: CsvRowHandler, onHeader?: (header: string[]) => void): string[] {
  let rows = 0;
  let headerSeen = false;
  const header = (names: string[]) => {
    if (!headerSeen && onHeader) onHeader(names);
    headerSeen = true;
  };
  try {
    return scanFast(data, columns, (values) => (rows++, onRow(values)), header);
  } catch (error) {
    if (!(error instanceof CsvFallback)) throw error;
  }
  // the rows before the one the fast reader stopped at are read the same way: not given twice
  let skip = rows;
  return scanWithCsvParse(data, columns, (values) => (skip > 0 ? skip-- : onRow(values)), header);
}

/** The csv-parse path, for files the fast reader does not take (and to check it against, in tests). */
export function scanWithCsvParse(data: Buffer, columns: readonly string[] | undefined, onRow: CsvRowHandler, onHeader?: (header: string[]) => void): string[] {
  let header: string[] = [];
  const records = parse(data, {
    columns: (names: string[]) => (header = names),
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  onHeader?.(header);
  const keep = columns ?? [...new Set(header)];
  for (const record of records) onRow(keep.map((c) => (c in record ? record[c] : undefined)));
  return header;
}

interface SliceDecoders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** Node's Buffer decoders without toString's argument checks (a million rows have fifteen million fields). */
function sliceDecoders(data: Buffer): SliceDecoders {
  const fast = data as unknown as Partial<SliceDecoders>;
  if (typeof fast.latin1Slice === 'function' && typeof fast.utf8Slice === 'function') return fast as SliceDecoders;
  return { latin1Slice: (s, e) => data.toString('latin1', s, e), utf8Slice: (s, e) => data.toString('utf8', s, e) };
}

/** The fast path: throws CsvFallback on anything it does not read the way csv-parse does. */
export function scanFast(data: Buffer, columns: readonly string[] | undefined, onRow: CsvRowHandler, onHeader?: (header: string[]) => void): string[] {
  const n = data.length;
  const slices = sliceDecoders(data);
  let pos = n >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  // field boundaries of the current record: start, end, flags (1 = quoted with doubled quotes, 2 = non-ASCII)
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let flags = new Uint8Array(64);
  let count = 0;
  let header: string[] | undefined;
  let slot: Int32Array = new Int32Array(0);
  let want = 0;

  const decode = (f: number): string => {
    const s = starts[f];
    const e = ends[f];
    if (s === e) return '';
    const text = flags[f] & 2 ? slices.utf8Slice(s, e) : slices.latin1Slice(s, e);
    return flags[f] & 1 ? text.replace(/""/g, '"') : text;
  };

  const endRecord = () => {
    // a blank (or whitespace-only) line is one empty field: skipped
    if (count === 1 && starts[0] === ends[0] && (flags[0] & 4) === 0) {
      count = 0;
      return;
    }
    if (header === undefined) {
      header = [];
      for (let f = 0; f < count; f++) header.push(decode(f));
      onHeader?.(header);
      const keep = columns ?? [...new Set(header)];
      want = keep.length;
      slot = new Int32Array(want);
      for (let k = 0; k < want; k++) slot[k] = header.lastIndexOf(keep[k]);
      count = 0;
      return;
    }
    const row = new Array<string | undefined>(want);
    for (let k = 0; k < want; k++) {
      const f = slot[k];
      row[k] = f >= 0 && f < count ? decode(f) : undefined;
    }
    count = 0;
    onRow(row);
  };

  while (pos < n) {
    // one field
    if (count === starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      starts = grow(starts, new Int32Array(count * 2));
      ends = grow(ends, new Int32Array(count * 2));
      flags = grow(flags, new Uint8Array(count * 2));
    }
    let b = data[pos];
    while ((b === SPACE || b === TAB) && pos < n) b = data[++pos];
    let flag = 0;
    if (b === QUOTE) {
      const s = ++pos;
      for (;;) {
        if (pos >= n) throw new CsvFallback('unclosed quote');
        b = data[pos];
        if (b === QUOTE) {
          if (pos + 1 < n && data[pos + 1] === QUOTE) {
            flag |= 1;
            pos += 2;
            continue;
          }
          break;
        }
        if (b & 0x80) flag |= 2;
        pos++;
      }
      starts[count] = s;
      ends[count] = pos;
      flags[count] = flag | 4;
      count++;
      pos++;
      b = data[pos];
      while ((b === SPACE || b === TAB) && pos < n) b = data[++pos];
      if (pos >= n) break;
      if (b === COMMA) {
        pos++;
        if (pos >= n) {
          starts[count] = ends[count] = pos;
          flags[count++] = 0;
        }
        continue;
      }
      if (b === LF) {
        pos++;
        endRecord();
        continue;
      }
      if (b === CR && pos + 1 < n && data[pos + 1] === LF) {
        pos += 2;
        endRecord();
        continue;
      }
      throw new CsvFallback('text after a closing quote');
    }
    const s = pos;
    let e = pos;
    while (pos < n) {
      b = data[pos];
      if (b === COMMA || b === LF) break;
      if (b === CR) {
        if (pos + 1 < n && data[pos + 1] === LF) break;
        throw new CsvFallback('bare CR');
      }
      if (b === QUOTE) throw new CsvFallback('quote in an unquoted field');
      if (b & 0x80) flag |= 2;
      pos++;
      if (b !== SPACE && b !== TAB) e = pos;
    }
    starts[count] = s;
    ends[count] = e;
    flags[count] = flag;
    count++;
    if (pos >= n) break;
    if (b === COMMA) {
      pos++;
      if (pos >= n) {
        starts[count] = ends[count] = pos;
        flags[count++] = 0;
      }
      continue;
    }
    pos += b === CR ? 2 : 1;
    endRecord();
  }
  if (count > 0) endRecord();
  return header ?? [];
}
