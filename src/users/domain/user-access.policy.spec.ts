import { UserNameChangedEvent, UserPasswordChangedEvent } from './events';
import { keptSessionOf, sessionCounts } from './user-access.policy';

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
