/**
 * The same password re-hashed to the current argon2id parameters after a successful login (an imported or
 * older hash). Not a password change: it revokes no session and does not move `passwordUpdate`.
 */
export class UserPasswordRehashedEvent {
  static readonly type = 'user.password.rehashed';
  constructor(readonly data: { password: string; hash: string; hashOptions: Record<string, unknown> }) {}
}
