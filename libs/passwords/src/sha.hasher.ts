import { createHash } from 'node:crypto';
import { InvalidHashError } from './hash.errors';
import { PasswordHasher, StoredPassword } from './password-hasher';
import { safeEqual } from './safe-equal';

/** `passwordVersion` values accepted by `POST /users/sha` (Appwrite's route whitelist, case-insensitive). */
export const SHA_VERSIONS = [
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
] as const;

/** One of {@link SHA_VERSIONS}, in the lower-case spelling PHP's `hash()` uses. */
export type ShaVersion = (typeof SHA_VERSIONS)[number];

/** The import route's default when `passwordVersion` is omitted. */
export const DEFAULT_SHA_VERSION: ShaVersion = 'sha256';

// OpenSSL spells the truncated SHA-512 variants with a dash; every other name is shared with PHP's hash().
const NODE_NAMES: Record<ShaVersion, string> = {
  ...(Object.fromEntries(SHA_VERSIONS.map((v) => [v, v])) as Record<ShaVersion, string>),
  'sha512/224': 'sha512-224',
  'sha512/256': 'sha512-256',
};

/** Hex characters of each version's digest, measured once rather than read from its name. */
const HEX_LENGTHS = Object.fromEntries(
  SHA_VERSIONS.map((v) => [v, createHash(NODE_NAMES[v]).digest('hex').length]),
) as Record<ShaVersion, number>;

const HEX = /^[0-9a-fA-F]+$/;

/** Lower-cased `version` if it is one of {@link SHA_VERSIONS}, otherwise undefined. */
export function toShaVersion(version: unknown): ShaVersion | undefined {
  if (typeof version !== 'string') return undefined;
  const lower = version.toLowerCase();
  return (SHA_VERSIONS as readonly string[]).includes(lower) ? (lower as ShaVersion) : undefined;
}

/** Human message for an unsupported `passwordVersion`, or null when it is acceptable. */
export function validateShaVersion(version: unknown): string | null {
  return toShaVersion(version) ? null : `passwordVersion must be one of: ${SHA_VERSIONS.join(', ')}`;
}

/**
 * Unsalted SHA-1/SHA-2/SHA-3: lower-case hex of the digest of the UTF-8 password, compared case-sensitively.
 * The version comes from `options.version` (`{"version":"sha512"}`, or the ≤1.8.0 form with `"type":"sha"`).
 * Appwrite's route accepts `sha512/224`, `sha512/256` and upper case but its hasher then fails (500), so
 * no such user exists there; this service can verify them, so the import route may accept them too.
 */
export class ShaHasher implements PasswordHasher<{ version: string }> {
  readonly algorithm = 'sha' as const;

  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    const digest = await this.digest(plain, stored);
    if (digest === undefined || typeof stored.hash !== 'string') return false;
    return safeEqual(digest, stored.hash);
  }

  /** The hash as it is stored, for the version in `stored.options`; undefined for an unknown version. */
  async digest(plain: string, stored: Pick<StoredPassword, 'options'>): Promise<string | undefined> {
    const raw = stored.options?.version;
    // Appwrite's Sha hasher falls back to sha3-512 when no version was ever set.
    const version = raw === undefined ? 'sha3-512' : toShaVersion(raw);
    if (!version) return undefined;
    return createHash(NODE_NAMES[version]).update(plain, 'utf8').digest('hex');
  }

  /**
   * An imported hex digest in either case, of the length `given.version` makes, stored lower-cased as
   * {@link digest} writes it, with the version in PHP's spelling.
   */
  describe(hash: string, given: { version: string }): StoredPassword {
    const version = toShaVersion(given.version);
    if (!version) throw new InvalidHashError('passwordVersion', validateShaVersion(given.version) as string);
    const hexLength = HEX_LENGTHS[version];
    if (hash.length !== hexLength || !HEX.test(hash)) {
      throw new InvalidHashError(
        'password',
        `Value must be ${hexLength} hexadecimal characters for ${version}`,
      );
    }
    return { hash: hash.toLowerCase(), algorithm: 'sha', options: { version } };
  }
}
