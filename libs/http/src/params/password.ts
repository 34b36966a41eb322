import { fail, ok, ParamValidator, ParseResult } from './param-validator';

/** Upper bound Appwrite puts on every password string, in bytes (PHP `strlen`). */
export const PASSWORD_MAX_BYTES = 256;

/**
 * A project's `auths.passwordStrength` as Appwrite stores it, plus the optional common-password list used
 * when `auths.passwordDictionary` is on.
 *
 * Caution: Appwrite 1.9.6 stores these keys as `min/uppercase/…` but its `PasswordStrength` validator reads
 * `minLength/requireUppercase/…`, so in real Appwrite the stored policy never applies and the effective rule
 * is always "8–256 bytes". Pass no policy (or `8`) to match that exactly.
 */
export interface PasswordPolicy {
  min?: number;
  uppercase?: boolean;
  lowercase?: boolean;
  number?: boolean;
  symbols?: boolean;
  /** Rejected passwords (exact match), only when the project enables `passwordDictionary`. */
  dictionary?: ReadonlySet<string>;
}

// PasswordDictionary extends Password with a fixed minimum of 8 and has its own (typo'd) description, which
// AllOf reports when that validator is the one that failed.
const DICTIONARY_DESCRIPTION =
  'Password must be between 8 and 265 characters long, and should not be one of the commonly used password.';
const DICTIONARY_MIN_BYTES = 8;

function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** Appwrite `PasswordStrength::getDescription()`. */
function strengthDescription(min: number, policy: PasswordPolicy): string {
  const requirements = [`between ${min} and ${PASSWORD_MAX_BYTES} characters long`];
  if (policy.uppercase) requirements.push('include an uppercase letter');
  if (policy.lowercase) requirements.push('include a lowercase letter');
  if (policy.number) requirements.push('include a number');
  if (policy.symbols) requirements.push('include a special character');
  return `Password must be ${requirements.join(', ')}.`;
}

function plaintextPassword(
  policyOrMin: number | PasswordPolicy,
  allowEmpty: boolean,
): ParamValidator<string> {
  const policy = typeof policyOrMin === 'number' ? { min: policyOrMin } : policyOrMin;
  const min = policy.min ?? 8;
  const description = strengthDescription(min, policy);
  return {
    description,
    schema: {
      type: 'string',
      format: 'password',
      minLength: allowEmpty ? 0 : min,
      maxLength: PASSWORD_MAX_BYTES,
    },
    parse(value): ParseResult<string> {
      if (typeof value !== 'string') return fail();
      if (allowEmpty && value === '') return ok(value);
      // AllOf([PasswordStrength, PasswordDictionary]): the first failing rule names the message.
      const bytes = byteLength(value);
      if (bytes < min || bytes > PASSWORD_MAX_BYTES) return fail();
      if (policy.uppercase && !/[A-Z]/.test(value)) return fail();
      if (policy.lowercase && !/[a-z]/.test(value)) return fail();
      if (policy.number && !/\d/.test(value)) return fail();
      if (policy.symbols && !/[^\p{L}\p{N}\s]/u.test(value)) return fail();
      if (bytes < DICTIONARY_MIN_BYTES || policy.dictionary?.has(value)) return fail(DICTIONARY_DESCRIPTION);
      return ok(value);
    },
  };
}

/**
 * Plain-text password (`POST /users`): Appwrite's `PasswordStrength` + `PasswordDictionary`. Lengths are
 * UTF-8 **bytes**, so `"é"` counts 2. Accepts a minimum (default 8) or a full {@link PasswordPolicy}.
 * Note that `POST /users` declares the param optional with default `""` but an explicit `""` fails here.
 */
export function password(policy: number | PasswordPolicy = 8): ParamValidator<string> {
  return plaintextPassword(policy, false);
}

/** {@link password} that also accepts `""`, for `PATCH /users/{id}/password` (clears the password). */
export function passwordOrEmpty(policy: number | PasswordPolicy = 8): ParamValidator<string> {
  return plaintextPassword(policy, true);
}

/**
 * An already-hashed password on the import routes (`POST /users/{bcrypt,md5,…}`): Appwrite's `Password`,
 * any string of 8–256 bytes; the hash format itself is only checked by the hasher.
 */
export const hashedPassword: ParamValidator<string> = {
  description: `Password must be between 8 and ${PASSWORD_MAX_BYTES} characters long.`,
  schema: { type: 'string', minLength: 8, maxLength: PASSWORD_MAX_BYTES },
  parse(value) {
    if (typeof value !== 'string') return fail();
    const bytes = byteLength(value);
    return bytes >= 8 && bytes <= PASSWORD_MAX_BYTES ? ok(value) : fail();
  },
};
