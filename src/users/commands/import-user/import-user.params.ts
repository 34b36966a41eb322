import { ArgumentInvalidError } from '@libs/http';
import { base64, customId, email, hashedPassword, integer, text, whiteList } from '@libs/http/params';
import {
  isBcryptHash,
  SHA_VERSIONS,
  toShaVersion,
  validateScryptModifiedOptions,
  validateScryptOptions,
} from '@libs/passwords';
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
 * A hash that cannot be the named algorithm's is refused here, not found out at the first failed login.
 * argon2 parameters may come in any order: PHP writes m,t,p, node-argon2 m,p,t.
 */
const FORMATS: Record<string, [RegExp, string]> = {
  argon2: [
    /^\$argon2(id|i|d)\$(v=\d+\$)?(?=[^$]*\bm=\d+)(?=[^$]*\bt=\d+)(?=[^$]*\bp=\d+)[mtp]=\d+,[mtp]=\d+,[mtp]=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
    'an argon2 PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)',
  ],
  md5: [/^[0-9a-fA-F]{32}$/, '32 hexadecimal characters'],
  phpass: [
    /^\$[PH]\$[./0-9A-Za-z]{31}$/,
    'a phpass portable hash ($P$ or $H$, 34 characters) or a bcrypt hash',
  ],
  scryptMod: [/^[A-Za-z0-9+/]+={0,2}$/, 'base64'],
};

export function assertHashFormat(algorithm: string, hash: string): void {
  if (algorithm === 'bcrypt' || (algorithm === 'phpass' && isBcryptHash(hash))) {
    if (isBcryptHash(hash)) return;
    throw ArgumentInvalidError.invalid(
      'password',
      'Value must be a bcrypt hash ($2a$, $2b$ or $2y$, 60 characters)',
    );
  }
  const format = FORMATS[algorithm];
  if (format && !format[0].test(hash))
    throw ArgumentInvalidError.invalid('password', `Value must be ${format[1]}`);
}

export function assertShaHash(version: string, hash: string): string {
  const normalised = toShaVersion(version) as string;
  const bits = normalised === 'sha1' ? 160 : Number(/(\d+)$/.exec(normalised)?.[1]);
  const hexLength = bits / 4;
  if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hash)) {
    throw ArgumentInvalidError.invalid(
      'password',
      `Value must be ${hexLength} hexadecimal characters for ${normalised}`,
    );
  }
  return normalised;
}

export function assertScrypt(options: Parameters<typeof validateScryptOptions>[0], hash: string): void {
  const problem = validateScryptOptions(options);
  if (problem) throw ArgumentInvalidError.invalid(problem.split(' ')[0], problem);
  if (!new RegExp(`^[0-9a-fA-F]{${options.length * 2}}$`).test(hash)) {
    throw ArgumentInvalidError.invalid(
      'password',
      `Value must be ${options.length * 2} hexadecimal characters (passwordLength bytes)`,
    );
  }
}

export function assertScryptModified(options: Parameters<typeof validateScryptModifiedOptions>[0]): void {
  const problem = validateScryptModifiedOptions(options);
  if (problem) throw ArgumentInvalidError.invalid(problem.split(' ')[0], problem);
}
