export interface IdentityCreatedData {
  identityId: string;
  userId: string;
  provider: string;
  providerUid: string;
  /** `""` when the provider gave none. */
  providerEmail: string;
  /** Kept in clear, as Appwrite returns them to API keys; `""` when absent. */
  providerAccessToken: string;
  /** ISO 8601, or null when the token does not expire (or is absent). */
  providerAccessTokenExpiry: string | null;
  providerRefreshToken: string;
}

export class IdentityCreatedEvent {
  static readonly type = 'identity.created';
  constructor(readonly data: IdentityCreatedData) {}
}
