import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key that signs session tokens: MDM_AUTH_SECRET when set, else a random one generated on the
 * first start and kept in `<MDM_HOME>/auth-secret` (readable by its owner only), so that restarts
 * keep sessions open. Never logged.
 */
export function resolveAuthSecret(configured: string | undefined, home: string): Uint8Array {
  if (configured) return new TextEncoder().encode(configured);
  const file = join(home, 'auth-secret');
  try {
    return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(home, { recursive: true });
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // another process wrote it first: use theirs
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
