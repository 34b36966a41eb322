import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnNpm } from '../support/processes';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

/** The two CLIs chained as an operator would: `users:export` from one service, `users:import` into another. */
describe('npm run users:export → npm run users:import (round trip between two services)', () => {
  let source: TestApp;
  let target: TestApp;
  let dir: string;

  const cli = async (app: TestApp, script: string, args: string[]) => {
    const run = spawnNpm(['run', '--silent', script, '--', ...args], {
      APPWRITE_ENDPOINT: `${app.url}/v1`,
      APPWRITE_PROJECT: PROJECT,
      API_KEY: BOOTSTRAP_KEY,
    });
    return { code: await run.exited, stdout: run.stdout(), stderr: run.stderr() };
  };
  const login = (app: TestApp, email: string, password: string) =>
    app.request('POST', '/v1/account/sessions/email', { body: { email, password } });

  beforeAll(async () => {
    [source, target] = await Promise.all([TestApp.start(), TestApp.start()]);
    dir = mkdtempSync(join(tmpdir(), 'users-roundtrip-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([source?.stop(), target?.stop()]);
  });

  it('gives the same users, passwords included, whatever algorithm each was stored with', async () => {
    const ada = await source.createUser({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'ada-password-1',
    });
    await source.request('PUT', `/v1/users/${ada.$id}/labels`, { body: { labels: ['vip'] } });
    await source.request('PATCH', `/v1/users/${ada.$id}/prefs`, { body: { prefs: { theme: 'dark' } } });
    await source.request('PATCH', `/v1/users/${ada.$id}/verification`, { body: { emailVerification: true } });
    const md5 = await source.request('POST', '/v1/users/md5', {
      body: { userId: 'byron', email: 'byron@example.com', password: '5f4dcc3b5aa765d61d8327deb882cf99' },
    });
    expect(md5.status).toBe(201);
    const bcrypt = await source.request('POST', '/v1/users/bcrypt', {
      body: {
        userId: 'grace',
        email: 'grace@example.com',
        phone: '+14155550177',
        // bcrypt (cost 4) of "password"
        password: '$2b$04$jNUATTsXzPgDC/wofEyzNekXNc0tGkx4AXZY40hTWrLAnbCUOvgEe',
      },
    });
    expect(bcrypt.status).toBe(201);
    await source.request('PATCH', '/v1/users/grace/status', { body: { status: false } });
    await source.createUser({ name: 'No Password', email: 'nopass@example.com' });

    const file = join(dir, 'users.ndjson');
    const exported = await cli(source, 'users:export', [file]);
    expect({ code: exported.code, stderr: exported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(4);

    const imported = await cli(target, 'users:import', [file]);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });

    const fields = [
      '$id',
      'name',
      'email',
      'phone',
      'labels',
      'prefs',
      'status',
      'emailVerification',
      'phoneVerification',
      'password',
      'hash',
      'hashOptions',
      '$createdAt',
      'registration',
    ];
    const pick = (m: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, m[f]]));
    const before = (await source.request('GET', '/v1/users/export')).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const after = (await target.request('GET', '/v1/users/export')).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Users are written several at a time, so the target's creation order ($sequence) is the import's own; each
    // keeps its $createdAt.
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.$id).localeCompare(String(b.$id));
    expect(after.map(pick).sort(byId)).toEqual(before.map(pick).sort(byId));

    expect((await login(target, 'ada@example.com', 'ada-password-1')).status).toBe(201);
    expect((await login(target, 'byron@example.com', 'password')).status).toBe(201);
    expect((await login(target, 'byron@example.com', 'wrong-password')).status).toBe(401);
    // Blocked on both sides: the right password still finds the user blocked.
    expect((await login(target, 'grace@example.com', 'password')).status).toBe(403);

    // Run again: every line is already there, nothing changes.
    const again = await cli(target, 'users:import', [file, '--restart']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/4 already existed/);
    expect((await target.request('GET', '/v1/users/count')).body.total).toBe(4);
  });
});
