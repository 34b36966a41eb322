import { recorded } from '@libs/event-store/testing';
import type { PoolConnection } from 'mysql2/promise';
import { TokenConsumedEvent, TokenCreatedEvent } from '../domain/events';
import { TokenProjection } from './token.projection';

function recordingConnection() {
  const statements: Array<[string, unknown[]]> = [];
  const execute = async (sql: string, params: unknown[]) => {
    statements.push([sql.replace(/\s+/g, ' ').trim(), params]);
    return [{ affectedRows: 1 }];
  };
  return { connection: { execute } as unknown as PoolConnection, statements };
}

const at = new Date('2026-01-02T03:04:05.678Z');

describe('TokenProjection', () => {
  it('inserts the token with its secret hash only (no IP, no user agent)', async () => {
    const { connection, statements } = recordingConnection();
    const created = new TokenCreatedEvent({
      tokenId: 't1',
      userId: 'u1',
      userIncarnation: 5,
      secretHash: 'a'.repeat(64),
      expire: '2026-01-02T03:19:05.678Z',
      ip: '203.0.113.9',
      userAgent: 'curl/8',
    });
    await new TokenProjection().apply(connection, [recorded(created, { streamId: 't1', occurredAt: at })]);
    expect(statements).toEqual([
      [
        'INSERT INTO tokens (id, user_id, version, secret_hash, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        ['t1', 'u1', 1, 'a'.repeat(64), new Date('2026-01-02T03:19:05.678Z'), at],
      ],
    ]);
  });

  it('marks the token consumed', async () => {
    const { connection, statements } = recordingConnection();
    const consumed = new TokenConsumedEvent({ userId: 'u1', sessionId: 's1' });
    await new TokenProjection().apply(connection, [
      recorded(consumed, { streamId: 't1', version: 2, occurredAt: at }),
    ]);
    expect(statements).toEqual([
      ['UPDATE tokens SET consumed_at = ?, version = ? WHERE id = ?', [at, 2, 't1']],
    ]);
  });
});
