import { StoredPassword } from './password-hasher';
import { ScryptModifiedHasher } from './scrypt-modified.hasher';
import { refusalOf } from './testing/refusal';
import { validateScryptModifiedOptions } from './scrypt-options';

// API.md §7.3 fixture, recomputed with python3 hashlib.scrypt + cryptography's AES-256-CTR.
const APPWRITE = {
  options: {
    type: 'scryptMod',
    salt: 'UxLMreBr6tYyjQ==',
    saltSeparator: 'Bw==',
    signerKey: 'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==',
  },
  hash: 'UlM7JiXRcQhzAGlaonpSqNSLIz475WMddOgLjej5De9vxTy48K6WtqlEzrRFeK4t0COfMhWCb8wuMHgxOFCHFQ==',
};
// Firebase's published example (github.com/firebase/scrypt README), password 'user1password'.
const FIREBASE = {
  options: {
    salt: '42xEC+ixf3L2lw==',
    saltSeparator: 'Bw==',
    signerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
  },
  hash: 'lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==',
};

const mod = (hash: unknown, options: Record<string, unknown>): StoredPassword => ({
  hash: hash as string,
  algorithm: 'scryptMod',
  options,
});

describe('ScryptModifiedHasher', () => {
  const hasher = new ScryptModifiedHasher();

  it.each([
    ["Appwrite's fixture", 'appwrite', APPWRITE],
    ["Firebase's published example", 'user1password', FIREBASE],
  ])('verifies %s and refuses a wrong password', async (_name, plain, v) => {
    await expect(hasher.verify(plain, mod(v.hash, v.options))).resolves.toBe(true);
    await expect(hasher.verify(`${plain}x`, mod(v.hash, v.options))).resolves.toBe(false);
  });

  it('does not accept one user’s hash under another salt', async () => {
    const swapped = { ...APPWRITE.options, salt: FIREBASE.options.salt };
    await expect(hasher.verify('appwrite', mod(APPWRITE.hash, swapped))).resolves.toBe(false);
  });

  it.each([
    ['an empty hash', '', APPWRITE.options],
    ['an unpadded hash', APPWRITE.hash.replace(/=+$/, ''), APPWRITE.options],
    ['a url-safe hash', FIREBASE.hash.replace(/\//g, '_'), FIREBASE.options],
    ['a non-string hash', null, APPWRITE.options],
    ['a salt that is not base64', APPWRITE.hash, { ...APPWRITE.options, salt: 'not base64!' }],
    ['a missing separator', APPWRITE.hash, { ...APPWRITE.options, saltSeparator: undefined }],
    ['a numeric signer key', APPWRITE.hash, { ...APPWRITE.options, signerKey: 42 }],
    ['no options', APPWRITE.hash, null],
  ])('treats %s as a failed verification', async (_name, hash, options) => {
    await expect(hasher.verify('appwrite', mod(hash, options as never))).resolves.toBe(false);
  });
});

describe('validateScryptModifiedOptions', () => {
  const ok = { salt: 'UxLMreBr6tYyjQ==', saltSeparator: 'Bw==', signerKey: 'XyEKE9Rc' };

  it('accepts standard base64, and "0" as a separator (Appwrite checks only salt and key for empty)', () => {
    expect(validateScryptModifiedOptions(ok)).toBeNull();
    expect(validateScryptModifiedOptions({ ...ok, saltSeparator: '0' })).toBeNull();
  });

  it.each([
    [{ salt: '' }, 'passwordSalt must be base64 encoded'],
    [{ salt: 'a-b_' }, 'passwordSalt must be base64 encoded'],
    [{ salt: '0' }, 'passwordSalt must not be "0"'],
    [{ saltSeparator: '' }, 'passwordSaltSeparator must be base64 encoded'],
    [{ saltSeparator: 'Bw===' }, 'passwordSaltSeparator must be base64 encoded'],
    [{ signerKey: 'key with spaces' }, 'passwordSignerKey must be base64 encoded'],
    [{ signerKey: '0' }, 'passwordSignerKey must not be "0"'],
  ])('rejects %p with %p', (patch, message) => {
    expect(validateScryptModifiedOptions({ ...ok, ...patch })).toBe(message);
  });
});

describe('ScryptModifiedHasher.describe', () => {
  const hasher = new ScryptModifiedHasher();
  const { type: _type, ...given } = APPWRITE.options;

  it.each([
    ["Appwrite's fixture", APPWRITE.hash, given],
    ["Firebase's published example", FIREBASE.hash, FIREBASE.options],
    [
      'a separator of "0" (Appwrite checks only salt and key)',
      APPWRITE.hash,
      { ...given, saltSeparator: '0' },
    ],
    ['a hash with one "="', 'abcdefg=', given],
  ])('keeps %s as it is, with the values given beside it', (_name, hash, options) => {
    expect(hasher.describe(hash, options)).toEqual({
      hash,
      algorithm: 'scryptMod',
      options: { type: 'scryptMod', ...options },
    });
  });

  it.each([
    ['a character outside base64', 'abcdefg!'],
    ['url-safe base64', 'abc-defg_'],
    ['three "="', 'abcdefgh==='],
    ['nothing', ''],
  ])('refuses a hash with %s', (_name, hash) => {
    expect(refusalOf(() => hasher.describe(hash, given))).toEqual({
      param: 'password',
      reason: 'Value must be base64',
    });
  });

  it.each([
    [{ salt: '0' }, 'passwordSalt', 'passwordSalt must not be "0"'],
    [{ signerKey: '0' }, 'passwordSignerKey', 'passwordSignerKey must not be "0"'],
    [{ salt: 'not base64!' }, 'passwordSalt', 'passwordSalt must be base64 encoded'],
    [{ saltSeparator: 'Bw===' }, 'passwordSaltSeparator', 'passwordSaltSeparator must be base64 encoded'],
  ])('refuses %p before looking at the hash', (patch, param, reason) => {
    expect(refusalOf(() => hasher.describe('abcdefg!', { ...given, ...patch }))).toEqual({ param, reason });
  });
});
