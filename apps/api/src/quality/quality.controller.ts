import { Controller, Get, Inject, Query } from '@nestjs/common';
import { IsOptional, IsString, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { API_DATA_SOURCE } from '../tokens';
import { readQualityReport } from './quality-report';
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
    return readQualityReport(this.db, query.source);
  }
}
