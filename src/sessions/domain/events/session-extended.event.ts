/** `PATCH /v1/account/sessions/{sessionId}` (Appwrite's updateSession): the session lasts a full term from now. */
export class SessionExtendedEvent {
  static readonly type = 'session.extended';
  readonly type = SessionExtendedEvent.type;
  /** `expire`: ISO 8601. */
  constructor(readonly data: { userId: string; expire: string }) {}
}
