export class UserPhoneVerificationChangedEvent {
  static readonly type = 'user.phone.verification.changed';
  constructor(readonly data: { phoneVerification: boolean }) {}
}
