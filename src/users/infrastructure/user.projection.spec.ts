import { recorded } from '@libs/event-store/testing';
import type { PoolConnection } from 'mysql2/promise';
import { USER_EVENTS } from '../domain/events';
import { UserProjection } from './user.projection';

/** Records the SQL the projection sends; answers the reindex SELECT with the row it would read. */
function recordingConnection(row: Record<string, unknown> = {}) {
  const statements: Array<[string, unknown[]]> = [];
  const connection = {
    execute: async (sql: string, params: unknown[]) => {
      // The targets' statements (user-targets.projection.ts) are covered by test/users/targets.e2e-spec.ts.
      if (/user_targets|AS address FROM users/.test(sql)) return sql.startsWith('SELECT') ? [[]] : [{}];
      statements.push([sql.replace(/\s+/g, ' ').trim(), params]);
      return sql.startsWith('SELECT') ? [[row]] : [{ affectedRows: 1 }];
    },
    query: async (sql: string, params: unknown[]) => {
      statements.push([sql.replace(/\s+/g, ' ').trim(), params]);
      return [{ affectedRows: 1 }];
    },
  };
  return { connection: connection as unknown as PoolConnection, statements };
}

const EPOCH_SQL = 'UPDATE users SET kept_session_epoch';

const at = new Date('2026-01-02T03:04:05.678Z');
const stored = (type: string, data: Record<string, unknown>, version = 2) =>
  recorded(USER_EVENTS.toDomain({ type, schemaVersion: 1, data }), {
    position: 41,
    id: 'e1',
    streamId: 'u1',
    version,
    occurredAt: at,
  });

const row = {
  sequence: 41,
  id: 'u1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: null,
  labels: '["vip"]',
};

describe('UserProjection', () => {
  it('inserts the users row with sequence = the event position, then indexes the search tokens', async () => {
    const { connection, statements } = recordingConnection(row);
    await new UserProjection().apply(connection, [
      stored(
        'user.created',
        {
          userId: 'u1',
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          phone: null,
          password: 'h',
          hash: 'argon2',
          hashOptions: { type: 'argon2' },
        },
        1,
      ),
    ]);
    expect(statements[0][0]).toMatch(/^INSERT INTO users/);
    // sequence (the incarnation) and session_epoch both start at the user.created position.
    expect(statements[0][1].slice(0, 4)).toEqual([41, 41, 'u1', 1]);
    expect(statements[0][1]).toContain('{"type":"argon2"}');
    expect(statements.map(([sql]) => sql.split(' ').slice(0, 3).join(' '))).toEqual([
      'INSERT INTO users',
      'INSERT INTO user_search_tokens',
    ]);
    const tokens = statements[1][1][0] as Array<[string, number, number]>;
    expect(tokens).toEqual(
      expect.arrayContaining([
        ['u1', 41, 1],
        ['ada', 41, 2],
        ['lovelace', 41, 2],
        ['ada@example.com', 41, 3],
      ]),
    );
  });

  it('rebuilds the tokens of an existing user from its row when a searchable field changes', async () => {
    const { connection, statements } = recordingConnection(row);
    await new UserProjection().apply(connection, [stored('user.labels.changed', { labels: ['vip'] }, 3)]);
    expect(statements.map(([sql]) => sql.split(' ').slice(0, 3).join(' '))).toEqual([
      'UPDATE users SET',
      'SELECT sequence, id,',
      'DELETE FROM user_search_tokens',
      'INSERT INTO user_search_tokens',
    ]);
    expect(statements[3][1][0]).toEqual(
      expect.arrayContaining([
        ['label:vip', 41, 5],
        ['vip', 41, 6],
      ]),
    );
  });

  it.each([
    ['user.name.changed', { name: 'Grace' }, 'name = ?', ['Grace'], true],
    ['user.email.changed', { email: null }, 'email = ?, email_verification = 0', [null], true],
    ['user.phone.changed', { phone: '+1415' }, 'phone = ?, phone_verification = 0', ['+1415'], true],
    [
      'user.status.changed',
      { status: false },
      'status = ?, ban_reason = NULL, ban_expires_at = NULL',
      [0],
      false,
    ],
    [
      'user.status.changed',
      { status: true },
      'status = ?, ban_reason = NULL, ban_expires_at = NULL',
      [1],
      false,
    ],
    [
      'user.banned',
      { reason: 'spam', expiresAt: '2030-01-01T00:00:00.000Z' },
      'status = 0, ban_reason = ?, ban_expires_at = ?',
      ['spam', new Date('2030-01-01T00:00:00.000Z')],
      false,
    ],
    ['user.unbanned', { expired: true }, 'status = 1, ban_reason = NULL, ban_expires_at = NULL', [], false],
    [
      'user.locked',
      { until: '2030-01-01T00:00:00.000Z', cause: 'manual' },
      'locked_until = ?',
      [new Date('2030-01-01T00:00:00.000Z')],
      false,
    ],
    ['user.unlocked', {}, 'locked_until = NULL', [], false],
    ['user.email.verification.changed', { emailVerification: true }, 'email_verification = ?', [1], false],
    ['user.phone.verification.changed', { phoneVerification: false }, 'phone_verification = ?', [0], false],
    ['user.labels.changed', { labels: ['a'] }, 'labels = ?', ['["a"]'], true],
    ['user.prefs.updated', { prefs: { a: 1 } }, 'prefs = ?', ['{"a":1}'], false],
    ['user.impersonator.changed', { impersonator: true }, 'impersonator = ?', [1], false],
    ['user.impersonator.changed', { impersonator: false }, 'impersonator = ?', [0], false],
    [
      'user.password.changed',
      { password: 'h2', hash: 'argon2', hashOptions: {} },
      'password = ?, hash = ?, hash_options = ?, password_update = ?',
      ['h2', 'argon2', '{}', at],
      false,
    ],
    [
      'user.password.rehashed',
      { password: 'h3', hash: 'argon2', hashOptions: {} },
      'password = ?, hash = ?, hash_options = ?',
      ['h3', 'argon2', '{}'],
      false,
    ],
  ])('%s updates its columns, version and updated_at', async (type, data, assignments, values, reindexes) => {
    const { connection, statements } = recordingConnection(row);
    await new UserProjection().apply(connection, [stored(type, data, 7)]);
    expect(statements[0]).toEqual([
      `UPDATE users SET ${assignments}, version = ?, updated_at = ? WHERE id = ?`,
      [...values, 7, at, 'u1'],
    ]);
    const others = statements.slice(1).filter(([sql]) => !sql.startsWith(EPOCH_SQL));
    expect(others.length > 0).toBe(reindexes);
  });

  it.each([
    ['user.status.changed', { status: false }, true, null],
    ['user.status.changed', { status: true }, false, null],
    ['user.password.changed', { password: null, hash: 'argon2', hashOptions: {} }, true, null],
    [
      'user.password.changed',
      { password: 'h', hash: 'argon2', hashOptions: {}, keepSessionId: 's1' },
      true,
      's1',
    ],
    ['user.password.rehashed', { password: 'h', hash: 'argon2', hashOptions: {} }, false, null],
    ['user.name.changed', { name: 'x' }, false, null],
    ['user.banned', { reason: null, expiresAt: null }, true, null],
    ['user.unbanned', { expired: false }, false, null],
    ['user.locked', { until: '2030-01-01T00:00:00.000Z', cause: 'manual' }, false, null],
  ])('%s %j moves the session epoch to its position: %s (keeping %s)', async (type, data, moves, kept) => {
    const { connection, statements } = recordingConnection(row);
    await new UserProjection().apply(connection, [stored(type, data, 7)]);
    const epoch = statements.filter(([sql]) => sql.startsWith(EPOCH_SQL));
    expect(epoch).toEqual(
      moves
        ? [
            [
              `${EPOCH_SQL} = IF(kept_session_id <=> ?, kept_session_epoch, session_epoch), ` +
                'kept_session_id = ?, session_epoch = ? WHERE id = ?',
              [kept, kept, 41, 'u1'],
            ],
          ]
        : [],
    );
  });

  it('deletes the row and its tokens on user.deleted', async () => {
    const { connection, statements } = recordingConnection();
    await new UserProjection().apply(connection, [stored('user.deleted', {})]);
    expect(statements.map(([sql]) => sql.slice(0, 30))).toEqual([
      'DELETE t FROM user_search_toke',
      'DELETE FROM users WHERE id = ?',
    ]);
  });
});
