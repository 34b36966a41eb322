import { aggregateSpec } from '@libs/event-store/testing';
import { TokenConsumedEvent, TokenCreatedEvent } from './events';
import { InvalidTokenError } from './session.errors';
import { TokenAggregate, TokenExchange } from './token.aggregate';

const created = new TokenCreatedEvent({
  tokenId: 't1',
  userId: 'u1',
  userIncarnation: 7,
  secretHash: 'a'.repeat(64),
  expire: '2027-01-01T00:15:00.000Z',
  ip: '127.0.0.1',
  userAgent: 'test',
});
const exchange: TokenExchange = {
  secretHash: 'a'.repeat(64),
  userId: 'u1',
  userIncarnation: 7,
  sessionId: 's1',
  now: new Date('2027-01-01T00:00:00.000Z'),
};
const consumed = new TokenConsumedEvent({ userId: 'u1', sessionId: 's1' });
const spec = aggregateSpec(() => new TokenAggregate('t1'));

describe('TokenAggregate', () => {
  it('creates a token', () => {
    spec
      .given()
      .when((t) => t.create(created.data))
      .then(created);
  });

  it('is consumed once, with its secret, before it expires, for the session it opened', () => {
    spec
      .given(created)
      .when((t) => t.consume(exchange))
      .then(consumed);
  });

  it('refuses a second exchange', () => {
    spec
      .given(created, consumed)
      .when((t) => t.consume(exchange))
      .thenThrows(InvalidTokenError);
  });

  it('refuses a wrong secret, another user, a re-created user and an expired token alike', () => {
    const refusals: Array<Partial<TokenExchange>> = [
      { secretHash: 'b'.repeat(64) },
      { userId: 'u2' },
      { userIncarnation: 8 },
      { now: new Date('2027-01-01T00:15:00.000Z') },
    ];
    for (const change of refusals) {
      spec
        .given(created)
        .when((t) => t.consume({ ...exchange, ...change }))
        .thenThrows(InvalidTokenError);
    }
  });

  it('refuses a token that does not exist', () => {
    spec
      .given()
      .when((t) => t.consume(exchange))
      .thenThrows(InvalidTokenError);
  });
});
