/** Changing the phone also resets phone verification (Appwrite behaviour). */
export class UserPhoneChangedEvent {
  static readonly type = 'user.phone.changed';
  constructor(readonly data: { phone: string | null }) {}
}
