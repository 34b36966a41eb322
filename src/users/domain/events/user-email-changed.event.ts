/** Changing the email also resets email verification (Appwrite behaviour). */
export class UserEmailChangedEvent {
  static readonly type = 'user.email.changed';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['email'] as const;
  readonly type = UserEmailChangedEvent.type;
  constructor(readonly data: { email: string | null }) {}
}
