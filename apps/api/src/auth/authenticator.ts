import { DomainError } from '@mdm/core';
import { ApiKeyStore } from '@mdm/persistence';
import { Principal } from './decorators';
import { TokenVerifier } from './tokens';
import { hashApiKey } from './accounts';

type Headers = Record<string, string | string[] | undefined>;

/** Who is calling: a person with a bearer token, or a system with an API key. */
export class Authenticator {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly keys: ApiKeyStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async authenticate(headers: Headers): Promise<Principal> {
    const apiKey = headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey !== '') {
      const key = await this.keys.use(hashApiKey(apiKey), this.now());
      if (!key) throw new DomainError('UNAUTHENTICATED', 'unknown or revoked API key');
      return { id: key.name, name: key.name, kind: 'system', roles: key.roles, ...(key.sources ? { sources: key.sources } : {}) };
    }
    const authorization = headers.authorization;
    const bearer = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (bearer) {
      const principal = await this.tokens.verify(bearer[1]);
      if (!principal) throw new DomainError('UNAUTHENTICATED', 'invalid or expired token: sign in again (POST /auth/login)');
      return principal;
    }
    throw new DomainError('UNAUTHENTICATED', 'credentials required: Authorization: Bearer <token> from POST /auth/login, or X-Api-Key');
  }
}
