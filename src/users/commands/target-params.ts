import { PathIdPipe } from '../../common';
import { ProviderNotFoundError } from '../domain/user.errors';

export const TargetIdPipe = new PathIdPipe('targetId');

/**
 * This service sends no messages, so it has no providers: a target names none (`providerId` null). An empty or
 * omitted `providerId` is what Appwrite does without one; any other id names a provider that does not exist.
 */
export function assertNoProvider(providerId: string): void {
  if (providerId !== '') throw new ProviderNotFoundError();
}

export const PROVIDER_ID_DESCRIPTION =
  'Must be empty or omitted: this service has no messaging providers (any other value: 404 `provider_not_found`)';
