import { UNKNOWN_USER_HASH, generatePassword, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('accepts the password it hashed and nothing else', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('correct');
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('salts every hash, so one password never gives the same hash twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same', b)).resolves.toBe(true);
  });

  it('refuses malformed hashes and the placeholder of unknown users', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('', UNKNOWN_USER_HASH)).resolves.toBe(false);
    await expect(verifyPassword('anything', UNKNOWN_USER_HASH)).resolves.toBe(false);
  });

  it('generates distinct random passwords', () => {
    const passwords = new Set(Array.from({ length: 20 }, generatePassword));
    expect(passwords.size).toBe(20);
    for (const p of passwords) expect(p).toMatch(/^[\w-]{16}$/);
  });
});
