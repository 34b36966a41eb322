import { UserIdReservedError } from './user.errors';

/**
 * Ids that are collection routes under `/v1/users` (ours, planned ones, and Appwrite's `identities`): a user
 * with such an id could not be read at `/v1/users/{id}`. Routes match case-sensitively, so only these exact
 * spellings collide.
 */
export const RESERVED_USER_IDS: ReadonlySet<string> = new Set([
  'count',
  'hashes',
  'export',
  'batch',
  'sessions',
  'identities',
]);

export function assertUserIdNotReserved(userId: string): void {
  if (RESERVED_USER_IDS.has(userId)) throw new UserIdReservedError(userId);
}
