import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Request, Response } from 'express';
import { DomainError } from '@mdm/core';
import { Principal, PUBLIC_KEY, ROLES_KEY, Role } from './decorators';
import { Authenticator } from './authenticator';
import { SCOPE_KEY, SourceScope, SourceScopeCheck } from './source-scope';
import { AUTHENTICATOR, SOURCE_SCOPE } from './auth.tokens';

export type AuthenticatedRequest = Request & { principal?: Principal; requestId?: string };

/** Handlers that name no role are for administrators only: a forgotten @Roles never opens a door. */
const DEFAULT_ROLES: Role[] = ['admin'];

/**
 * Every request passes here: it gets a request id, its caller is authenticated (unless the handler
 * is @Public), must hold one of the handler's roles, and a source-restricted API key only reaches
 * the records of its sources.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Inject(SOURCE_SCOPE) private readonly scope: SourceScopeCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const given = request.headers['x-request-id'];
    request.requestId = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    context.switchToHttp().getResponse<Response>().setHeader('x-request-id', request.requestId);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const principal = await this.authenticator.authenticate(request.headers);
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? DEFAULT_ROLES;
    if (!principal.roles.some((r) => allowed.includes(r))) {
      throw new DomainError('FORBIDDEN', `this needs the role ${allowed.join(' or ')}; ${principal.id} has ${principal.roles.join(', ') || 'no role'}`);
    }
    const scope = this.reflector.getAllAndOverride<SourceScope>(SCOPE_KEY, targets);
    await this.scope.check(scope, principal, request.params as Record<string, string>, request.query as Record<string, unknown>);
    return true;
  }
}

/** Whether the caller reads personal data masked: a viewer who holds no role that sees it. */
export function readsMasked(principal: Principal | undefined): boolean {
  return !principal || !principal.roles.some((r) => r === 'steward' || r === 'admin' || r === 'system');
}
