import { randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { decrypt, encrypt, MasterKeys } from '../crypto/master-keys';
import type { EventCipher } from '../types';

const TOKEN_VERSION = 'v1';
const DUPLICATE_KEY = 'ER_DUP_ENTRY';

interface KeyRow extends RowDataPacket {
  id: string;
  generation: number;
  master_key_id: string | null;
  wrapped: string | null;
}

export interface DataKeysOptions {
  /**
   * How long a process may keep using a data key it has read. Destroying a subject's keys evicts them at once
   * in the process that destroys them; other processes drop them within this time.
   */
  cacheTtlMs?: number;
  cacheSize?: number;
}

/**
 * Envelope encryption of events' personal fields: one data key per subject (the user), kept in `data_keys`
 * wrapped by a master key from the environment. Destroying a subject's keys (erasure) leaves its sealed
 * fields unreadable for good while every event stays decodable (crypto-shredding).
 *
 * Token: `v1.<data key id>.<base64url(iv ‖ AES-256-GCM ciphertext ‖ tag)>`, the data key id as AAD.
 */
export class MysqlDataKeys implements EventCipher<PoolConnection> {
  /** data key id → key, or null once destroyed */
  private readonly byId: LRUCache<string, { key: Buffer | null }>;
  /** subject → its live data key */
  private readonly bySubject: LRUCache<string, { id: string; key: Buffer }>;

  constructor(
    private readonly pool: Pool,
    private readonly masters: MasterKeys,
    options: DataKeysOptions = {},
  ) {
    const ttl = options.cacheTtlMs ?? 60_000;
    const max = options.cacheSize ?? 10_000;
    this.byId = new LRUCache({ max, ttl });
    this.bySubject = new LRUCache({ max, ttl });
  }

  async seal(tx: PoolConnection, subject: string, fields: Record<string, unknown>): Promise<string> {
    const { id, key } = await this.liveKey(tx, subject);
    const sealed = encrypt(key, Buffer.from(JSON.stringify(fields)), id);
    return `${TOKEN_VERSION}.${id}.${sealed.toString('base64url')}`;
  }

  async open(token: string): Promise<Record<string, unknown> | undefined> {
    const [version, id, body] = token.split('.');
    if (version !== TOKEN_VERSION || !id || !body) throw new Error('Not a sealed-fields token');
    const key = await this.keyById(id);
    if (!key) return undefined;
    return JSON.parse(decrypt(key, Buffer.from(body, 'base64url'), id).toString()) as Record<string, unknown>;
  }

  /** Destroys every data key of the subject: its sealed fields can never be read again. */
  async destroy(subject: string, tx: Pick<Pool, 'execute'> = this.pool): Promise<number> {
    const [result] = await tx.execute<ResultSetHeader>(
      `UPDATE data_keys SET wrapped = NULL, master_key_id = NULL, destroyed_at = NOW(3)
        WHERE subject = ? AND wrapped IS NOT NULL`,
      [subject],
    );
    const live = this.bySubject.get(subject);
    if (live) this.byId.delete(live.id);
    this.bySubject.delete(subject);
    const [rows] = await tx.execute<KeyRow[]>('SELECT id FROM data_keys WHERE subject = ?', [subject]);
    for (const row of rows) this.byId.set(row.id, { key: null });
    return result.affectedRows;
  }

  /**
   * Re-wraps up to `limit` data keys that a previous master key wrapped with the current one; returns how many.
   * Call until it returns 0 after changing DATA_KEY (with the old key in DATA_KEY_PREVIOUS).
   */
  async rewrap(limit: number): Promise<number> {
    const [rows] = await this.pool.query<KeyRow[]>(
      `SELECT id, generation, master_key_id, wrapped FROM data_keys
        WHERE wrapped IS NOT NULL AND master_key_id <> ? ORDER BY id LIMIT ?`,
      [this.masters.currentId, limit],
    );
    for (const row of rows) {
      const key = this.masters.unwrap(row.master_key_id!, row.wrapped!, row.id);
      const { masterKeyId, wrapped } = this.masters.wrap(key, row.id);
      await this.pool.execute(
        'UPDATE data_keys SET master_key_id = ?, wrapped = ? WHERE id = ? AND master_key_id = ?',
        [masterKeyId, wrapped, row.id, row.master_key_id],
      );
    }
    return rows.length;
  }

  /** Master key ids that wrap live data keys and are not configured: reading their events would fail. */
  async unknownMasterKeys(): Promise<string[]> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      'SELECT DISTINCT master_key_id FROM data_keys WHERE wrapped IS NOT NULL',
    );
    return rows.map((row) => String(row.master_key_id)).filter((id) => !this.masters.knows(id));
  }

  private async keyById(id: string): Promise<Buffer | null> {
    const cached = this.byId.get(id);
    if (cached) return cached.key;
    const [rows] = await this.pool.execute<KeyRow[]>(
      'SELECT id, generation, master_key_id, wrapped FROM data_keys WHERE id = ?',
      [id],
    );
    const row = rows[0];
    const key = row?.wrapped ? this.masters.unwrap(row.master_key_id!, row.wrapped, row.id) : null;
    this.byId.set(id, { key });
    return key;
  }

  /**
   * The subject's live key, created in `tx` when it has none (first event, or after an erasure). A key made in
   * `tx` is not cached: the transaction may still roll back, and a cached key would outlive its row.
   */
  private async liveKey(tx: PoolConnection, subject: string): Promise<{ id: string; key: Buffer }> {
    const cached = this.bySubject.get(subject);
    if (cached) return cached;
    for (let attempt = 0; ; attempt++) {
      const [rows] = await tx.execute<KeyRow[]>(
        `SELECT id, generation, master_key_id, wrapped FROM data_keys
          WHERE subject = ? ORDER BY generation DESC LIMIT 1`,
        [subject],
      );
      const latest = rows[0];
      if (latest?.wrapped) {
        const live = {
          id: latest.id,
          key: this.masters.unwrap(latest.master_key_id!, latest.wrapped, latest.id),
        };
        this.bySubject.set(subject, live);
        return live;
      }
      const id = randomUUID();
      const key = randomBytes(32);
      const { masterKeyId, wrapped } = this.masters.wrap(key, id);
      try {
        await tx.execute(
          `INSERT INTO data_keys (id, subject, generation, master_key_id, wrapped, created_at)
           VALUES (?, ?, ?, ?, ?, NOW(3))`,
          [id, subject, (latest?.generation ?? 0) + 1, masterKeyId, wrapped],
        );
        return { id, key };
      } catch (error) {
        // Another append created the subject's key first: use that one.
        if ((error as { code?: string }).code !== DUPLICATE_KEY || attempt >= 2) throw error;
      }
    }
  }
}
