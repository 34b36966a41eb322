export interface TokenCreatedData {
  tokenId: string;
  userId: string;
  /** The user's incarnation: a token never opens a session for a re-created user of the same id. */
  userIncarnation: number;
  /** SHA-256 (hex) of the secret; the secret itself is never stored. */
  secretHash: string;
  /** ISO 8601 */
  expire: string;
  ip: string;
  userAgent: string;
}

/** A one-time secret made for a user (`users.createToken`), to be exchanged once for a session. */
export class TokenCreatedEvent {
  static readonly type = 'token.created';
  /** Personal data: stored only sealed with the user's data key. */
  static readonly sealed = ['ip', 'userAgent'] as const;
  readonly type = TokenCreatedEvent.type;
  constructor(readonly data: TokenCreatedData) {}
}
