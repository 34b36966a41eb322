import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashApiKeySecret } from '../domain/api-key-secret';
import { ApiKeyEntity } from './api-key.entity';

export interface ResolvedApiKey {
  id: string;
  scopes: string[];
  expire: Date | null;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Looks keys up by the SHA-256 of the presented secret. A short cache keeps the key lookup off the hot path;
 * the price is that a key removed from the table keeps working for up to 30 s on each API node.
 */
@Injectable()
export class ApiKeysRepository {
  private readonly cache = new Map<string, { key: ResolvedApiKey | null; at: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async findBySecret(secret: string): Promise<ResolvedApiKey | null> {
    const hash = hashApiKeySecret(secret);
    const cached = this.cache.get(hash);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.key;
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ secretHash: hash });
    const key = row ? { id: row.id, scopes: JSON.parse(row.scopes) as string[], expire: row.expire } : null;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(hash, { key, at: Date.now() });
    return key;
  }

  async create(entity: ApiKeyEntity): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).insert(entity);
  }
}
