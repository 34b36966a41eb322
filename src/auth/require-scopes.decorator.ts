import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import type { Scope } from './domain/scopes';

export const REQUIRED_SCOPES = 'identity:required-scopes';

/**
 * Marks a route as needing the project header and an API key holding any one of `scopes`
 * (Appwrite's OR rule), and documents both security headers in Swagger.
 */
export function RequireScopes(...scopes: Scope[]) {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    ApiSecurity('Project'),
    ApiSecurity('Key'),
    ApiHeader({
      name: 'X-Appwrite-Response-Format',
      required: false,
      description: 'Model version, e.g. 1.9.5',
    }),
  );
}

/** Project header required, API key optional (end-user routes: login and the account API). */
export function RequireProject() {
  return applyDecorators(SetMetadata(REQUIRED_SCOPES, []), ApiSecurity('Project'));
}
