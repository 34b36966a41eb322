/**
 * Appwrite's `mfaProtected` routes (reading or regenerating recovery codes, removing an authenticator) need a
 * session whose last MFA challenge completed within this window: a stolen session that once passed MFA cannot
 * replace the user's factors days later. Appwrite's `MFA_RECENT_DURATION`.
 */
export const MFA_RECENT_SECONDS = 1800;

/** Whether a session's `mfaUpdatedAt` (null: it never completed a challenge) is recent at `now`. */
export function challengeIsRecent(mfaUpdatedAt: Date | null, now: Date): boolean {
  return mfaUpdatedAt !== null && now.getTime() - mfaUpdatedAt.getTime() <= MFA_RECENT_SECONDS * 1000;
}
