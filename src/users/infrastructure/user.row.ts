import type { RowDataPacket } from 'mysql2/promise';
import type { TargetView } from '../queries/target.view';
import type { UserView } from '../queries/user.view';

/** A row of the `users` read table: infrastructure only; other modules get `UserView`. */
export interface UserRow extends RowDataPacket {
  sequence: number;
  /** Position of the last event that ended the user's sessions (see the session-epochs migration). */
  session_epoch: number;
  kept_session_id: string | null;
  kept_session_epoch: number | null;
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  password: string | null;
  hash: string;
  hash_options: string;
  status: number;
  labels: string;
  prefs: string;
  email_verification: number;
  phone_verification: number;
  mfa: number;
  mfa_totp: number;
  mfa_recovery_codes: number;
  registration: Date;
  password_update: Date | null;
  accessed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  email_canonical: string | null;
  email_is_canonical: number | null;
  email_is_corporate: number | null;
  email_is_disposable: number | null;
  email_is_free: number | null;
  ban_reason: string | null;
  ban_expires_at: Date | null;
  locked_until: Date | null;
  impersonator: number;
}

const COLUMN_NAMES = [
  'sequence',
  'session_epoch',
  'id',
  'name',
  'email',
  'phone',
  'password',
  'hash',
  'hash_options',
  'status',
  'labels',
  'prefs',
  'email_verification',
  'phone_verification',
  'mfa',
  'mfa_totp',
  'mfa_recovery_codes',
  'registration',
  'password_update',
  'accessed_at',
  'created_at',
  'updated_at',
  'email_canonical',
  'email_is_canonical',
  'email_is_corporate',
  'email_is_disposable',
  'email_is_free',
  'ban_reason',
  'ban_expires_at',
  'locked_until',
  'kept_session_id',
  'kept_session_epoch',
  'impersonator',
] as const;

/** A nullable TINYINT(1) flag. */
const flag = (value: number | null): boolean | null => (value === null ? null : Number(value) === 1);

/** The user's targets as one JSON array (a user has a handful), so every read of a user stays one statement. */
const TARGETS_JSON =
  "(SELECT JSON_ARRAYAGG(JSON_OBJECT('id', t.id, 'providerType', t.provider_type, 'identifier', t.identifier, " +
  "'name', t.name, 'createdAt', t.created_at, 'updatedAt', t.updated_at) ORDER BY t.sequence) " +
  'FROM user_targets t WHERE t.user_id = u.id) AS targets_json';

export const USER_COLUMNS = `${COLUMN_NAMES.map((c) => `u.${c}`).join(', ')}, ${TARGETS_JSON}`;

/** A DATETIME inside JSON (`2026-01-02 03:04:05.678`, UTC). */
const jsonDate = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);

function targetsFromJson(json: unknown, userId: string): TargetView[] {
  if (json === null || json === undefined) return [];
  const items = (typeof json === 'string' ? JSON.parse(json) : json) as Array<Record<string, string>>;
  return items.map((item) => ({
    id: item.id,
    userId,
    providerType: item.providerType as TargetView['providerType'],
    identifier: item.identifier,
    name: item.name,
    createdAt: jsonDate(item.createdAt),
    updatedAt: jsonDate(item.updatedAt),
  }));
}

/**
 * The users columns of table alias `alias`, each renamed `<prefix><column>`, for another module's statement
 * that joins users (session validation stays one statement); read the result back with `userViewFromRow`.
 */
export function userViewColumns(alias: string, prefix: string): string {
  return COLUMN_NAMES.map((c) => `${alias}.${c} AS ${prefix}${c}`).join(', ');
}

/** The view of a row selected with `userViewColumns(alias, prefix)` (or `USER_COLUMNS` and prefix ''). */
export function userViewFromRow(row: Record<string, unknown>, prefix = ''): UserView {
  const r = Object.fromEntries(COLUMN_NAMES.map((c) => [c, row[`${prefix}${c}`]])) as unknown as UserRow;
  return {
    id: r.id,
    incarnation: Number(r.sequence),
    sessionEpoch: Number(r.session_epoch),
    keptSession:
      r.kept_session_id === null || r.kept_session_id === undefined
        ? null
        : { id: r.kept_session_id, epoch: Number(r.kept_session_epoch) },
    name: r.name,
    email: r.email,
    phone: r.phone,
    status: Number(r.status) === 1,
    password: r.password,
    hash: r.hash,
    hashOptions: JSON.parse(r.hash_options) as Record<string, unknown>,
    labels: JSON.parse(r.labels) as string[],
    prefs: JSON.parse(r.prefs) as Record<string, unknown>,
    emailVerification: Number(r.email_verification) === 1,
    phoneVerification: Number(r.phone_verification) === 1,
    mfa: Number(r.mfa) === 1,
    mfaTotp: Number(r.mfa_totp) === 1,
    mfaRecoveryCodes: Number(r.mfa_recovery_codes),
    registration: r.registration,
    passwordUpdate: r.password_update,
    accessedAt: r.accessed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    emailCanonical: r.email_canonical,
    emailIsCanonical: flag(r.email_is_canonical),
    emailIsCorporate: flag(r.email_is_corporate),
    emailIsDisposable: flag(r.email_is_disposable),
    emailIsFree: flag(r.email_is_free),
    banReason: r.ban_reason,
    banExpiresAt: r.ban_expires_at,
    lockedUntil: r.locked_until,
    impersonator: Number(r.impersonator) === 1,
    ...(`${prefix}targets_json` in row
      ? { targets: targetsFromJson(row[`${prefix}targets_json`], r.id) }
      : {}),
  };
}
