import { createHash } from 'node:crypto';
import { formatDateTime, isFormatBelow } from '@libs/http';
import type { TargetModel, UserModel } from '../dtos/user.response.dto';
import type { UserRow } from './user.row';

export interface UserView {
  /** Caller holds `users.hashes.read`: show `password` and `hashOptions`. */
  showHashes: boolean;
  /** The request's `X-Appwrite-Response-Format`. */
  responseFormat?: unknown;
}

/**
 * Appwrite keeps messaging targets as documents; this service has no targets API yet, so it derives the
 * email and sms targets from the user, with ids that stay the same for the same user and address type.
 */
function targetsOf(row: UserRow, createdAt: string, updatedAt: string): TargetModel[] {
  const target = (providerType: 'email' | 'sms', identifier: string): TargetModel => ({
    $id: createHash('sha256').update(`${row.id}\u0000${providerType}`).digest('hex').slice(0, 20),
    $createdAt: createdAt,
    $updatedAt: updatedAt,
    name: '',
    userId: row.id,
    providerId: null,
    providerType,
    identifier,
    expired: false,
  });
  const targets: TargetModel[] = [];
  if (row.email) targets.push(target('email', row.email));
  if (row.phone) targets.push(target('sms', row.phone));
  return targets;
}

/** Row → Appwrite User model, keys in Appwrite's order (API.md §4.2). */
export function toUserModel(row: UserRow, view: UserView): Partial<UserModel> {
  const createdAt = formatDateTime(row.created_at);
  const updatedAt = formatDateTime(row.updated_at);
  const model: Partial<UserModel> = {
    $id: row.id,
    $createdAt: createdAt,
    $updatedAt: updatedAt,
    name: row.name,
    password: view.showHashes ? row.password : null,
    hash: row.hash,
    hashOptions: view.showHashes ? (JSON.parse(row.hash_options) as Record<string, unknown>) : null,
    registration: formatDateTime(row.registration),
    status: row.status === 1,
    labels: JSON.parse(row.labels) as string[],
    passwordUpdate: formatDateTime(row.password_update),
    email: row.email ?? '',
    phone: row.phone ?? '',
    emailVerification: row.email_verification === 1,
    emailCanonical: null,
    emailIsFree: null,
    emailIsDisposable: null,
    emailIsCorporate: null,
    emailIsCanonical: null,
    phoneVerification: row.phone_verification === 1,
    mfa: row.mfa === 1,
    prefs: JSON.parse(row.prefs) as Record<string, unknown>,
    targets: targetsOf(row, createdAt, updatedAt),
    accessedAt: formatDateTime(row.accessed_at),
    impersonator: false,
    impersonatorUserId: null,
  };
  if (isFormatBelow(view.responseFormat, '1.5.0')) {
    delete model.targets;
    delete model.mfa;
  }
  if (isFormatBelow(view.responseFormat, '1.9.0')) {
    delete model.impersonator;
    delete model.impersonatorUserId;
  }
  return model;
}
