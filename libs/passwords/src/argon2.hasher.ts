import * as argon2 from 'argon2';
import { InvalidHashError } from './hash.errors';
import { PasswordHasher, StoredPassword } from './password-hasher';

export interface Argon2Params {
  /** KiB */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's argon2id minimum (19 MiB, t=2, p=1): about 19 ms per hash on the reference machine. */
export const DEFAULT_ARGON2_PARAMS: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * An argon2 PHC string with exactly the three parameters, in any order (PHP writes m,t,p and node-argon2
 * m,p,t), captured; `v=` is absent from hashes of argon2 1.0. Salt and hash are unpadded base64.
 */
const PHC =
  /^\$argon2(?:id|i|d)\$(?:v=\d+\$)?((?=[^$]*\bm=\d+)(?=[^$]*\bt=\d+)(?=[^$]*\bp=\d+)[mtp]=\d+,[mtp]=\d+,[mtp]=\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/** `m=…,t=…,p=…` as numbers by name (NaN for a value that is not one), whatever the order. */
function phcParams(segment: string): Record<string, number> {
  return Object.fromEntries(
    segment.split(',').map((kv) => {
      const [name, value] = kv.split('=');
      return [name, Number(value)];
    }),
  );
}

/**
 * argon2id through the native `argon2` package (runs on libuv's pool, off the event loop).
 * `hashOptions` use Appwrite's snake_case keys so the User model looks like Appwrite's; verification
 * always reads the parameters from the PHC string itself, so imported argon2i/argon2id hashes verify too.
 */
export class Argon2Hasher implements PasswordHasher {
  readonly algorithm = 'argon2' as const;

  constructor(private readonly params: Argon2Params = DEFAULT_ARGON2_PARAMS) {}

  async hash(plain: string): Promise<StoredPassword> {
    const hash = await argon2.hash(plain, {
      type: argon2.argon2id,
      memoryCost: this.params.memoryCost,
      timeCost: this.params.timeCost,
      parallelism: this.params.parallelism,
    });
    return { hash, algorithm: 'argon2', options: this.options() };
  }

  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    if (typeof stored.hash !== 'string' || !stored.hash.startsWith('$argon2')) return false;
    try {
      return await argon2.verify(stored.hash, plain);
    } catch {
      // A malformed imported hash is a failed login, not a server error.
      return false;
    }
  }

  /** True when `stored` is argon2id at exactly the current parameters (nothing to upgrade). */
  isCurrent(stored: StoredPassword): boolean {
    const match = /^\$argon2id\$v=19\$([^$]+)\$/.exec(stored.hash);
    if (stored.algorithm !== 'argon2' || !match) return false;
    // PHP writes m,t,p and node-argon2 writes m,p,t: compare the values, not the text.
    const params = phcParams(match[1]);
    return (
      params.m === this.params.memoryCost &&
      params.t === this.params.timeCost &&
      params.p === this.params.parallelism
    );
  }

  /**
   * An imported argon2i, argon2d or argon2id PHC string, with the parameters it was made with as its
   * options (Appwrite records its own defaults instead; the hash's are the true ones).
   */
  describe(hash: string): StoredPassword {
    const match = PHC.exec(hash);
    if (!match) {
      throw new InvalidHashError(
        'password',
        'Value must be an argon2 PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)',
      );
    }
    const params = phcParams(match[1]);
    return {
      hash,
      algorithm: 'argon2',
      options: { type: 'argon2', memory_cost: params.m, time_cost: params.t, threads: params.p },
    };
  }

  options(): Record<string, unknown> {
    return {
      type: 'argon2',
      memory_cost: this.params.memoryCost,
      time_cost: this.params.timeCost,
      threads: this.params.parallelism,
    };
  }
}
