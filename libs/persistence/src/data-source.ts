import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { DeadLetterEntity } from './entities/dead-letter.entity';
import { GoldenHistoryEntity } from './entities/golden-history.entity';
import { GoldenRecordEntity } from './entities/golden-record.entity';
import { OutboxEntity } from './entities/outbox.entity';
import { SourceRecordEntity } from './entities/source-record.entity';
import { XrefEntity } from './entities/xref.entity';
import { StewardTaskEntity } from './entities/steward-task.entity';
import { MatchDecisionEntity } from './entities/match-decision.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { IncrementalMatching1764100000000 } from './migrations/1764100000000-incremental-matching';
import { StewardOverrides1764200000000 } from './migrations/1764200000000-steward-overrides';
import { ErpSync1764300000000 } from './migrations/1764300000000-erp-sync';
import { GoldenLinks1764400000000 } from './migrations/1764400000000-golden-links';
import { Erasure1764500000000 } from './migrations/1764500000000-erasure';
import { LinkComponents1764600000000 } from './migrations/1764600000000-link-components';
import { AccessControl1764700000000 } from './migrations/1764700000000-access-control';
import { StewardWorkspace1764800000000 } from './migrations/1764800000000-steward-workspace';
import { TrigramGin1764900000000 } from './migrations/1764900000000-trigram-gin';
import { NearNameQueue1765000000000 } from './migrations/1765000000000-near-name-queue';
import { OpenTaskGoldenIndexes1765100000000 } from './migrations/1765100000000-open-task-golden-indexes';
import { RecordNames1765200000000 } from './migrations/1765200000000-record-names';
import { GenericCompanyWords1765300000000 } from './migrations/1765300000000-generic-company-words';
import { NearNameQueueRecord1765400000000 } from './migrations/1765400000000-near-name-queue-record';
import { KeysWithoutForeignKeys1765500000000 } from './migrations/1765500000000-keys-without-foreign-keys';
import { PlaceKeysNarrowed1765600000000 } from './migrations/1765600000000-place-keys-narrowed';
import { StewardTaskCommentEntity } from './entities/steward-task-comment.entity';

export const ENTITIES = [SourceRecordEntity, GoldenRecordEntity, XrefEntity, GoldenHistoryEntity, OutboxEntity, DeadLetterEntity, StewardTaskEntity, MatchDecisionEntity, StewardTaskCommentEntity];
export const MIGRATIONS = [InitialSchema1764000000000, IncrementalMatching1764100000000, StewardOverrides1764200000000, ErpSync1764300000000, GoldenLinks1764400000000, Erasure1764500000000, LinkComponents1764600000000, AccessControl1764700000000, StewardWorkspace1764800000000, TrigramGin1764900000000, NearNameQueue1765000000000, OpenTaskGoldenIndexes1765100000000, RecordNames1765200000000, GenericCompanyWords1765300000000, NearNameQueueRecord1765400000000, KeysWithoutForeignKeys1765500000000, PlaceKeysNarrowed1765600000000];

/**
 * The one data source definition, shared by the engine, the API and `mdm migrate`.
 * The schema belongs to the migrations: synchronize is off.
 */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    logging: ['error'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'mdm',
      connectionTimeoutMillis: 10_000,
      // a statement that hangs (lost server, lock wait) fails instead of blocking the engine forever
      statement_timeout: 60_000,
      // the engine's statements are many and short: compiling one (JIT, on by default from
      // PostgreSQL 12 for statements the planner deems costly) takes longer than running it
      options: '-c jit=off',
    },
  });
}

/** Held while migrations run: engine instances starting together migrate one after the other. */
const MIGRATION_LOCK = 7_301_842_000;

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  // A session lock on a connection of its own, outside the pool: a pool of one connection still
  // has it for the migrations.
  const lock = new Client({ connectionString: (dataSource.options as { url?: string }).url, application_name: 'mdm-migrations-lock', connectionTimeoutMillis: 10_000 });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    // closing the session releases its lock
    await lock.end().catch(() => undefined);
  }
}

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs fn in one transaction, retrying it from the start on serialization failures and deadlocks,
 * which PostgreSQL expects the client to retry.
 */
export async function inTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>, retries = 5): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await dataSource.transaction(fn);
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
    }
  }
}
