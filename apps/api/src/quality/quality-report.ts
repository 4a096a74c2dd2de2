import { DataSource } from 'typeorm';
import { CanonicalAttributes, PartyKind, QualityReport, QualityRow, buildQualityReport } from '@mdm/core';

/** Data quality of the stored source records (all sources, or one), per source and per attribute. */
export async function readQualityReport(db: DataSource, source?: string): Promise<QualityReport> {
  const rows: { source: string; kind: PartyKind; attributes: CanonicalAttributes }[] = await db.query(
    `SELECT source, kind, attributes FROM source_record ${source ? 'WHERE source = $1' : ''} ORDER BY source, source_id`,
    source ? [source] : [],
  );
  return buildQualityReport(rows.map((r): QualityRow => ({ source: r.source, kind: r.kind, raw: r.attributes })));
}
