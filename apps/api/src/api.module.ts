import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Kafka } from 'kafkajs';
import { GoldenRecordsController } from './golden-records/golden-records.controller';
import { SourceRecordsController } from './source-records/source-records.controller';
import { StatsController } from './stats/stats.controller';
import { HealthController } from './health/health.controller';
import { QualityController } from './quality/quality.controller';
import { MatchingPolicy, ModelsByKind } from '@mdm/core';
import { StewardOptions } from '@mdm/golden';
import { StewardshipController } from './golden-records/stewardship.controller';
import { TasksController } from './tasks/tasks.controller';
import { MatchController } from './match/match.controller';
import { ErasuresController } from './erasures/erasures.controller';
import { MetricsController } from './metrics/metrics.controller';
import { ConsoleController } from './console/console.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { API_DATA_SOURCE, API_KAFKA, API_MATCHING, API_STEWARD_OPTIONS } from './tokens';
import { ApiSecurityOptions, AuthModule } from './auth/auth.module';

/** The REST API: golden records, source records, steward tasks, match explanations, figures and health; and the steward console. */
@Module({})
export class ApiModule {
  static register(dataSource: DataSource, kafka: Kafka, matching: MatchingPolicy & { models: ModelsByKind }, steward: StewardOptions, security: ApiSecurityOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [AuthModule.register(dataSource, security)],
      controllers: [StewardshipController, GoldenRecordsController, SourceRecordsController, StatsController, QualityController, TasksController, MatchController, ErasuresController, MetricsController, DashboardController, HealthController, ConsoleController],
      providers: [
        { provide: API_DATA_SOURCE, useValue: dataSource },
        { provide: API_KAFKA, useValue: kafka },
        { provide: API_MATCHING, useValue: matching },
        { provide: API_STEWARD_OPTIONS, useValue: steward },
      ],
    };
  }
}
