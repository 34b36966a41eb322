import { StoredPassword } from './password-hasher';
import { PhpassHasher, phpassBase64 } from './phpass.hasher';
import { refusalOf } from './testing/refusal';

const phpass = (hash: unknown): StoredPassword => ({
  hash: hash as string,
  algorithm: 'phpass',
  options: { type: 'phpass', iteration_count_log2: 8, portable_hashes: false, random_state: '0.1 1' },
});

// Every vector below was checked with passlib 1.7.4's independent phpass (`phpass.verify`).
const VECTORS: [string, string, string][] = [
  ["Appwrite's fixture, $P$ with 2^13 rounds", 'appwrite', '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.'],
  ['a phpBB3 $H$ hash of appwrite, 2^11 rounds', 'appwrite', '$H$9AbCd1234Rk/GNSFayDiCS0rJTNgVr1'],
  ['the minimum 2^7 rounds', 'appwrite', '$P$5./zZ09aQZ2O3kzLmoKMwM5vTJcfhJ0'],
  ["phpass's own test vector", 'test12345', '$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0'],
  ['a real phpBB3 hash', 'test1', '$H$9aaaaaSXBjgypwqm.JsMssPLiS8YQ00'],
];

describe('PhpassHasher', () => {
  const hasher = new PhpassHasher();

  it.each(VECTORS)('verifies %s and refuses a wrong password', async (_name, plain, hash) => {
    await expect(hasher.verify(plain, phpass(hash))).resolves.toBe(true);
    await expect(hasher.verify(`${plain}x`, phpass(hash))).resolves.toBe(false);
  });

  it("falls back to bcrypt like PHPass's crypt(), for every PHP prefix", async () => {
    // python bcrypt 5.0 hashes of 'appwrite' (see bcrypt.hasher.spec.ts)
    const y = '$2y$04$Niwa.kSQ5qJLXY72uPDbq.ESM0qQdSPGIu/.dW5MueHOfq8GBaSRi';
    const a = '$2a$04$/cIcib5Wr4NuVhfVQpop1OZPIY6ttmwPhUe1eca3IZQVLE8vBHXS2';
    await expect(hasher.verify('appwrite', phpass(y))).resolves.toBe(true);
    await expect(hasher.verify('appwrite', phpass(a))).resolves.toBe(true);
    await expect(hasher.verify('appwritf', phpass(y))).resolves.toBe(false);
  });

  it.each([
    [''],
    ['garbage'],
    ['$P$'],
    ['$P$B'],
    ['$P$Br387rw'], // salt shorter than 8
    ['$P$Br387rwferoKN7uwHZqNMu98q3U8RO'], // one character short
    ['$P$Br387rwferoKN7uwHZqNMu98q3U8RO.x'],
    ['$P$4r387rwferoKN7uwHZqNMu98q3U8RO.'], // 2^6 rounds: below PHPass's minimum
    ['$P$Tr387rwferoKN7uwHZqNMu98q3U8RO.'], // 2^31 rounds: above the maximum
    ['$P$!r387rwferoKN7uwHZqNMu98q3U8RO.'], // not an itoa64 character
    ['$X$Br387rwferoKN7uwHZqNMu98q3U8RO.'],
    ['$1$saltsalt$Gv4bRQ1ekWNgXy6SMoNQV/'], // md5-crypt: crypt() would take it, we do not
    ['$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI'],
    ['$P$Bé387rwferoKN7uwHZqNMu98q3U8RO.'],
    [undefined],
  ])('treats the malformed stored value %p as a failed verification', async (hash) => {
    await expect(hasher.verify('appwrite', phpass(hash))).resolves.toBe(false);
  });

  it('encodes with the little-endian itoa64 alphabet', () => {
    expect(phpassBase64(Buffer.alloc(16))).toBe('.'.repeat(22));
    expect(phpassBase64(Buffer.from([0x3f]))).toBe('z.');
    expect(phpassBase64(Buffer.from([0xff, 0xff, 0xff]))).toBe('zzzz');
    expect(phpassBase64(Buffer.from([0x01, 0x02]))).toBe('/6.');
  });

  it('yields to the event loop during long round counts', async () => {
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    // 2^16 rounds (passlib: phpass.using(rounds=16, salt='LongLoop'))
    const stored = phpass('$P$ELongLoopgKDfdFhLeyclZF7Naa4hU/');
    await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
    clearInterval(tick);
    expect(turns).toBeGreaterThan(0);
  });
});

describe('PhpassHasher.describe', () => {
  const hasher = new PhpassHasher();
  const APPWRITE_OPTIONS = { type: 'phpass', iteration_count_log2: 8, portable_hashes: false };

  it.each([
    ...VECTORS.map(([name, , hash]) => [name, hash]),
    [
      'a bcrypt hash, which PHPass hands to crypt()',
      '$2y$04$Niwa.kSQ5qJLXY72uPDbq.ESM0qQdSPGIu/.dW5MueHOfq8GBaSRi',
    ],
    // The shape is all that is checked: verification refuses rounds outside 2^7…2^30.
    ['2^6 rounds', '$P$4r387rwferoKN7uwHZqNMu98q3U8RO.'],
  ])('keeps %s as it is, with the options Appwrite records', (_name, hash) => {
    expect(hasher.describe(hash)).toEqual({ hash, algorithm: 'phpass', options: APPWRITE_OPTIONS });
  });

  it.each([
    ['one character short', '$P$Br387rwferoKN7uwHZqNMu98q3U8RO'],
    ['one character long', '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.x'],
    ['a lower-case id', '$p$Br387rwferoKN7uwHZqNMu98q3U8RO.'],
    ['another id', '$X$Br387rwferoKN7uwHZqNMu98q3U8RO.'],
    ['a character outside itoa64', '$P$Br387rwferoKN7uwHZqNMu98q3U8RO!'],
    ['a non-ASCII character', '$P$Bé387rwferoKN7uwHZqNMu98q3U8RO.'],
    ['$2x$ bcrypt', '$2x$04$Niwa.kSQ5qJLXY72uPDbq.ESM0qQdSPGIu/.dW5MueHOfq8GBaSRi'],
    ['md5-crypt', '$1$saltsalt$Gv4bRQ1ekWNgXy6SMoNQV/'],
    ['nothing', ''],
  ])('refuses %s', (_name, hash) => {
    expect(refusalOf(() => hasher.describe(hash))).toEqual({
      param: 'password',
      reason: 'Value must be a phpass portable hash ($P$ or $H$, 34 characters) or a bcrypt hash',
    });
  });

  it('gives each hash its own copy of the options', () => {
    const first = hasher.describe(VECTORS[0][2]);
    first.options.iteration_count_log2 = 13;
    expect(hasher.describe(VECTORS[0][2]).options).toEqual(APPWRITE_OPTIONS);
  });
});
