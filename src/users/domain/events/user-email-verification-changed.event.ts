export class UserEmailVerificationChangedEvent {
  static readonly type = 'user.email.verification.changed';
  constructor(readonly data: { emailVerification: boolean }) {}
}
