import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { generateRows } from '@mdm/core';
import { KafkaHandle, EmbeddedPostgresServer, findFreePorts, startEmbeddedPostgres, startKafka } from '@mdm/infra';
import { TestEnvironment, eventually } from '../support/harness';
import { EngineProcess } from '../support/engine-process';
import { checkEngine, generatedConfigDir, publishRows, settled } from '../support/faults';

/**
 * The broker killed and restarted, the engine's database connections terminated again and again
 * (some of them during a commit), and PostgreSQL restarted, all while records arrive. The engine
 * recovers, or exits and is restarted as a supervisor would; it never hangs and loses nothing.
 */
describe('broker and database failures under load', () => {
  const configDir = generatedConfigDir();
  const home = join(__dirname, '..', '..', '.mdm', 'test', `faults-${randomBytes(3).toString('hex')}`);
  const rows = [...generateRows({ records: 600, seed: 53 })];
  let kafka: KafkaHandle;
  let postgres: EmbeddedPostgresServer;
  let kafkaOptions: Parameters<typeof startKafka>[0];
  let postgresOptions: Parameters<typeof startEmbeddedPostgres>[0];
  let env: TestEnvironment;
  let engine: EngineProcess;
  let supervising = true;

  const startEngine = () => {
    engine = EngineProcess.start(env, { MDM_CONFIG_DIR: configDir, MDM_CONSUMER_SESSION_TIMEOUT_MS: '6000' });
    void engine.exited.then(() => {
      // the supervisor: an engine that gave up is started again
      if (supervising) startEngine();
    });
  };
  const stored = async () => Number((await env.db.query(`SELECT count(*)::int AS n FROM source_record`).catch(() => [{ n: 0 }]))[0].n);

  beforeAll(async () => {
    const [port, controllerPort, pgPort] = await findFreePorts(3);
    kafkaOptions = { dataDir: join(home, 'kafka'), port, controllerPort, logFile: join(home, 'kafka.log') };
    postgresOptions = { dataDir: join(home, 'postgres'), port: pgPort };
    kafka = await startKafka(kafkaOptions);
    postgres = await startEmbeddedPostgres(postgresOptions);
    env = await TestEnvironment.create('fault-infra', { adminUrl: postgres.adminUrl, brokers: kafka.brokers });
    startEngine();
    await settled(env);
  });

  afterAll(async () => {
    supervising = false;
    await engine?.stop();
    await env?.close();
    await kafka?.stop();
    await postgres?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('recovers from each failure and loses nothing', async () => {
    const quarter = rows.length / 4;

    // 1. the broker dies mid-stream and comes back
    await publishRows(env, rows.slice(0, quarter));
    await eventually(async () => (await stored()) > 0, 'the first records');
    process.kill(kafka.pid, 'SIGKILL');
    await eventually(() => !isAlive(kafka.pid), 'the broker to die');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    kafka = await startKafka(kafkaOptions);
    await publishRows(env, rows.slice(quarter, 2 * quarter));
    await settled(env, undefined, undefined, 180000);

    // 2. the engine's connections terminated again and again while it works
    const admin = new Pool({ connectionString: postgres.adminUrl, max: 1 });
    admin.on('error', () => undefined);
    const publishing = publishRows(env, rows.slice(2 * quarter, 3 * quarter));
    let terminated = 0;
    for (let i = 0; i < 15; i++) {
      const result = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'mdm-engine%' AND pid <> pg_backend_pid()`);
      terminated += result.rowCount ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await admin.end();
    await publishing;
    expect(terminated).toBeGreaterThan(0);
    await settled(env, undefined, undefined, 180000);

    // 3. PostgreSQL restarted mid-stream
    const before = await stored();
    await publishRows(env, rows.slice(3 * quarter));
    await eventually(async () => (await stored()) > before, 'records of the last part');
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    postgres = await startEmbeddedPostgres(postgresOptions);
    await settled(env, undefined, undefined, 180000);

    const { report } = await checkEngine(env, configDir);
    expect(report.violations).toEqual([]);
    expect(report.counts.records).toBe(rows.length);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
