import type { RecordedEvent } from '@libs/event-store';
import { recorded } from '@libs/event-store/testing';
import type { PoolConnection } from 'mysql2/promise';
import { IDENTITY_EVENTS } from '../domain/events';
import { IdentityProjection } from './identity.projection';

/** Records the SQL the projection sends. */
function recordingConnection() {
  const statements: Array<[string, unknown[]]> = [];
  const record = async (sql: string, params: unknown[]) => {
    statements.push([sql.replace(/\s+/g, ' ').trim(), params]);
    return [{ affectedRows: 1 }];
  };
  return { connection: { execute: record, query: record } as unknown as PoolConnection, statements };
}

const at = new Date('2026-01-02T03:04:05.678Z');
const stored = (
  type: string,
  data: Record<string, unknown>,
  overrides: Partial<Omit<RecordedEvent, 'event'>> = {},
) =>
  recorded(IDENTITY_EVENTS.toDomain({ type, schemaVersion: 1, data }), {
    position: 41,
    id: 'e1',
    streamId: 'i1',
    occurredAt: at,
    ...overrides,
  });

const created = {
  identityId: 'i1',
  userId: 'u1',
  provider: 'github',
  providerUid: 'Octo-Cat',
  providerEmail: 'octocat@github.com',
  providerAccessToken: 'gho_a',
  providerAccessTokenExpiry: '2030-01-01T00:00:00.000Z',
  providerRefreshToken: 'ghr_b',
};

describe('IdentityProjection', () => {
  it('inserts the row with sequence = the event position, then its search tokens', async () => {
    const { connection, statements } = recordingConnection();
    await new IdentityProjection().apply(connection, [stored('identity.created', created)]);
    expect(statements.map(([sql]) => sql.split(' ').slice(0, 3).join(' '))).toEqual([
      'INSERT INTO identities',
      'INSERT INTO identity_search_tokens',
    ]);
    expect(statements[0][1]).toEqual([
      'i1',
      41,
      1,
      'u1',
      'github',
      'Octo-Cat',
      'octocat@github.com',
      'gho_a',
      new Date('2030-01-01T00:00:00.000Z'),
      'ghr_b',
      at,
      at,
    ]);
    const tokens = statements[1][1][0] as Array<[string, number, number]>;
    expect(tokens).toEqual(
      expect.arrayContaining([
        ['github', 41, 1],
        ['octo-cat', 41, 2],
        ['cat', 41, 2],
        ['github.com', 41, 3],
      ]),
    );
  });

  it('stores no expiry as NULL', async () => {
    const { connection, statements } = recordingConnection();
    const data = { ...created, providerAccessTokenExpiry: null };
    await new IdentityProjection().apply(connection, [stored('identity.created', data)]);
    expect(statements[0][1][8]).toBeNull();
  });

  it('deletes the tokens, then the row, on identity.deleted', async () => {
    const { connection, statements } = recordingConnection();
    const data = { userId: 'u1', provider: 'github', providerUid: 'Octo-Cat', reason: 'admin' };
    await new IdentityProjection().apply(connection, [stored('identity.deleted', data, { version: 2 })]);
    expect(statements).toEqual([
      [
        'DELETE t FROM identity_search_tokens t JOIN identities i ON i.sequence = t.identity_sequence WHERE i.id = ?',
        ['i1'],
      ],
      ['DELETE FROM identities WHERE id = ?', ['i1']],
    ]);
  });
});
