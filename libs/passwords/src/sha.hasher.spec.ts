import { StoredPassword } from './password-hasher';
import { SHA_VERSIONS, ShaHasher, validateShaVersion } from './sha.hasher';
import { refusalOf } from './testing/refusal';

const sha = (hash: unknown, options: Record<string, unknown>): StoredPassword => ({
  hash: hash as string,
  algorithm: 'sha',
  options,
});

// hex digests of 'appwrite', computed with python3 hashlib (sha512_224/sha512_256 via hashlib.new) and
// cross-checked with `openssl dgst` for the SHA-3 and SHA-512/t variants.
const VECTORS: Record<string, string> = {
  sha1: '31c315b0262695ce861bc17c63d2362684d5724c',
  sha224: 'fd66925d38680d7a9a075ab17223d00a60c4c532a81ba3591f9167a4',
  sha256: 'ece375199f9118cf29e19e171742f668b6b13367dc1797d11da1c74795e758cc',
  sha384: 'ed6436743c51a62d3454de8559beb59d923fbb730ae6028043112ecc8520cee566c539b98383c12259a133043c1e4495',
  'sha512/224': '746d850d8f4bb904a18b936d4693edde4b7eb886ae1527d2be410464',
  'sha512/256': 'ffc8b9b6a88b33dd4fddc10d49c4bdd9742689b0cf8bbd9097d4d870f824a3fd',
  sha512:
    '4243da0a694e8a2f727c8060fe0507c8fa01ca68146c76d2c190805b638c20c6' +
    'bf6ba04e21f11ae138785d0bff63c416e6f87badbffad37f6dee50094cc38c70',
  'sha3-224': 'abb4739db875dd10d24c0ac3d675f847dbab1d1a9c9b613fffdbabe1',
  'sha3-256': '867a758eea6f62ccb37cc3f8945137def93d0638259ff4dcfc0f21629d2666fb',
  'sha3-384':
    'ed16007b12ad357e455ec14cf692bf1add54809948a3d4d9f07cb8ebe09cd8ac2e5bf8aa8a558af4a5a5ed7890cef5ab',
  'sha3-512':
    'a721f80a3f2d1c08137a2ffaad4ac23298f01916e3314111adcba471b21354145e4c6fc1cc6d1974608e2e5a96a20df4' +
    'fba9ac0d52660f3fdc6e2124d5958913',
};

describe('ShaHasher', () => {
  const hasher = new ShaHasher();

  it('has a vector for every accepted version', () => {
    expect(Object.keys(VECTORS).sort()).toEqual([...SHA_VERSIONS].sort());
  });

  it("matches API.md's sha512 fixture (4243da0a…4cc38c70, 128 hex)", () => {
    expect(VECTORS.sha512).toHaveLength(128);
    expect(VECTORS.sha512.startsWith('4243da0a')).toBe(true);
    expect(VECTORS.sha512.endsWith('4cc38c70')).toBe(true);
  });

  it.each(SHA_VERSIONS.map((v) => [v]))('verifies %s and refuses a wrong password', async (version) => {
    const stored = sha(VECTORS[version], { version });
    await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
    await expect(hasher.verify('appwritf', stored)).resolves.toBe(false);
    // Another version's digest of the same password must not pass.
    const other = version === 'sha256' ? VECTORS.sha1 : VECTORS.sha256;
    await expect(hasher.verify('appwrite', sha(other, { version }))).resolves.toBe(false);
  });

  it('reads the ≤1.8.0 options shape and upper-case versions', async () => {
    const legacy = sha(VECTORS.sha512, { version: 'sha512', type: 'sha' });
    await expect(hasher.verify('appwrite', legacy)).resolves.toBe(true);
    await expect(hasher.verify('appwrite', sha(VECTORS.sha256, { version: 'SHA256' }))).resolves.toBe(true);
  });

  it("falls back to sha3-512 without a version, like Appwrite's hasher", async () => {
    await expect(hasher.verify('appwrite', sha(VECTORS['sha3-512'], {}))).resolves.toBe(true);
    await expect(hasher.verify('appwrite', sha(VECTORS.sha256, {}))).resolves.toBe(false);
  });

  it('compares case-sensitively', async () => {
    const upper = sha(VECTORS.sha256.toUpperCase(), { version: 'sha256' });
    await expect(hasher.verify('appwrite', upper)).resolves.toBe(false);
  });

  it.each([
    ['', { version: 'sha256' }],
    ['garbage', { version: 'sha256' }],
    [VECTORS.sha256.slice(0, 63), { version: 'sha256' }],
    [undefined, { version: 'sha256' }],
    [VECTORS.sha256, { version: 'md5' }],
    [VECTORS.sha256, { version: 42 }],
    [VECTORS.sha256, null],
  ])('treats %p with options %p as a failed verification', async (hash, options) => {
    await expect(hasher.verify('appwrite', sha(hash, options as never))).resolves.toBe(false);
  });

  it('validates passwordVersion case-insensitively against the route whitelist', () => {
    expect(validateShaVersion('sha512/256')).toBeNull();
    expect(validateShaVersion('SHA3-512')).toBeNull();
    expect(validateShaVersion('md5')).toMatch(/^passwordVersion must be one of: sha1, /);
    expect(validateShaVersion(undefined)).not.toBeNull();
  });
});

describe('ShaHasher.describe', () => {
  const hasher = new ShaHasher();

  it.each(SHA_VERSIONS.map((v) => [v]))(
    'keeps a %s digest lower-cased with its version, and it verifies',
    async (version) => {
      for (const hash of [VECTORS[version], VECTORS[version].toUpperCase()]) {
        const stored = hasher.describe(hash, { version });
        expect(stored).toEqual({ hash: VECTORS[version], algorithm: 'sha', options: { version } });
        await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
      }
    },
  );

  it("records the version in PHP's lower-case spelling", () => {
    expect(hasher.describe(VECTORS['sha512/256'], { version: 'SHA512/256' }).options).toEqual({
      version: 'sha512/256',
    });
  });

  it.each([
    ['sha1', 40],
    ['sha224', 56],
    ['sha256', 64],
    ['sha384', 96],
    ['sha512/224', 56],
    ['sha512/256', 64],
    ['sha512', 128],
    ['sha3-224', 56],
    ['sha3-256', 64],
    ['sha3-384', 96],
    ['sha3-512', 128],
  ])('refuses a %s digest of any length but %p hex characters', (version, length) => {
    const reason = `Value must be ${length} hexadecimal characters for ${version}`;
    for (const hash of ['a'.repeat(length - 1), 'a'.repeat(length + 1), 'z'.repeat(length), '']) {
      expect(refusalOf(() => hasher.describe(hash, { version }))).toEqual({ param: 'password', reason });
    }
  });

  it('refuses a version it does not know', () => {
    expect(refusalOf(() => hasher.describe(VECTORS.sha256, { version: 'sha4' }))).toEqual({
      param: 'passwordVersion',
      reason: `passwordVersion must be one of: ${SHA_VERSIONS.join(', ')}`,
    });
  });
});
