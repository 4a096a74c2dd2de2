import { assertExtensionsAvailable, createDatabaseIfMissing, withDatabaseName } from './pg-admin';
import { EMBEDDED_PG_DEFAULT_PORT, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolveDatabaseOptions {
  /** Folder of the embedded server (ignored when DATABASE_URL is set). */
  dataDir: string;
  /** Port of the embedded server; default 5433. */
  port?: number;
  /** Database to create on the embedded server (when DATABASE_URL is set, the URL names the database). */
  database: string;
}

export interface DatabaseHandle {
  url: string;
  /** False when DATABASE_URL was used. */
  embedded: boolean;
  /** Stops the embedded server if this call started it; no-op for DATABASE_URL or a server already running. */
  stop(): Promise<void>;
}

/** Extensions the persistence layer's migrations create. */
export const REQUIRED_EXTENSIONS = ['pg_trgm', 'fuzzystrmatch'];

/** DATABASE_URL when set, else an embedded PostgreSQL in dataDir with `database` created on it. */
export async function resolveDatabase(opts: ResolveDatabaseOptions): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) return { url: external, embedded: false, stop: async () => undefined };

  const server = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port ?? EMBEDDED_PG_DEFAULT_PORT });
  try {
    await createDatabaseIfMissing(server.adminUrl, opts.database);
    const url = withDatabaseName(server.adminUrl, opts.database);
    await assertExtensionsAvailable(url, REQUIRED_EXTENSIONS);
    // a server another process started (the running demo or engine) is left running for it
    return { url, embedded: true, stop: server.reused ? async () => undefined : server.stop };
  } catch (err) {
    if (!server.reused) await server.stop().catch(() => undefined);
    throw err;
  }
}
