export class UserPhoneVerificationChangedEvent {
  static readonly type = 'user.phone.verification.changed';
  readonly type = UserPhoneVerificationChangedEvent.type;
  constructor(readonly data: { phoneVerification: boolean }) {}
}
