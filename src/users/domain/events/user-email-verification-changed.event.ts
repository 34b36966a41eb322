export class UserEmailVerificationChangedEvent {
  static readonly type = 'user.email.verification.changed';
  readonly type = UserEmailVerificationChangedEvent.type;
  constructor(readonly data: { emailVerification: boolean }) {}
}
