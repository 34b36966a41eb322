import { Inject, Injectable } from '@nestjs/common';
import { EventDecoder, EventStore } from '@libs/event-store';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { EventSourcedRepository } from '../../common';
import { EVENT_DECODER, EVENT_STORE, MYSQL_POOL } from '../../database';
import { TOKEN_EVENTS, TOKEN_STREAM, TokenEvent } from '../domain/events';
import { TokenAggregate } from '../domain/token.aggregate';
import { TokenProjection } from './token.projection';

@Injectable()
export class TokenRepository extends EventSourcedRepository<TokenAggregate, TokenEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore<PoolConnection>,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    projection: TokenProjection,
    @Inject(MYSQL_POOL) private readonly pool: Pool,
  ) {
    super(store, decoder, projection, TOKEN_EVENTS, TOKEN_STREAM);
  }

  protected create(id: string): TokenAggregate {
    return new TokenAggregate(id);
  }

  /**
   * The unused, unexpired token of this user with this secret hash, if any (short secrets of one user may
   * collide: any one of them will do, each opens one session). The aggregate decides again on its stream.
   */
  async findUsable(userId: string, secretHash: string): Promise<string | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      `SELECT id FROM tokens WHERE user_id = ? AND secret_hash = ? AND consumed_at IS NULL AND expire > ?
       ORDER BY created_at DESC LIMIT 1`,
      [userId, secretHash, new Date()],
    );
    return rows[0] ? String(rows[0].id) : undefined;
  }
}
