import 'reflect-metadata';
import { INestApplication, Module, DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Role, Settings } from '@mdm/settings';
import { ApiModule } from '@mdm/api/api.module';
import { ApiErrorFilter } from '@mdm/api/common/domain-error.filter';
import { apiValidationPipe } from '@mdm/api/common/validation';
import { serveOpenApi } from '@mdm/api/openapi';
import { resolveAuthSecret } from '@mdm/api/auth/auth-secret';
import { EngineModule } from './engine.module';
import { NestPinoLogger } from './logger';
import { Runtime, createRuntime } from './runtime';
import { SourceConsumerService } from './ingest/source-consumer.service';

@Module({})
class AppModule {
  static register(runtime: Runtime, roles: Role[]): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...(roles.includes('engine') ? [EngineModule.register(runtime)] : []),
        ...(roles.includes('api') ? [ApiModule.register(runtime.dataSource, runtime.kafka, runtime.rules.matching, { topics: runtime.topics, survivorship: runtime.rules.survivorship, erp: runtime.rules.erp }, securityOf(runtime))] : []),
      ],
    };
  }
}

function securityOf({ settings, logger }: Runtime) {
  return {
    secret: resolveAuthSecret(settings.MDM_AUTH_SECRET, settings.MDM_HOME),
    tokenTtl: settings.MDM_AUTH_TOKEN_TTL,
    rateLimitPerMinute: settings.MDM_RATE_LIMIT_PER_MINUTE,
    signInPerMinute: settings.MDM_RATE_LIMIT_LOGIN_PER_MINUTE,
    logger,
  };
}

export interface RunningEngine {
  app: INestApplication;
  runtime: Runtime;
  /** Base URL of the API when the api role runs. */
  url: string | null;
  consumer: SourceConsumerService | null;
  close(): Promise<void>;
}

/**
 * Starts the roles asked for in one process: the engine (consumers, resolution, outbox relay)
 * and/or the REST API. Production runs them as separate processes with MDM_ROLES.
 */
export async function startEngine(settings: Settings, databaseUrl: string): Promise<RunningEngine> {
  const runtime = await createRuntime(settings, databaseUrl);
  const roles = settings.MDM_ROLES;
  const app = await NestFactory.create(AppModule.register(runtime, roles), { logger: new NestPinoLogger(runtime.logger), abortOnError: false });
  app.useGlobalFilters(new ApiErrorFilter(runtime.logger));
  app.useGlobalPipes(apiValidationPipe());
  let url: string | null = null;
  if (roles.includes('api')) {
    serveOpenApi(app);
    await app.listen(settings.MDM_HTTP_PORT, settings.MDM_HTTP_HOST);
    const address = app.getHttpServer().address();
    const host = settings.MDM_HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : settings.MDM_HTTP_HOST;
    url = `http://${host}:${typeof address === 'object' && address ? address.port : settings.MDM_HTTP_PORT}`;
  } else {
    await app.init();
  }
  const consumer = roles.includes('engine') ? app.get(SourceConsumerService) : null;
  return {
    app,
    runtime,
    url,
    consumer,
    async close() {
      await app.close();
      await runtime.dataSource.destroy();
    },
  };
}
