import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /docs, the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication, version: string): void {
  const config = new DocumentBuilder()
    .setTitle('Identity service')
    .setDescription(
      "Users, sessions and identities over an event store. The `/v1/users` routes are wire-compatible with Appwrite's " +
        'server Users API, so the official Appwrite server SDKs work unchanged. Errors are `{message, code, type, version}` ' +
        'with `code` = the HTTP status and `type` from Appwrite’s catalogue.',
    )
    .setVersion(version)
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-Appwrite-Project', description: 'Project id (PROJECT_ID)' },
      'Project',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Appwrite-Key',
        description: 'API key with the scopes the route lists',
      },
      'Key',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Identity service API',
  });
}
