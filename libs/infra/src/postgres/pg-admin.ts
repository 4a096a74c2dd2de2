import { Client, ClientConfig } from 'pg';

/** The same server URL naming another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withClient<T>(config: string | ClientConfig, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(typeof config === 'string' ? { connectionString: config } : config);
  client.on('error', () => undefined); // a server shutting down must not crash the caller
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates database `name` on the server adminUrl points to, unless it exists. True when it was created. */
export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
      return true;
    } catch (err) {
      // A concurrent creator won: 42P04 duplicate_database, or 23505 on pg_database's unique index.
      const code = (err as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw err;
    }
  });
}

/** Drops database `name` if it exists, disconnecting its sessions first (PostgreSQL 13+). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  });
}

/** Throws when one of the extensions cannot be created on the server (not installed in its share folder). */
export async function assertExtensionsAvailable(url: string, names: string[]): Promise<void> {
  const available = await withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>('select name from pg_available_extensions where name = any($1)', [names]);
    return new Set(rows.map((r) => r.name));
  });
  const missing = names.filter((n) => !available.has(n));
  if (missing.length) throw new Error(`mdm: the PostgreSQL server lacks the extension(s) ${missing.join(', ')} (install postgresql-contrib).`);
}

/** True when a connection with `url` succeeds. */
export async function canConnect(url: string): Promise<boolean> {
  try {
    await withClient({ connectionString: url, connectionTimeoutMillis: 2000 }, async (client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates database `name` as a copy of database `template` (PostgreSQL copies its files: much faster
 * than loading the rows again). The template must have no open connection.
 */
export async function createDatabaseFromTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    // PostgreSQL 15+ copies through the WAL by default, block by block: the files are copied whole instead
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    const strategy = Number(rows[0].v) >= 150000 ? ' strategy = file_copy' : '';
    await client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(template)}${strategy}`);
  });
}

/** True when database `name` exists on the server adminUrl points to. */
export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => ((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount ?? 0) > 0);
}
