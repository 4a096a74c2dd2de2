import { Controller, Get, Inject, Query } from '@nestjs/common';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditStore } from '@mdm/persistence';
import { Roles } from './decorators';
import { AUTH_DATA_SOURCE } from './auth.tokens';
import { PageQuery } from '../common/page.query';

/** Filters of the audit trail; paged with `limit` and `offset`, newest first, like every list. */
export class AuditQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  action?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  targetId?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}

/** The audit trail: who did what, to which record, why, and how it ended; never a personal value. */
@Controller('audit')
@Roles('admin')
export class AuditController {
  private readonly audit: AuditStore;

  constructor(@Inject(AUTH_DATA_SOURCE) db: DataSource) {
    this.audit = new AuditStore(db);
  }

  @Get()
  async search(@Query() query: AuditQuery) {
    const { total, items } = await this.audit.search({
      actor: query.actor,
      action: query.action,
      targetId: query.targetId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    return { total, limit: query.limit, offset: query.offset, items };
  }
}
