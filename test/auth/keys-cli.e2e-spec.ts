import { API_KEY_CACHE_MS } from '../../src/auth/infrastructure/api-keys.repository';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { freePort, pollUntil, spawnNpm } from '../support/processes';
import { TestApp } from '../support/test-app';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One line of stderr, and no stack trace. */
function expectOneLine(run: Run, message: RegExp) {
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('API keys CLI (npm run keys:create / keys:list / keys:revoke, as the README runs them)', () => {
  let t: TestApp;
  let userId: string;

  async function npm(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
    const run = spawnNpm(['run', script, '--', ...args], { DATABASE_URL: t.config.DATABASE_URL, ...env });
    const code = await run.exited;
    return { code, stdout: run.stdout(), stderr: run.stderr() };
  }

  /** The JSON line keys:create prints (npm prints its own banner lines around it). */
  function created(run: Run): {
    id: string;
    name: string;
    scopes: string[];
    expire: string | null;
    secret: string;
  } {
    const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
    if (!line) throw new Error(`no JSON line in: ${run.stdout}${run.stderr}`);
    return JSON.parse(line);
  }

  const getUser = (key: string) => t.request('GET', `/v1/users/${userId}`, { key });

  beforeAll(async () => {
    t = await TestApp.start();
    userId = (await t.createUser({ email: 'cli@example.com' })).$id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it('creates a key that works at once, with the scopes asked for, storing only its hash', async () => {
    const run = await npm('keys:create', ['--scopes', 'users.read,users.write', '--name', 'billing-service']);
    expect(run.code).toBe(0);
    const key = created(run);
    expect(key).toMatchObject({
      name: 'billing-service',
      scopes: ['users.read', 'users.write'],
      expire: null,
    });
    expect(key.secret).toMatch(/^standard_[0-9a-f]{64}$/);
    expect(run.stderr).toMatch(/Store the secret now/);

    const [rows] = await t.db.query('SELECT secret_hash AS h FROM api_keys WHERE id = ?', [key.id]);
    expect(rows).toEqual([{ h: hashApiKeySecret(key.secret) }]);
    expect((await getUser(key.secret)).status).toBe(200);
    const rename = await t.request('PATCH', `/v1/users/${userId}/name`, {
      key: key.secret,
      body: { name: 'CLI' },
    });
    expect(rename.status).toBe(200);
  });

  it('lists the stored keys with their scopes and expiry, never a secret', async () => {
    const key = created(
      await npm('keys:create', ['--scopes', 'users.read', '--name', 'reporting', '--expire', '2099-01-01']),
    );
    const [run, json] = await Promise.all([npm('keys:list', []), npm('keys:list', ['--json'])]);
    expect([run.code, json.code]).toEqual([0, 0]);
    const line = run.stdout.split('\n').find((l) => l.startsWith(key.id));
    expect(line).toMatch(/^\S+\s+reporting\s+users\.read\s+2099-01-01T00:00:00\.000Z\s+\d{4}-/);
    expect(run.stdout).not.toContain(key.secret);
    expect(run.stdout).not.toContain(hashApiKeySecret(key.secret));
    const listed = JSON.parse(json.stdout.split('\n').find((l) => l.startsWith('['))!);
    expect(listed).toContainEqual(
      expect.objectContaining({ id: key.id, name: 'reporting', scopes: ['users.read'] }),
    );
  });

  it('revokes a key: it stops working within the documented bound, even right after being used', async () => {
    const key = created(await npm('keys:create', ['--scopes', 'users.read', '--name', 'to-revoke']));
    // Used just before: the service holds it in its key cache.
    expect((await getUser(key.secret)).status).toBe(200);

    const run = await npm('keys:revoke', [key.id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Revoked API key ${key.id} (to-revoke)`);

    await pollUntil(
      'the revoked key is refused',
      async () => (await getUser(key.secret)).status === 401,
      API_KEY_CACHE_MS + 500,
    );
    const [rows] = await t.db.query('SELECT id FROM api_keys WHERE id = ?', [key.id]);
    expect(rows).toEqual([]);
  });

  it('answers a bad command line with one line and exit code 2, and an unknown id with exit code 1', async () => {
    // Every refusal the argument parser makes is in scripts/keys/args.spec.ts; these check the process.
    const [scope, option, missing, unknown] = await Promise.all([
      npm('keys:create', ['--scopes', 'users.read,root', '--name', 'x']),
      npm('keys:create', ['--scopes', 'users.read', '--name', 'x', '--colour', 'red']),
      npm('keys:revoke', []),
      npm('keys:revoke', ['00000000-0000-4000-8000-000000000000']),
    ]);
    expect([scope.code, option.code, missing.code, unknown.code]).toEqual([2, 2, 2, 1]);
    expectOneLine(scope, /^keys:create: unknown scope\(s\): root \(usage: npm run keys:create -- --help\)$/);
    expectOneLine(option, /^keys:create: Unknown option '--colour'/);
    expectOneLine(missing, /^keys:revoke: the id of the key to revoke is missing/);
    expectOneLine(unknown, /^keys:revoke: no API key with id 00000000-0000-4000-8000-000000000000/);
  });

  it('says in one line that MySQL is down, and where, without the password (each command)', async () => {
    const port = await freePort();
    const env = { DATABASE_URL: `mysql://root:s3cret-pw@127.0.0.1:${port}/identity` };
    const runs = await Promise.all([
      npm('keys:create', ['--scopes', 'users.read', '--name', 'x'], env),
      npm('keys:list', [], env),
      npm('keys:revoke', ['00000000-0000-4000-8000-000000000000'], env),
    ]);
    for (const [i, script] of ['keys:create', 'keys:list', 'keys:revoke'].entries()) {
      expect(runs[i].code).toBe(1);
      expectOneLine(
        runs[i],
        new RegExp(`^${script}: MySQL at 127\\.0\\.0\\.1:${port} is not answering \\(connection refused\\)`),
      );
      expect(runs[i].stderr + runs[i].stdout).not.toContain('s3cret-pw');
    }
  });
});
