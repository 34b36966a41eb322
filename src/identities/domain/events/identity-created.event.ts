export interface IdentityCreatedData {
  identityId: string;
  userId: string;
  provider: string;
  providerUid: string;
  /** `""` when the provider gave none. */
  providerEmail: string;
  /** Returned to API keys as Appwrite does (sealed in the event log); `""` when absent. */
  providerAccessToken: string;
  /** ISO 8601, or null when the token does not expire (or is absent). */
  providerAccessTokenExpiry: string | null;
  providerRefreshToken: string;
}

export class IdentityCreatedEvent {
  static readonly type = 'identity.created';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = [
    'providerUid',
    'providerEmail',
    'providerAccessToken',
    'providerRefreshToken',
  ] as const;
  readonly type = IdentityCreatedEvent.type;
  constructor(readonly data: IdentityCreatedData) {}
}
