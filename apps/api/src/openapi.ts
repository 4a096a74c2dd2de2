import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
