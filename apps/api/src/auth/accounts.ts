import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@mdm/core';
import { ApiKeyRow, ApiKeyStore, AuditStore, Queryable, UserRow, UserStore } from '@mdm/persistence';
import { Role } from './decorators';
import { generatePassword, hashPassword } from './password';

export const ROLES: readonly Role[] = ['viewer', 'steward', 'admin', 'system'];
const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
export const MIN_PASSWORD_LENGTH = 10;

/** A user as the API shows it: never the password hash. */
export function presentUser(user: UserRow) {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, disabled: user.disabled, createdAt: user.createdAt };
}

/** An API key as the API shows it: its prefix to recognise it, never the key nor its hash. */
export function presentApiKey(key: ApiKeyRow) {
  return { id: key.id, name: key.name, keyPrefix: key.keyPrefix, roles: key.roles, sources: key.sources, createdAt: key.createdAt, revokedAt: key.revokedAt, lastUsedAt: key.lastUsedAt };
}

function checkRoles(roles: string[]): Role[] {
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `roles must be among ${ROLES.join(', ')}`, [{ field: 'roles', message: `must be among ${ROLES.join(', ')}` }]);
  }
  return [...new Set(roles)] as Role[];
}

/** Creates a user; without a password, one is generated and returned (shown once). */
export async function createUser(
  db: Queryable,
  input: { username: string; displayName?: string; roles: string[]; password?: string },
): Promise<{ user: UserRow; generatedPassword?: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new DomainError('VALIDATION_FAILED', 'username must be 2 to 64 letters, digits, dots, dashes, underscores or @', [{ field: 'username', message: 'invalid username' }]);
  }
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', `password must be at least ${MIN_PASSWORD_LENGTH} characters long`, [{ field: 'password', message: 'too short' }]);
  }
  const roles = checkRoles(input.roles);
  const password = input.password ?? generatePassword();
  const user = await new UserStore(db).insert({ username, displayName: input.displayName?.trim() || username, roles, passwordHash: await hashPassword(password) });
  if (!user) throw new DomainError('USER_EXISTS', `a user ${username} already exists`, [{ field: 'username', message: 'already taken' }]);
  return { user, ...(input.password === undefined ? { generatedPassword: password } : {}) };
}

/** The hash an API key is stored and looked up by. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates an API key; the key itself is returned here only, and never stored. */
export async function createApiKey(db: Queryable, input: { name: string; roles: string[]; sources?: string[] | null }): Promise<{ key: string; row: ApiKeyRow }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) throw new DomainError('VALIDATION_FAILED', 'name must be 1 to 100 characters', [{ field: 'name', message: 'invalid name' }]);
  const roles = checkRoles(input.roles);
  const sources = input.sources && input.sources.length > 0 ? [...new Set(input.sources.map((s) => s.trim()).filter(Boolean))] : null;
  const key = `mdm_${randomBytes(32).toString('base64url')}`;
  const row = await new ApiKeyStore(db).insert({ name, keyPrefix: key.slice(0, 12), keyHash: hashApiKey(key), roles, sources });
  return { key, row };
}

export interface DemoAccount {
  username: string;
  password: string;
  roles: Role[];
}

/**
 * The demo's accounts, one per role a person may have: `admin`, `steward` and `viewer`, each with a
 * fresh random password (returned, to be printed). Running it again resets their passwords.
 */
export async function ensureDemoUsers(db: Queryable): Promise<DemoAccount[]> {
  const store = new UserStore(db);
  const accounts: DemoAccount[] = [];
  for (const role of ['admin', 'steward', 'viewer'] as const) {
    const password = generatePassword();
    await store.upsert({ username: role, displayName: `Demo ${role}`, roles: [role], passwordHash: await hashPassword(password) });
    accounts.push({ username: role, password, roles: [role] });
  }
  await new AuditStore(db).insert({
    at: new Date(),
    actorId: null,
    actorKind: 'cli',
    action: 'users.demo',
    targetType: 'user',
    targetId: accounts.map((a) => a.username).join(','),
    reason: 'demo accounts created or reset',
    outcome: 'succeeded',
    requestId: null,
  });
  return accounts;
}
