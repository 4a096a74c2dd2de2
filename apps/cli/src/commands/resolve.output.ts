import { writeFileSync } from 'node:fs';

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes `record_id,cluster_id` with a header, one line per record. */
export function writeClusters(path: string, ids: readonly string[], clusterIds: readonly string[]): void {
  const lines = ['record_id,cluster_id'];
  for (let i = 0; i < ids.length; i++) lines.push(`${csvField(ids[i])},${csvField(clusterIds[i])}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}
