import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnNpm } from '../support/processes';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

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

describe('npm run users:export -- FILE (against the running service)', () => {
  let t: TestApp;
  let dir: string;

  async function usersExport(args: string[], env: Record<string, string> = {}): Promise<Run> {
    const run = spawnNpm(['run', '--silent', 'users:export', '--', ...args], {
      APPWRITE_ENDPOINT: `${t.url}/v1`,
      APPWRITE_PROJECT: PROJECT,
      API_KEY: BOOTSTRAP_KEY,
      ...env,
    });
    const code = await run.exited;
    return { code, stdout: run.stdout(), stderr: run.stderr() };
  }

  beforeAll(async () => {
    t = await TestApp.start();
    dir = mkdtempSync(join(tmpdir(), 'users-export-'));
    const ada = await t.createUser({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'password-ada-1',
    });
    await t.request('PUT', `/v1/users/${ada.$id}/labels`, { body: { labels: ['vip'] } });
    await t.createUser({ name: 'Ada Byron', email: 'byron@example.com' });
    await t.createUser({ name: 'Alan Turing', email: 'alan@example.org' });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.stop();
  });

  it('writes the export to FILE, with progress and a summary line', async () => {
    const file = join(dir, 'all.ndjson');
    const run = await usersExport([file]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const served = (await t.request('GET', '/v1/users/export')).text;
    expect(readFileSync(file, 'utf8')).toBe(served);
    expect(served.split('\n')).toHaveLength(4);
    expect(JSON.parse(served.split('\n')[0]).password).toMatch(/^\$argon2id\$/);
    expect(existsSync(`${file}.partial`)).toBe(false);
    // Not a terminal: the progress comes as lines.
    expect(run.stdout).toMatch(/^users:export: 3 \/ 3 \(100%\), \d+\/s, done$/m);
    expect(run.stdout).toMatch(
      new RegExp(`^users:export: 3 users, [\\d.]+ KiB, [\\d.]+ s \\([\\d,]+ users/s\\) → ${file}$`, 'm'),
    );
  });

  it('passes --query and --search through', async () => {
    const file = join(dir, 'some.ndjson');
    const run = await usersExport([
      file,
      '--query',
      '{"method":"startsWith","attribute":"name","values":["Ada"]}',
      '--query',
      'contains("labels", ["vip"])',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/users:export: 1 \/ 1 \(100%\)/);
    expect(
      readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).name),
    ).toEqual(['Ada Lovelace']);
    expect((await usersExport([file, '--search', 'ada'])).code).toBe(0);
    expect(
      readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).name),
    ).toEqual(['Ada Lovelace', 'Ada Byron']);
  });

  it('refuses with one line and exit 2 when the export cannot start, and writes no FILE', async () => {
    const file = join(dir, 'never.ndjson');
    expectOneLine(await usersExport([]), /^users:export: say which FILE to write \(usage: /);
    expectOneLine(await usersExport([file], { API_KEY: '' }), /^users:export: set API_KEY /);
    const port = await freePort();
    const unreachable = await usersExport([file], { APPWRITE_ENDPOINT: `http://127.0.0.1:${port}/v1` });
    expect(unreachable.code).toBe(2);
    expectOneLine(unreachable, /^users:export: cannot reach http:\/\/127\.0\.0\.1:\d+\/v1 \(ECONNREFUSED\)$/);
    const badKey = await usersExport([file], { API_KEY: 'not-a-key' });
    expect(badKey.code).toBe(2);
    expectOneLine(badKey, /answered 401 /);
    const badQuery = await usersExport([file, '--query', 'limit(5)']);
    expect(badQuery.code).toBe(2);
    expectOneLine(
      badQuery,
      /^users:export: GET \/users\/export answered 400 general_argument_invalid: .*not allowed/,
    );
    expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
  });
});
