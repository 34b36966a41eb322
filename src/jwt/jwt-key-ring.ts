import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { MasterKeys } from '@libs/event-store';
import type { JWK } from 'jose';
import type { KeyObject } from 'node:crypto';
import type { Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../config';
import { MASTER_KEYS, MYSQL_POOL } from '../database';
import { ensureJwtKeys, JwtKey, loadJwtKeys } from './jwt-keys';

/** A token naming a key this process has not seen reloads the keys at most this often. */
const UNKNOWN_KID_RELOAD_MS = 1000;

/**
 * The JWT keys as this process knows them, reloaded from `jwt_keys` every JWT_KEYS_REFRESH_MS (and at once,
 * rate-limited, for a `kid` it does not know), so every API process signs with the key a rotation made and
 * verifies what any other process signed.
 */
@Injectable()
export class JwtKeyRing implements OnModuleInit {
  private keys: JwtKey[] = [];
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(MASTER_KEYS) private readonly masterKeys: MasterKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const { replaced } = await ensureJwtKeys(this.pool, this.masterKeys);
    if (replaced)
      new Logger('JwtKeys').warn(
        `The JWT signing key ${replaced} is sealed under a master key that is not configured: it was replaced ` +
          'by a new key (run `npm run data-key:rotate` when changing DATA_KEY, so that it is re-sealed).',
      );
    await this.reload();
  }

  async signingKey(): Promise<JwtKey & { privateKey: KeyObject }> {
    await this.fresh();
    let key = this.keys.find((k) => k.privateKey);
    if (!key) {
      await this.reload();
      key = this.keys.find((k) => k.privateKey);
    }
    if (!key?.privateKey) throw new Error('No JWT signing key: run `npm run jwt:rotate`');
    return key as JwtKey & { privateKey: KeyObject };
  }

  /** The public key for `kid` if it still verifies, else undefined. */
  async verificationKey(kid: string | undefined): Promise<KeyObject | undefined> {
    if (!kid) return undefined;
    await this.fresh();
    let key = this.keys.find((k) => k.kid === kid);
    if (!key && Date.now() - this.loadedAt >= UNKNOWN_KID_RELOAD_MS) {
      await this.reload();
      key = this.keys.find((k) => k.kid === kid);
    }
    return key?.publicKey;
  }

  async publicJwks(): Promise<JWK[]> {
    await this.fresh();
    return this.keys.map((k) => k.publicJwk);
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt >= this.config.JWT_KEYS_REFRESH_MS) await this.reload();
  }

  private reload(): Promise<void> {
    this.loading ??= loadJwtKeys(this.pool, this.masterKeys)
      .then((keys) => {
        this.keys = keys;
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
