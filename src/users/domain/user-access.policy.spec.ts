import {
  UserBannedEvent,
  UserLockedEvent,
  UserNameChangedEvent,
  UserPasswordChangedEvent,
  UserStatusChangedEvent,
  UserUnbannedEvent,
} from './events';
import {
  credentialStands,
  endsSessions,
  keptSessionOf,
  lockedOut,
  mayAuthenticate,
  sessionCounts,
} from './user-access.policy';

const now = new Date('2030-01-01T00:00:00.000Z');
const before = new Date('2029-12-31T23:59:59.000Z');
const after = new Date('2030-01-01T00:00:01.000Z');

describe('users access policy', () => {
  it('lets an active user authenticate and refuses a blocked or banned one', () => {
    expect(mayAuthenticate({ status: true }, now)).toEqual({ allowed: true });
    expect(mayAuthenticate({ status: false }, now)).toEqual({ allowed: false, reason: 'blocked' });
    expect(mayAuthenticate({ status: false, banExpiresAt: null }, now).allowed).toBe(false);
  });

  it('treats a ban past its expiry as lifted, whether or not its lifting was recorded', () => {
    expect(mayAuthenticate({ status: false, banExpiresAt: after }, now).allowed).toBe(false);
    expect(mayAuthenticate({ status: false, banExpiresAt: now }, now).allowed).toBe(true);
    expect(mayAuthenticate({ status: false, banExpiresAt: before }, now).allowed).toBe(true);
  });

  it('a ban ends the sessions; lifting it, and a lock-out, do not', () => {
    expect(endsSessions(new UserBannedEvent({ reason: null, expiresAt: null }))).toBe(true);
    expect(endsSessions(new UserUnbannedEvent({ expired: true }))).toBe(false);
    expect(endsSessions(new UserLockedEvent({ until: after.toISOString(), cause: 'manual' }))).toBe(false);
    expect(endsSessions(new UserStatusChangedEvent({ status: false }))).toBe(true);
    expect(
      endsSessions(new UserPasswordChangedEvent({ password: null, hash: 'argon2', hashOptions: {} })),
    ).toBe(true);
  });

  it('a lock-out holds until its end', () => {
    expect(lockedOut({ lockedUntil: null }, now)).toEqual({ locked: false, until: null });
    expect(lockedOut({ lockedUntil: after }, now)).toEqual({ locked: true, until: after });
    expect(lockedOut({ lockedUntil: now }, now)).toEqual({ locked: false, until: null });
  });
});

describe("users' session policy", () => {
  const argon = { password: 'h', hash: 'argon2', hashOptions: {} };

  it('names the session a password change keeps, and none for other events', () => {
    expect(keptSessionOf(new UserPasswordChangedEvent({ ...argon, keepSessionId: 's1' }))).toBe('s1');
    expect(keptSessionOf(new UserPasswordChangedEvent(argon))).toBeNull();
    expect(keptSessionOf(new UserNameChangedEvent({ name: 'x' }))).toBeNull();
  });

  it.each([
    ['made in the current epoch', { sessionEpoch: 9, keptSession: null }, { id: 's2', userEpoch: 9 }, true],
    ['made before it', { sessionEpoch: 9, keptSession: null }, { id: 's2', userEpoch: 5 }, false],
    [
      'the kept one, in its epoch',
      { sessionEpoch: 9, keptSession: { id: 's1', epoch: 5 } },
      { id: 's1', userEpoch: 5 },
      true,
    ],
    [
      'another of that epoch',
      { sessionEpoch: 9, keptSession: { id: 's1', epoch: 5 } },
      { id: 's2', userEpoch: 5 },
      false,
    ],
    [
      'the kept id from an older epoch',
      { sessionEpoch: 9, keptSession: { id: 's1', epoch: 5 } },
      { id: 's1', userEpoch: 3 },
      false,
    ],
  ])('a session %s counts: %s', (_label, user, session, counts) => {
    expect(sessionCounts(user, session)).toBe(counts);
  });
});

describe("users' credential policy", () => {
  const user = { status: true, incarnation: 10, sessionEpoch: 12 };

  it('lets an active user authenticate, not a blocked one', () => {
    expect(mayAuthenticate(user)).toEqual({ allowed: true });
    expect(mayAuthenticate({ ...user, status: false })).toEqual({ allowed: false, reason: 'blocked' });
  });

  it('keeps a credential of the same incarnation and epoch', () => {
    expect(credentialStands(user, { incarnation: 10, sessionEpoch: 12 })).toBe(true);
  });

  it('keeps the session a password change kept, in the epoch it was kept in, and no other credential', () => {
    const kept = { ...user, keptSession: { id: 's1', epoch: 11 } };
    expect(credentialStands(kept, { incarnation: 10, sessionEpoch: 11, sessionId: 's1' })).toBe(true);
    expect(credentialStands(kept, { incarnation: 10, sessionEpoch: 11, sessionId: 's2' })).toBe(false);
    expect(credentialStands(kept, { incarnation: 10, sessionEpoch: 11 })).toBe(false);
  });

  it('ends a credential of another incarnation (deleted and re-created id) or an older epoch', () => {
    expect(credentialStands(user, { incarnation: 9, sessionEpoch: 12 })).toBe(false);
    expect(credentialStands(user, { incarnation: 10, sessionEpoch: 11 })).toBe(false);
  });

  it("keeps a blocked user's credential standing, so that the caller answers user_blocked", () => {
    const blocked = { ...user, status: false, sessionEpoch: 13 };
    expect(credentialStands(blocked, { incarnation: 10, sessionEpoch: 12 })).toBe(true);
    expect(credentialStands(blocked, { incarnation: 9, sessionEpoch: 12 })).toBe(false);
  });
});
