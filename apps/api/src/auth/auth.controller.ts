import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@mdm/core';
import { AuditStore, UserStore } from '@mdm/persistence';
import { CurrentUser, Principal, Public, Roles } from './decorators';
import { LoginBody } from './auth.dto';
import { LocalTokens, principalOf } from './tokens';
import { UNKNOWN_USER_HASH, verifyPassword } from './password';
import { AUTH_DATA_SOURCE, LOCAL_TOKENS } from './auth.tokens';
import { AuthenticatedRequest } from './auth.guard';
import { SignIn } from './rate-limit.guard';
import { ScopedTo } from './source-scope';

/** Sign-in of the people who use the API (the local provider), and who the caller is. */
@Controller('auth')
export class AuthController {
  private readonly users: UserStore;
  private readonly audit: AuditStore;

  constructor(
    @Inject(AUTH_DATA_SOURCE) db: DataSource,
    @Inject(LOCAL_TOKENS) private readonly tokens: LocalTokens,
  ) {
    this.users = new UserStore(db);
    this.audit = new AuditStore(db);
  }

  /** A session token for a user name and password; the same 401 for an unknown user and a wrong password. */
  @Post('login')
  @Public()
  @SignIn()
  @HttpCode(200)
  async login(@Body() body: LoginBody, @Req() request: AuthenticatedRequest) {
    const user = await this.users.byUsername(body.username.trim().toLowerCase());
    // an unknown user costs the same hashing as a known one
    const matches = await verifyPassword(body.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    const ok = user !== null && matches && !user.disabled;
    await this.audit
      .insert({
        at: new Date(),
        actorId: ok ? user.username : null,
        actorKind: ok ? 'person' : 'anonymous',
        action: 'auth.login',
        targetType: 'user',
        targetId: body.username.trim().toLowerCase().slice(0, 200),
        reason: null,
        outcome: ok ? 'succeeded' : 'denied',
        requestId: request.requestId ?? null,
      })
      .catch(() => {
        throw new DomainError('AUDIT_UNAVAILABLE', 'the audit trail cannot be written: sign-in refused, try again later');
      });
    if (!ok) throw new DomainError('INVALID_CREDENTIALS', 'unknown user name or wrong password');
    const { token, expiresAt } = await this.tokens.issue(user);
    const principal = principalOf(user);
    return { token, expiresAt, user: { id: principal.id, name: principal.name, roles: principal.roles } };
  }

  /** The authenticated caller: a person or a system, its roles and, for a restricted key, its sources. */
  @Get('me')
  @Roles('viewer', 'steward', 'admin', 'system')
  @ScopedTo('filtered')
  me(@CurrentUser() principal: Principal): Principal {
    return principal;
  }
}
