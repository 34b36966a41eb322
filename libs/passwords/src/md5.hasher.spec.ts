import { Md5Hasher } from './md5.hasher';
import { StoredPassword } from './password-hasher';
import { refusalOf } from './testing/refusal';

const md5 = (hash: unknown): StoredPassword => ({
  hash: hash as string,
  algorithm: 'md5',
  options: { type: 'md5' },
});

describe('Md5Hasher', () => {
  const hasher = new Md5Hasher();
  // API.md §7.3 fixture; re-computed with python3 hashlib.md5(b'appwrite').
  const APPWRITE = '144fa7eaa4904e8ee120651997f70dcc';

  it("verifies Appwrite's fixture and refuses a wrong password", async () => {
    await expect(hasher.verify('appwrite', md5(APPWRITE))).resolves.toBe(true);
    await expect(hasher.verify('appwritf', md5(APPWRITE))).resolves.toBe(false);
    await expect(hasher.verify('', md5(APPWRITE))).resolves.toBe(false);
  });

  it('hashes the UTF-8 bytes of the password', async () => {
    // python3: hashlib.md5('pässwörd'.encode()) and, for contrast, .encode('latin1')
    await expect(hasher.verify('pässwörd', md5('12841e4ba5e37d2fbfc78458c6714ade'))).resolves.toBe(true);
    await expect(hasher.verify('pässwörd', md5('2ca67a2dbf3a2f52ef5126a2ae8f8a2f'))).resolves.toBe(false);
  });

  it('compares case-sensitively, like Appwrite', async () => {
    await expect(hasher.verify('appwrite', md5(APPWRITE.toUpperCase()))).resolves.toBe(false);
  });

  it.each([[''], ['garbage'], [APPWRITE.slice(0, 31)], [`${APPWRITE}0`], [undefined], [null], [42]])(
    'treats the malformed stored value %p as a failed verification',
    async (hash) => {
      await expect(hasher.verify('appwrite', md5(hash))).resolves.toBe(false);
    },
  );
});

describe('Md5Hasher.describe', () => {
  const hasher = new Md5Hasher();
  const APPWRITE = '144fa7eaa4904e8ee120651997f70dcc';

  it.each([
    ['lower case', APPWRITE],
    ['upper case', APPWRITE.toUpperCase()],
    ['mixed case', '144FA7eaa4904e8ee120651997f70dcc'],
  ])('stores %s hex lower-cased, as verification compares it', async (_name, hash) => {
    const stored = hasher.describe(hash);
    expect(stored).toEqual({ hash: APPWRITE, algorithm: 'md5', options: { type: 'md5' } });
    await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
  });

  it.each([
    ['31 characters', APPWRITE.slice(0, 31)],
    ['33 characters', `${APPWRITE}0`],
    ['non-hex characters', 'z'.repeat(32)],
    ['surrounding space', ` ${APPWRITE}`],
    ['nothing', ''],
  ])('refuses %s', (_name, hash) => {
    expect(refusalOf(() => hasher.describe(hash))).toEqual({
      param: 'password',
      reason: 'Value must be 32 hexadecimal characters',
    });
  });
});
