import { createHash } from 'node:crypto';
import { formatDateTime, isFormatBelow } from '@libs/http';
import type { AccountModel, TargetModel, UserModel } from '../dtos/user.response.dto';
import type { UserView } from '../queries/user.view';
import { toTargetModel } from './target.mapper';

/** What the caller may see, and in which response format. */
export interface UserModelOptions {
  /** Caller holds `users.hashes.read`: show `password` and `hashOptions`. */
  showHashes: boolean;
  /** The request's `X-Appwrite-Response-Format`. */
  responseFormat?: unknown;
  /** The impersonator, when the request acts as this user through the impersonation headers. */
  impersonatorUserId?: string;
}

/**
 * The user's targets from the read model; a view read without them (a statement of another module) shows the
 * email and sms targets derived from the user, with the ids their first targets have (`addressTargetId`).
 */
function targetsOf(row: UserView, createdAt: string, updatedAt: string): TargetModel[] {
  if (row.targets) return row.targets.map(toTargetModel);
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

/** A user → Appwrite's User model, keys in Appwrite's order. */
export function toUserModel(row: UserView, view: UserModelOptions): Partial<UserModel> {
  const createdAt = formatDateTime(row.createdAt);
  const updatedAt = formatDateTime(row.updatedAt);
  const model: Partial<UserModel> = {
    $id: row.id,
    $createdAt: createdAt,
    $updatedAt: updatedAt,
    name: row.name,
    password: view.showHashes ? row.password : null,
    hash: row.hash,
    hashOptions: view.showHashes ? row.hashOptions : null,
    registration: formatDateTime(row.registration),
    status: row.status,
    labels: row.labels,
    passwordUpdate: formatDateTime(row.passwordUpdate),
    email: row.email ?? '',
    phone: row.phone ?? '',
    emailVerification: row.emailVerification,
    emailCanonical: row.emailCanonical,
    emailIsFree: row.emailIsFree,
    emailIsDisposable: row.emailIsDisposable,
    emailIsCorporate: row.emailIsCorporate,
    emailIsCanonical: row.emailIsCanonical,
    phoneVerification: row.phoneVerification,
    mfa: row.mfa,
    prefs: row.prefs,
    targets: targetsOf(row, createdAt, updatedAt),
    accessedAt: formatDateTime(row.accessedAt),
    impersonator: row.impersonator,
    // Appwrite sets it only on the user an impersonating request acts as (null otherwise).
    impersonatorUserId: view.impersonatorUserId ?? null,
    banReason: row.banReason,
    banExpiresAt: row.banExpiresAt ? formatDateTime(row.banExpiresAt) : null,
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

/** A user → Appwrite's Account model (the `/v1/account` routes): the User model without its password fields. */
export function toAccountModel(
  row: UserView,
  responseFormat?: unknown,
  impersonatorUserId?: string,
): Partial<AccountModel> {
  const {
    password: _password,
    hash: _hash,
    hashOptions: _hashOptions,
    ...account
  } = toUserModel(row, {
    showHashes: false,
    responseFormat,
    impersonatorUserId,
  });
  return account;
}
