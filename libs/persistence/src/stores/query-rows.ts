/**
 * The rows of a raw query result. TypeORM's PostgreSQL driver returns `[rows, rowCount]` for an
 * UPDATE or DELETE (even with RETURNING) and the rows alone for anything else.
 */
export function rowsOf<T>(raw: unknown): T[] {
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}
