/** Changing the email also resets email verification (Appwrite behaviour). */
export class UserEmailChangedEvent {
  static readonly type = 'user.email.changed';
  constructor(readonly data: { email: string | null }) {}
}
