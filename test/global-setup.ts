// Jest loads global setup outside its module mapping, hence the relative import.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePorts, resolveDatabase, startKafka } from '../libs/infra/src';

/**
 * Starts one real Kafka broker and one real PostgreSQL for the whole integration run.
 * PostgreSQL is DATABASE_URL's server when set, else an embedded one; each test file then
 * creates its own database and its own topic prefix, so files never see each other's data.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const home = join(__dirname, '..', '.mdm', 'test');
  mkdirSync(home, { recursive: true });
  const [port, controllerPort, postgresPort] = await findFreePorts(3);
  const kafka = await startKafka({ dataDir: join(home, `kafka-${port}`), port, controllerPort, logFile: join(home, `kafka-${port}.log`) });
  // a run that cannot get its database (another run holds it) must not leave its broker behind
  const database = await resolveDatabase({ dataDir: join(home, 'postgres'), port: postgresPort, database: 'mdm_test' }).catch(async (error: unknown) => {
    await kafka.stop();
    throw error;
  });
  process.env.MDM_TEST_KAFKA_BROKERS = kafka.brokers.join(',');
  process.env.MDM_TEST_DATABASE_URL = database.url;
  writeFileSync(join(home, 'servers.json'), JSON.stringify({ kafkaDataDir: join(home, `kafka-${port}`), brokers: kafka.brokers }));
  (globalThis as { __MDM_SERVERS__?: unknown }).__MDM_SERVERS__ = { kafka, database };
}
