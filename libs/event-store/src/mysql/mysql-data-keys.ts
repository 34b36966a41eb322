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
   * How long a process may keep opening sealed fields with a data key it has read. Destroying a subject's keys
   * outside a transaction forgets them at once in the process that destroys them; other processes (and a
   * destroy inside a caller's transaction) stop opening them within this time.
   */
  cacheTtlMs?: number;
  cacheSize?: number;
}

/** A sealed event names a data key that `data_keys` does not hold: rows were lost, nothing was erased. */
export class MissingDataKeyError extends Error {
  constructor(readonly dataKeyId: string) {
    super(
      `The data key ${dataKeyId} of a sealed event is missing from data_keys (erased keys keep their row)`,
    );
    this.name = 'MissingDataKeyError';
  }
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

  constructor(
    private readonly pool: Pool,
    private readonly masters: MasterKeys,
    options: DataKeysOptions = {},
  ) {
    this.byId = new LRUCache({ max: options.cacheSize ?? 10_000, ttl: options.cacheTtlMs ?? 60_000 });
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

  /**
   * Destroys every data key of the subject: its sealed fields can never be read again. Inside a caller's
   * transaction (`tx`) the keys are only forgotten, not remembered as destroyed: the transaction may roll back.
   */
  async destroy(subject: string, tx: Pick<Pool, 'execute'> = this.pool): Promise<number> {
    const [result] = await tx.execute<ResultSetHeader>(
      `UPDATE data_keys SET wrapped = NULL, master_key_id = NULL, destroyed_at = NOW(3)
        WHERE subject = ? AND wrapped IS NOT NULL`,
      [subject],
    );
    const [rows] = await tx.execute<KeyRow[]>('SELECT id FROM data_keys WHERE subject = ?', [subject]);
    for (const row of rows) {
      if (tx === this.pool) this.byId.set(row.id, { key: null });
      else this.byId.delete(row.id);
    }
    return result.affectedRows;
  }

  /**
   * Re-wraps up to `limit` data keys that a previous master key wrapped with the current one; returns how many
   * it looked at. Call until it returns 0 after changing DATA_KEY (with the old key in DATA_KEY_PREVIOUS): each
   * key is updated on its own, so an interrupted rotation resumes where it stopped.
   */
  async rewrap(limit: number): Promise<number> {
    // NULL (destroyed) is never <> anything; the index on master_key_id keeps each batch off a full scan.
    const [rows] = await this.pool.query<KeyRow[]>(
      `SELECT id, generation, master_key_id, wrapped FROM data_keys
        WHERE master_key_id <> ? ORDER BY master_key_id, id LIMIT ?`,
      [this.masters.currentId, limit],
    );
    for (const row of rows) {
      const key = this.masters.unwrap(row.master_key_id!, row.wrapped!, row.id);
      const { masterKeyId, wrapped } = this.masters.wrap(key, row.id);
      // Matched on the old master key: a key destroyed meanwhile stays destroyed.
      await this.pool.execute(
        'UPDATE data_keys SET master_key_id = ?, wrapped = ? WHERE id = ? AND master_key_id = ?',
        [masterKeyId, wrapped, row.id, row.master_key_id],
      );
    }
    return rows.length;
  }

  /** How many live data keys a master key other than the current one wraps (what `rewrap` has left to do). */
  async countToRewrap(): Promise<number> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM data_keys WHERE master_key_id <> ?',
      [this.masters.currentId],
    );
    return Number(rows[0].n);
  }

  /** Master key ids that wrap live data keys and are not configured: reading their events would fail. */
  async unknownMasterKeys(): Promise<string[]> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      'SELECT DISTINCT master_key_id FROM data_keys WHERE master_key_id IS NOT NULL',
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
    if (!row) throw new MissingDataKeyError(id);
    const key = row.wrapped ? this.masters.unwrap(row.master_key_id!, row.wrapped, row.id) : null;
    this.byId.set(id, { key });
    return key;
  }

  /**
   * The subject's live key, created in `tx` when it has none (first event, or after an erasure). It is read in
   * `tx` every time rather than cached per subject: a key this transaction created is visible to it, and a
   * cache would keep it after a rollback, sealing later events with a key that does not exist. (Caching by id
   * is safe: only the rolled-back events named such a key.)
   */
  private async liveKey(tx: PoolConnection, subject: string): Promise<{ id: string; key: Buffer }> {
    for (let attempt = 0; ; attempt++) {
      // After losing a race, a locking read: it sees the winner's committed key even under REPEATABLE READ,
      // where a plain read in this transaction would still show its first snapshot.
      const [rows] = await tx.execute<KeyRow[]>(
        `SELECT id, generation, master_key_id, wrapped FROM data_keys
          WHERE subject = ? ORDER BY generation DESC LIMIT 1${attempt > 0 ? ' LOCK IN SHARE MODE' : ''}`,
        [subject],
      );
      const latest = rows[0];
      if (latest?.wrapped) {
        const cached = this.byId.get(latest.id)?.key;
        const key = cached ?? this.masters.unwrap(latest.master_key_id!, latest.wrapped, latest.id);
        if (!cached) this.byId.set(latest.id, { key });
        return { id: latest.id, key };
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
