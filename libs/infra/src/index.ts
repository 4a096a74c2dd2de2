export { findRepoRoot, mdmHomeDir, defaultInfraPaths } from './util/repo-root.util';
export type { DefaultInfraPaths } from './util/repo-root.util';
export { findFreePort, findFreePorts, isPortFree } from './util/port.util';

export { ensureKafkaJars, KAFKA_VERSION } from './kafka/kafka-jars';
export type { EnsureKafkaJarsOptions } from './kafka/kafka-jars';
export { startKafka, stopKafka, kafkaStatus } from './kafka/kafka-broker';
export type { StartKafkaOptions, KafkaHandle, KafkaStatus } from './kafka/kafka-broker';

export { resolveDatabase, REQUIRED_EXTENSIONS } from './postgres/database';
export type { ResolveDatabaseOptions, DatabaseHandle } from './postgres/database';
export { createDatabaseIfMissing, createDatabaseFromTemplate, databaseExists, dropDatabase, withDatabaseName, assertExtensionsAvailable } from './postgres/pg-admin';
export { startEmbeddedPostgres, stopEmbeddedPostgres, embeddedPostgresStatus, EMBEDDED_PG_DEFAULT_PORT } from './postgres/embedded-postgres';
export type { StartEmbeddedPostgresOptions, EmbeddedPostgresServer, EmbeddedPostgresStatus } from './postgres/embedded-postgres';
export { hydrateSymlinks } from './postgres/pg-binaries';
