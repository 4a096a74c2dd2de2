import { Controller, Get, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SourceQuality } from '@mdm/core';
import { Roles } from '../auth/decorators';
import { readQualityReport } from '../quality/quality-report';
import { readEngineStats } from '../stats/engine-stats';
import { API_DATA_SOURCE } from '../tokens';

/**
 * The steward's dashboard in one read: data quality per source and per field (findings by code
 * and severity, completeness and validity of each attribute) and the engine's figures (records in
 * per source, golden records, open tasks by type, dead letters, unpublished messages). The same
 * figures as /quality and /stats.
 */
@Controller('dashboard')
export class DashboardController {
  constructor(@Inject(API_DATA_SOURCE) private readonly db: DataSource) {}

  @Get()
  @Roles('viewer', 'steward', 'admin', 'system')
  async get() {
    const [engine, quality] = await Promise.all([readEngineStats(this.db), readQualityReport(this.db)]);
    return {
      engine,
      quality: { sources: quality.sources.map(qualityOf), totals: qualityOf(quality.totals) },
    };
  }
}

function qualityOf(source: SourceQuality) {
  const bySeverity: Record<string, number> = {};
  for (const f of source.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + f.count;
  return {
    source: source.source,
    records: source.records,
    recordsWithErrors: source.recordsWithErrors,
    findings: { byCode: source.findings, bySeverity },
    completeness: source.attributes.map((a) => ({ attribute: a.attribute, records: a.count, filled: a.filled, valid: a.valid, fillRate: a.fillRate, validityRate: a.validityRate, topFindings: a.topFindings })),
  };
}
