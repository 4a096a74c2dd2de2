import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Consumer, Kafka, Partitioners, Producer, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDatabaseIfMissing } from '@mdm/infra';
import { createDataSource, runMigrations } from '@mdm/persistence';
import { loadSettings } from '@mdm/settings';
import { RunningEngine, startEngine } from '@mdm/engine/bootstrap';
import { DemoAccount, ensureDemoUsers } from '@mdm/api/auth/accounts';
import { Role } from '@mdm/api/auth/decorators';

export const CONFIG_DIR = join(__dirname, '..', '..', 'config');

/** The example message of a source (config/sources/<source>.example.json), as text. */
export const exampleText = (source: string) => readFileSync(join(CONFIG_DIR, 'sources', `${source}.example.json`), 'utf8');
/** The same, parsed, to derive variants from. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const exampleJson = (source: string): any => JSON.parse(exampleText(source));

/** One isolated engine environment: its own database, topic prefix and consumer group on the shared servers. */
export class TestEnvironment {
  readonly prefix: string;
  readonly databaseUrl: string;
  readonly kafka: Kafka;
  engine: RunningEngine | null = null;
  private producer: Producer | null = null;
  private connecting: Promise<void> | null = null;
  /** The test's own connection: reads the database independently of the engine, running or not. */
  private readonly pool: Pool;
  /** Data sources made by `migratedDataSource`, closed with the environment. */
  private readonly dataSources: DataSource[] = [];
  /** Signs the engine's session tokens (MDM_AUTH_SECRET), the same across restarts of the environment. */
  readonly authSecret = randomBytes(32).toString('hex');
  /** The accounts of the people who use the API: admin, steward and viewer (ensureDemoUsers). */
  private accounts: DemoAccount[] | null = null;
  private readonly tokens = new Map<Role, string>();
  private systemKey: string | null = null;

  private constructor(readonly name: string, databaseUrl: string, readonly brokers: string[]) {
    this.prefix = `t${randomBytes(4).toString('hex')}.`;
    this.databaseUrl = databaseUrl;
    this.kafka = new Kafka({ clientId: `test-${name}`, brokers, logLevel: logLevel.NOTHING });
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
    // an idle connection broken by a server restart is replaced on the next query
    this.pool.on('error', () => undefined);
  }

  /** On the run's shared servers, or on servers of the test's own (a test that stops or kills them). */
  static async create(name: string, servers?: { adminUrl: string; brokers: string[] }): Promise<TestEnvironment> {
    const adminUrl = servers?.adminUrl ?? process.env.MDM_TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('MDM_TEST_DATABASE_URL is not set: run through the integration jest config');
    const database = `mdm_${name.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
    await createDatabaseIfMissing(adminUrl, database);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return new TestEnvironment(name, url.toString(), servers?.brokers ?? brokers());
  }

  topic(name: string): string {
    return this.prefix + name;
  }

  async start(overrides: Record<string, string> = {}): Promise<RunningEngine> {
    const settings = loadSettings({
      MDM_KAFKA_BROKERS: this.brokers.join(','),
      MDM_TOPIC_PREFIX: this.prefix,
      MDM_CONSUMER_GROUP: `${this.prefix}engine`,
      MDM_HTTP_PORT: '0',
      MDM_CONFIG_DIR: CONFIG_DIR,
      MDM_LOG_LEVEL: 'warn',
      MDM_OUTBOX_POLL_MS: '50',
      // the engine runs here from the TypeScript sources, and a preparation thread needs the built
      // script: messages are prepared on the event loop (the engine processes of the fault suite and
      // test/preparation.int-spec.ts run the threads)
      MDM_PREPARATION_THREADS: '0',
      MDM_AUTH_SECRET: this.authSecret,
      // tests poll the API as one admin: the per-caller budget must not be what they measure
      MDM_RATE_LIMIT_PER_MINUTE: '6000',
      ...overrides,
    });
    this.engine = await startEngine(settings, this.databaseUrl);
    if (settings.MDM_ROLES.includes('api') && !this.accounts) this.accounts = await ensureDemoUsers(this.db);
    return this.engine;
  }

  async stopEngine(): Promise<void> {
    await this.engine?.close();
    this.engine = null;
  }

  async produce(topic: string, messages: { key?: string; value: Buffer | string | null; partition?: number; headers?: Record<string, string> }[]) {
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      this.connecting = this.producer.connect();
    }
    // concurrent first sends all wait for the one connection
    await this.connecting;
    await this.producer.send({ topic: this.topic(topic), acks: -1, messages });
  }

  /** The golden record a source record belongs to now. */
  async goldenOf(source: string, sourceId: string): Promise<string | undefined> {
    return (await this.db.query(`SELECT golden_id FROM xref WHERE source = $1 AND source_id = $2`, [source, sourceId]))[0]?.golden_id;
  }

  /** A JSON request to the running engine's API, signed in as an administrator. */
  request(method: string, path: string, body?: unknown): Promise<Response> {
    return this.requestAs('admin', method, path, body);
  }

  /**
   * A JSON request as a user of that role (signed in once with POST /auth/login), as a system with
   * an API key of role `system`, or anonymous (null).
   */
  async requestAs(role: Role | null, method: string, path: string, body?: unknown): Promise<Response> {
    if (role === null) return this.send({}, method, path, body);
    if (role === 'system') return this.send({ 'x-api-key': (this.systemKey ??= await this.apiKey(['system'])) }, method, path, body);
    return this.send({ authorization: `Bearer ${await this.tokenOf(role)}` }, method, path, body);
  }

  /** A JSON request with these headers only (an API key, a token of the test's own). */
  send(headers: Record<string, string>, method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.engine!.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** A new API key with these roles, restricted to these sources when given. */
  async apiKey(roles: Role[], sources?: string[]): Promise<string> {
    const response = await this.request('POST', '/admin/api-keys', { name: `test-${roles.join('-')}-${randomBytes(3).toString('hex')}`, roles, ...(sources ? { sources } : {}) });
    if (response.status !== 201) throw new Error(`API key not created: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { key: string }).key;
  }

  /** The demo account of a role, with its password. */
  account(role: 'admin' | 'steward' | 'viewer'): DemoAccount {
    const account = this.accounts?.find((a) => a.username === role);
    if (!account) throw new Error('start the engine with the api role first');
    return account;
  }

  private async tokenOf(role: Role): Promise<string> {
    const known = this.tokens.get(role);
    if (known) return known;
    if (role !== 'admin' && role !== 'steward' && role !== 'viewer') throw new Error(`no account of role ${role}`);
    const { username, password } = this.account(role);
    const response = await this.send({}, 'POST', '/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    this.tokens.set(role, token);
    return token;
  }

  /** Runs SQL on the test's own connection; TypeORM-like `query` returning rows. */
  readonly db = {
    query: async (sql: string, params: unknown[] = []) => (await this.pool.query(sql, params)).rows,
  };

  /** A TypeORM data source on this environment's database, migrated, for tests of the stores and use cases without an engine; closed with the environment. */
  async migratedDataSource(poolSize = 2): Promise<DataSource> {
    const dataSource = createDataSource(this.databaseUrl, { poolSize });
    this.dataSources.push(dataSource);
    await dataSource.initialize();
    await runMigrations(dataSource);
    return dataSource;
  }

  async close(): Promise<void> {
    for (const dataSource of this.dataSources) if (dataSource.isInitialized) await dataSource.destroy();
    await this.producer?.disconnect();
    await this.stopEngine();
    await this.pool.end();
  }
}

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** An independent reader of the engine's output topics, as a downstream system would be. */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topics: string[]): Promise<TopicReader> {
    const consumer = kafka.consumer({ groupId: `reader-${randomBytes(4).toString('hex')}` });
    const reader = new TopicReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
        reader.messages.push({ topic, partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value, headers });
      },
    });
    return reader;
  }

  on(topic: string): ReadMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  json<T>(topic: string): T[] {
    return this.on(topic)
      .filter((m) => m.value !== null)
      .map((m) => JSON.parse(m.value!.toString()) as T);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

export function brokers(): string[] {
  const value = process.env.MDM_TEST_KAFKA_BROKERS;
  if (!value) throw new Error('MDM_TEST_KAFKA_BROKERS is not set: run through the integration jest config');
  return value.split(',');
}

/** Polls until the check returns a truthy value; fails with the last value seen. */
export async function eventually<T>(check: () => Promise<T> | T, what: string, timeoutMs = 60000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

export async function count(env: TestEnvironment, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number }[] = await env.db.query(`SELECT (${sql})::int AS n`, params);
  return rows[0].n;
}
