import type { PoolConnection } from 'mysql2/promise';
import { emailMetadata } from '../../common';

/*
 * Appwrite's email flags (canonical address, free, disposable, corporate) are derived from the address here,
 * in the projection, rather than carried by the events: they depend on domain lists that change with the
 * installed version, so replaying the events re-classifies every address with the current lists, and the
 * log keeps only what the caller said.
 */

export const EMAIL_METADATA_COLUMNS =
  'email_canonical, email_is_canonical, email_is_corporate, email_is_disposable, email_is_free';

/** The values of `EMAIL_METADATA_COLUMNS`, in that order, for an address (all null without one). */
export function emailMetadataValues(email: string | null): Array<string | boolean | null> {
  const m = emailMetadata(email);
  return [m.emailCanonical, m.emailIsCanonical, m.emailIsCorporate, m.emailIsDisposable, m.emailIsFree];
}

export async function setEmailMetadata(
  sql: PoolConnection,
  userId: string,
  email: string | null,
): Promise<void> {
  await sql.execute(
    `UPDATE users SET email_canonical = ?, email_is_canonical = ?, email_is_corporate = ?, email_is_disposable = ?,
       email_is_free = ? WHERE id = ?`,
    [...emailMetadataValues(email), userId],
  );
}
