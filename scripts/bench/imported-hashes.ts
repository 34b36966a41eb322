import { createHash, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import * as bcrypt from 'bcrypt';
import {
  Argon2Hasher,
  Argon2Params,
  HashAlgorithm,
  PasswordHashers,
  phpassBase64,
  scryptAsync,
  StoredPassword,
} from '@libs/passwords';
import { SEED_PASSWORD } from './seed';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Appwrite's argon2id defaults (what users imported from an Appwrite export carry). */
const APPWRITE_ARGON2: Argon2Params = { memoryCost: 65536, timeCost: 4, parallelism: 3 };
const SCRYPT = { salt: 'bench-scrypt-salt', n: 16384, r: 8, p: 1, length: 64 };
/** API.md §7.3's Firebase vector: its plain text is `appwrite`. */
const FIREBASE = {
  password: 'appwrite',
  salt: 'UxLMreBr6tYyjQ==',
  separator: 'Bw==',
  signerKey: 'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==',
  hash: 'UlM7JiXRcQhzAGlaonpSqNSLIz475WMddOgLjej5De9vxTy48K6WtqlEzrRFeK4t0COfMhWCb8wuMHgxOFCHFQ==',
};

/** One algorithm of the imported-login phase: its import route and the one hash all its users share. */
export interface ImportedHash {
  /** Row name, e.g. `bcrypt (cost 10)`. */
  name: string;
  /** `POST /v1/users/{route}`. */
  route: string;
  /** The route's body besides userId, email, name (password = the hash, plus the algorithm's options). */
  body: Record<string, string | number>;
  /** The plain text that logs in. */
  password: string;
  /** `hash` and `hash_options` as stored, for the local check below. */
  algorithm: HashAlgorithm;
  options: Record<string, unknown>;
  /** False for the reference: argon2id at the current parameters is not re-hashed. */
  upgrades: boolean;
}

function md5Hex(value: string | Buffer): string {
  return createHash('md5').update(value).digest('hex');
}

/** A WordPress-style `$P$` portable hash with 2^log2 rounds (the algorithm of libs/passwords' PhpassHasher). */
function phpass(plain: string, log2: number): string {
  const salt = Array.from(randomBytes(8), (b) => ITOA64[b & 0x3f]).join('');
  const password = Buffer.from(plain, 'utf8');
  let h = createHash('md5').update(salt).update(password).digest();
  for (let i = 0; i < 2 ** log2; i++) h = createHash('md5').update(h).update(password).digest();
  return `$P$${ITOA64[log2]}${salt}${phpassBase64(h)}`;
}

/**
 * node-argon2 writes `m=…,p=…,t=…`; the import route only takes PHP's (and Appwrite's) `m=…,t=…,p=…`
 * order, so the hash is given in the order an Appwrite export would carry (the same PHC string otherwise).
 */
async function argon2At(plain: string, params: Argon2Params): Promise<string> {
  const hash = await argon2.hash(plain, { type: argon2.argon2id, ...params });
  return hash.replace(/\$m=(\d+),p=(\d+),t=(\d+)\$/, '$m=$1,t=$3,p=$2$');
}

/**
 * The hashes another system would have made, one per algorithm (each algorithm's users share it), every one
 * verified here with the service's own hashers before anything is imported.
 */
export async function makeImportedHashes(current: Argon2Params): Promise<ImportedHash[]> {
  const pw = SEED_PASSWORD;
  const argon2Options = new Argon2Hasher(current).options();
  const scrypt = await scryptAsync(pw, SCRYPT.salt, SCRYPT.n, SCRYPT.r, SCRYPT.p, SCRYPT.length);
  const at = (p: Argon2Params) => `m=${p.memoryCost},t=${p.timeCost},p=${p.parallelism}`;
  const list: ImportedHash[] = [
    {
      name: `argon2id ${at(current)} (current, reference)`,
      route: 'argon2',
      body: { password: await argon2At(pw, current) },
      ...{ password: pw, algorithm: 'argon2', options: argon2Options, upgrades: false },
    },
    {
      name: `argon2id ${at(APPWRITE_ARGON2)} (Appwrite)`,
      route: 'argon2',
      body: { password: await argon2At(pw, APPWRITE_ARGON2) },
      ...{ password: pw, algorithm: 'argon2', options: argon2Options, upgrades: true },
    },
    {
      name: 'bcrypt (cost 10)',
      route: 'bcrypt',
      body: { password: await bcrypt.hash(pw, 10) },
      ...{ password: pw, algorithm: 'bcrypt', options: { type: 'bcrypt', cost: 8 }, upgrades: true },
    },
    {
      name: 'md5',
      route: 'md5',
      body: { password: md5Hex(pw) },
      ...{ password: pw, algorithm: 'md5', options: { type: 'md5' }, upgrades: true },
    },
    {
      name: 'sha256',
      route: 'sha',
      body: { password: createHash('sha256').update(pw).digest('hex'), passwordVersion: 'sha256' },
      ...{ password: pw, algorithm: 'sha', options: { version: 'sha256' }, upgrades: true },
    },
    {
      name: 'phpass $P$ (2^13 MD5 rounds)',
      route: 'phpass',
      body: { password: phpass(pw, 13) },
      ...{ password: pw, algorithm: 'phpass', options: { type: 'phpass' }, upgrades: true },
    },
    {
      name: `scrypt (N=${SCRYPT.n}, r=${SCRYPT.r}, p=${SCRYPT.p}, len ${SCRYPT.length})`,
      route: 'scrypt',
      body: {
        password: scrypt.toString('hex'),
        passwordSalt: SCRYPT.salt,
        passwordCpu: SCRYPT.n,
        passwordMemory: SCRYPT.r,
        passwordParallel: SCRYPT.p,
        passwordLength: SCRYPT.length,
      },
      password: pw,
      algorithm: 'scrypt',
      options: {
        type: 'scrypt',
        costCpu: SCRYPT.n,
        costMemory: SCRYPT.r,
        costParallel: SCRYPT.p,
        length: SCRYPT.length,
        salt: SCRYPT.salt,
      },
      upgrades: true,
    },
    {
      name: 'scrypt-modified (Firebase, API.md §7.3 vector)',
      route: 'scrypt-modified',
      body: {
        password: FIREBASE.hash,
        passwordSalt: FIREBASE.salt,
        passwordSaltSeparator: FIREBASE.separator,
        passwordSignerKey: FIREBASE.signerKey,
      },
      password: FIREBASE.password,
      algorithm: 'scryptMod',
      options: {
        type: 'scryptMod',
        salt: FIREBASE.salt,
        saltSeparator: FIREBASE.separator,
        signerKey: FIREBASE.signerKey,
      },
      upgrades: true,
    },
  ];
  const hashers = new PasswordHashers(new Argon2Hasher(current));
  for (const h of list) {
    const stored: StoredPassword = {
      hash: String(h.body.password),
      algorithm: h.algorithm,
      options: h.options,
    };
    if (!(await hashers.verify(h.password, stored))) {
      throw new Error(`the ${h.name} hash made by the bench does not verify with libs/passwords`);
    }
    if (hashers.needsRehash(stored) !== h.upgrades) {
      throw new Error(`libs/passwords disagrees on whether ${h.name} is re-hashed at login`);
    }
  }
  return list;
}
