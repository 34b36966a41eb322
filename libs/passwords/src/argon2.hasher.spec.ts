import { Argon2Hasher } from './argon2.hasher';
import { refusalOf } from './testing/refusal';

describe('Argon2Hasher', () => {
  const hasher = new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

  it('hashes to argon2id with the configured parameters and Appwrite-shaped options', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored.hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(stored.algorithm).toBe('argon2');
    expect(stored.options).toEqual({ type: 'argon2', memory_cost: 1024, time_cost: 1, threads: 1 });
    expect(hasher.isCurrent(stored)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery');
    await expect(hasher.verify('correct horse battery', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse batterY', stored)).resolves.toBe(false);
  });

  it("verifies Appwrite's argon2i fixture (API.md §7.3)", async () => {
    const stored = {
      hash: '$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI',
      algorithm: 'argon2' as const,
      options: {},
    };
    await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
    await expect(hasher.verify('appwritf', stored)).resolves.toBe(false);
    expect(hasher.isCurrent(stored)).toBe(false);
  });

  // argon2-cffi 25.1 (libargon2, as PHP uses) with salt 'appwrite-salt-16', written in PHP's m,t,p order.
  it.each([
    [
      'Appwrite 1.8.1+ defaults',
      '$argon2id$v=19$m=65536,t=4,p=3$YXBwd3JpdGUtc2FsdC0xNg$FaVIBETFMpwDHczG19Kn6fCZGfzpErY6JPrq32dYZRg',
    ],
    [
      'Appwrite ≤1.8.0 defaults',
      '$argon2id$v=19$m=2048,t=4,p=3$YXBwd3JpdGUtc2FsdC0xNg$5g6fFImWiuLhwftNLyxG3hkYp69i1R/qzsfZ68U1inE',
    ],
  ])('verifies an argon2id hash at %s', async (_name, hash) => {
    const stored = { hash, algorithm: 'argon2' as const, options: {} };
    await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
    await expect(hasher.verify('appwritf', stored)).resolves.toBe(false);
    expect(hasher.isCurrent(stored)).toBe(false);
  });

  it('treats a malformed hash as a failed verification', async () => {
    await expect(
      hasher.verify('x', { hash: '$argon2id$garbage', algorithm: 'argon2', options: {} }),
    ).resolves.toBe(false);
    for (const hash of ['', '$argon2id$v=19$m=65536,t=4,p=3$YXBw', undefined as unknown as string]) {
      await expect(hasher.verify('x', { hash, algorithm: 'argon2', options: {} })).resolves.toBe(false);
    }
  });
});

describe('Argon2Hasher.describe', () => {
  const hasher = new Argon2Hasher();
  const NOT_ARGON2 = {
    param: 'password',
    reason: 'Value must be an argon2 PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)',
  };
  const SALT_HASH = '$YXBwd3JpdGUtc2FsdC0xNg$FaVIBETFMpwDHczG19Kn6fCZGfzpErY6JPrq32dYZRg';

  it.each([
    [
      "Appwrite's argon2i fixture",
      '$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI',
      [20, 3, 2],
    ],
    ["PHP's m,t,p order", `$argon2id$v=19$m=65536,t=4,p=3${SALT_HASH}`, [65536, 4, 3]],
    ["node-argon2's m,p,t order", `$argon2id$v=19$m=1024,p=1,t=1${SALT_HASH}`, [1024, 1, 1]],
    ['any other order', `$argon2id$v=19$t=2,p=4,m=4096${SALT_HASH}`, [4096, 2, 4]],
    ['argon2d', `$argon2d$v=19$m=4096,t=2,p=1${SALT_HASH}`, [4096, 2, 1]],
    ['argon2 1.0 (v=16)', `$argon2i$v=16$m=4096,t=2,p=1${SALT_HASH}`, [4096, 2, 1]],
    ['argon2 1.0 without v=', `$argon2i$m=4096,t=2,p=1${SALT_HASH}`, [4096, 2, 1]],
    ['leading zeros', `$argon2id$v=19$m=01024,t=02,p=01${SALT_HASH}`, [1024, 2, 1]],
  ])('reads the parameters of %s from the hash', (_name, hash, [memory, time, threads]) => {
    expect(hasher.describe(hash as string)).toEqual({
      hash,
      algorithm: 'argon2',
      options: { type: 'argon2', memory_cost: memory, time_cost: time, threads },
    });
  });

  it.each([
    ['an unknown variant', `$argon2x$v=19$m=1,t=1,p=1${SALT_HASH}`],
    ['a missing parameter', `$argon2id$v=19$m=1,t=1${SALT_HASH}`],
    ['a fourth parameter', `$argon2id$v=19$m=1,t=1,p=1,k=2${SALT_HASH}`],
    ['a repeated parameter', `$argon2id$v=19$m=1,t=1,t=1${SALT_HASH}`],
    ['a misspelt parameter', `$argon2id$v=19$mm=1,t=1,p=1${SALT_HASH}`],
    ['a value that is no number', `$argon2id$v=19$m=x,t=1,p=1${SALT_HASH}`],
    ['a non-numeric version', `$argon2id$v=x$m=1,t=1,p=1${SALT_HASH}`],
    ['a padded salt', '$argon2id$v=19$m=1,t=1,p=1$c2FsdA==$aGFzaA'],
    ['url-safe base64', '$argon2id$v=19$m=1,t=1,p=1$c2F-sdA$aGFz_aA'],
    ['no hash after the salt', '$argon2id$v=19$m=1,t=1,p=1$c2FsdA'],
    ['a trailing newline', `$argon2id$v=19$m=1,t=1,p=1${SALT_HASH}\n`],
    ['a bcrypt hash', '$2b$04$Qm7KUbFXPLThXo8w6MeAgeFId2YKkGkYJQcoQ5LjRvQwVd/BHSKoi'],
    ['a word', 'not-an-argon2-hash'],
    ['nothing', ''],
  ])('refuses %s', (_name, hash) => {
    expect(refusalOf(() => hasher.describe(hash))).toEqual(NOT_ARGON2);
  });
});
