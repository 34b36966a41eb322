import { ArgumentInvalidError } from '@libs/http';
import {
  fail,
  generateUniqueId,
  hashedPassword,
  isoDateTime,
  isPlainObject,
  labels,
  nullable,
  ParamValidator,
  phone,
  prefsOrJsonString,
  strictBoolean,
  whiteList,
} from '@libs/http/params';
import { StoredPassword, wrappedLegacyHash } from '@libs/passwords';
import { defineParams } from '../../../common';
import type { PasswordHash } from '../../domain/user.aggregate';
import { CreateUserRequest } from '../create-user/create-user.controller';
import { userStatus } from '../update-user-status/update-user-status.params';
import {
  describeImported,
  IMPORT_ALGORITHMS,
  IMPORT_HASHERS,
  IMPORT_PARSERS,
} from '../import-user/import-user.params';

/** What the batch applies with the creation, in the same append. */
export interface BatchExtras {
  labels?: string[];
  prefs?: Record<string, unknown>;
  emailVerification?: boolean;
  phoneVerification?: boolean;
  status?: boolean;
  /** The creation time in the system the user comes from: its `registration` and `$createdAt` here. */
  createdAt?: Date;
}

/** One batch item, validated: a plain password still to hash, or a hash stored as given. */
export interface BatchUser extends BatchExtras {
  userId: string;
  email: string | null;
  phone: string | null;
  name: string;
  password: { plain: string } | PasswordHash;
}

export const BATCH_ALGORITHMS = ['plain', ...IMPORT_ALGORITHMS] as const;

/** A few minutes of clock difference between the source system and this one are not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/** When a user was created in the system it comes from: a time that has passed. */
const pastDateTime: ParamValidator<Date> = {
  ...isoDateTime,
  description:
    'Value must be a valid ISO 8601 date and time that is not in the future, e.g. 2020-01-01T00:00:00.000+00:00',
  parse(value) {
    const parsed = isoDateTime.parse(value);
    return parsed.ok && parsed.value.getTime() > Date.now() + CLOCK_SKEW_MS ? fail() : parsed;
  },
};

const BatchExtrasRequest = defineParams<BatchExtras & { phone: string | null; algorithm: string }>(
  'BatchUserExtras',
  {
    algorithm: { validator: whiteList([...BATCH_ALGORITHMS], false), default: 'plain' },
    phone: { validator: nullable(phone), default: null },
    labels: { validator: labels, default: undefined },
    prefs: { validator: prefsOrJsonString, default: undefined },
    emailVerification: { validator: strictBoolean, default: undefined },
    phoneVerification: { validator: strictBoolean, default: undefined },
    status: { validator: userStatus, default: undefined },
    createdAt: { validator: pastDateTime, default: undefined },
  },
);

const notEmpty = (value: unknown) => (value === '' || value === undefined ? null : value);

/**
 * A User model as `GET /v1/users/{id}` shows it to a key with `users.hashes.read` (the export's line):
 * the hash is read back with the options the model carries, as the import route of its algorithm would.
 */
function storedFromModel(model: Record<string, unknown>): PasswordHash | { plain: string } {
  if (model.password === null || model.password === undefined || model.password === '') return { plain: '' };
  const parsed = hashedPassword.parse(model.password);
  if (!parsed.ok) throw ArgumentInvalidError.invalid('password', hashedPassword.description);
  const hash = parsed.value;
  const options = isPlainObject(model.hashOptions) ? model.hashOptions : {};
  const describe = (): StoredPassword => {
    switch (model.hash) {
      case 'argon2': {
        const stored = IMPORT_HASHERS.argon2.describe(hash);
        // A legacy hash wrapped by this service keeps what verifying it needs.
        const wrapped = wrappedLegacyHash({ hash, algorithm: 'argon2', options });
        return wrapped ? { ...stored, options: { ...stored.options, wrapped: options.wrapped } } : stored;
      }
      case 'bcrypt':
        return IMPORT_HASHERS.bcrypt.describe(hash);
      case 'md5':
        return IMPORT_HASHERS.md5.describe(hash);
      case 'phpass':
        return IMPORT_HASHERS.phpass.describe(hash);
      case 'sha':
        return IMPORT_HASHERS.sha.describe(hash, { version: String(options.version ?? 'sha256') });
      case 'scrypt':
        return IMPORT_HASHERS.scrypt.describe(hash, options as never);
      case 'scryptMod':
        return IMPORT_HASHERS.scryptMod.describe(hash, options as never);
      default:
        throw ArgumentInvalidError.invalid('hash', `Value must be one of (${IMPORT_ALGORITHMS.join(', ')})`);
    }
  };
  const stored = describeImported(describe);
  return { password: stored.hash, hash: stored.algorithm, hashOptions: stored.options };
}

function extrasOf(parsed: BatchExtras): BatchExtras {
  const extras: BatchExtras = {};
  if (parsed.labels !== undefined) extras.labels = parsed.labels;
  if (parsed.prefs !== undefined) extras.prefs = parsed.prefs;
  if (parsed.emailVerification !== undefined) extras.emailVerification = parsed.emailVerification;
  if (parsed.phoneVerification !== undefined) extras.phoneVerification = parsed.phoneVerification;
  if (parsed.status !== undefined) extras.status = parsed.status;
  if (parsed.createdAt !== undefined) extras.createdAt = parsed.createdAt;
  return extras;
}

/**
 * One item of `POST /v1/users/batch`, with the validation of the single route it stands for: a User model
 * (it has `$id`), `POST /v1/users` (`algorithm` absent or `plain`) or `POST /v1/users/{algorithm}`.
 * Throws the error that route would answer.
 */
export function parseBatchItem(item: unknown): BatchUser {
  if (!isPlainObject(item)) throw ArgumentInvalidError.invalid('users', 'Each item must be an object.');
  if (Object.prototype.hasOwnProperty.call(item, '$id')) {
    // The model writes "no email" and "no name" as "", which the create route's validators refuse.
    const model = {
      ...item,
      userId: item.$id,
      email: notEmpty(item.email),
      phone: notEmpty(item.phone),
      name: notEmpty(item.name),
      // The hash is read by storedFromModel; null is "absent" to the create route's validators.
      password: null,
      // The model's `hash` names the algorithm; an `algorithm` beside it means nothing.
      algorithm: null,
      // The model's creation time is kept (the source's `registration` is the same instant).
      ...(item.$createdAt !== undefined ? { createdAt: item.$createdAt } : {}),
    };
    const p = CreateUserRequest.parse(model);
    const extras = BatchExtrasRequest.parse(model);
    const password = storedFromModel(item);
    const userId = p.userId === 'unique()' ? generateUniqueId() : p.userId;
    return { userId, email: p.email, phone: p.phone, name: p.name, password, ...extrasOf(extras) };
  }
  const extras = BatchExtrasRequest.parse(item);
  if (extras.algorithm === 'plain') {
    const p = CreateUserRequest.parse(item);
    const userId = p.userId === 'unique()' ? generateUniqueId() : p.userId;
    const password = { plain: p.password };
    return { userId, email: p.email, phone: p.phone, name: p.name, password, ...extrasOf(extras) };
  }
  const { params: p, stored } = IMPORT_PARSERS[extras.algorithm as (typeof IMPORT_ALGORITHMS)[number]](item);
  const userId = p.userId === 'unique()' ? generateUniqueId() : p.userId;
  const password = { password: stored.hash, hash: stored.algorithm, hashOptions: stored.options };
  return { userId, email: p.email, phone: extras.phone, name: p.name, password, ...extrasOf(extras) };
}
