import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Argon2Hasher, HashAlgorithm, PasswordHashers, StoredPassword } from '@libs/passwords';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../../database';
import { PASSWORD_HASHER } from '../../infrastructure/password-hashing';
import { UserRepository } from '../../infrastructure/user.repository';

export interface WrapLegacyPasswordHashesResult {
  /** Users whose hash was wrapped by this call. */
  wrapped: number;
  /** Users with a fast legacy hash still unwrapped after it. */
  remaining: number;
}

export class WrapLegacyPasswordHashesCommand extends Command<WrapLegacyPasswordHashesResult> {
  constructor(
    /** Users handled by this call: each costs one argon2id hash, so a call stays short. */
    readonly limit: number,
  ) {
    super();
  }
}

// Exactly what LegacyHashWrapper.canWrap accepts, so every selected row is wrapped and a batch always advances.
const WRAPPABLE = `password IS NOT NULL AND (hash IN ('md5', 'sha')
  OR (hash = 'phpass' AND password REGEXP '^[$][PH][$][./0-9A-Za-z]{31}$'))`;

interface WrappableRow extends RowDataPacket {
  id: string;
  password: string;
  hash: string;
  hash_options: string;
}

/**
 * Eager upgrade of fast legacy hashes (MD5, SHA, PHPass portable): each becomes argon2id over the legacy hash
 * (see LegacyHashWrapper), recorded as `user.password.rehashed`, which revokes no session and keeps
 * `passwordUpdate`. The user's next login then stores a plain argon2id hash of the password, as for any
 * imported hash. A user whose password changes meanwhile is left alone (the aggregate drops the re-hash).
 */
@CommandHandler(WrapLegacyPasswordHashesCommand)
export class WrapLegacyPasswordHashesHandler implements ICommandHandler<
  WrapLegacyPasswordHashesCommand,
  WrapLegacyPasswordHashesResult
> {
  private readonly logger = new Logger(WrapLegacyPasswordHashesHandler.name);
  private readonly hashers: PasswordHashers;

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(PASSWORD_HASHER) argon2: Argon2Hasher,
    private readonly users: UserRepository,
  ) {
    this.hashers = new PasswordHashers(argon2);
  }

  async execute({ limit }: WrapLegacyPasswordHashesCommand): Promise<WrapLegacyPasswordHashesResult> {
    const [rows] = await this.pool.query<WrappableRow[]>(
      `SELECT id, password, hash, hash_options FROM users WHERE ${WRAPPABLE} ORDER BY sequence LIMIT ?`,
      [limit],
    );
    let wrapped = 0;
    // One at a time: the argon2 work must not crowd out the logins of a live system.
    for (const row of rows) {
      const legacy: StoredPassword = {
        hash: row.password,
        algorithm: row.hash as HashAlgorithm,
        options: JSON.parse(row.hash_options) as Record<string, unknown>,
      };
      const outer = await this.hashers.wrap(legacy);
      const events = await this.users.update(row.id, (user) =>
        user.rehashPassword(
          { password: outer.hash, hash: outer.algorithm, hashOptions: outer.options },
          row.password,
        ),
      );
      wrapped += events.length;
    }
    const [count] = await this.pool.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM users WHERE ${WRAPPABLE}`,
    );
    const remaining = Number(count[0].n);
    if (wrapped > 0) this.logger.log(`Wrapped ${wrapped} legacy password hashes; ${remaining} remaining`);
    return { wrapped, remaining };
  }
}
