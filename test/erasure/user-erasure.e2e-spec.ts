import { randomUUID } from 'node:crypto';
import type { RowDataPacket } from 'mysql2/promise';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { PersonalHistory, seedPersonalHistory } from '../support/personal-history';
import { expectAppwriteError, TestApp } from '../support/test-app';

const IP = '203.0.113.219';
const USER_AGENT = 'ErasureProbe/7.31 (Quokkabrowser; Zyxtrix OS 9.4)';

/** Every row of every table of the test database, as text (binary columns decoded as UTF-8). */
async function dumpDatabase(t: TestApp): Promise<Map<string, string>> {
  const [tables] = await t.db.query<RowDataPacket[]>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`,
  );
  const dump = new Map<string, string>();
  for (const { name } of tables) {
    const [rows] = await t.db.query<RowDataPacket[]>(`SELECT * FROM \`${String(name)}\``);
    dump.set(
      String(name),
      JSON.stringify(rows, (_key, value: unknown) =>
        value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer'
          ? Buffer.from((value as { data: number[] }).data).toString('utf8')
          : value,
      ),
    );
  }
  return dump;
}

/** `table: secret` for each secret some table holds in readable form. */
function readableIn(dump: Map<string, string>, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [table, text] of dump) {
    for (const secret of secrets) if (text.includes(secret)) found.push(`${table}: ${secret}`);
  }
  return found;
}

describe('erasure (POST /v1/users/{userId}/erasure)', () => {
  let t: TestApp;
  let eraseKey: string;
  let writeKey: string;

  async function insertKey(scopes: string[]): Promise<string> {
    const secret = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
      [randomUUID(), 'erasure-test', hashApiKeySecret(secret), JSON.stringify(scopes), new Date()],
    );
    return secret;
  }

  const login = async (email: string, password: string): Promise<string> => {
    const res = await t.request('POST', '/v1/account/sessions/email', {
      key: null,
      body: { email, password },
      headers: { 'user-agent': USER_AGENT, 'x-forwarded-for': IP },
    });
    expect(res.status).toBe(201);
    return /a_session_[^=]+=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
  };

  const logs = async (userId: string) => {
    const res = await t.request(
      'GET',
      `/v1/users/${userId}/logs?queries[0]=${encodeURIComponent('{"method":"limit","values":[100]}')}`,
    );
    expect(res.status).toBe(200);
    return res.body.logs as Array<Record<string, string>>;
  };

  const history = async (userId: string) => {
    const res = await t.request('GET', `/v1/users/${userId}/events?include=sessions,identities`);
    expect(res.status).toBe(200);
    return res.body.events as Array<Record<string, any>>;
  };

  beforeAll(async () => {
    t = await TestApp.start({ TRUST_PROXY: 'true' }, { worker: true });
    eraseKey = await insertKey(['users.erase']);
    writeKey = await insertKey(['users.read', 'users.write', 'sessions.write']);
  });
  afterAll(async () => {
    await t.stop();
  });

  /** A user with every kind of personal data, a session from IP with USER_AGENT, a failed login, and its logs written. */
  async function seed(tag: string, digits: string): Promise<{ person: PersonalHistory; secret: string }> {
    const person = await seedPersonalHistory(t, tag, digits, { changes: true });
    const secret = await login(person.email, `third password of ${tag}`);
    const failed = await t.request('POST', '/v1/account/sessions/email', {
      key: null,
      body: { email: person.email, password: 'not the password' },
      headers: { 'user-agent': USER_AGENT, 'x-forwarded-for': IP },
    });
    expect(failed.status).toBe(401);
    const count = (await history(person.userId)).length;
    await t.eventually(async () => {
      const rows = await logs(person.userId);
      return rows.length >= count && rows.some((r) => r.userEmail === person.email && r.ip === IP);
    });
    return { person, secret };
  }

  it('leaves no readable email, name, phone, IP or user agent in any table or response', async () => {
    const { person, secret } = await seed('erasure-zq7', '0107');
    const personal = [...person.secrets, IP, USER_AGENT, 'Quokkabrowser'];
    // The seed put them in the read tables (and the metadata), so the dump below can find them.
    expect(readableIn(await dumpDatabase(t), personal).length).toBeGreaterThan(0);
    const before = await history(person.userId);

    const res = await t.request('POST', `/v1/users/${person.userId}/erasure`, { key: eraseKey });
    expect({ status: res.status, text: res.text }).toEqual({ status: 204, text: '' });

    // Its session stops working at once.
    const account = await t.request('GET', '/v1/account', {
      key: null,
      headers: { 'x-appwrite-session': secret },
    });
    expect(account.status).toBe(401);
    expectAppwriteError(await t.request('GET', `/v1/users/${person.userId}`), 404, 'user_not_found');

    // The history still answers: every type, version and time, personal fields erased, no IP or user agent.
    const after = await history(person.userId);
    const userStream = after.filter((e) => e.streamType === 'user');
    expect(userStream.slice(-2).map((e) => e.type)).toEqual(['user.deleted', 'user.erased']);
    expect(after.slice(0, before.length).map((e) => [e.$id, e.type, e.version, e.occurredAt])).toEqual(
      before.map((e) => [e.$id, e.type, e.version, e.occurredAt]),
    );
    const created = after.find((e) => e.type === 'user.created')!;
    expect(created.data).toMatchObject({ email: null, name: null, phone: null });
    const session = after.find((e) => e.type === 'session.created')!;
    expect(session.data).toMatchObject({ ip: null, providerUid: null });
    for (const event of after) expect([event.type, event.ip, event.userAgent]).toEqual([event.type, '', '']);
    expect(JSON.stringify(after)).not.toContain(person.email);

    // The activity log keeps its rows (names, times, ids), without email, name, IP or device. (Its route
    // answers 404 for a deleted user, as Appwrite's does: the rows are read from the table.)
    const logRows = async () =>
      (
        await t.db.query<RowDataPacket[]>('SELECT * FROM activity_logs WHERE user_id = ? ORDER BY position', [
          person.userId,
        ])
      )[0];
    await t.eventually(async () => (await logRows()).some((r) => r.event === `users.${person.userId}.erase`));
    const rows = await logRows();
    expect(rows.length).toBeGreaterThanOrEqual(before.length);
    expect(rows.map((r) => r.event)).toContain(`users.${person.userId}.create`);
    for (const row of rows) {
      expect(row).toMatchObject({ user_email: '', user_name: '', ip: '', os_name: '', client_name: '' });
      expect(row.time).toBeInstanceOf(Date);
    }

    // Once the workers have handled the erasure's own events, no table holds any of it readable.
    await t.eventually(async () => {
      const [pending] = await t.db.query<RowDataPacket[]>(
        "SELECT COUNT(*) AS n FROM events e WHERE e.type = 'user.erased' AND NOT EXISTS " +
          "(SELECT 1 FROM processed_events p WHERE p.event_id = e.id AND p.consumer = 'activity-log')",
      );
      return Number(pending[0].n) === 0;
    });
    expect(readableIn(await dumpDatabase(t), personal)).toEqual([]);
    const exported = await t.request('GET', `/v1/users/${person.userId}/export`);
    expect(exported.status).toBe(200);
    expect(personal.filter((p) => exported.text.includes(p))).toEqual([]);
  });

  it('needs users.erase; an id that never existed is 404; a second erasure changes nothing', async () => {
    const user = await t.createUser({
      email: 'scoped-erasure@example.com',
      name: 'Scoped',
      password: 'password123',
    });
    expectAppwriteError(
      await t.request('POST', `/v1/users/${user.$id}/erasure`, { key: writeKey }),
      401,
      'general_unauthorized_scope',
    );
    expect((await t.request('GET', `/v1/users/${user.$id}`)).status).toBe(200);
    expectAppwriteError(
      await t.request('POST', '/v1/users/never-existed-zz/erasure', { key: eraseKey }),
      404,
      'user_not_found',
    );

    expect((await t.request('POST', `/v1/users/${user.$id}/erasure`, { key: eraseKey })).status).toBe(204);
    const once = await history(user.$id);
    expect((await t.request('POST', `/v1/users/${user.$id}/erasure`, { key: eraseKey })).status).toBe(204);
    expect(await history(user.$id)).toEqual(once);
  });

  it('erases a user deleted before, and lets the id and email be used again with a new data key', async () => {
    const user = await t.createUser({
      email: 'reborn@example.com',
      name: 'First Life',
      password: 'password123',
    });
    expect((await t.request('DELETE', `/v1/users/${user.$id}`)).status).toBe(204);
    expect((await t.request('POST', `/v1/users/${user.$id}/erasure`, { key: eraseKey })).status).toBe(204);
    expect((await history(user.$id)).map((e) => e.type)).toEqual([
      'user.created',
      'user.deleted',
      'user.erased',
    ]);

    const again = await t.request('POST', '/v1/users', {
      body: { userId: user.$id, email: 'reborn@example.com', name: 'Second Life', password: 'password123' },
    });
    expect(again.status).toBe(201);
    const events = await history(user.$id);
    expect(events.map((e) => [e.type, e.data.name ?? null])).toEqual([
      ['user.created', null],
      ['user.deleted', null],
      ['user.erased', null],
      ['user.created', 'Second Life'],
    ]);
    const [keys] = await t.db.query<RowDataPacket[]>(
      'SELECT wrapped IS NULL AS destroyed FROM data_keys WHERE subject = ? ORDER BY generation',
      [user.$id],
    );
    expect(keys.map((k) => Number(k.destroyed))).toEqual([1, 0]);
  });
});
