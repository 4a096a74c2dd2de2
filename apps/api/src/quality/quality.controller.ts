import { Controller, Get, Inject, Query } from '@nestjs/common';
import { IsOptional, IsString, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { CanonicalAttributes, PartyKind, QualityRow, buildQualityReport } from '@mdm/core';
import { API_DATA_SOURCE } from '../tokens';
import { Roles } from '../auth/decorators';
import { READERS } from '../auth/roles.constant';
import { ScopedTo } from '../auth/source-scope';

export class QualityQuery {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]*$/, { message: 'source must be a source name such as erp' })
  source?: string;
}

/** Data quality of the stored source records, per source and per attribute. */
@Controller('quality')
@Roles(...READERS)
@ScopedTo('all')
export class QualityController {
  constructor(@Inject(API_DATA_SOURCE) private readonly db: DataSource) {}

  @Get()
  async report(@Query() query: QualityQuery) {
    const rows: { source: string; kind: PartyKind; attributes: CanonicalAttributes }[] = await this.db.query(
      `SELECT source, kind, attributes FROM source_record ${query.source ? 'WHERE source = $1' : ''} ORDER BY source, source_id`,
      query.source ? [query.source] : [],
    );
    return buildQualityReport(rows.map((r): QualityRow => ({ source: r.source, kind: r.kind, raw: r.attributes })));
  }
}
