import { EventSourcedAggregate } from '@libs/event-store';
import { TokenConsumedEvent, TokenCreatedData, TokenCreatedEvent, TokenEvent } from './events';
import { InvalidTokenError } from './session.errors';

/** What exchanging a token must show: the secret's hash, and the user it is for as it is now. */
export interface TokenExchange {
  secretHash: string;
  userId: string;
  userIncarnation: number;
  sessionId: string;
  now: Date;
}

/**
 * A one-time token: created once, consumed at most once, before it expires, with its secret, by the
 * incarnation of the user it was made for. Every refusal is the same `user_invalid_token`.
 */
export class TokenAggregate extends EventSourcedAggregate<TokenEvent> {
  private created?: TokenCreatedData;
  consumed = false;

  create(data: TokenCreatedData): void {
    if (this.created) throw new Error(`Token ${this.id} already exists`);
    this.apply(new TokenCreatedEvent(data));
  }

  consume(exchange: TokenExchange): void {
    const token = this.created;
    if (
      !token ||
      this.consumed ||
      token.secretHash !== exchange.secretHash ||
      token.userId !== exchange.userId ||
      token.userIncarnation !== exchange.userIncarnation ||
      new Date(token.expire).getTime() <= exchange.now.getTime()
    )
      throw new InvalidTokenError();
    this.apply(new TokenConsumedEvent({ userId: token.userId, sessionId: exchange.sessionId }));
  }

  onTokenCreatedEvent(event: TokenCreatedEvent): void {
    this.created = event.data;
  }

  onTokenConsumedEvent(): void {
    this.consumed = true;
  }
}
