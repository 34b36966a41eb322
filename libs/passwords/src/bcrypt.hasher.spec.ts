import { BcryptHasher, isBcryptHash } from './bcrypt.hasher';
import { StoredPassword } from './password-hasher';
import { refusalOf } from './testing/refusal';

const bcrypt = (hash: unknown): StoredPassword => ({
  hash: hash as string,
  algorithm: 'bcrypt',
  options: { type: 'bcrypt', cost: 8 },
});

// API.md §7.3 fixture (cost 15, ~2 s): checked with python bcrypt 5.0 checkpw before hard-coding.
const APPWRITE_2A_15 = '$2a$15$xX/myGbFU.ZSKHSi6EHdBOySTdYm8QxBLXmOPHrYMwV0mHRBBSBOq';
// Cost-4 hashes of 'appwrite' made with python bcrypt 5.0 (hashpw; gensalt(prefix=b'2a'|b'2b'), and a
// `$2y$` salt), so the native package is checked against an independent implementation.
const FAST = {
  $2a$: '$2a$04$/cIcib5Wr4NuVhfVQpop1OZPIY6ttmwPhUe1eca3IZQVLE8vBHXS2',
  $2b$: '$2b$04$Qm7KUbFXPLThXo8w6MeAgeFId2YKkGkYJQcoQ5LjRvQwVd/BHSKoi',
  $2y$: '$2y$04$Niwa.kSQ5qJLXY72uPDbq.ESM0qQdSPGIu/.dW5MueHOfq8GBaSRi',
};

describe('BcryptHasher', () => {
  const hasher = new BcryptHasher(4);

  it("verifies Appwrite's $2a$15$ fixture", async () => {
    await expect(hasher.verify('appwrite', bcrypt(APPWRITE_2A_15))).resolves.toBe(true);
  });

  it.each(Object.entries(FAST))('verifies a %s hash and refuses a wrong password', async (_prefix, hash) => {
    await expect(hasher.verify('appwrite', bcrypt(hash))).resolves.toBe(true);
    await expect(hasher.verify('appwritf', bcrypt(hash))).resolves.toBe(false);
    await expect(hasher.verify('', bcrypt(hash))).resolves.toBe(false);
  });

  it('hashes at the configured cost and verifies its own output', async () => {
    const stored = await hasher.hash('correct horse');
    expect(stored.hash).toMatch(/^\$2b\$04\$/);
    expect(stored.options).toEqual({ type: 'bcrypt', cost: 4 });
    await expect(hasher.verify('correct horse', stored)).resolves.toBe(true);
  });

  it.each([
    [''],
    ['garbage'],
    [FAST.$2b$.slice(0, 59)],
    [`${FAST.$2b$}x`],
    [FAST.$2b$.replace('$2b$', '$2x$')],
    [FAST.$2b$.replace('$04$', '$99$')],
    ['$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI'],
    [undefined],
  ])('treats the malformed stored value %p as a failed verification', async (hash) => {
    await expect(hasher.verify('appwrite', bcrypt(hash))).resolves.toBe(false);
  });

  it('recognises the three PHP-accepted prefixes only', () => {
    for (const hash of Object.values(FAST)) expect(isBcryptHash(hash)).toBe(true);
    expect(isBcryptHash(FAST.$2b$.replace('$2b$', '$2x$'))).toBe(false);
    expect(isBcryptHash('$P$Br387rwferoKN7uwHZqNMu98q3U8RO.')).toBe(false);
  });
});

describe('BcryptHasher.describe', () => {
  const hasher = new BcryptHasher();
  const NOT_BCRYPT = {
    param: 'password',
    reason: 'Value must be a bcrypt hash ($2a$, $2b$ or $2y$, 60 characters)',
  };

  it.each([
    [FAST.$2a$, 4],
    [FAST.$2b$, 4],
    [FAST.$2y$, 4],
    [APPWRITE_2A_15, 15],
    // The shape is all that is checked: verification refuses a cost bcrypt cannot run.
    [FAST.$2b$.replace('$04$', '$99$'), 99],
  ])('keeps %s as it is, with its cost %p', (hash, cost) => {
    expect(hasher.describe(hash)).toEqual({ hash, algorithm: 'bcrypt', options: { type: 'bcrypt', cost } });
  });

  it.each([
    ['$2x$', FAST.$2b$.replace('$2b$', '$2x$')],
    ['one character short', FAST.$2b$.slice(0, 59)],
    ['one character long', `${FAST.$2b$}x`],
    ['a one-digit cost', FAST.$2b$.replace('$04$', '$4$')],
    ['a character outside bcrypt base64', FAST.$2b$.replace('Qm7K', 'Qm+K')],
    ['an argon2 hash', '$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI'],
    ['a phpass hash', '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.'],
    ['nothing', ''],
  ])('refuses %s', (_name, hash) => {
    expect(refusalOf(() => hasher.describe(hash))).toEqual(NOT_BCRYPT);
  });
});
