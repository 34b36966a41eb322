export class UserPrefsUpdatedEvent {
  static readonly type = 'user.prefs.updated';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['prefs'] as const;
  readonly type = UserPrefsUpdatedEvent.type;
  constructor(readonly data: { prefs: Record<string, unknown> }) {}
}
