/**
 * The same password stored under a new hash: re-hashed to the current argon2id parameters after a successful
 * login (an imported or older hash), or a fast legacy hash wrapped in argon2id ahead of that login. Not a
 * password change: it revokes no session and does not move `passwordUpdate`.
 */
export class UserPasswordRehashedEvent {
  static readonly type = 'user.password.rehashed';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['password', 'hashOptions'] as const;
  readonly type = UserPasswordRehashedEvent.type;
  constructor(readonly data: { password: string; hash: string; hashOptions: Record<string, unknown> }) {}
}
