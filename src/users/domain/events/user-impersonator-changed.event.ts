/** The user may (or may no longer) act as another user through the impersonation headers. */
export class UserImpersonatorChangedEvent {
  static readonly type = 'user.impersonator.changed';
  readonly type = UserImpersonatorChangedEvent.type;
  constructor(readonly data: { impersonator: boolean }) {}
}
