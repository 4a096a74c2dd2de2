import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Logger } from 'pino';
import { ApiKeyStore, AuditStore, UserStore } from '@mdm/persistence';
import { AuthController } from './auth.controller';
import { AdminController } from './admin.controller';
import { AuditController } from './audit.controller';
import { AuthGuard } from './auth.guard';
import { RateLimitGuard, rateLimits } from './rate-limit.guard';
import { AuditInterceptor } from './audit.interceptor';
import { MaskingInterceptor } from './masking.interceptor';
import { Authenticator } from './authenticator';
import { LocalTokens } from './tokens';
import { SourceScopeCheck } from './source-scope';
import { AUDIT_LOGGER, AUTHENTICATOR, AUTH_DATA_SOURCE, LOCAL_TOKENS, SOURCE_SCOPE } from './auth.tokens';

/** How the API admits its callers; built from the settings by the process that runs the API. */
export interface ApiSecurityOptions {
  /** Key of the session tokens' HS256 signature. */
  secret: Uint8Array;
  /** Lifetime of a session token, such as 8h. */
  tokenTtl: string;
  rateLimitPerMinute: number;
  signInPerMinute: number;
  logger: Logger;
}

/**
 * Authentication, roles, object-level scopes, rate limits, masking and audit for every handler of
 * the API (global guards and interceptors), with sign-in, administration and the audit trail.
 */
@Module({})
export class AuthModule {
  static register(db: DataSource, options: ApiSecurityOptions): DynamicModule {
    const tokens = new LocalTokens(options.secret, options.tokenTtl, new UserStore(db));
    return {
      module: AuthModule,
      imports: [ThrottlerModule.forRoot(rateLimits(options.rateLimitPerMinute, options.signInPerMinute))],
      controllers: [AuthController, AdminController, AuditController],
      // factories rather than values: Nest would serialize values (the data source, the logger) into the module's token
      providers: [
        { provide: AUTH_DATA_SOURCE, useFactory: () => db },
        { provide: LOCAL_TOKENS, useFactory: () => tokens },
        { provide: AUTHENTICATOR, useFactory: () => new Authenticator(tokens, new ApiKeyStore(db)) },
        { provide: SOURCE_SCOPE, useFactory: () => new SourceScopeCheck(db) },
        { provide: AuditStore, useFactory: () => new AuditStore(db) },
        { provide: AUDIT_LOGGER, useFactory: () => options.logger },
        // in this order: who is calling, then how often
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: MaskingInterceptor },
      ],
    };
  }
}
