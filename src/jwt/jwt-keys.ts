import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { MasterKeys } from '@libs/event-store';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';

/** EdDSA over Ed25519: small keys and signatures, one curve, no parameter to get wrong. */
export const JWT_ALG = 'EdDSA';
/** Appwrite's ceiling for a JWT's `duration`. */
export const MAX_JWT_DURATION_SECONDS = 3600;
/** How long a rotated key keeps verifying: the longest a JWT it signed can live, plus clock skew. */
export const RETIRED_KEY_GRACE_SECONDS = MAX_JWT_DURATION_SECONDS + 60;

export interface JwtKey {
  kid: string;
  /** The public half as published in the JWKS (`kid`, `alg`, `use` included). */
  publicJwk: JWK;
  publicKey: KeyObject;
  /** Only the key that signs (the newest unretired one) is unsealed. */
  privateKey?: KeyObject;
  createdAt: Date;
  retiredAt: Date | null;
}

interface JwtKeyRow extends RowDataPacket {
  kid: string;
  public_jwk: string;
  private_sealed: string;
  master_key_id: string;
  created_at: Date;
  retired_at: Date | null;
}

const LOCK = 'identity_jwt_keys';
const aad = (kid: string) => `jwt-key:${kid}`;

async function withLock<T>(pool: Pool, run: (conn: PoolConnection) => Promise<T>): Promise<T> {
  const conn = await pool.getConnection();
  try {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT GET_LOCK(?, 30) AS got', [LOCK]);
    if (Number(rows[0]?.got) !== 1) throw new Error('Timed out waiting for the JWT key lock');
    try {
      return await run(conn);
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [LOCK]);
    }
  } finally {
    conn.release();
  }
}

async function insertNewKey(conn: PoolConnection, masterKeys: MasterKeys, now: Date): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  const { masterKeyId, wrapped } = masterKeys.wrap(
    privateKey.export({ format: 'der', type: 'pkcs8' }),
    aad(kid),
  );
  await conn.execute(
    `INSERT INTO jwt_keys (kid, alg, public_jwk, private_sealed, master_key_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [kid, JWT_ALG, JSON.stringify({ ...jwk, kid, alg: JWT_ALG, use: 'sig' }), wrapped, masterKeyId, now],
  );
  return kid;
}

export interface RotationResult {
  /** The key that signs from now on. */
  kid: string;
  /** Keys that stopped signing now; they verify until `verifyUntil`. */
  retired: string[];
  verifyUntil: Date;
}

/**
 * A new signing key; every key that signed until now is retired (it verifies for RETIRED_KEY_GRACE_SECONDS
 * more, then leaves the JWKS). Serialised by a named lock, so two rotations, or a rotation and a first start,
 * never leave two signing keys.
 */
export function rotateJwtKeys(pool: Pool, masterKeys: MasterKeys): Promise<RotationResult> {
  return withLock(pool, async (conn) => {
    const now = new Date();
    const [active] = await conn.query<JwtKeyRow[]>('SELECT kid FROM jwt_keys WHERE retired_at IS NULL');
    const kid = await insertNewKey(conn, masterKeys, now);
    await conn.execute('UPDATE jwt_keys SET retired_at = ? WHERE retired_at IS NULL AND kid <> ?', [
      now,
      kid,
    ]);
    return {
      kid,
      retired: active.map((r) => r.kid),
      verifyUntil: new Date(now.getTime() + RETIRED_KEY_GRACE_SECONDS * 1000),
    };
  });
}

/**
 * Re-seals under the current master key the private halves sealed under a former one (still configured), so
 * that a DATA_KEY rotation does not strand them once DATA_KEY_PREVIOUS is dropped. Returns how many it re-sealed.
 * Run by `npm run data-key:rotate` and at every start.
 */
export async function rewrapJwtKeys(db: Pool | PoolConnection, masterKeys: MasterKeys): Promise<number> {
  const [stale] = await db.query<JwtKeyRow[]>(
    'SELECT kid, private_sealed, master_key_id FROM jwt_keys WHERE master_key_id <> ?',
    [masterKeys.currentId],
  );
  let rewrapped = 0;
  for (const row of stale) {
    if (!masterKeys.knows(row.master_key_id)) continue;
    const plain = masterKeys.unwrap(row.master_key_id, row.private_sealed, aad(row.kid));
    const { masterKeyId, wrapped } = masterKeys.wrap(plain, aad(row.kid));
    await db.execute(
      'UPDATE jwt_keys SET private_sealed = ?, master_key_id = ? WHERE kid = ? AND master_key_id = ?',
      [wrapped, masterKeyId, row.kid, row.master_key_id],
    );
    rewrapped++;
  }
  return rewrapped;
}

/**
 * At start: keys sealed under a former master key re-sealed, and a signing key this process can unseal. The
 * first process to get the lock makes the first key; the others find it. A signing key sealed under a master
 * key no longer configured can never sign again: it is retired (its public half verifies what it signed until
 * those JWTs expire) and replaced; the answer names it, for a warning.
 */
export function ensureJwtKeys(pool: Pool, masterKeys: MasterKeys): Promise<{ replaced?: string }> {
  return withLock(pool, async (conn) => {
    await rewrapJwtKeys(conn, masterKeys);
    const [active] = await conn.query<JwtKeyRow[]>(
      'SELECT kid, master_key_id FROM jwt_keys WHERE retired_at IS NULL ORDER BY created_at DESC, kid',
    );
    const usable = active.length > 0 && masterKeys.knows(active[0].master_key_id);
    if (usable) return {};
    const now = new Date();
    const kid = await insertNewKey(conn, masterKeys, now);
    await conn.execute('UPDATE jwt_keys SET retired_at = ? WHERE retired_at IS NULL AND kid <> ?', [
      now,
      kid,
    ]);
    return active.length > 0 ? { replaced: active[0].kid } : {};
  });
}

function graceStart(now: Date): Date {
  return new Date(now.getTime() - RETIRED_KEY_GRACE_SECONDS * 1000);
}

/** The keys that verify now (newest first); the private half of the signing key is unsealed. */
export async function loadJwtKeys(pool: Pool, masterKeys: MasterKeys, now = new Date()): Promise<JwtKey[]> {
  const [rows] = await pool.query<JwtKeyRow[]>(
    `SELECT kid, public_jwk, private_sealed, master_key_id, created_at, retired_at FROM jwt_keys
     WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC, kid`,
    [graceStart(now)],
  );
  let signing = false;
  return rows.map((row) => {
    const publicJwk = JSON.parse(row.public_jwk) as JWK;
    const key: JwtKey = {
      kid: row.kid,
      publicJwk,
      publicKey: createPublicKey({ key: publicJwk as never, format: 'jwk' }),
      createdAt: row.created_at,
      retiredAt: row.retired_at,
    };
    if (!signing && row.retired_at === null) {
      signing = true;
      key.privateKey = createPrivateKey({
        key: masterKeys.unwrap(row.master_key_id, row.private_sealed, aad(row.kid)),
        format: 'der',
        type: 'pkcs8',
      });
    }
    return key;
  });
}
