import { aggregateSpec } from '@libs/event-store/testing';
import { UserCreatedEvent, UserDeletedEvent, UserPrefsUpdatedEvent } from './events';
import { RESERVED_USER_IDS } from './reserved-user-ids';
import { UserAggregate } from './user.aggregate';
import { UserIdReservedError, UserNotFoundError } from './user.errors';

const argon = { hash: 'argon2', hashOptions: { type: 'argon2' } };
const props = (userId: string) => ({ userId, name: '', email: null, phone: null, password: null, ...argon });
const created = new UserCreatedEvent(props('u1'));
const prefs = (value: Record<string, unknown>) => new UserPrefsUpdatedEvent({ prefs: value });

describe('UserAggregate: prefs merge (extension)', () => {
  const spec = aggregateSpec(() => new UserAggregate('u1'));

  it('merges the patch into the prefs of the stream and records the result', () => {
    spec
      .given(created, prefs({ theme: 'dark', ui: { a: 1, b: 2 } }), prefs({ theme: 'light', ui: { a: 1 } }))
      .when((user) => user.mergePrefs({ lang: 'fr', ui: { a: null, c: [3] } }))
      .then(prefs({ theme: 'light', ui: { c: [3] }, lang: 'fr' }));
  });

  it('starts from empty prefs for a new user and for a re-created one', () => {
    spec
      .given(created)
      .when((user) => user.mergePrefs({ a: 1 }))
      .then(prefs({ a: 1 }));
    spec
      .given(created, prefs({ old: true }), new UserDeletedEvent({}), created)
      .when((user) => user.mergePrefs({ a: 1 }))
      .then(prefs({ a: 1 }));
  });

  it('starts from empty prefs when the stored ones were erased (decoded as null)', () => {
    const erased = new UserPrefsUpdatedEvent({ prefs: null as unknown as Record<string, unknown> });
    spec
      .given(created, erased)
      .when((user) => user.mergePrefs({ a: 1 }))
      .then(prefs({ a: 1 }));
  });

  it('refuses a merge for a user that does not exist', () => {
    spec
      .given()
      .when((user) => user.mergePrefs({ a: 1 }))
      .thenThrows(UserNotFoundError);
    spec
      .given(created, new UserDeletedEvent({}))
      .when((user) => user.mergePrefs({}))
      .thenThrows(UserNotFoundError);
  });
});

describe('UserAggregate: reserved ids (extension)', () => {
  it.each([...RESERVED_USER_IDS])('refuses to create a user with the id %s', (id) => {
    aggregateSpec(() => new UserAggregate(id))
      .given()
      .when((user) => user.create(props(id)))
      .thenThrows(UserIdReservedError);
  });

  it('accepts other spellings, which routes do not match', () => {
    for (const id of ['Count', 'counts', 'count1', 'sessions2']) {
      aggregateSpec(() => new UserAggregate(id))
        .given()
        .when((user) => user.create(props(id)))
        .then(new UserCreatedEvent(props(id)));
    }
  });

  it('names the route in the message', () => {
    expect(new UserIdReservedError('count').message).toBe(
      'Invalid `userId` param: "count" is reserved for the route /v1/users/count; choose another id.',
    );
  });
});
