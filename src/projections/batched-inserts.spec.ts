import type { PoolConnection } from 'mysql2/promise';
import { BatchedInserts } from './batched-inserts';

function recorder() {
  const calls: Array<[string, string, unknown]> = [];
  const connection = {
    execute: async (sql: string, params: unknown) => calls.push(['execute', sql, params]),
    query: async (sql: string, params: unknown) => calls.push(['query', sql, params]),
  } as unknown as PoolConnection;
  return { calls, connection };
}

describe('BatchedInserts', () => {
  it('merges the inserts of each statement into one multi-row insert, tables in first-written order', async () => {
    const { calls, connection } = recorder();
    const batched = new BatchedInserts(connection);
    for (const n of [1, 2]) {
      await batched.sql.execute('INSERT INTO users (sequence, name, status) VALUES (?, ?, 1)', [n, `u${n}`]);
      await batched.sql.query('INSERT INTO user_search_tokens (token, user_sequence, field) VALUES ?', [
        [[`u${n}`, n, 1]],
      ]);
    }
    expect(calls).toEqual([]);
    await batched.flush();
    expect(calls).toEqual([
      ['query', 'INSERT INTO users (sequence, name, status) VALUES (?, ?, 1), (?, ?, 1)', [1, 'u1', 2, 'u2']],
      [
        'query',
        'INSERT INTO user_search_tokens (token, user_sequence, field) VALUES ?',
        [
          [
            ['u1', 1, 1],
            ['u2', 2, 1],
          ],
        ],
      ],
    ]);
  });

  it('sends what is pending before any other statement, which runs as the projection called it', async () => {
    const { calls, connection } = recorder();
    const batched = new BatchedInserts(connection);
    await batched.sql.execute('INSERT INTO users (sequence, name) VALUES (?, ?)', [1, 'a']);
    await batched.sql.execute('SELECT sequence FROM users WHERE id = ?', ['a']);
    await batched.sql.execute('UPDATE users SET name = ? WHERE id = ?', ['b', 'a']);
    await batched.sql.execute("INSERT INTO t (a, b) VALUES (?, ')(')", [2]);
    await batched.flush();
    expect(calls.map(([method, sql]) => `${method} ${sql}`)).toEqual([
      'query INSERT INTO users (sequence, name) VALUES (?, ?)',
      'execute SELECT sequence FROM users WHERE id = ?',
      'execute UPDATE users SET name = ? WHERE id = ?',
      "query INSERT INTO t (a, b) VALUES (?, ')(')",
    ]);
  });

  it('sends a statement on its own once it holds maxBytes', async () => {
    const { calls, connection } = recorder();
    const batched = new BatchedInserts(connection, 10);
    await batched.sql.execute('INSERT INTO t (a) VALUES (?)', ['12345']);
    expect(calls).toHaveLength(0);
    await batched.sql.execute('INSERT INTO t (a) VALUES (?)', ['67890']);
    expect(calls).toEqual([['query', 'INSERT INTO t (a) VALUES (?), (?)', ['12345', '67890']]]);
  });

  it('leaves an INSERT it cannot merge (ON DUPLICATE KEY, INSERT … SELECT) as it is', async () => {
    const { calls, connection } = recorder();
    const batched = new BatchedInserts(connection);
    await batched.sql.execute('INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = a', [1]);
    await batched.sql.execute('INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = VALUES(a)', [1]);
    await batched.sql.execute('INSERT INTO t (a) SELECT 1', []);
    expect(calls.map(([, sql]) => sql)).toEqual([
      'INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = a',
      'INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = VALUES(a)',
      'INSERT INTO t (a) SELECT 1',
    ]);
  });
});
