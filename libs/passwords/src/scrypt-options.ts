/** `hashOptions` of an Appwrite `scrypt` user (the salt is used as given, not base64-decoded). */
export interface ScryptOptions {
  salt: string;
  costCpu: number;
  costMemory: number;
  costParallel: number;
  length: number;
}

/** `hashOptions` of an Appwrite `scryptMod` (Firebase) user: three standard-base64 strings. */
export interface ScryptModifiedOptions {
  salt: string;
  saltSeparator: string;
  signerKey: string;
}

/**
 * Our own ceilings (Appwrite has none): N·r bounds scrypt's 128·N·r bytes of memory (2^23 → 1 GiB) and
 * N·r·p its running time (2^25: ≈ 9 s on the dev box, 80× Appwrite's fixture). Real exports stay far
 * below both (Firebase: N·r = 2^17); without them one imported user could make every login of that
 * account allocate many GiB or hold a libuv thread for hours.
 */
export const MAX_SCRYPT_MEMORY_COST = 2 ** 23;
/** See {@link MAX_SCRYPT_MEMORY_COST}. */
export const MAX_SCRYPT_WORK = 2 ** 25;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** True for non-empty standard base64 (`+/`, up to two `=`), the only alphabet Firebase's values use. */
export function isBase64(value: unknown): value is string {
  return typeof value === 'string' && BASE64.test(value);
}

// Appwrite has only ever stored numbers under camelCase keys; numeric strings and snake_case are tolerated
// for rows written by migration tools, which is cheaper than a login that silently never works.
function pick(options: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) if (options[key] !== undefined && options[key] !== null) return options[key];
  return undefined;
}

function int(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : NaN;
}

/** Reads scrypt parameters from stored `hashOptions`; malformed values come back as NaN / non-strings. */
export function readScryptOptions(options: Record<string, unknown> | null | undefined): ScryptOptions {
  const o = options ?? {};
  return {
    salt: pick(o, 'salt') as string,
    costCpu: int(pick(o, 'costCpu', 'cost_cpu')),
    costMemory: int(pick(o, 'costMemory', 'cost_memory')),
    costParallel: int(pick(o, 'costParallel', 'cost_parallel')),
    length: int(pick(o, 'length')),
  };
}

/**
 * Checks `POST /users/scrypt` parameters the way Appwrite's hasher does (where Appwrite answers 500, this
 * lets the route answer 400), plus limits of this service: OpenSSL's N < 2^(16·r),
 * {@link MAX_SCRYPT_MEMORY_COST} and {@link MAX_SCRYPT_WORK}. Returns a message naming the request parameter, or null when acceptable.
 */
export function validateScryptOptions(options: ScryptOptions): string | null {
  const { salt, costCpu: n, costMemory: r, costParallel: p, length } = options;
  if (typeof salt !== 'string' || salt === '' || salt === '0') return 'passwordSalt must not be empty or "0"';
  if (!Number.isSafeInteger(n) || n <= 1 || !Number.isInteger(Math.log2(n))) {
    return 'passwordCpu must be a power of two greater than 1';
  }
  if (!Number.isSafeInteger(r) || r < 1) return 'passwordMemory must be an integer of at least 1';
  if (!Number.isSafeInteger(p) || p < 1) return 'passwordParallel must be an integer of at least 1';
  if (!Number.isSafeInteger(length) || length < 16) return 'passwordLength must be an integer of at least 16';
  if (r * p >= 2 ** 30) return 'passwordMemory × passwordParallel must be less than 2^30';
  if (n >= 2 ** (16 * r)) return 'passwordCpu must be less than 2^(16 × passwordMemory)';
  if (n * r > MAX_SCRYPT_MEMORY_COST)
    return `passwordCpu × passwordMemory must not exceed ${MAX_SCRYPT_MEMORY_COST}`;
  if (n * r * p > MAX_SCRYPT_WORK) {
    return `passwordCpu × passwordMemory × passwordParallel must not exceed ${MAX_SCRYPT_WORK}`;
  }
  return null;
}

/**
 * Checks `POST /users/scrypt-modified` parameters as Appwrite's hasher does: each must be standard base64,
 * and salt and signer key must not be "0" (PHP's `empty`). Returns a message, or null when acceptable.
 */
export function validateScryptModifiedOptions(options: ScryptModifiedOptions): string | null {
  const fields = [
    ['passwordSalt', options.salt],
    ['passwordSaltSeparator', options.saltSeparator],
    ['passwordSignerKey', options.signerKey],
  ] as const;
  for (const [name, value] of fields) {
    if (!isBase64(value)) return `${name} must be base64 encoded`;
    if (value === '0' && name !== 'passwordSaltSeparator') return `${name} must not be "0"`;
  }
  return null;
}
