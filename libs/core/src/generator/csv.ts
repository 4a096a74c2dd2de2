/** RFC 4180 CSV writing: a field containing a comma, a double quote, CR or LF is quoted, quotes doubled. */

const NEEDS_QUOTING = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTING.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (fields in the given order), terminated by '\n'. */
export function csvLine(values: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? ',' : '') + csvField(values[i]);
  return line + '\n';
}

/** One CSV line of a record, with the columns in `columns` order (missing values empty). */
export function csvRecordLine(record: Readonly<Record<string, string | undefined>>, columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + csvField(record[columns[i]] ?? '');
  return line + '\n';
}
