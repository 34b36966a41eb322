import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashApiKeySecret } from '../domain/api-key-secret';
import { ApiKeyEntity } from './api-key.entity';

export interface ResolvedApiKey {
  id: string;
  scopes: string[];
  expire: Date | null;
}

/** What `keys:list` shows of a stored key (never its hash). */
export interface StoredApiKey {
  id: string;
  name: string;
  scopes: string[];
  expire: Date | null;
  createdAt: Date;
}

/** How long a looked-up key is reused: a revoked or newly created key takes effect within this, on every node. */
export const API_KEY_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

/**
 * Looks keys up by the SHA-256 of the presented secret. A one-second cache keeps a busy caller at one query per
 * second per node, and bounds how long a revoked key keeps working. Concurrent misses for one secret share
 * one query, so the cache expiring under load does not send a burst of identical selects.
 */
@Injectable()
export class ApiKeysRepository {
  private readonly cache = new Map<string, { key: Promise<ResolvedApiKey | null>; at: number }>();

  constructor(private readonly dataSource: DataSource) {}

  findBySecret(secret: string): Promise<ResolvedApiKey | null> {
    const hash = hashApiKeySecret(secret);
    const cached = this.cache.get(hash);
    if (cached && Date.now() - cached.at < API_KEY_CACHE_MS) return cached.key;
    const key = this.load(hash);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(hash, { key, at: Date.now() });
    // A failed lookup (MySQL down) is not remembered.
    key.catch(() => {
      if (this.cache.get(hash)?.key === key) this.cache.delete(hash);
    });
    return key;
  }

  async create(entity: ApiKeyEntity): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).insert(entity);
  }

  async list(): Promise<StoredApiKey[]> {
    const rows = await this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      scopes: JSON.parse(row.scopes) as string[],
      expire: row.expire,
      createdAt: row.createdAt,
    }));
  }

  /** Deletes the key; answers its name, or null when there is no key with this id. */
  async revoke(id: string): Promise<string | null> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    const row = await repository.findOneBy({ id });
    if (!row) return null;
    await repository.delete({ id });
    return row.name;
  }

  /** True when at least one stored key is not expired. */
  async anyUsable(now = new Date()): Promise<boolean> {
    const count = await this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('key')
      .where('key.expire IS NULL OR key.expire > :now', { now })
      .getCount();
    return count > 0;
  }

  private async load(hash: string): Promise<ResolvedApiKey | null> {
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ secretHash: hash });
    return row ? { id: row.id, scopes: JSON.parse(row.scopes) as string[], expire: row.expire } : null;
  }
}
