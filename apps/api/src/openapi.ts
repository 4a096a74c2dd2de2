import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { PUBLIC_KEY } from './auth/decorators';

/**
 * The OpenAPI document of the API, at /openapi.json, and its browsable form at /docs; both public.
 * Every operation requires a bearer token (POST /auth/login) or an API key (X-Api-Key) unless it
 * says otherwise.
 */
export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Single customer view engine')
    .setDescription('Golden records, source records, steward tasks and actions, audit trail. Roles, masking and limits: docs/security.md.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'token from POST /auth/login' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'API key of a system (POST /admin/api-keys, mdm api-keys create)' }, 'api-key')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('api-key')
    .build();
  markPublicOperations(app);
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}

/** The document says which operations need no credentials (an empty requirement): those of @Public handlers. */
function markPublicOperations(app: INestApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const type = controller.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const everyHandler = Reflect.getMetadata(PUBLIC_KEY, type) === true;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler: unknown = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (everyHandler || Reflect.getMetadata(PUBLIC_KEY, handler) === true) Reflect.defineMetadata(DECORATORS.API_SECURITY, [{}], handler);
      }
    }
  }
}
