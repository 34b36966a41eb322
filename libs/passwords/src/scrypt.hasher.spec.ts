import { StoredPassword } from './password-hasher';
import { validateScryptOptions } from './scrypt-options';
import { refusalOf } from './testing/refusal';
import { ScryptHasher } from './scrypt.hasher';

// API.md §7.3 fixture (salt 'appwrite', N=16384, r=13, p=2, 64 bytes), computed in full with python3
// hashlib.scrypt(b'appwrite', salt=b'appwrite', n=16384, r=13, p=2, dklen=64).
const APPWRITE =
  '3fdef49701bc4cfaacd551fe017283513284b4731e6945c263246ef948d3cf63' +
  'b5d269c31fd697246085111a428245e24a4ddc6b64c687bc60a8910dbafc1d5b';
const OPTIONS = {
  type: 'scrypt',
  salt: 'appwrite',
  costCpu: 16384,
  costMemory: 13,
  costParallel: 2,
  length: 64,
};

const scrypt = (hash: unknown, options: Record<string, unknown> = OPTIONS): StoredPassword => ({
  hash: hash as string,
  algorithm: 'scrypt',
  options,
});

describe('ScryptHasher', () => {
  const hasher = new ScryptHasher();

  it("verifies Appwrite's fixture and refuses a wrong password", async () => {
    expect(APPWRITE.startsWith('3fdef49701bc4cfa') && APPWRITE.endsWith('dbafc1d5b')).toBe(true);
    await expect(hasher.verify('appwrite', scrypt(APPWRITE))).resolves.toBe(true);
    await expect(hasher.verify('appwritf', scrypt(APPWRITE))).resolves.toBe(false);
  });

  it('uses the salt string as given, not base64-decoded', async () => {
    // python3: hashlib.scrypt(b'appwrite', salt=b'YXBwd3JpdGU=' and then salt=b'appwrite', n=16, r=1,
    // p=1, dklen=16) — 'YXBwd3JpdGU=' is base64 for 'appwrite'.
    const options = { salt: 'YXBwd3JpdGU=', costCpu: 16, costMemory: 1, costParallel: 1, length: 16 };
    const asGiven = '6ef50532a4fff6d867f3913c3dcbd884';
    const decoded = '395f701d4e3ac7923be0b7a8a2e1464e';
    await expect(hasher.verify('appwrite', scrypt(asGiven, options))).resolves.toBe(true);
    await expect(hasher.verify('appwrite', scrypt(decoded, options))).resolves.toBe(false);
  });

  it('reads numeric strings and snake_case keys from hand-made imports', async () => {
    const options = {
      salt: 'appwrite',
      cost_cpu: '16384',
      cost_memory: '13',
      cost_parallel: 2,
      length: '64',
    };
    await expect(hasher.verify('appwrite', scrypt(APPWRITE, options))).resolves.toBe(true);
  });

  it.each([
    ['an upper-case hash', APPWRITE.toUpperCase(), OPTIONS],
    ['a hash one byte short', APPWRITE.slice(0, 126), OPTIONS],
    ['an empty hash', '', OPTIONS],
    ['a non-string hash', 12, OPTIONS],
    ['a length that disagrees with the hash', APPWRITE, { ...OPTIONS, length: 32 }],
    ['a cpu cost that is not a power of two', APPWRITE, { ...OPTIONS, costCpu: 16383 }],
    ['a missing salt', APPWRITE, { ...OPTIONS, salt: undefined }],
    ['a salt of "0"', APPWRITE, { ...OPTIONS, salt: '0' }],
    ['a non-numeric memory cost', APPWRITE, { ...OPTIONS, costMemory: 'lots' }],
    ['no options at all', APPWRITE, null],
  ])('treats %s as a failed verification', async (_name, hash, options) => {
    await expect(hasher.verify('appwrite', scrypt(hash, options as never))).resolves.toBe(false);
  });
});

describe('validateScryptOptions', () => {
  const ok = { salt: 'appwrite', costCpu: 16384, costMemory: 13, costParallel: 2, length: 64 };

  it('accepts the fixture and the documented defaults (N=8, r=14)', () => {
    expect(validateScryptOptions(ok)).toBeNull();
    expect(validateScryptOptions({ ...ok, costCpu: 8, costMemory: 14, costParallel: 1 })).toBeNull();
  });

  it.each([
    [{ salt: '' }, 'passwordSalt must not be empty or "0"'],
    [{ salt: '0' }, 'passwordSalt must not be empty or "0"'],
    [{ costCpu: 1 }, 'passwordCpu must be a power of two greater than 1'],
    [{ costCpu: 12 }, 'passwordCpu must be a power of two greater than 1'],
    [{ costCpu: 2.5 }, 'passwordCpu must be a power of two greater than 1'],
    [{ costMemory: 0 }, 'passwordMemory must be an integer of at least 1'],
    [{ costParallel: 0 }, 'passwordParallel must be an integer of at least 1'],
    [{ length: 15 }, 'passwordLength must be an integer of at least 16'],
    [
      { costMemory: 2 ** 15, costParallel: 2 ** 15, costCpu: 2 },
      'passwordMemory × passwordParallel must be less than 2^30',
    ],
    [{ costCpu: 2 ** 16, costMemory: 1 }, 'passwordCpu must be less than 2^(16 × passwordMemory)'],
    [{ costCpu: 2 ** 20, costMemory: 16 }, 'passwordCpu × passwordMemory must not exceed 8388608'],
    [
      { costCpu: 2 ** 16, costMemory: 8, costParallel: 128 },
      'passwordCpu × passwordMemory × passwordParallel must not exceed 33554432',
    ],
  ])('rejects %p with %p', (patch, message) => {
    expect(validateScryptOptions({ ...ok, ...patch })).toBe(message);
  });
});

describe('ScryptHasher.describe', () => {
  const hasher = new ScryptHasher();
  const given = { salt: 'appwrite', costCpu: 16384, costMemory: 13, costParallel: 2, length: 64 };

  it('stores the hex hash lower-cased with the parameters given beside it', async () => {
    for (const hash of [APPWRITE, APPWRITE.toUpperCase()]) {
      const stored = hasher.describe(hash, given);
      expect(stored).toEqual({ hash: APPWRITE, algorithm: 'scrypt', options: OPTIONS });
      await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
    }
  });

  it('takes a hash of exactly passwordLength bytes', () => {
    const stored = hasher.describe('ab'.repeat(16), { ...given, length: 16 });
    expect(stored.options).toEqual({ ...OPTIONS, length: 16 });
  });

  it('records only the scrypt parameters', () => {
    const extra = { ...given, pepper: 'x' } as typeof given;
    expect(hasher.describe(APPWRITE, extra).options).toEqual(OPTIONS);
  });

  it.each([
    ['one byte short', APPWRITE.slice(0, 126)],
    ['one byte long', `${APPWRITE}ab`],
    ['an odd length', APPWRITE.slice(0, 127)],
    ['non-hex characters', `zz${APPWRITE.slice(2)}`],
    ['nothing', ''],
  ])('refuses a hash %s', (_name, hash) => {
    expect(refusalOf(() => hasher.describe(hash, given))).toEqual({
      param: 'password',
      reason: 'Value must be 128 hexadecimal characters (passwordLength bytes)',
    });
  });

  // The parameter named first in each message is the one the import answers about.
  it.each([
    [{ salt: '0' }, 'passwordSalt', 'passwordSalt must not be empty or "0"'],
    [{ costCpu: 1000 }, 'passwordCpu', 'passwordCpu must be a power of two greater than 1'],
    [{ costMemory: 0 }, 'passwordMemory', 'passwordMemory must be an integer of at least 1'],
    [{ costParallel: 0 }, 'passwordParallel', 'passwordParallel must be an integer of at least 1'],
    [{ length: 15 }, 'passwordLength', 'passwordLength must be an integer of at least 16'],
    [
      { costMemory: 2 ** 15, costParallel: 2 ** 15, costCpu: 2 },
      'passwordMemory',
      'passwordMemory × passwordParallel must be less than 2^30',
    ],
    [
      { costCpu: 2 ** 20, costMemory: 16 },
      'passwordCpu',
      'passwordCpu × passwordMemory must not exceed 8388608',
    ],
  ])('refuses %p before looking at the hash', (patch, param, reason) => {
    expect(refusalOf(() => hasher.describe('not even hex', { ...given, ...patch }))).toEqual({
      param,
      reason,
    });
  });
});
