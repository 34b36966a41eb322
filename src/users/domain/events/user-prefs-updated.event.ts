export class UserPrefsUpdatedEvent {
  static readonly type = 'user.prefs.updated';
  constructor(readonly data: { prefs: Record<string, unknown> }) {}
}
