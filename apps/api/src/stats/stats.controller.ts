import { Controller, Get, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_DATA_SOURCE } from '../tokens';
import { readEngineStats } from './engine-stats';

@Controller('stats')
export class StatsController {
  constructor(@Inject(API_DATA_SOURCE) private readonly db: DataSource) {}

  @Get()
  get() {
    return readEngineStats(this.db);
  }
}
