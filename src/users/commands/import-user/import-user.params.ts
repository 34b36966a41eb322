import { ArgumentInvalidError } from '@libs/http';
import { base64, customId, email, hashedPassword, integer, text, whiteList } from '@libs/http/params';
import {
  Argon2Hasher,
  BcryptHasher,
  InvalidHashError,
  Md5Hasher,
  PhpassHasher,
  ScryptHasher,
  ScryptModifiedHasher,
  SHA_VERSIONS,
  ShaHasher,
  StoredPassword,
} from '@libs/passwords';
import { defineParams, FieldSpec, RequestParams } from '../../../common';

export interface ImportCommon {
  userId: string;
  email: string;
  password: string;
  name: string;
}

const COMMON: Record<keyof ImportCommon, FieldSpec> = {
  userId: { validator: customId, required: true, example: 'unique()' },
  email: { validator: email, required: true, example: 'ada@example.com' },
  password: { validator: hashedPassword, required: true, description: 'The hash made by the other system' },
  name: { validator: text(128), default: '' },
};

const intParam = (example: number): FieldSpec => ({ validator: integer, required: true, example });
const b64Param: FieldSpec = { validator: base64, required: true };

export const ImportPlainRequest = (name: string) => defineParams<ImportCommon>(name, COMMON);

export const ImportShaRequest = defineParams<ImportCommon & { passwordVersion: string }>(
  'CreateShaUserRequest',
  {
    ...COMMON,
    passwordVersion: {
      validator: whiteList([...SHA_VERSIONS], true),
      default: 'sha256',
      description: `One of ${SHA_VERSIONS.join(', ')}`,
    },
  },
);

export const ImportScryptRequest = defineParams<
  ImportCommon & {
    passwordSalt: string;
    passwordCpu: number;
    passwordMemory: number;
    passwordParallel: number;
    passwordLength: number;
  }
>('CreateScryptUserRequest', {
  ...COMMON,
  passwordSalt: { validator: text(128), required: true, description: 'Used as given (not decoded)' },
  passwordCpu: intParam(16384),
  passwordMemory: intParam(8),
  passwordParallel: intParam(1),
  passwordLength: intParam(64),
});

export const ImportScryptModifiedRequest = defineParams<
  ImportCommon & { passwordSalt: string; passwordSaltSeparator: string; passwordSignerKey: string }
>('CreateScryptModifiedUserRequest', {
  ...COMMON,
  passwordSalt: b64Param,
  passwordSaltSeparator: b64Param,
  passwordSignerKey: b64Param,
});

/**
 * The hasher's reading of an imported hash; a hash or option it refuses is the request's fault, answered
 * as Appwrite words a bad parameter.
 */
export function describeImported(describe: () => StoredPassword): StoredPassword {
  try {
    return describe();
  } catch (error) {
    if (error instanceof InvalidHashError) throw ArgumentInvalidError.invalid(error.param, error.reason);
    throw error;
  }
}

/** The seven hash formats of the import routes, by the name a batch item gives as `algorithm`. */
export const IMPORT_ALGORITHMS = [
  'argon2',
  'bcrypt',
  'md5',
  'sha',
  'phpass',
  'scrypt',
  'scryptModified',
] as const;
export type ImportAlgorithm = (typeof IMPORT_ALGORITHMS)[number];

/** Only their `describe` is used, and it reads no configuration: default instances do. */
export const IMPORT_HASHERS = {
  argon2: new Argon2Hasher(),
  bcrypt: new BcryptHasher(),
  md5: new Md5Hasher(),
  phpass: new PhpassHasher(),
  scrypt: new ScryptHasher(),
  scryptMod: new ScryptModifiedHasher(),
  sha: new ShaHasher(),
};

export const ImportArgon2Request = ImportPlainRequest('CreateArgon2UserRequest');
export const ImportBcryptRequest = ImportPlainRequest('CreateBcryptUserRequest');
export const ImportMd5Request = ImportPlainRequest('CreateMD5UserRequest');
export const ImportPhpassRequest = ImportPlainRequest('CreatePHPassUserRequest');

/** A parsed import request: its common params and the hash as this service stores it. */
export interface ParsedImport {
  params: ImportCommon;
  stored: StoredPassword;
}

const simple = (request: RequestParams<ImportCommon>, hasher: 'argon2' | 'bcrypt' | 'md5' | 'phpass') => {
  return (body: unknown): ParsedImport => {
    const params = request.parse(body);
    return { params, stored: describeImported(() => IMPORT_HASHERS[hasher].describe(params.password)) };
  };
};

/**
 * The body of `POST /v1/users/{algorithm}` → its params and stored hash, with that route's validation: the
 * single routes and the batch route (`POST /v1/users/batch`) both parse through here.
 */
export const IMPORT_PARSERS: Record<ImportAlgorithm, (body: unknown) => ParsedImport> = {
  argon2: simple(ImportArgon2Request, 'argon2'),
  bcrypt: simple(ImportBcryptRequest, 'bcrypt'),
  md5: simple(ImportMd5Request, 'md5'),
  phpass: simple(ImportPhpassRequest, 'phpass'),
  sha(body) {
    const p = ImportShaRequest.parse(body);
    const given = { version: p.passwordVersion };
    return { params: p, stored: describeImported(() => IMPORT_HASHERS.sha.describe(p.password, given)) };
  },
  scrypt(body) {
    const p = ImportScryptRequest.parse(body);
    const given = {
      salt: p.passwordSalt,
      costCpu: p.passwordCpu,
      costMemory: p.passwordMemory,
      costParallel: p.passwordParallel,
      length: p.passwordLength,
    };
    return { params: p, stored: describeImported(() => IMPORT_HASHERS.scrypt.describe(p.password, given)) };
  },
  scryptModified(body) {
    const p = ImportScryptModifiedRequest.parse(body);
    const given = {
      salt: p.passwordSalt,
      saltSeparator: p.passwordSaltSeparator,
      signerKey: p.passwordSignerKey,
    };
    return {
      params: p,
      stored: describeImported(() => IMPORT_HASHERS.scryptMod.describe(p.password, given)),
    };
  },
};
