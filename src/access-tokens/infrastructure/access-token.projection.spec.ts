import { recorded } from '@libs/event-store/testing';
import type { PoolConnection } from 'mysql2/promise';
import { AccessTokenCreatedEvent, AccessTokenDeletedEvent, AccessTokenUpdatedEvent } from '../domain/events';
import { AccessTokenProjection } from './access-token.projection';

function recordingConnection() {
  const statements: Array<[string, unknown[]]> = [];
  const execute = async (sql: string, params: unknown[]) => {
    statements.push([sql.replace(/\s+/g, ' ').trim(), params]);
    return [{ affectedRows: 1 }];
  };
  return { connection: { execute } as unknown as PoolConnection, statements };
}

const at = new Date('2026-01-02T03:04:05.678Z');

describe('AccessTokenProjection', () => {
  it('inserts an active token with its incarnation and secret hash (never a use time)', async () => {
    const { connection, statements } = recordingConnection();
    const created = new AccessTokenCreatedEvent({
      tokenId: 't1',
      userId: 'u1',
      userIncarnation: 5,
      description: 'CI',
      secretHash: 'a'.repeat(64),
      expire: '2027-01-01T00:00:00.000Z',
    });
    await new AccessTokenProjection().apply(connection, [
      recorded(created, { streamId: 't1', position: 42, occurredAt: at }),
    ]);
    expect(statements).toEqual([
      [
        'INSERT INTO access_tokens (id, sequence, version, user_id, user_incarnation, description, secret_hash, ' +
          'is_active, expire, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
        ['t1', 42, 1, 'u1', 5, 'CI', 'a'.repeat(64), new Date('2027-01-01T00:00:00.000Z'), at, at],
      ],
    ]);
  });

  it('keeps a token without expiry as NULL', async () => {
    const { connection, statements } = recordingConnection();
    const created = new AccessTokenCreatedEvent({
      tokenId: 't1',
      userId: 'u1',
      userIncarnation: 5,
      description: 'CI',
      secretHash: 'a'.repeat(64),
      expire: null,
    });
    await new AccessTokenProjection().apply(connection, [recorded(created, { streamId: 't1' })]);
    expect(statements[0][1][7]).toBeNull();
  });

  it('disables or enables the token, moving $updatedAt and the version', async () => {
    const { connection, statements } = recordingConnection();
    await new AccessTokenProjection().apply(connection, [
      recorded(new AccessTokenUpdatedEvent({ userId: 'u1', isActive: false }), {
        streamId: 't1',
        version: 2,
        occurredAt: at,
      }),
    ]);
    expect(statements).toEqual([
      ['UPDATE access_tokens SET is_active = ?, version = ?, updated_at = ? WHERE id = ?', [0, 2, at, 't1']],
    ]);
  });

  it('removes a deleted token', async () => {
    const { connection, statements } = recordingConnection();
    await new AccessTokenProjection().apply(connection, [
      recorded(new AccessTokenDeletedEvent({ userId: 'u1', reason: 'admin' }), {
        streamId: 't1',
        version: 3,
      }),
    ]);
    expect(statements).toEqual([['DELETE FROM access_tokens WHERE id = ?', ['t1']]]);
  });
});
