import { recorded } from '@libs/event-store/testing';
import type { PoolConnection } from 'mysql2/promise';
import { SessionCreatedEvent, SessionRevokedEvent } from '../domain/events';
import { SessionProjection } from './session.projection';

function recordingConnection() {
  const statements: Array<[string, unknown[]]> = [];
  const execute = async (sql: string, params: unknown[]) => {
    statements.push([sql.replace(/\s+/g, ' ').trim(), params]);
    return [{ affectedRows: 1 }];
  };
  return { connection: { execute } as unknown as PoolConnection, statements };
}

const at = new Date('2026-01-02T03:04:05.678Z');
const created = new SessionCreatedEvent({
  sessionId: 's1',
  userId: 'u1',
  userIncarnation: 5,
  userEpoch: 9,
  provider: 'email',
  providerUid: 'ada@example.com',
  secretHash: 'f'.repeat(64),
  expire: '2027-01-02T03:04:05.678Z',
  factors: ['password'],
  ip: '203.0.113.9',
  osCode: 'MAC',
  osName: 'Mac',
  osVersion: '10.15.7',
  clientType: 'browser',
  clientCode: 'CH',
  clientName: 'Chrome',
  clientVersion: '120.0',
  clientEngine: 'Blink',
  clientEngineVersion: '120.0',
  deviceName: 'desktop',
  deviceBrand: 'Apple',
  deviceModel: '',
  countryCode: 'us',
  countryName: 'United States',
});

describe('SessionProjection', () => {
  it('inserts the session bound to the incarnation and epoch of its user, with its secret hash only', async () => {
    const { connection, statements } = recordingConnection();
    await new SessionProjection().apply(connection, [recorded(created, { streamId: 's1', occurredAt: at })]);
    expect(statements).toHaveLength(1);
    const [sql, params] = statements[0];
    const columns = /\(([^)]+)\) VALUES/.exec(sql)![1].split(', ');
    const row = Object.fromEntries(columns.map((c, i) => [c, params[i]]));
    expect(row).toMatchObject({
      id: 's1',
      user_id: 'u1',
      user_incarnation: 5,
      user_epoch: 9,
      version: 1,
      secret_hash: 'f'.repeat(64),
      provider_uid: 'ada@example.com',
      expire: new Date('2027-01-02T03:04:05.678Z'),
      factors: '["password"]',
      created_at: at,
      updated_at: at,
    });
  });

  it('marks the session revoked with its reason', async () => {
    const { connection, statements } = recordingConnection();
    const revoked = new SessionRevokedEvent({ userId: 'u1', reason: 'logout' });
    await new SessionProjection().apply(connection, [
      recorded(revoked, { streamId: 's1', version: 2, occurredAt: at }),
    ]);
    expect(statements).toEqual([
      [
        'UPDATE sessions SET revoked_at = ?, revoke_reason = ?, updated_at = ?, version = ? WHERE id = ?',
        [at, 'logout', at, 2, 's1'],
      ],
    ]);
  });
});
