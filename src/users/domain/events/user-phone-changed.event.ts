/** Changing the phone also resets phone verification (Appwrite behaviour). */
export class UserPhoneChangedEvent {
  static readonly type = 'user.phone.changed';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['phone'] as const;
  readonly type = UserPhoneChangedEvent.type;
  constructor(readonly data: { phone: string | null }) {}
}
