import { randomUUID } from 'node:crypto';
import { rowsOf } from './query-rows';

/** Anything that runs SQL and answers rows: a TypeORM DataSource or EntityManager, a pg pool wrapper. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

export type AccessRole = 'viewer' | 'steward' | 'admin' | 'system';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: AccessRole[];
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
}

export interface ApiKeyRow {
  id: string;
  name: string;
  keyPrefix: string;
  roles: AccessRole[];
  sources: string[] | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export type AuditOutcome = 'attempted' | 'succeeded' | 'failed' | 'denied';

/** One audit entry: who did what to which target, and how it ended. Never a personal value. */
export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  actorKind: 'person' | 'system' | 'anonymous' | 'cli';
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

const USER_COLUMNS = `id, username, display_name AS "displayName", roles, password_hash AS "passwordHash", disabled, created_at AS "createdAt"`;
const KEY_COLUMNS = `id, name, key_prefix AS "keyPrefix", roles, sources, created_at AS "createdAt", revoked_at AS "revokedAt", last_used_at AS "lastUsedAt"`;
const AUDIT_COLUMNS = `id, at, actor_id AS "actorId", actor_kind AS "actorKind", action, target_type AS "targetType", target_id AS "targetId", reason, outcome, request_id AS "requestId"`;

/** The people who sign in to the API. */
export class UserStore {
  constructor(private readonly db: Queryable) {}

  /** Inserts a user; null when the username is taken. */
  async insert(user: { username: string; displayName: string; roles: AccessRole[]; passwordHash: string }): Promise<UserRow | null> {
    const rows = rowsOf<UserRow>(
      await this.db.query(
        `INSERT INTO app_user (id, username, display_name, roles, password_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (username) DO NOTHING RETURNING ${USER_COLUMNS}`,
        [randomUUID(), user.username, user.displayName, user.roles, user.passwordHash],
      ),
    );
    return rows[0] ?? null;
  }

  /** Creates the user or replaces its roles and password (the demo's accounts). */
  async upsert(user: { username: string; displayName: string; roles: AccessRole[]; passwordHash: string }): Promise<UserRow> {
    const rows = rowsOf<UserRow>(
      await this.db.query(
        `INSERT INTO app_user (id, username, display_name, roles, password_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (username) DO UPDATE SET roles = EXCLUDED.roles, password_hash = EXCLUDED.password_hash, disabled = false
         RETURNING ${USER_COLUMNS}`,
        [randomUUID(), user.username, user.displayName, user.roles, user.passwordHash],
      ),
    );
    return rows[0];
  }

  /** Changes a user's roles or disables it; null when there is no such user. */
  async update(id: string, change: { roles?: AccessRole[]; disabled?: boolean }): Promise<UserRow | null> {
    const rows = rowsOf<UserRow>(
      await this.db.query(
        `UPDATE app_user SET roles = COALESCE($2, roles), disabled = COALESCE($3, disabled) WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id, change.roles ?? null, change.disabled ?? null],
      ),
    );
    return rows[0] ?? null;
  }

  async byUsername(username: string): Promise<UserRow | null> {
    return rowsOf<UserRow>(await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE username = $1`, [username]))[0] ?? null;
  }

  async byId(id: string): Promise<UserRow | null> {
    return rowsOf<UserRow>(await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [id]))[0] ?? null;
  }

  async list(): Promise<UserRow[]> {
    return rowsOf<UserRow>(await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user ORDER BY username`));
  }
}

/** The API keys of systems; only a hash of each key is kept. */
export class ApiKeyStore {
  constructor(private readonly db: Queryable) {}

  async insert(key: { name: string; keyPrefix: string; keyHash: string; roles: AccessRole[]; sources: string[] | null }): Promise<ApiKeyRow> {
    const rows = rowsOf<ApiKeyRow>(
      await this.db.query(
        `INSERT INTO api_key (id, name, key_prefix, key_hash, roles, sources) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${KEY_COLUMNS}`,
        [randomUUID(), key.name, key.keyPrefix, key.keyHash, key.roles, key.sources],
      ),
    );
    return rows[0];
  }

  /** The live (not revoked) key with this hash, marked as used now. */
  async use(keyHash: string, at: Date): Promise<ApiKeyRow | null> {
    const rows = rowsOf<ApiKeyRow>(
      await this.db.query(`UPDATE api_key SET last_used_at = $2 WHERE key_hash = $1 AND revoked_at IS NULL RETURNING ${KEY_COLUMNS}`, [keyHash, at]),
    );
    return rows[0] ?? null;
  }

  async list(): Promise<ApiKeyRow[]> {
    return rowsOf<ApiKeyRow>(await this.db.query(`SELECT ${KEY_COLUMNS} FROM api_key ORDER BY created_at, id`));
  }

  /** Revokes a key; null when there is no such key. Revoking twice keeps the first time. */
  async revoke(id: string, at: Date): Promise<ApiKeyRow | null> {
    const rows = rowsOf<ApiKeyRow>(
      await this.db.query(`UPDATE api_key SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${KEY_COLUMNS}`, [id, at]),
    );
    return rows[0] ?? null;
  }
}

/** The audit trail. */
export class AuditStore {
  constructor(private readonly db: Queryable) {}

  async insert(entry: Omit<AuditEntry, 'id'> & { id?: string }): Promise<string> {
    const id = entry.id ?? randomUUID();
    await this.db.query(
      `INSERT INTO audit_entry (id, at, actor_id, actor_kind, action, target_type, target_id, reason, outcome, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, entry.at, entry.actorId, entry.actorKind, entry.action, entry.targetType, entry.targetId, entry.reason, entry.outcome, entry.requestId],
    );
    return id;
  }

  /** Records how an attempted action ended (and what it created, when the target was not known before). */
  async settle(id: string, outcome: AuditOutcome, targetId: string | null = null): Promise<void> {
    await this.db.query(`UPDATE audit_entry SET outcome = $2, target_id = COALESCE(target_id, $3) WHERE id = $1`, [id, outcome, targetId]);
  }

  async search(filter: AuditFilter): Promise<{ total: number; items: AuditEntry[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actor !== undefined) add('actor_id = ?', filter.actor);
    if (filter.action !== undefined) add('action = ?', filter.action);
    if (filter.targetId !== undefined) add('target_id = ?', filter.targetId);
    if (filter.from !== undefined) add('at >= ?', filter.from);
    if (filter.to !== undefined) add('at < ?', filter.to);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = rowsOf<{ total: number }>(await this.db.query(`SELECT count(*)::int AS total FROM audit_entry ${clause}`, params));
    const items = rowsOf<AuditEntry>(
      await this.db.query(`SELECT ${AUDIT_COLUMNS} FROM audit_entry ${clause} ORDER BY at DESC, id LIMIT ${Number(filter.limit)} OFFSET ${Number(filter.offset)}`, params),
    );
    return { total, items };
  }
}
