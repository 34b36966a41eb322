import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '../config';
import { sessionCookieName } from '../sessions';
import { moveRequestContent } from '../common';

/**
 * The guard checks only routes marked by `RequireScopes`/`RequireProject`, and those always declare their
 * requirements; any other operation is public, which OpenAPI says with an empty list (not by omission).
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (typeof operation === 'object' && operation && 'responses' in operation) {
        operation.security ??= [];
      }
    }
  }
}

/** Swagger UI at /docs, the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication, version: string): void {
  const { PROJECT_ID } = app.get<AppConfig>(APP_CONFIG);
  const config = new DocumentBuilder()
    .setTitle('Identity service')
    .setDescription(
      "Users, sessions and identities over an event store. The `/v1/users` routes are wire-compatible with Appwrite's " +
        'server Users API, so the official Appwrite server SDKs work unchanged. Errors are `{message, code, type, version}` ' +
        'with `code` = the HTTP status and `type` from Appwrite’s catalogue; each route shows the ones it answers.',
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
        description: 'API key with one of the scopes the route lists',
      },
      'Key',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Appwrite-Session',
        description: 'Session secret, from a login made with an API key or from `users.createSession`',
      },
      'Session',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'cookie',
        name: sessionCookieName(PROJECT_ID),
        description: 'Session secret in the cookie that login sets (browsers send it themselves)',
      },
      'SessionCookie',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Appwrite-JWT',
        description: 'JWT from `users.createJWT` or `account.createJWT` (keys: `/.well-known/jwks.json`)',
      },
      'JWT',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'Personal access token (`pat_…`) from `users.createAccessToken` (extension)',
      },
      'AccessToken',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  markPublicOperations(document);
  moveRequestContent(document);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Identity service API',
  });
}
