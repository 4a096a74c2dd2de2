import { DataSource } from 'typeorm';

export interface EngineStats {
  sourceRecords: { total: number; bySource: Record<string, number> };
  goldenRecords: { active: number; merged: number };
  deadLetters: { total: number; byCode: Record<string, number> };
  outbox: { pending: number };
  tasks: { open: number; byType: Record<string, number> };
}

/** Figures over the stored state: records in per source, golden records, dead letters, unpublished messages. */
export async function readEngineStats(db: DataSource): Promise<EngineStats> {
  const [sources, golden, dead, outbox, tasks] = await Promise.all([
    db.query(`SELECT source, count(*)::int AS n FROM source_record GROUP BY source ORDER BY source`),
    db.query(`SELECT status, count(*)::int AS n FROM golden_record GROUP BY status`),
    db.query(`SELECT error_code, count(*)::int AS n FROM dead_letter GROUP BY error_code ORDER BY error_code`),
    db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
    db.query(`SELECT type, count(*)::int AS n FROM steward_task WHERE status = 'open' GROUP BY type ORDER BY type`),
  ]);
  const byType = Object.fromEntries(tasks.map((r: { type: string; n: number }) => [r.type, r.n]));
  const bySource = Object.fromEntries(sources.map((r: { source: string; n: number }) => [r.source, r.n]));
  const byCode = Object.fromEntries(dead.map((r: { error_code: string; n: number }) => [r.error_code, r.n]));
  const status = Object.fromEntries(golden.map((r: { status: string; n: number }) => [r.status, r.n]));
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return {
    sourceRecords: { total: sum(bySource), bySource },
    goldenRecords: { active: status.active ?? 0, merged: status.merged ?? 0 },
    deadLetters: { total: sum(byCode), byCode },
    outbox: { pending: outbox[0].n },
    tasks: { open: sum(byType), byType },
  };
}
