import { parse } from 'csv-parse/sync';

export interface CsvTable {
  headers: string[];
  rows: Record<string, string>[];
}

/** The delimiter of the header line: the most frequent of , ; tab | outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine: string[] = [];
  let quoted = false;
  for (const c of text.replace(/^\uFEFF/, '')) {
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === '\n' || c === '\r')) break;
    if (!quoted) firstLine.push(c);
  }
  const candidates = [',', ';', '\t', '|'];
  const counts = candidates.map((d) => firstLine.filter((c) => c === d).length);
  const best = counts.indexOf(Math.max(...counts));
  return counts[best] > 0 ? candidates[best] : ',';
}

/**
 * Reads a CSV file's text: byte order mark dropped, quoted fields may hold line breaks and
 * delimiters, short rows padded, header names trimmed. Empty header names become "column N".
 */
export function readCsv(text: string, delimiter?: string): CsvTable {
  const records = parse(text, {
    bom: true,
    delimiter: delimiter ?? detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  if (records.length === 0) return { headers: [], rows: [] };
  const headers = records[0].map((h, i) => (h.trim() === '' ? `column ${i + 1}` : h.trim()));
  const rows = records.slice(1).map((cells) => {
    const row: Record<string, string> = {};
    headers.forEach((h, i) => {
      row[h] = cells[i] ?? '';
    });
    return row;
  });
  return { headers, rows };
}
