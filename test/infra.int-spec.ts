import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import {
  createDatabaseIfMissing,
  dropDatabase,
  embeddedPostgresStatus,
  ensureKafkaJars,
  findFreePorts,
  findRepoRoot,
  hydrateSymlinks,
  kafkaStatus,
  resolveDatabase,
  startKafka,
  stopEmbeddedPostgres,
  stopKafka,
  withDatabaseName,
} from '@mdm/infra';
import { isProcessAlive } from '@mdm/infra/util/process.util';

jest.setTimeout(120_000);

/** Processes whose command line mentions `needle` (the temp folder is unique to this run). */
function processesMentioning(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(needle) && !line.includes('ps -eo'));
}

const timings: string[] = [];
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  try {
    return await work();
  } finally {
    timings.push(`${label}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`);
  }
}
afterAll(() => process.stdout.write(`\n[infra timings]\n${timings.join('\n')}\n`));

describe('helpers', () => {
  it('finds the repository root from the source folder', () => {
    expect(existsSync(join(findRepoRoot(), 'scripts', 'kafka', 'pom.xml'))).toBe(true);
  });

  it('returns distinct free ports', async () => {
    const ports = await findFreePorts(5);
    expect(new Set(ports).size).toBe(5);
  });

  it('re-creates missing library symlinks listed in pg-symlinks.json', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'mdm-symlinks-'));
    try {
      mkdirSync(join(pkg, 'native', 'lib'), { recursive: true });
      writeFileSync(join(pkg, 'native', 'lib', 'libpq.so.5.17'), '');
      const links = [
        { source: 'native/lib/libpq.so.5.17', target: 'native/lib/libpq.so.5' },
        { source: 'native/lib/libpq.so.5.17', target: 'native/lib/libpq.so' },
      ];
      writeFileSync(join(pkg, 'native', 'pg-symlinks.json'), JSON.stringify(links));
      symlinkSync('gone.so', join(pkg, 'native', 'lib', 'libpq.so')); // dangling
      expect(hydrateSymlinks(pkg)).toEqual([join(pkg, 'native', 'lib', 'libpq.so.5'), join(pkg, 'native', 'lib', 'libpq.so')]);
      expect(readlinkSync(join(pkg, 'native', 'lib', 'libpq.so.5'))).toBe('libpq.so.5.17');
      expect(readlinkSync(join(pkg, 'native', 'lib', 'libpq.so'))).toBe('libpq.so.5.17');
      expect(hydrateSymlinks(pkg)).toEqual([]); // idempotent
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });

  it('swaps the database name of a URL', () => {
    expect(withDatabaseName('postgres://u:p@127.0.0.1:5432/postgres?sslmode=disable', 'mdm_test')).toBe('postgres://u:p@127.0.0.1:5432/mdm_test?sslmode=disable');
  });
});

describe('Kafka broker', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mdm-kafka-'));
  });
  afterAll(async () => {
    await stopKafka(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, carries a message through a consumer group, is reused, and stops without leaving a process', async () => {
    await timed('ensureKafkaJars (cache hit unless first run)', () => ensureKafkaJars());
    const [port, controllerPort] = await findFreePorts(2);
    const broker = await timed('startKafka (cold: format + JVM start)', () => startKafka({ dataDir, port, controllerPort }));
    expect(broker.brokers).toEqual([`127.0.0.1:${port}`]);
    expect(broker.reused).toBe(false);
    expect(kafkaStatus(dataDir)).toMatchObject({ running: true, pid: broker.pid, brokers: broker.brokers });

    const kafka = new Kafka({ clientId: 'infra-spec', brokers: broker.brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'infra.spec' }], waitForLeaders: true });
    const metadata = await admin.fetchTopicMetadata({ topics: ['infra.spec'] });
    expect(metadata.topics[0].partitions).toHaveLength(3); // num.partitions=3
    await admin.disconnect();

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'infra.spec', messages: [{ key: 'k1', value: 'hello' }] });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: 'infra-spec' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'infra.spec', fromBeginning: true });
    const received = await timed('first consume (group coordinator + rebalance)', () =>
      new Promise<string>((resolve) => {
        void consumer.run({ eachMessage: async ({ message }) => resolve(`${message.key?.toString()}=${message.value?.toString()}`) });
      }),
    );
    await consumer.disconnect();
    expect(received).toBe('k1=hello');

    const again = await timed('startKafka (reuse of the running broker)', () => startKafka({ dataDir, port, controllerPort }));
    expect(again).toMatchObject({ pid: broker.pid, reused: true });

    await timed('stopKafka', () => broker.stop());
    expect(isProcessAlive(broker.pid)).toBe(false);
    expect(kafkaStatus(dataDir).running).toBe(false);
    expect(existsSync(join(dataDir, 'kafka.pid'))).toBe(false);
    expect(processesMentioning(dataDir)).toEqual([]);

    const warm = await timed('startKafka (warm: already formatted)', () => startKafka({ dataDir, port, controllerPort }));
    await timed('stopKafka', () => warm.stop());
    expect(processesMentioning(dataDir)).toEqual([]);
  });
});

describe('embedded PostgreSQL', () => {
  let dataDir: string;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'mdm-pg-')), 'data');
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await stopEmbeddedPostgres(dataDir);
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('uses DATABASE_URL as is when it is set', async () => {
    process.env.DATABASE_URL = 'postgres://someone@db.example:5432/named';
    try {
      const handle = await resolveDatabase({ dataDir, database: 'ignored' });
      expect(handle).toMatchObject({ url: 'postgres://someone@db.example:5432/named', embedded: false });
      await handle.stop();
    } finally {
      delete process.env.DATABASE_URL;
    }
  });

  it('initialises, starts, serves pg_trgm, restarts from the same data, and stops without leaving a process', async () => {
    const [port] = await findFreePorts(1);
    const db = await timed('resolveDatabase (cold: initdb + start)', () => resolveDatabase({ dataDir, port, database: 'mdm_infra_spec' }));
    expect(db.embedded).toBe(true);
    expect(db.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/mdm_infra_spec`);

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await client.query('create extension if not exists pg_trgm');
      await client.query('create extension if not exists fuzzystrmatch');
      // A UTF-8 locale: accented letters are word characters for pg_trgm (under LC_CTYPE=C "é" yields no trigram at all).
      const trgm = await client.query<{ t: string[] }>("select show_trgm('é') as t");
      expect(trgm.rows[0].t).toHaveLength(2);
      expect((await client.query("select levenshtein('kitten', 'sitting') as d")).rows[0]).toEqual({ d: 3 });
    } finally {
      await client.end();
    }

    const adminUrl = withDatabaseName(db.url, 'postgres');
    expect(await createDatabaseIfMissing(adminUrl, 'mdm_infra_tmp')).toBe(true);
    expect(await createDatabaseIfMissing(adminUrl, 'mdm_infra_tmp')).toBe(false);
    await dropDatabase(adminUrl, 'mdm_infra_tmp');
    await dropDatabase(adminUrl, 'mdm_infra_tmp'); // absent: no error
    expect(await createDatabaseIfMissing(adminUrl, 'mdm_infra_tmp')).toBe(true);
    await dropDatabase(adminUrl, 'mdm_infra_tmp');

    const { pid } = embeddedPostgresStatus(dataDir);
    expect(pid).not.toBeNull();
    await timed('stop embedded PostgreSQL', () => db.stop());
    expect(isProcessAlive(pid!)).toBe(false);
    expect(processesMentioning(dataDir)).toEqual([]);

    const warm = await timed('resolveDatabase (warm: existing cluster)', () => resolveDatabase({ dataDir, port, database: 'mdm_infra_spec' }));
    const again = new Client({ connectionString: warm.url });
    await again.connect();
    expect((await again.query("select extname from pg_extension where extname = 'pg_trgm'")).rowCount).toBe(1); // data persisted
    await again.end();
    await timed('stop embedded PostgreSQL', () => warm.stop());
    expect(processesMentioning(dataDir)).toEqual([]);
  });
});
