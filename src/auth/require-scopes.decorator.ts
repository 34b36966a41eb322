import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import { ApiAppwriteErrors, when } from '../common';
import {
  KeyExpiredError,
  MissingScopeError,
  ProjectNotFoundError,
  UnauthorizedKeyError,
} from './domain/auth.errors';
import type { Scope } from './domain/scopes';

export const REQUIRED_SCOPES = 'identity:required-scopes';

/**
 * One OpenAPI security requirement: every scheme in it is needed together. The project header is in each,
 * because the guard checks it on every route it guards. Names are those of `setupSwagger`'s schemes.
 */
export type SecurityRequirement = { Project: [] } & Partial<
  Record<'Key' | 'Session' | 'SessionCookie' | 'JWT' | 'AccessToken', []>
>;

/** What the guard answers, in its order: the project, then the key (checked whenever one is sent). */
const PROJECT_ERRORS = [
  when(ProjectNotFoundError, 'Missing or wrong X-Appwrite-Project'),
  when(UnauthorizedKeyError, 'An unknown API key'),
  when(KeyExpiredError, 'An expired API key'),
];

/**
 * Marks a route as needing the project header and an API key holding any one of `scopes` (Appwrite's OR
 * rule), and documents exactly that: one security requirement with both headers, and the guard's errors.
 */
export function RequireScopes(...scopes: Scope[]) {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    ApiSecurity({ Project: [], Key: [] } satisfies SecurityRequirement),
    ApiAppwriteErrors(
      when(new MissingScopeError('guests', scopes), 'No API key, or a key with none of the scopes'),
      ...PROJECT_ERRORS,
    ),
    ApiHeader({
      name: 'X-Appwrite-Response-Format',
      required: false,
      description: 'Model version, e.g. 1.9.5',
    }),
  );
}

/**
 * Project header required, API key optional (end-user routes: login and the account API). Routes that also
 * need a session pass its requirements (one per way of sending it); their own guard checks it.
 */
export function RequireProject(security: SecurityRequirement[] = [{ Project: [] }]) {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, []),
    ...security.map((requirement) => ApiSecurity(requirement)),
    ApiAppwriteErrors(...PROJECT_ERRORS),
  );
}
