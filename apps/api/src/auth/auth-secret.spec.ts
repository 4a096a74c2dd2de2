import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAuthSecret } from './auth-secret';

describe('the token secret', () => {
  it('is MDM_AUTH_SECRET when set, and then nothing is written', () => {
    const home = join(mkdtempSync(join(tmpdir(), 'mdm-secret-')), 'home');
    expect(new TextDecoder().decode(resolveAuthSecret('s'.repeat(32), home))).toBe('s'.repeat(32));
    expect(() => statSync(home)).toThrow();
  });

  it('is generated once under MDM_HOME, readable by its owner only, and the same at the next start', () => {
    const home = join(mkdtempSync(join(tmpdir(), 'mdm-secret-')), 'home');
    const first = resolveAuthSecret(undefined, home);
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(statSync(join(home, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(undefined, home)).toEqual(first);
    expect(readFileSync(join(home, 'auth-secret'), 'utf8')).toBe(new TextDecoder().decode(first));
  });
});
