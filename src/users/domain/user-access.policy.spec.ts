import { credentialStands, mayAuthenticate } from './user-access.policy';

describe("users' access policy", () => {
  const user = { status: true, incarnation: 10, sessionEpoch: 12 };

  it('lets an active user authenticate, not a blocked one', () => {
    expect(mayAuthenticate(user)).toEqual({ allowed: true });
    expect(mayAuthenticate({ ...user, status: false })).toEqual({ allowed: false, reason: 'blocked' });
  });

  it('keeps a credential of the same incarnation and epoch', () => {
    expect(credentialStands(user, { incarnation: 10, sessionEpoch: 12 })).toBe(true);
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
