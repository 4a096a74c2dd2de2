import { SignJWT, errors, jwtVerify } from 'jose';
import { UserRow, UserStore } from '@mdm/persistence';
import { Principal } from './decorators';

/**
 * Turns a bearer token into a principal, or null when the token is invalid or expired. The one
 * seam for another identity provider: an OIDC issuer's verifier (JWKS, issuer, audience) would
 * implement this same interface.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Principal | null>;
}

const ISSUER = 'mdm';
const AUDIENCE = 'mdm-api';

/** Tokens this engine signs itself (HS256) for its local users. */
export class LocalTokens implements TokenVerifier {
  constructor(
    private readonly secret: Uint8Array,
    private readonly ttl: string,
    private readonly users: UserStore,
  ) {}

  async issue(user: UserRow): Promise<{ token: string; expiresAt: Date }> {
    const token = await new SignJWT({ roles: user.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(this.secret);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** Valid signature, not expired, and the user still exists and is not disabled; roles are read fresh. */
  async verify(token: string): Promise<Principal | null> {
    let subject: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      subject = payload.sub;
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
    if (!subject || !/^[0-9a-f-]{36}$/i.test(subject)) return null;
    const user = await this.users.byId(subject);
    if (!user || user.disabled) return null;
    return principalOf(user);
  }
}

export function principalOf(user: UserRow): Principal {
  return { id: user.username, name: user.displayName, kind: 'person', roles: user.roles };
}
