import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { spawnNpm, TEST_DATA_KEY } from '../support/processes';
import { expectAppwriteError, TestApp } from '../support/test-app';

/**
 * Keys are shared by every API process through the database, rotated by `npm run jwt:rotate`; a verifier that
 * only sees /.well-known/jwks.json keeps verifying tokens of the old key and learns the new one.
 */
describe('JWT key rotation', () => {
  let a: TestApp;
  let b: TestApp;
  let userId: string;
  beforeAll(async () => {
    a = await TestApp.start({ JWT_KEYS_REFRESH_MS: '100' });
    // A second API process on the same database.
    b = await TestApp.start({ JWT_KEYS_REFRESH_MS: '100', DATABASE_URL: a.config.DATABASE_URL });
    userId = (await a.createUser({})).$id;
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  const jwtFrom = async (app: TestApp): Promise<string> => {
    const res = await app.request('POST', `/v1/users/${userId}/jwts`, { body: {} });
    expect(res.status).toBe(201);
    return res.body.jwt;
  };
  const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;
  const jwks = async (app: TestApp): Promise<string[]> =>
    (await app.request('GET', '/.well-known/jwks.json', { key: null, project: null })).body.keys.map(
      (k: { kid: string }) => k.kid,
    );
  const account = (app: TestApp, jwt: string) =>
    app.request('GET', '/v1/account', { key: null, headers: { 'x-appwrite-jwt': jwt } });
  async function rotate(env: Record<string, string> = { DATA_KEY: TEST_DATA_KEY }) {
    const run = spawnNpm(['run', '--silent', 'jwt:rotate'], { DATABASE_URL: a.config.DATABASE_URL, ...env });
    const code = await run.exited;
    return { code, stdout: run.stdout(), stderr: run.stderr() };
  }

  it('two API processes share one key: each verifies what the other signed', async () => {
    const fromA = await jwtFrom(a);
    const fromB = await jwtFrom(b);
    expect(kidOf(fromA)).toBe(kidOf(fromB));
    expect((await account(b, fromA)).status).toBe(200);
    expect((await account(a, fromB)).status).toBe(200);
  });

  it('after a rotation the new key signs, the old one still verifies until its tokens expire, then leaves', async () => {
    const verifier = createRemoteJWKSet(new URL(`${a.url}/.well-known/jwks.json`), { cooldownDuration: 0 });
    const old = await jwtFrom(a);
    const oldKid = kidOf(old)!;
    expect((await jwtVerify(old, verifier)).protectedHeader.kid).toBe(oldKid);

    const run = await rotate();
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const newKid =
      /^New JWT signing key (\S+)\. Retired (\S+): verifying until \S+, then out of the JWKS\.\n$/.exec(
        run.stdout,
      );
    expect(newKid?.[2]).toBe(oldKid);

    // Each process picks the new key up within JWT_KEYS_REFRESH_MS.
    const fresh = await a.eventually(async () => {
      const jwt = await jwtFrom(a);
      return kidOf(jwt) === newKid![1] && jwt;
    });
    await b.eventually(async () => kidOf(await jwtFrom(b)) === newKid![1]);
    expect(await jwks(a)).toEqual([newKid![1], oldKid]);

    // The offline verifier: the old token still verifies, the new one (unknown kid) makes it fetch the set again.
    expect((await jwtVerify(old, verifier)).payload.userId).toBe(userId);
    const verified = await jwtVerify(fresh, verifier);
    expect(verified.protectedHeader.kid).toBe(newKid![1]);
    expect((await account(a, old)).status).toBe(200);
    expect((await account(b, fresh)).status).toBe(200);

    // 3660 s later (moved back in the table rather than waited for), the old key is gone everywhere.
    await a.db.execute('UPDATE jwt_keys SET retired_at = ? WHERE kid = ?', [
      new Date(Date.now() - 3661_000),
      oldKid,
    ]);
    await a.eventually(async () => (await jwks(a)).length === 1);
    expect(await jwks(a)).toEqual([newKid![1]]);
    await b.eventually(async () => (await account(b, old)).status === 401);
    expectAppwriteError(await account(a, old), 401, 'user_jwt_invalid');
    const later = createRemoteJWKSet(new URL(`${b.url}/.well-known/jwks.json`));
    await expect(jwtVerify(old, later)).rejects.toThrow();
    expect((await account(a, fresh)).status).toBe(200);
  });

  it('a signing key sealed under a master key that is gone is replaced at start; its public half stays', async () => {
    // A database with a JWT key and no data keys (no user yet), started again with another DATA_KEY.
    const first = await TestApp.start();
    const url = first.config.DATABASE_URL;
    const lost = (await first.request('GET', '/.well-known/jwks.json', { key: null, project: null })).body
      .keys;
    await first.stop();
    const again = await TestApp.start({ DATABASE_URL: url, DATA_KEY: randomBytes(32).toString('base64') });
    try {
      const keys = (await again.request('GET', '/.well-known/jwks.json', { key: null, project: null })).body
        .keys;
      expect(keys).toHaveLength(2);
      expect(keys[1]).toEqual(lost[0]);
      const user = await again.createUser({});
      const jwt = (await again.request('POST', `/v1/users/${user.$id}/jwts`, { body: {} })).body.jwt;
      expect(kidOf(jwt)).toBe(keys[0].kid);
      expect((await account(again, jwt)).status).toBe(200);
    } finally {
      await again.stop();
    }
  });

  it('refuses a master key other than the service one, in one line', async () => {
    const run = await rotate({ DATA_KEY: randomBytes(32).toString('base64') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^jwt:rotate: DATA_KEY does not match the master key\(s\) \S+ that wrap/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
