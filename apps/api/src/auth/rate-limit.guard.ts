import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModuleOptions } from '@nestjs/throttler';
import { DomainError } from '@mdm/core';
import { AuthenticatedRequest } from './auth.guard';

const SIGN_IN_KEY = 'mdm:sign-in';
/** A handler that checks a password: it gets the stricter sign-in limit. */
export const SignIn = () => SetMetadata(SIGN_IN_KEY, true);

/** Two budgets per minute: every request of a caller, and sign-in attempts from one address. */
export function rateLimits(perMinute: number, signInPerMinute: number): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'default', ttl: 60_000, limit: perMinute },
      { name: 'sign-in', ttl: 60_000, limit: signInPerMinute, skipIf: (context: ExecutionContext) => Reflect.getMetadata(SIGN_IN_KEY, context.getHandler()) !== true },
    ],
  };
}

/** Rate limits per principal (user or API key), or per address for anonymous calls; 429 RATE_LIMITED. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal, ip } = request as unknown as AuthenticatedRequest;
    return principal ? `${principal.kind}:${principal.id}` : `ip:${ip ?? 'unknown'}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new DomainError('RATE_LIMITED', 'too many requests: wait a minute before trying again');
  }
}
