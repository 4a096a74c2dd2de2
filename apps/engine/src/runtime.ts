import { Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EngineRules, Settings, brokerList, loadRules } from '@mdm/settings';
import { createDataSource, runMigrations } from '@mdm/persistence';
import { OutboundTopics, createKafka, outboundTopics } from '@mdm/messaging';
import { createLogger } from './logger';

/** What every part of a running engine shares: settings, rules, the database and the broker client. */
export interface Runtime {
  settings: Settings;
  rules: EngineRules;
  dataSource: DataSource;
  kafka: Kafka;
  topics: OutboundTopics;
  logger: Logger;
  /**
   * Called when a part of the engine cannot go on by itself (the consumer gave up after its retries).
   * The process runner stops the engine and exits non-zero so that its supervisor restarts it.
   */
  fatal: (error: Error) => void;
}

export const RUNTIME = Symbol('RUNTIME');

/** Connects to PostgreSQL at `databaseUrl`, applies pending migrations and loads the rule files. */
export async function createRuntime(settings: Settings, databaseUrl: string, logger = createLogger(settings.MDM_LOG_LEVEL)): Promise<Runtime> {
  const loaded = loadRules(settings.MDM_CONFIG_DIR);
  const prefix = settings.MDM_TOPIC_PREFIX;
  const rules = { ...loaded, mappings: loaded.mappings.map((m) => ({ ...m, topic: prefix + m.topic })) };
  const dataSource = createDataSource(databaseUrl, { applicationName: settings.MDM_CLIENT_ID });
  await dataSource.initialize();
  const applied = await runMigrations(dataSource);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrations applied');
  const kafka = createKafka(brokerList(settings), settings.MDM_CLIENT_ID, logger);
  const fatal = (error: Error) => logger.error({ err: error }, 'the engine cannot go on by itself and must be restarted');
  return { settings, rules, dataSource, kafka, topics: outboundTopics(prefix), logger, fatal };
}
