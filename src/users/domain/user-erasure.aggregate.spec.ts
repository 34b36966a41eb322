import { aggregateSpec } from '@libs/event-store/testing';
import { UserCreatedEvent, UserDeletedEvent, UserErasedEvent } from './events';
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
const deleted = new UserDeletedEvent({});
const erased = new UserErasedEvent({});

describe('UserAggregate erasure', () => {
  it('deletes a live user, then erases it', () => {
    spec
      .given(created)
      .when((u) => u.erase())
      .then(deleted, erased);
  });

  it('erases a user deleted before without deleting it again', () => {
    spec
      .given(created, deleted)
      .when((u) => u.erase())
      .then(erased);
  });

  it('changes nothing when the last incarnation is erased already', () => {
    spec
      .given(created, deleted, erased)
      .when((u) => u.erase())
      .then();
  });

  it('erases a new incarnation made after an erasure', () => {
    spec
      .given(created, deleted, erased, created)
      .when((u) => u.erase())
      .then(deleted, erased);
  });

  it('does not know an id that never had a stream', () => {
    spec
      .given()
      .when((u) => u.erase())
      .thenThrows(UserNotFoundError);
  });

  it('lets the id be created again after an erasure', () => {
    spec
      .given(created, deleted, erased)
      .when((u) =>
        u.create({
          userId: 'u1',
          name: 'Bo',
          email: 'ada@example.com',
          phone: null,
          password: null,
          hash: 'argon2',
          hashOptions: {},
        }),
      )
      .then(
        new UserCreatedEvent({
          userId: 'u1',
          name: 'Bo',
          email: 'ada@example.com',
          phone: null,
          password: null,
          hash: 'argon2',
          hashOptions: {},
        }),
      );
  });
});
