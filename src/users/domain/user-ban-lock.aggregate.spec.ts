import { aggregateSpec } from '@libs/event-store/testing';
import { ArgumentInvalidError } from '@libs/http';
import {
  UserBannedEvent,
  UserCreatedEvent,
  UserDeletedEvent,
  UserLockedEvent,
  UserPasswordChangedEvent,
  UserStatusChangedEvent,
  UserUnbannedEvent,
  UserUnlockedEvent,
} from './events';
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
const now = new Date('2030-01-01T00:00:00.000Z');
const later = new Date('2030-01-02T00:00:00.000Z');
const banned = new UserBannedEvent({ reason: 'spam', expiresAt: later.toISOString() });

describe('UserAggregate bans', () => {
  it('bans with a reason and an expiry', () => {
    spec
      .given(created)
      .when((u) => u.ban('spam', later, now))
      .then(banned);
  });

  it('bans without reason or expiry', () => {
    spec
      .given(created)
      .when((u) => u.ban(null, null, now))
      .then(new UserBannedEvent({ reason: null, expiresAt: null }));
  });

  it('refuses an expiry that is not in the future', () => {
    spec
      .given(created)
      .when((u) => u.ban('spam', now, now))
      .thenThrows(ArgumentInvalidError);
  });

  it('banning twice with the same ban changes nothing; a different one replaces it', () => {
    spec
      .given(created, banned)
      .when((u) => u.ban('spam', later, now))
      .then();
    spec
      .given(created, banned)
      .when((u) => u.ban('abuse', null, now))
      .then(new UserBannedEvent({ reason: 'abuse', expiresAt: null }));
  });

  it('refuses to ban a user that does not exist (or no longer does)', () => {
    spec
      .given()
      .when((u) => u.ban(null, null, now))
      .thenThrows(UserNotFoundError);
    spec
      .given(created, new UserDeletedEvent({}))
      .when((u) => u.ban(null, null, now))
      .thenThrows(UserNotFoundError);
  });

  it('unbans a banned or blocked user; a user who is not banned stays as is', () => {
    spec
      .given(created, banned)
      .when((u) => u.unban())
      .then(new UserUnbannedEvent({ expired: false }));
    spec
      .given(created, new UserStatusChangedEvent({ status: false }))
      .when((u) => u.unban())
      .then(new UserUnbannedEvent({ expired: false }));
    spec
      .given(created)
      .when((u) => u.unban())
      .then();
    spec
      .given(created, banned, new UserStatusChangedEvent({ status: true }))
      .when((u) => u.unban())
      .then();
  });

  it('the expiry job lifts only the ban it was scheduled for, once it has run out', () => {
    // created is version 1, the ban version 2.
    const result = spec.given(created, banned).when((u) => u.liftExpiredBan(2, later));
    result.then(new UserUnbannedEvent({ expired: true }));
    expect(result.aggregate.status).toBe(true);
  });

  it('the expiry job does nothing for a ban replaced, lifted or turned into a block, or before its time', () => {
    const replaced = new UserBannedEvent({ reason: 'again', expiresAt: later.toISOString() });
    spec
      .given(created, banned, replaced)
      .when((u) => expect(u.liftExpiredBan(2, later)).toBe('stale'))
      .then();
    spec
      .given(created, banned, new UserUnbannedEvent({ expired: false }))
      .when((u) => expect(u.liftExpiredBan(2, later)).toBe('stale'))
      .then();
    spec
      .given(created, banned, new UserStatusChangedEvent({ status: false }))
      .when((u) => expect(u.liftExpiredBan(2, later)).toBe('stale'))
      .then();
    spec
      .given(created, banned)
      .when((u) => expect(u.liftExpiredBan(2, now)).toBe('not-yet'))
      .then();
    spec
      .given(created, banned, new UserDeletedEvent({}))
      .when((u) => expect(u.liftExpiredBan(2, later)).toBe('stale'))
      .then();
  });
});

describe('UserAggregate lock-outs', () => {
  const lockedByHand = new UserLockedEvent({ until: later.toISOString(), cause: 'manual' });

  it('locks by hand until a time in the future, and again to move the end', () => {
    spec
      .given(created)
      .when((u) => u.lock(later, now))
      .then(lockedByHand);
    spec
      .given(created, lockedByHand)
      .when((u) => u.lock(new Date('2030-01-03T00:00:00Z'), now))
      .then(new UserLockedEvent({ until: '2030-01-03T00:00:00.000Z', cause: 'manual' }));
    spec
      .given(created)
      .when((u) => u.lock(now, now))
      .thenThrows(ArgumentInvalidError);
  });

  it('locks after failures unless a lock is running', () => {
    const auto = new UserLockedEvent({ until: later.toISOString(), cause: 'failed-attempts' });
    spec
      .given(created)
      .when((u) => u.lockAfterFailures(later, now))
      .then(auto);
    spec
      .given(created, lockedByHand)
      .when((u) => u.lockAfterFailures(later, now))
      .then();
    // A lock that has run out does not stop a new one.
    spec
      .given(created, new UserLockedEvent({ until: '2029-12-31T00:00:00.000Z', cause: 'manual' }))
      .when((u) => u.lockAfterFailures(later, now))
      .then(auto);
  });

  it('unlocks a lock; without one nothing changes', () => {
    spec
      .given(created, lockedByHand)
      .when((u) => u.unlock())
      .then(new UserUnlockedEvent({}));
    spec
      .given(created)
      .when((u) => u.unlock())
      .then();
    spec
      .given(created, lockedByHand, new UserUnlockedEvent({}))
      .when((u) => u.unlock())
      .then();
  });

  it('a password change does not unlock by itself (the admin route unlocks beside it)', () => {
    const result = spec
      .given(created, lockedByHand)
      .when((u) => u.changePassword({ password: null, hash: 'argon2', hashOptions: {} }));
    result.then(new UserPasswordChangedEvent({ password: null, hash: 'argon2', hashOptions: {} }));
    expect(result.aggregate.lockedUntil).toBe(later.toISOString());
  });
});
