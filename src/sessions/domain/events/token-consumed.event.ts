/** The token was exchanged for a session (Appwrite deletes a token on use: it never opens a second one). */
export class TokenConsumedEvent {
  static readonly type = 'token.consumed';
  readonly type = TokenConsumedEvent.type;
  constructor(readonly data: { userId: string; sessionId: string }) {}
}
