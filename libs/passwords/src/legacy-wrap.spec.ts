import { Argon2Hasher } from './argon2.hasher';
import { wrappedLegacyHash } from './legacy-wrap';
import { HashAlgorithm, StoredPassword } from './password-hasher';
import { PasswordHashers } from './password-hashers';

const stored = (algorithm: string, hash: string, options: Record<string, unknown> = {}): StoredPassword => ({
  hash,
  algorithm: algorithm as HashAlgorithm,
  options,
});

// 'appwrite' under each legacy algorithm (the same vectors as password-hashers.spec.ts).
const WRAPPABLE: [string, StoredPassword][] = [
  ['md5', stored('md5', '144fa7eaa4904e8ee120651997f70dcc', { type: 'md5' })],
  [
    'sha256',
    stored('sha', 'ece375199f9118cf29e19e171742f668b6b13367dc1797d11da1c74795e758cc', { version: 'sha256' }),
  ],
  ['phpass', stored('phpass', '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.', { type: 'phpass' })],
];

describe('LegacyHashWrapper (through PasswordHashers)', () => {
  const argon2 = new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
  const hashers = new PasswordHashers(argon2);

  it.each(WRAPPABLE)(
    'wraps %s in argon2id: the password verifies, the legacy hash does not',
    async (_n, legacy) => {
      const wrapped = await hashers.wrap(legacy);
      expect(wrapped.algorithm).toBe('argon2');
      expect(wrapped.hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
      expect(wrapped.options).toEqual({
        ...argon2.options(),
        wrapped: {
          hash: legacy.algorithm,
          hashOptions: legacy.options,
          ...(legacy.algorithm === 'phpass' ? { setting: '$P$Br387rwfe' } : {}),
        },
      });
      expect(wrappedLegacyHash(wrapped)?.hash).toBe(legacy.algorithm);
      await expect(hashers.verify('appwrite', wrapped)).resolves.toBe(true);
      await expect(hashers.verify('appwritf', wrapped)).resolves.toBe(false);
      // Knowing the old hash (from a leak of the old system) is not knowing the password.
      await expect(hashers.verify(legacy.hash, wrapped)).resolves.toBe(false);
      // argon2id at the current parameters, yet still to be replaced by a plain hash at the next login.
      expect(argon2.isCurrent(wrapped)).toBe(true);
      expect(hashers.needsRehash(wrapped)).toBe(true);
    },
  );

  it('wraps only fast legacy hashes', () => {
    expect(
      hashers.canWrap(stored('bcrypt', '$2y$04$Niwa.kSQ5qJLXY72uPDbq.ESM0qQdSPGIu/.dW5MueHOfq8GBaSRi')),
    ).toBe(false);
    expect(
      hashers.canWrap(stored('phpass', '$2y$04$Niwa.kSQ5qJLXY72uPDbq.ESM0qQdSPGIu/.dW5MueHOfq8GBaSRi')),
    ).toBe(false);
    expect(hashers.canWrap(stored('argon2', '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaA'))).toBe(false);
    expect(hashers.canWrap(stored('scrypt', 'abcd'))).toBe(false);
    return expect(hashers.wrap(stored('bcrypt', 'x'))).rejects.toThrow(/cannot be wrapped/);
  });

  it('refuses a wrapped hash whose legacy algorithm it does not know', async () => {
    const wrapped = await hashers.wrap(WRAPPABLE[0][1]);
    const odd = { ...wrapped, options: { ...wrapped.options, wrapped: { hash: 'scrypt', hashOptions: {} } } };
    await expect(hashers.verify('appwrite', odd)).resolves.toBe(false);
  });

  it('leaves a plain argon2id hash at the current parameters alone', async () => {
    const plain = await hashers.hash('appwrite');
    expect(wrappedLegacyHash(plain)).toBeUndefined();
    expect(hashers.needsRehash(plain)).toBe(false);
  });
});
