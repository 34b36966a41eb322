/** Scopes this service knows. `users.hashes.read` reveals stored password hashes in User models. */
export const SCOPES = [
  'users.read',
  'users.write',
  'sessions.read',
  'sessions.write',
  'users.hashes.read',
  'webhooks.read',
  'webhooks.write',
  'users.erase',
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
