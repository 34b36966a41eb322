import { randomUUID } from 'node:crypto';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';

const q = (method: string, attribute?: string, ...values: unknown[]) =>
  JSON.stringify({ method, ...(attribute ? { attribute } : {}), ...(values.length ? { values } : {}) });
const qs = (queries: string[], extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(extra);
  queries.forEach((query, i) => params.append(`queries[${i}]`, query));
  return params.toString();
};

describe('GET /v1/users/count (extension)', () => {
  let t: TestApp;
  const count = (queries: string[] = [], extra: Record<string, string> = {}, key?: string) =>
    t.request('GET', `/v1/users/count?${qs(queries, extra)}`, { key });
  const listTotal = async (queries: string[], extra: Record<string, string> = {}) =>
    (await t.request('GET', `/v1/users?${qs(queries, extra)}`)).body.total;

  beforeAll(async () => {
    t = await TestApp.start();
    const people = [
      { name: 'Ada Lovelace', email: 'ada@example.com', labels: ['vip'], blocked: false },
      { name: 'Ada Byron', email: 'byron@example.com', labels: [], blocked: true },
      { name: 'Alan Turing', email: 'alan@example.org', labels: ['vip'], blocked: false },
      { name: 'Grace Hopper', email: 'grace@example.org', labels: [], blocked: true },
    ];
    for (const p of people) {
      const user = await t.createUser({ name: p.name, email: p.email });
      if (p.labels.length)
        await t.request('PUT', `/v1/users/${user.$id}/labels`, { body: { labels: p.labels } });
      if (p.blocked) await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    }
  });
  afterAll(async () => {
    await t.stop();
  });

  it('counts every user, and the same matches as the list for queries and search', async () => {
    const cases: Array<[string[], Record<string, string>, number]> = [
      [[], {}, 4],
      [[q('equal', 'status', false)], {}, 2],
      [[q('contains', 'labels', 'vip')], {}, 2],
      [[q('endsWith', 'email', '.org'), q('equal', 'status', true)], {}, 1],
      [['startsWith("name", "Ada")'], {}, 2],
      [[], { search: 'ada' }, 2],
      [[q('equal', 'status', true)], { search: 'ada' }, 1],
      [[], { search: 'nobody' }, 0],
      [[], { search: '   ' }, 0],
      // Paging and order queries do not change a count.
      [[q('limit', undefined, 1), q('offset', undefined, 3), q('orderDesc', 'name')], {}, 4],
    ];
    for (const [queries, extra, expected] of cases) {
      const res = await count(queries, extra);
      expect({ queries, extra, status: res.status, body: res.body }).toEqual({
        queries,
        extra,
        status: 200,
        body: { total: expected },
      });
      expect(
        await listTotal(
          queries.filter((x) => !/limit|offset|order/.test(x)),
          extra,
        ),
      ).toBe(expected);
    }
  });

  it('is exact past the 5000 at which the list total stops', async () => {
    // 6000 more blocked users, copied in the read table from one made through the API (creating them one
    // by one over HTTP would take minutes; the count reads only this table).
    const template = await t.createUser({ name: 'Bulk' });
    const [columns] = await t.db.query<any[]>('SHOW COLUMNS FROM users');
    const names = columns.map((c) => c.Field as string);
    const select = names.map((name) =>
      name === 'sequence'
        ? '1000000 + n.i'
        : name === 'id'
          ? "CONCAT('bulk-', n.i)"
          : name === 'status'
            ? '0'
            : `t.${name}`,
    );
    const digits =
      '(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)';
    await t.db.query(
      `INSERT INTO users (${names.join(', ')})
       SELECT ${select.join(', ')}
       FROM (SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d AS i FROM ${digits} a, ${digits} b, ${digits} c, ${digits} e) n
       JOIN users t ON t.id = ? WHERE n.i < 6000`,
      [template.$id],
    );
    expect((await count()).body).toEqual({ total: 6005 });
    expect((await count([q('equal', 'status', false)])).body).toEqual({ total: 6002 });
    expect((await count([q('equal', 'status', true)])).body).toEqual({ total: 3 });
    expect(await listTotal([q('equal', 'status', false)])).toBe(5000);
  });

  it('refuses what the list refuses', async () => {
    expectAppwriteError(await count(['nonsense(']), 400, 'general_query_invalid');
    expectAppwriteError(await count([q('equal', 'password', 'x')]), 400, 'general_argument_invalid');
    expectAppwriteError(await count([], { search: 'x'.repeat(257) }), 400, 'general_argument_invalid');
  });

  it('needs users.read', async () => {
    const insertKey = async (scopes: string[]) => {
      const secret = `standard_${randomUUID().replace(/-/g, '')}`;
      await t.db.execute(
        'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [randomUUID(), 'test', hashApiKeySecret(secret), JSON.stringify(scopes), null, new Date()],
      );
      return secret;
    };
    expect((await count([], {}, await insertKey(['users.read']))).status).toBe(200);
    expectAppwriteError(
      await count([], {}, await insertKey(['users.write'])),
      401,
      'general_unauthorized_scope',
    );
  });
});

describe('ids reserved for collection routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it.each(['count', 'hashes', 'export', 'batch', 'sessions', 'identities'])(
    'refuses to create the user %s with 400 general_argument_invalid',
    async (userId) => {
      expectAppwriteError(
        await t.request('POST', '/v1/users', { body: { userId, email: `${userId}@example.com` } }),
        400,
        'general_argument_invalid',
        `Invalid \`userId\` param: "${userId}" is reserved for the route /v1/users/${userId}; choose another id.`,
      );
      const [rows] = await t.db.query<any[]>('SELECT COUNT(*) AS n FROM users WHERE id = ?', [userId]);
      expect(Number(rows[0].n)).toBe(0);
    },
  );

  it('refuses them on the import routes too', async () => {
    expectAppwriteError(
      await t.request('POST', '/v1/users/md5', {
        body: { userId: 'count', email: 'md5@example.com', password: '144fa7eaa4904e8ee120651997f70dcc' },
      }),
      400,
      'general_argument_invalid',
      /"count" is reserved/,
    );
  });

  it('accepts other spellings, and /v1/users/count is never read as a user id', async () => {
    const user = await t.createUser({ userId: 'Count' });
    expect(user.$id).toBe('Count');
    expect((await t.request('GET', '/v1/users/Count')).body.$id).toBe('Count');
    const res = await t.request('GET', '/v1/users/count');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 1 });
  });
});
