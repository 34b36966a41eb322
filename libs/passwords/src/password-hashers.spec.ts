import { Argon2Hasher } from './argon2.hasher';
import { HashAlgorithm, StoredPassword } from './password-hasher';
import {
  PasswordHashers,
  SHA_VERSIONS,
  validateScryptModifiedOptions,
  validateScryptOptions,
} from './password-hashers';

const stored = (algorithm: string, hash: string, options: Record<string, unknown> = {}): StoredPassword => ({
  hash,
  algorithm: algorithm as HashAlgorithm,
  options,
});

// One fast 'appwrite' vector per algorithm; each is covered in depth (and its source given) in its own spec.
const BCRYPT_2Y = '$2y$04$Niwa.kSQ5qJLXY72uPDbq.ESM0qQdSPGIu/.dW5MueHOfq8GBaSRi';
const ARGON2I = '$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI';
const VECTORS: [string, StoredPassword][] = [
  ['argon2', stored('argon2', ARGON2I)],
  ['bcrypt', stored('bcrypt', BCRYPT_2Y, { type: 'bcrypt', cost: 8 })],
  ['md5', stored('md5', '144fa7eaa4904e8ee120651997f70dcc', { type: 'md5' })],
  [
    'sha',
    stored('sha', 'ece375199f9118cf29e19e171742f668b6b13367dc1797d11da1c74795e758cc', { version: 'sha256' }),
  ],
  ['phpass', stored('phpass', '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.', { type: 'phpass' })],
  [
    'scrypt',
    stored('scrypt', '6ef50532a4fff6d867f3913c3dcbd884', {
      salt: 'YXBwd3JpdGU=',
      costCpu: 16,
      costMemory: 1,
      costParallel: 1,
      length: 16,
    }),
  ],
  [
    'scryptMod',
    stored(
      'scryptMod',
      'UlM7JiXRcQhzAGlaonpSqNSLIz475WMddOgLjej5De9vxTy48K6WtqlEzrRFeK4t0COfMhWCb8wuMHgxOFCHFQ==',
      {
        salt: 'UxLMreBr6tYyjQ==',
        saltSeparator: 'Bw==',
        signerKey: 'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==',
      },
    ),
  ],
];

describe('PasswordHashers', () => {
  const argon2 = new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
  const hashers = new PasswordHashers(argon2);

  it.each(VECTORS)('dispatches %s and refuses a wrong password', async (_algorithm, password) => {
    await expect(hashers.verify('appwrite', password)).resolves.toBe(true);
    await expect(hashers.verify('appwritf', password)).resolves.toBe(false);
    expect(hashers.needsRehash(password)).toBe(true);
  });

  it('never lets one algorithm verify a hash meant for another', async () => {
    const md5 = VECTORS.find(([a]) => a === 'md5')![1];
    await expect(hashers.verify('appwrite', { ...md5, algorithm: 'sha' })).resolves.toBe(false);
    await expect(hashers.verify('appwrite', { ...md5, algorithm: 'phpass' })).resolves.toBe(false);
  });

  it("reads argon2 and bcrypt from the hash itself, like PHP's password_verify", async () => {
    await expect(hashers.verify('appwrite', stored('argon2', BCRYPT_2Y))).resolves.toBe(true);
    await expect(hashers.verify('appwrite', stored('bcrypt', ARGON2I))).resolves.toBe(true);
    await expect(
      hashers.verify('appwrite', stored('argon2', '144fa7eaa4904e8ee120651997f70dcc')),
    ).resolves.toBe(false);
  });

  it('answers false for unknown algorithms and malformed records instead of throwing', async () => {
    await expect(hashers.verify('appwrite', stored('plaintext', 'appwrite'))).resolves.toBe(false);
    await expect(hashers.verify('appwrite', stored('scrypt-modified', VECTORS[6][1].hash))).resolves.toBe(
      false,
    );
    await expect(hashers.verify('appwrite', stored('sha', '', null as never))).resolves.toBe(false);
    await expect(hashers.verify('appwrite', { algorithm: 'md5' } as never)).resolves.toBe(false);
    await expect(hashers.verify('appwrite', null as never)).resolves.toBe(false);
  });

  it('hashes new passwords as current argon2id, which needs no rehash', async () => {
    const fresh = await hashers.hash('appwrite');
    expect(fresh.algorithm).toBe('argon2');
    expect(hashers.needsRehash(fresh)).toBe(false);
    await expect(hashers.verify('appwrite', fresh)).resolves.toBe(true);
  });

  it('re-exports the import validators', () => {
    expect(SHA_VERSIONS).toHaveLength(11);
    expect(validateScryptOptions({ salt: 'a', costCpu: 3, costMemory: 1, costParallel: 1, length: 64 })).toBe(
      'passwordCpu must be a power of two greater than 1',
    );
    expect(validateScryptModifiedOptions({ salt: '!', saltSeparator: 'Bw==', signerKey: 'a' })).toBe(
      'passwordSalt must be base64 encoded',
    );
  });
});
