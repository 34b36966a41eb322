import { ArgumentInvalidError } from '@libs/http';
import { base64, customId, email, hashedPassword, integer, text, whiteList } from '@libs/http/params';
import { InvalidHashError, SHA_VERSIONS, StoredPassword } from '@libs/passwords';
import { defineParams, FieldSpec } from '../../../common';

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
