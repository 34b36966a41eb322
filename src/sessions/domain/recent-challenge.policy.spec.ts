import { challengeIsRecent, MFA_RECENT_SECONDS } from './recent-challenge.policy';

describe('recent challenge (Appwrite mfaProtected)', () => {
  const now = new Date('2026-12-06T12:00:00.000Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('a session that never completed a challenge is not recent', () => {
    expect(challengeIsRecent(null, now)).toBe(false);
  });

  it('is recent up to 30 minutes after the challenge, and not a millisecond later', () => {
    expect(challengeIsRecent(ago(0), now)).toBe(true);
    expect(challengeIsRecent(ago(MFA_RECENT_SECONDS), now)).toBe(true);
    expect(challengeIsRecent(new Date(ago(MFA_RECENT_SECONDS).getTime() - 1), now)).toBe(false);
  });
});
