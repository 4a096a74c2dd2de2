import { DataSource } from 'typeorm';

/**
 * Each stored record's blocking keys, by "source:sourceId": from `match_key` (in byte order) and
 * from the record's own list, as stored.
 */
export async function storedKeys(dataSource: DataSource): Promise<{ table: Map<string, string[]>; lists: Map<string, string[]> }> {
  const table: { id: string; keys: string[] }[] = await dataSource.query(
    `SELECT source || ':' || source_id AS id, array_agg(key ORDER BY key COLLATE "C") AS keys FROM match_key GROUP BY source, source_id`,
  );
  const lists: { id: string; keys: string[] }[] = await dataSource.query(`SELECT source || ':' || source_id AS id, match_keys AS keys FROM source_record`);
  return { table: new Map(table.map((r) => [r.id, r.keys])), lists: new Map(lists.map((r) => [r.id, r.keys])) };
}
