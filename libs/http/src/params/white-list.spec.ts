import { whiteList } from './white-list';

const SHA_VERSIONS = [
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512/224',
  'sha512/256',
  'sha512',
  'sha3-224',
  'sha3-256',
  'sha3-384',
  'sha3-512',
];

describe('whiteList', () => {
  const sha = whiteList(SHA_VERSIONS);

  it.each<[unknown, boolean]>([
    ['sha256', true],
    ['SHA256', true],
    ['sha512/224', true],
    ['sha3-512', true],
    ['md5', false],
    ['sha256 ', false],
    ['', false],
    [256, false],
    [null, false],
    [['sha256'], false],
  ])('case-insensitive: %p → %p', (value, valid) => {
    // The value comes back as sent, not lower-cased.
    expect(sha.parse(value)).toEqual(valid ? { ok: true, value } : { ok: false });
  });

  it('exact when caseInsensitive is false', () => {
    const ranges = whiteList(['24h', '30d', '90d'], false);
    expect(ranges.parse('30d')).toEqual({ ok: true, value: '30d' });
    expect(ranges.parse('30D').ok).toBe(false);
  });

  it("uses Appwrite's description, with the list lower-cased when case-insensitive", () => {
    expect(whiteList(['Email', 'SMS']).description).toBe('Value must be one of (email, sms)');
    expect(whiteList(['Email', 'SMS'], false).description).toBe('Value must be one of (Email, SMS)');
    expect(sha.description).toBe(`Value must be one of (${SHA_VERSIONS.join(', ')})`);
  });
});
