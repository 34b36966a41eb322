import { aggregateSpec } from '@libs/event-store/testing';
import { UserCreatedEvent, UserDeletedEvent, UserImpersonatorChangedEvent } from './events';
import { UserAggregate } from './user.aggregate';
import { UserNotFoundError } from './user.errors';

const spec = aggregateSpec(() => new UserAggregate('u1'));
const created = new UserCreatedEvent({
  userId: 'u1',
  name: 'Ada',
  email: 'ada@example.com',
  phone: null,
  password: null,
  hash: 'argon2',
  hashOptions: {},
});

describe('UserAggregate impersonator flag', () => {
  it('grants the capability', () => {
    spec
      .given(created)
      .when((u) => u.changeImpersonator(true))
      .then(new UserImpersonatorChangedEvent({ impersonator: true }));
  });

  it('revokes it, recording the change even when set again (as Appwrite updates the document each time)', () => {
    spec
      .given(created, new UserImpersonatorChangedEvent({ impersonator: true }))
      .when((u) => u.changeImpersonator(false))
      .then(new UserImpersonatorChangedEvent({ impersonator: false }));
    spec
      .given(created)
      .when((u) => u.changeImpersonator(false))
      .then(new UserImpersonatorChangedEvent({ impersonator: false }));
  });

  it('claims nothing unique', () => {
    const result = spec.given(created).when((u) => u.changeImpersonator(true));
    expect(result.aggregate.pendingConstraints).toEqual([]);
  });

  it.each([
    ['a user that never existed', []],
    ['a deleted user', [created, new UserDeletedEvent({})]],
  ])('refuses %s', (_name, history) => {
    spec
      .given(...history)
      .when((u) => u.changeImpersonator(true))
      .thenThrows(UserNotFoundError);
  });
});
