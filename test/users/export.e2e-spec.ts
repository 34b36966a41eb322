import { randomUUID } from 'node:crypto';
import { get, IncomingMessage } from 'node:http';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { BOOTSTRAP_KEY, expectAppwriteError, PROJECT, TestApp } from '../support/test-app';

const q = (method: string, attribute?: string, ...values: unknown[]) =>
  JSON.stringify({ method, ...(attribute ? { attribute } : {}), ...(values.length ? { values } : {}) });
const qs = (queries: string[], extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(extra);
  queries.forEach((query, i) => params.append(`queries[${i}]`, query));
  return params.toString();
};
const lines = (text: string) =>
  text
    .split('\n')
    .filter((line, i, all) => line !== '' || i < all.length - 1)
    .map((line) => JSON.parse(line));

/** How many export snapshots (REPEATABLE READ transactions) are open on this app's database. */
async function openSnapshots(t: TestApp): Promise<Array<{ thread: number }>> {
  const [rows] = await t.db.query<any[]>(
    `SELECT t.trx_mysql_thread_id AS thread FROM information_schema.innodb_trx t
       JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
      WHERE p.db = DATABASE() AND t.trx_isolation_level = 'REPEATABLE READ'`,
  );
  return rows;
}

/**
 * Waits until exactly `count` snapshots are open. InnoDB refreshes the cache behind `innodb_trx` only once it
 * has gone unread for 100 ms, so polling it faster (as `eventually` does, every 20 ms) keeps reading the same
 * stale rows for ever: poll every 250 ms.
 */
async function snapshotsBecome(t: TestApp, count: number, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const snapshots = await openSnapshots(t);
    if (snapshots.length === count) return snapshots;
    if (Date.now() > until)
      throw new Error(`${snapshots.length} snapshots open, not ${count}, after ${timeoutMs} ms`);
  }
}

describe('GET /v1/users/export (extension)', () => {
  let t: TestApp;
  const exportUsers = (queries: string[] = [], extra: Record<string, string> = {}, options = {}) =>
    t.request('GET', `/v1/users/export?${qs(queries, extra)}`, options);
  const insertKey = async (scopes: string[]) => {
    const secret = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [randomUUID(), 'test', hashApiKeySecret(secret), JSON.stringify(scopes), null, new Date()],
    );
    return secret;
  };
  /** Every user the list returns for `queries`, paged by cursor in its default (creation) order. */
  const listAll = async (queries: string[], extra: Record<string, string> = {}, key?: string) => {
    const users: any[] = [];
    for (;;) {
      const paging = [q('limit', undefined, 2)];
      if (users.length) paging.push(q('cursorAfter', undefined, users[users.length - 1].$id));
      const page = await t.request('GET', `/v1/users?${qs([...queries, ...paging], extra)}`, { key });
      expect(page.status).toBe(200);
      users.push(...page.body.users);
      if (page.body.users.length < 2) return users;
    }
  };

  beforeAll(async () => {
    t = await TestApp.start();
    const ada = await t.createUser({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'password-ada-1',
    });
    await t.request('PUT', `/v1/users/${ada.$id}/labels`, { body: { labels: ['vip'] } });
    await t.request('PATCH', `/v1/users/${ada.$id}/prefs`, { body: { prefs: { theme: 'dark', n: 1 } } });
    const md5 = await t.request('POST', '/v1/users/md5', {
      body: {
        userId: 'byron',
        email: 'byron@example.com',
        password: '5f4dcc3b5aa765d61d8327deb882cf99',
        name: 'Ada Byron',
      },
    });
    expect(md5.status).toBe(201);
    await t.request('PATCH', '/v1/users/byron/status', { body: { status: false } });
    await t.createUser({ name: 'Alan Turing', email: 'alan@example.org', phone: '+14155550100' });
    await t.createUser({ name: 'Grace Hopper', email: 'grace@example.org' });
    await t.createUser({ name: 'Edsger Dijkstra' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('streams NDJSON: the users in the order and with the content of the list, each equal to its single GET', async () => {
    const res = await exportUsers();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(res.text.endsWith('}\n')).toBe(true);
    const exported = lines(res.text);
    expect(exported).toEqual(await listAll([]));
    expect(exported.map((u) => u.name)).toEqual([
      'Ada Lovelace',
      'Ada Byron',
      'Alan Turing',
      'Grace Hopper',
      'Edsger Dijkstra',
    ]);
    for (const user of exported) {
      expect(user).toEqual((await t.request('GET', `/v1/users/${user.$id}`)).body);
    }
  });

  it('shows password hashes only to a key with users.hashes.read, as the single GET does', async () => {
    const withHashes = lines((await exportUsers()).text);
    const ada = withHashes.find((u) => u.name === 'Ada Lovelace');
    expect(ada.password).toMatch(/^\$argon2id\$/);
    expect(ada.hashOptions).toEqual(expect.objectContaining({ type: 'argon2' }));
    const byron = withHashes.find((u) => u.$id === 'byron');
    expect({ hash: byron.hash, password: byron.password }).toEqual({
      hash: 'md5',
      password: '5f4dcc3b5aa765d61d8327deb882cf99',
    });

    const readOnly = await insertKey(['users.read']);
    const plain = lines((await exportUsers([], {}, { key: readOnly })).text);
    expect(plain.map((u) => [u.password, u.hashOptions])).toEqual(plain.map(() => [null, null]));
    for (const user of plain) {
      expect(user).toEqual((await t.request('GET', `/v1/users/${user.$id}`, { key: readOnly })).body);
    }
    expect(plain).toEqual(await listAll([], {}, readOnly));
  });

  it('filters with the queries and search of the list', async () => {
    const cases: Array<[string[], Record<string, string>, string[]]> = [
      [[q('equal', 'status', false)], {}, ['Ada Byron']],
      [[q('contains', 'labels', 'vip')], {}, ['Ada Lovelace']],
      [[q('endsWith', 'email', '.org')], {}, ['Alan Turing', 'Grace Hopper']],
      [['startsWith("name", "Ada")'], {}, ['Ada Lovelace', 'Ada Byron']],
      [[], { search: 'ada' }, ['Ada Lovelace', 'Ada Byron']],
      [[q('equal', 'status', true)], { search: 'ada' }, ['Ada Lovelace']],
      [[q('isNull', 'phone')], {}, ['Ada Lovelace', 'Ada Byron', 'Grace Hopper', 'Edsger Dijkstra']],
      [[], { search: 'nobody' }, []],
    ];
    for (const [queries, extra, names] of cases) {
      const res = await exportUsers(queries, extra);
      expect({ queries, extra, status: res.status }).toEqual({ queries, extra, status: 200 });
      const exported = lines(res.text);
      expect({ queries, extra, names: exported.map((u) => u.name) }).toEqual({ queries, extra, names });
      expect(exported).toEqual(await listAll(queries, extra));
    }
  });

  it('refuses invalid queries, paging and order queries with Appwrite errors before any line', async () => {
    expectAppwriteError(await exportUsers(['nonsense(']), 400, 'general_query_invalid');
    expectAppwriteError(await exportUsers([q('equal', 'password', 'x')]), 400, 'general_argument_invalid');
    expectAppwriteError(await exportUsers([], { search: 'x'.repeat(257) }), 400, 'general_argument_invalid');
    for (const paging of [
      q('limit', undefined, 10),
      q('offset', undefined, 1),
      q('cursorAfter', undefined, 'byron'),
      q('orderDesc', 'name'),
    ]) {
      const res = await exportUsers([paging]);
      expectAppwriteError(res, 400, 'general_argument_invalid', /not allowed here/);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('needs users.read', async () => {
    expect((await exportUsers([], {}, { key: await insertKey(['users.read']) })).status).toBe(200);
    expectAppwriteError(
      await exportUsers([], {}, { key: await insertKey(['users.write']) }),
      401,
      'general_unauthorized_scope',
    );
    expectAppwriteError(await exportUsers([], {}, { key: null }), 401, 'general_unauthorized_scope');
  });

  it('is not the route of a user id, and leaves the GDPR export of one user alone', async () => {
    const single = await t.request('GET', '/v1/users/byron/export');
    expect(single.status).toBe(200);
    expect(single.headers.get('content-type')).toMatch(/^application\/json/);
    expect(single.body.user.$id).toBe('byron');
    expect((await t.request('GET', '/v1/users/export/prefs')).status).toBe(404);
  });

  it('is documented in Swagger as NDJSON of User models, an extension', async () => {
    const doc = (await t.request('GET', '/docs-json')).body;
    const op = doc.paths['/v1/users/export'].get;
    expect(op.operationId).toBe('users.export');
    expect(op.summary).toMatch(/extension/);
    expect(op.responses['200'].content).toEqual({
      'application/x-ndjson': { schema: { $ref: expect.stringMatching(/^#\/components\/schemas\/\w+$/) } },
    });
    const ref = op.responses['200'].content['application/x-ndjson'].schema.$ref;
    expect(ref).toBe(
      doc.paths['/v1/users/{userId}'].get.responses['200'].content['application/json'].schema.$ref,
    );
    expect(op.responses['400'].content).toHaveProperty(['application/json']);
  });

  it('follows X-Appwrite-Response-Format as the single GET does', async () => {
    for (const format of ['1.4.0', '1.8.0']) {
      const headers = { 'x-appwrite-response-format': format };
      const exported = lines((await exportUsers([], {}, { headers })).text);
      expect(exported).toHaveLength(5);
      for (const user of exported) {
        expect(user).toEqual((await t.request('GET', `/v1/users/${user.$id}`, { headers })).body);
      }
      if (format === '1.4.0') expect(exported[0]).not.toHaveProperty('targets');
      if (format === '1.8.0') expect(exported[0]).not.toHaveProperty('impersonator');
    }
  });
});

describe('GET /v1/users/export with thousands of users', () => {
  /** Enough lines (about 10 MB) that the socket buffers cannot hold them all. */
  const COUNT = 10000;
  const STALL_MS = 8000;
  let t: TestApp;

  /** node:http, whose `destroy` closes the socket at once (fetch's abort may leave it open a while). */
  const open = async () => {
    // A socket of its own (no keep-alive agent), so `destroy` below closes exactly this export's connection.
    const request = get(`${t.url}/v1/users/export`, {
      agent: false,
      headers: { 'x-appwrite-project': PROJECT, 'x-appwrite-key': BOOTSTRAP_KEY },
    });
    const response = await new Promise<IncomingMessage>((resolve) => request.on('response', resolve));
    expect(response.statusCode).toBe(200);
    response.setEncoding('utf8');
    // The first chunk only: the client then reads no further, so backpressure holds the server mid-way.
    const first = await new Promise<string>((resolve) => response.once('data', resolve));
    response.pause();
    const rest = async () => {
      let text = '';
      response.on('data', (chunk: string) => (text += chunk));
      response.resume();
      await new Promise((resolve) => response.on('end', resolve));
      return text;
    };
    return { request, first, rest };
  };

  beforeAll(async () => {
    // A pool of 8: two exports at once (a quarter of it). A stalled client is cut off after 8 s: long enough for
    // the steps of a test that holds an export open, short enough to wait for.
    t = await TestApp.start({ DATABASE_POOL_SIZE: '8', EXPORT_STALL_TIMEOUT_MS: String(STALL_MS) });
    // Copies of one user made through the API, straight into the read table (creating thousands over HTTP
    // would take minutes; the export reads only this table), then one more real user, last in order.
    const template = await t.createUser({ name: 'Bulk', email: 'bulk@example.com' });
    const [columns] = await t.db.query<any[]>('SHOW COLUMNS FROM users');
    const names = columns.map((c) => c.Field as string);
    const select = names.map((name) =>
      name === 'sequence' ? '1000000 + n.i' : name === 'id' ? "CONCAT('bulk-', n.i)" : `t.${name}`,
    );
    const digits =
      '(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)';
    await t.db.query(
      `INSERT INTO users (${names.join(', ')})
       SELECT ${select.join(', ')}
       FROM (SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d AS i FROM ${digits} a, ${digits} b, ${digits} c, ${digits} e) n
       JOIN users t ON t.id = ? WHERE n.i < ?`,
      [template.$id, COUNT - 2],
    );
    await t.createUser({ userId: 'last-real-user', name: 'Last' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('streams every user once, in creation order, equal to the list', async () => {
    const res = await t.request('GET', '/v1/users/export');
    const exported = lines(res.text);
    expect(exported).toHaveLength(COUNT);
    expect(new Set(exported.map((u) => u.$id)).size).toBe(COUNT);
    const [rows] = await t.db.query<any[]>('SELECT id FROM users ORDER BY sequence');
    expect(exported.map((u) => u.$id)).toEqual(rows.map((r) => r.id));
    const page = await t.request(
      'GET',
      `/v1/users?${qs([q('limit', undefined, 100), q('offset', undefined, 2500)])}`,
    );
    expect(exported.slice(2500, 2600)).toEqual(page.body.users);
  });

  it('answers before the whole set is read, from one snapshot that later writes do not change', async () => {
    const { first, rest } = await open();
    expect(first.length).toBeGreaterThan(0);
    await snapshotsBecome(t, 1);

    // Writes to the read table after the snapshot, past the lines already sent.
    await t.db.query("UPDATE users SET name = 'Changed' WHERE id = 'bulk-9000'");
    await t.db.query("DELETE FROM users WHERE id = 'bulk-9001'");
    const [columns] = await t.db.query<any[]>('SHOW COLUMNS FROM users');
    const names = columns.map((c) => c.Field as string);
    const copy = names.map((name) =>
      name === 'sequence' ? '3000000' : name === 'id' ? "'after-the-snapshot'" : name,
    );
    await t.db.query(
      `INSERT INTO users (${names.join(', ')}) SELECT ${copy.join(', ')} FROM users WHERE id = 'bulk-9002'`,
    );

    const exported = lines(first + (await rest()));
    expect(exported).toHaveLength(COUNT);
    expect(exported.find((u) => u.$id === 'bulk-9000').name).toBe('Bulk');
    expect(exported.map((u) => u.$id)).toContain('bulk-9001');
    expect(exported.map((u) => u.$id)).not.toContain('after-the-snapshot');
    await snapshotsBecome(t, 0);
    // A new export sees the writes.
    const now = lines((await t.request('GET', '/v1/users/export')).text);
    expect(now.map((u) => u.$id)).not.toContain('bulk-9001');
    expect(now.map((u) => u.$id)).toContain('after-the-snapshot');
    expect(now.find((u) => u.$id === 'bulk-9000').name).toBe('Changed');
  });

  it('ends its snapshot when the client goes away', async () => {
    const { request } = await open();
    await snapshotsBecome(t, 1);
    request.destroy();
    // Within the page being read when the socket closed: well before the stall timeout would end it.
    await snapshotsBecome(t, 0, STALL_MS - 2000);
  });

  it('cuts off a client that stays connected but stops reading, ending its snapshot', async () => {
    const { request } = await open();
    await snapshotsBecome(t, 1);
    const paused = Date.now();
    await snapshotsBecome(t, 0, STALL_MS + 10_000);
    // Not before the client has taken nothing for the stall timeout (less what the first wait may have taken).
    expect(Date.now() - paused).toBeGreaterThan(STALL_MS - 3000);
    request.destroy();
    expect(lines((await t.request('GET', '/v1/users/export')).text)).toHaveLength(COUNT);
  }, 60_000);

  it('streams at most a quarter of the pool at once, and answers 429 beyond', async () => {
    const running = [await open(), await open()];
    const busy = await t.request('GET', '/v1/users/export');
    expectAppwriteError(busy, 429, 'general_rate_limit_exceeded', /2 user exports at once/);
    // The rest of the API still gets connections meanwhile.
    expect((await t.request('GET', '/v1/users?queries[]=limit(1)')).status).toBe(200);
    running[0].request.destroy();
    await snapshotsBecome(t, 1);
    const next = await open();
    next.request.destroy();
    running[1].request.destroy();
    await snapshotsBecome(t, 0);
  });

  it('ends with an error line when the database fails mid-stream', async () => {
    const { first, rest } = await open();
    const [snapshot] = await snapshotsBecome(t, 1);
    await t.db.query(`KILL CONNECTION ${Number(snapshot.thread)}`);
    const all = lines(first + (await rest()));
    expect(all.length).toBeLessThan(COUNT);
    const end = all[all.length - 1];
    expect(Object.keys(end)).toEqual(['error']);
    expect(Object.keys(end.error)).toEqual(['message', 'code', 'type', 'version']);
    expect(end.error.code).toBeGreaterThanOrEqual(500);
    expect(all.slice(0, -1).every((u) => typeof u.$id === 'string')).toBe(true);
    // The service still answers, and the next export is whole.
    expect(lines((await t.request('GET', '/v1/users/export')).text)).toHaveLength(COUNT);
  });
});
