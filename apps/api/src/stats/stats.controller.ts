import { Controller, Get, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_DATA_SOURCE } from '../tokens';
import { readEngineStats } from './engine-stats';
import { Roles } from '../auth/decorators';
import { READERS } from '../auth/roles.constant';
import { ScopedTo } from '../auth/source-scope';

/** Counts only, no record: open to restricted API keys too. */
@Controller('stats')
@Roles(...READERS)
@ScopedTo('filtered')
export class StatsController {
  constructor(@Inject(API_DATA_SOURCE) private readonly db: DataSource) {}

  @Get()
  get() {
    return readEngineStats(this.db);
  }
}
