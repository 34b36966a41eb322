import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit key from its text form: 64 hex characters, or base64 / base64url of 32 bytes. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  // Node's base64 decoder reads the url-safe alphabet too.
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(trimmed, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw new Error('must be 32 bytes: 64 hex characters or 44 characters of base64');
}

/** A fresh master key in the form `parseKey` reads. */
export function generateKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** A key's public fingerprint: which master key wrapped a data key, without revealing it. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** AES-256-GCM: iv ‖ ciphertext ‖ tag. `aad` binds the ciphertext to where it belongs. */
export function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export function decrypt(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

/** Thrown when a data key was wrapped by a master key that is not configured. */
export class UnknownMasterKeyError extends Error {
  constructor(readonly masterKeyId: string) {
    super(
      `A data key is wrapped by master key ${masterKeyId}, which is neither DATA_KEY nor in DATA_KEY_PREVIOUS`,
    );
    this.name = 'UnknownMasterKeyError';
  }
}

/**
 * The master keys from the environment: the current one wraps new data keys; previous ones only unwrap, until
 * a rotation has re-wrapped every data key with the current one.
 */
export class MasterKeys {
  readonly currentId: string;
  private readonly byId = new Map<string, Buffer>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.currentId = keyId(current);
    for (const key of [current, ...previous]) this.byId.set(keyId(key), key);
  }

  knows(id: string): boolean {
    return this.byId.has(id);
  }

  /** Wraps a data key with the current master key; `aad` is the data key's id. */
  wrap(dataKey: Buffer, aad: string): { masterKeyId: string; wrapped: string } {
    const wrapped = encrypt(this.byId.get(this.currentId)!, dataKey, aad).toString('base64');
    return { masterKeyId: this.currentId, wrapped };
  }

  unwrap(masterKeyId: string, wrapped: string, aad: string): Buffer {
    const key = this.byId.get(masterKeyId);
    if (!key) throw new UnknownMasterKeyError(masterKeyId);
    return decrypt(key, Buffer.from(wrapped, 'base64'), aad);
  }
}
