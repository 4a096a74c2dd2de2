import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { API_DATA_SOURCE, API_KAFKA } from '../tokens';
import { Public } from '../auth/decorators';

/** Public: probes of supervisors and load balancers carry no credentials. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(API_DATA_SOURCE) private readonly db: DataSource,
    @Inject(API_KAFKA) private readonly kafka: Kafka,
  ) {}

  /** The process is alive. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** The database and the broker answer. */
  @Get('ready')
  async ready() {
    const checks = { database: await this.check(() => this.db.query('SELECT 1')), broker: await this.check(() => this.describeCluster()) };
    const ok = Object.values(checks).every((c) => c === 'up');
    if (!ok) throw new ServiceUnavailableException({ code: 'NOT_READY', message: 'a dependency is down', checks });
    return { status: 'ready', checks };
  }

  private async describeCluster(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }

  private async check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
    try {
      await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
