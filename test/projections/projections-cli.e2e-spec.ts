import type { RowDataPacket } from 'mysql2/promise';
import { seedPersonalHistory } from '../support/personal-history';
import { spawnNpm, TEST_DATA_KEY } from '../support/processes';
import { TestApp } from '../support/test-app';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run projections -- verify|rebuild` against the database of a running service: the live read tables
 * are compared with, or replaced by, tables rebuilt from the events by the modules' own projections.
 */
describe('npm run projections', () => {
  let t: TestApp;
  let ann: { $id: string };

  function projections(args: string[], env: Record<string, string> = {}) {
    return spawnNpm(['run', '--silent', 'projections', '--', ...args], {
      DATABASE_URL: t.config.DATABASE_URL,
      DATA_KEY: TEST_DATA_KEY,
      ...env,
    });
  }

  async function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
    const spawned = projections(args, env);
    const code = await spawned.exited;
    return { code, stdout: spawned.stdout(), stderr: spawned.stderr() };
  }

  async function ok(method: string, path: string, body: Record<string, unknown>): Promise<void> {
    const res = await t.request(method, path, { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  }

  async function count(sql: string): Promise<number> {
    const [[row]] = await t.db.query<RowDataPacket[]>(sql);
    return Number(Object.values(row)[0]);
  }

  beforeAll(async () => {
    t = await TestApp.start();
    await seedPersonalHistory(t, 'ada-proj', '0400001', { changes: true });
    await seedPersonalHistory(t, 'bob-proj', '0400002');
    ann = await t.createUser({ email: 'ann@proj.example', name: 'Ann Able', password: 'password-ann' });
    await ok('PATCH', `/v1/users/${ann.$id}/status`, { status: false });
    await ok('PATCH', `/v1/users/${ann.$id}/status`, { status: true });
    await ok('PUT', `/v1/users/${ann.$id}/labels`, { labels: ['vip', 'beta'] });
    await ok('PATCH', `/v1/users/${ann.$id}/impersonator`, { impersonator: true });
    await ok('POST', `/v1/users/${ann.$id}/sessions`, {});
    await ok('PATCH', `/v1/users/${ann.$id}/verification`, { emailVerification: true });
    // Access tokens: one kept, one disabled, one deleted.
    const annTokens: string[] = [];
    for (const description of ['kept', 'disabled', 'deleted']) {
      const res = await t.request('POST', `/v1/users/${ann.$id}/access-tokens`, { body: { description } });
      if (res.status !== 201) throw new Error(`access token: ${res.status} ${res.text}`);
      annTokens.push(res.body.$id as string);
    }
    await ok('PATCH', `/v1/users/${ann.$id}/access-tokens/${annTokens[1]}`, { isActive: false });
    await ok('DELETE', `/v1/users/${ann.$id}/access-tokens/${annTokens[2]}`, {});
    const gone = await t.createUser({ email: 'gone@proj.example', name: 'Gone Soon' });
    await ok('POST', `/v1/users/${gone.$id}/sessions`, {});
    await ok('DELETE', `/v1/users/${gone.$id}`, {});
    // Erased: its sessions, identity and token leave the read tables outside their own streams' events.
    const erased = await t.createUser({ email: 'erased@proj.example', name: 'Erased Soon' });
    await ok('POST', `/v1/users/${erased.$id}/sessions`, {});
    await ok('POST', `/v1/users/${erased.$id}/tokens`, {});
    await ok('POST', `/v1/users/${erased.$id}/access-tokens`, { description: 'erased' });
    await ok('POST', `/v1/users/${erased.$id}/identities`, {
      identityId: 'unique()',
      provider: 'github',
      providerUid: 'erased-proj',
    });
    const erasure = await t.request('POST', `/v1/users/${erased.$id}/erasure`);
    if (erasure.status !== 204) throw new Error(`erasure: ${erasure.status} ${erasure.text}`);
    await t.createUser({ userId: erased.$id, name: 'Back again' });
    await ok('POST', `/v1/users/${erased.$id}/sessions`, {});
    const sweep = await t.request('DELETE', '/v1/users/sessions');
    if (sweep.status !== 202) throw new Error(`sweep: ${sweep.status} ${sweep.text}`);
  }, 60_000);

  afterAll(async () => {
    await t.stop();
  });

  it('verify exits 0 when every read table matches its events', async () => {
    const result = await run(['verify']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /users, sessions, identities, session-sweeps, tokens, access-tokens: the live tables match the events/,
    );
    expect(result.stdout).toMatch(/not compared: users\.accessed_at/);
    expect(await count('SELECT COUNT(*) FROM sessions')).toBeGreaterThanOrEqual(4);
    expect(await count('SELECT COUNT(*) FROM identities')).toBe(2);
    expect(await count('SELECT COUNT(*) FROM access_tokens')).toBe(2);
    expect(await count('SELECT COUNT(*) FROM session_sweeps')).toBe(1);
    expect(await count('SELECT COUNT(*) FROM users WHERE impersonator = 1')).toBe(1);
  }, 60_000);

  it('verify exits 1 and names the table, key and column of a corrupted row; rebuild repairs it', async () => {
    await t.db.query('UPDATE users SET name = ? WHERE id = ?', ['ANN ABLE', ann.$id]);
    const sequence = await count(`SELECT sequence FROM users WHERE id = '${ann.$id}'`);
    const corrupted = await run(['verify', 'users']);
    expect(corrupted.code).toBe(1);
    expect(corrupted.stdout).toContain(
      `users sequence=${sequence} name: live "ANN ABLE" | rebuilt "Ann Able"`,
    );
    expect(corrupted.stdout).toMatch(/users: 1 difference between the live tables and the events/);

    await t.db.query('UPDATE users SET impersonator = 0 WHERE id = ?', [ann.$id]);
    expect((await run(['verify', 'users'])).stdout).toContain(
      `users sequence=${sequence} impersonator: live 0 | rebuilt 1`,
    );

    await t.db.query('DELETE FROM identity_search_tokens LIMIT 1');
    expect((await run(['verify', 'identities'])).stdout).toMatch(
      /identity_search_tokens token=".*", identity_sequence=\d+, field=\d+: only in the rebuilt table/,
    );

    const rebuilt = await run(['rebuild']);
    expect(rebuilt).toMatchObject({ code: 0, stderr: '' });
    expect(rebuilt.stdout).toMatch(
      /users, sessions, identities, session-sweeps, tokens, access-tokens: rebuilt from \d+ events up to position \d+/,
    );
    expect((await run(['verify'])).code).toBe(0);
    const [[row]] = await t.db.query<RowDataPacket[]>('SELECT name FROM users WHERE id = ?', [ann.$id]);
    expect(row.name).toBe('Ann Able');
    const [shadows] = await t.db.query<RowDataPacket[]>('SHOW DATABASES LIKE ?', [
      `${new URL(t.config.DATABASE_URL).pathname.slice(1)}__%`,
    ]);
    expect(shadows).toHaveLength(0);
  }, 120_000);

  it('rebuild under a load of creations and updates over HTTP loses no write', async () => {
    const before = await count('SELECT COUNT(*) FROM users');
    let running = true;
    let rebuilding = false;
    let writes = 0;
    let duringRebuild = 0;
    const created: string[] = [];
    // Four writers at once, so that appends commit out of position order too.
    const writer = async (w: number) => {
      for (let i = 0; running; i++) {
        const user = await t.createUser({ email: `load-${w}-${i}@proj.example`, name: `Load ${w} ${i}` });
        created.push(user.$id);
        writes += 1;
        if (rebuilding) duringRebuild += 1;
        await ok('PATCH', `/v1/users/${user.$id}/name`, { name: `Load ${w} ${i} renamed` });
        writes += 1;
        if (rebuilding) duringRebuild += 1;
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(writer));
    while (writes < 100) await new Promise((resolve) => setTimeout(resolve, 20));
    rebuilding = true;
    // Small batches: the replay takes many steps while the writes go on.
    const rebuilt = await run(['rebuild', '--batch', '10']);
    rebuilding = false;
    running = false;
    await load;

    expect(rebuilt).toMatchObject({ code: 0, stderr: '' });
    expect(duringRebuild).toBeGreaterThan(0);
    expect(await count('SELECT COUNT(*) FROM users')).toBe(before + created.length);
    // Each load user was created (version 1) and renamed (version 2): the sum of versions counts every write.
    const [[sum]] = await t.db.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n, SUM(version) AS versions FROM users WHERE id IN (?)',
      [created],
    );
    expect({ n: Number(sum.n), versions: Number(sum.versions) }).toEqual({
      n: created.length,
      versions: writes,
    });
    expect(await count("SELECT COUNT(*) FROM users WHERE name LIKE 'Load % renamed'")).toBe(created.length);
    const verified = await run(['verify']);
    expect(verified.stdout).toMatch(/the live tables match the events/);
    expect(verified.code).toBe(0);
  }, 180_000);

  it.each([
    [
      ['check'],
      2,
      /^projections: unknown command "check" \(verify or rebuild\) \(usage: npm run projections -- --help\)$/,
    ],
    [
      ['verify', 'people'],
      2,
      /^projections: no read model named people \(there are: users, sessions, identities, session-sweeps, tokens, access-tokens\)/,
    ],
    [['verify', '--batch', 'x'], 2, /^projections: --batch must be a whole number from 1 to 10000: x/],
  ])('%j exits %i with one line', async (args, code, message) => {
    const result = await run(args);
    expect(result.code).toBe(code);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });

  it('says in one line when MySQL is not there, or DATA_KEY is missing', async () => {
    const down = await run(['verify'], { DATABASE_URL: 'mysql://root@127.0.0.1:1/identity' });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^projections: MySQL at 127\.0\.0\.1:1 is not answering/);
    expect(down.stderr.trimEnd().split('\n')).toHaveLength(1);
    const noKey = await run(['verify'], { DATA_KEY: '', DATA_KEY_FILE: '/nonexistent/data.key' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr.trimEnd()).toBe(
      "projections: the events' sealed fields need the master key: set DATA_KEY as the service has it",
    );
  });
});
