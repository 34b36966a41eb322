export interface AccessTokenCreatedData {
  tokenId: string;
  userId: string;
  /** The user's incarnation (position of its `user.created`): a re-created id is another user. */
  userIncarnation: number;
  description: string;
  /** SHA-256 (hex) of the secret; the secret itself is never stored, not even sealed. */
  secretHash: string;
  /** ISO 8601, or null: the token does not expire. */
  expire: string | null;
}

/** A personal access token issued to a user (Mattermost's user access token), active from the start. */
export class AccessTokenCreatedEvent {
  static readonly type = 'access_token.created';
  readonly type = AccessTokenCreatedEvent.type;
  constructor(readonly data: AccessTokenCreatedData) {}
}
