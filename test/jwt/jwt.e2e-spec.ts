import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { expectAppwriteError, TestApp } from '../support/test-app';

describe('JWTs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  const account = (jwt: string, headers: Record<string, string> = {}) =>
    t.request('GET', '/v1/account', { key: null, headers: { 'x-appwrite-jwt': jwt, ...headers } });
  const createSession = async (userId: string): Promise<{ id: string; secret: string }> => {
    const res = await t.request('POST', `/v1/users/${userId}/sessions`);
    expect(res.status).toBe(201);
    return { id: res.body.$id, secret: res.body.secret };
  };
  const userJwt = (userId: string, body: Record<string, unknown> = {}) =>
    t.request('POST', `/v1/users/${userId}/jwts`, { body });
  const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

  it('users.createJWT: bound to no session by default, to the most recent with "recent", or to the one named', async () => {
    const user = await t.createUser({ email: 'jwt1@example.com' });
    const first = await createSession(user.$id);
    const second = await createSession(user.$id);

    const plain = await userJwt(user.$id);
    expect(plain.status).toBe(201);
    expect(Object.keys(plain.body)).toEqual(['jwt']);
    const claims = payloadOf(plain.body.jwt);
    expect(claims).toMatchObject({ userId: user.$id, sessionId: '', sub: user.$id });
    expect(claims.exp - claims.iat).toBe(900);
    expect(decodeProtectedHeader(plain.body.jwt)).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });

    expect(payloadOf((await userJwt(user.$id, { sessionId: 'recent' })).body.jwt).sessionId).toBe(second.id);
    expect(payloadOf((await userJwt(user.$id, { sessionId: first.id })).body.jwt).sessionId).toBe(first.id);
    // Appwrite 1.9.5: an ID that is none of the user's sessions gives a JWT bound to no session.
    expect(payloadOf((await userJwt(user.$id, { sessionId: 'nosuchsession' })).body.jwt).sessionId).toBe('');
    expect(payloadOf((await userJwt(user.$id, { sessionId: '' })).body.jwt).sessionId).toBe('');
    const short = payloadOf((await userJwt(user.$id, { duration: 60 })).body.jwt);
    expect(short.exp - short.iat).toBe(60);

    const res = await account(plain.body.jwt);
    expect(res.status).toBe(200);
    expect(res.body.$id).toBe(user.$id);
    const current = await t.request('GET', '/v1/account/sessions/current', {
      key: null,
      headers: { 'x-appwrite-jwt': (await userJwt(user.$id, { sessionId: first.id })).body.jwt },
    });
    expect(current.status).toBe(200);
    expect(current.body.$id).toBe(first.id);
  });

  it('users.createJWT: unknown user 404, bad params 400, needs users.write', async () => {
    expectAppwriteError(await userJwt('nosuchuser'), 404, 'user_not_found');
    const user = await t.createUser({});
    expectAppwriteError(await userJwt(user.$id, { duration: 3601 }), 400, 'general_argument_invalid');
    expectAppwriteError(await userJwt(user.$id, { duration: -1 }), 400, 'general_argument_invalid');
    expectAppwriteError(await userJwt(user.$id, { sessionId: '_bad' }), 400, 'general_argument_invalid');
    const guest = await t.request('POST', `/v1/users/${user.$id}/jwts`, { key: null, body: {} });
    expectAppwriteError(guest, 401, 'general_unauthorized_scope');
  });

  it('account.createJWT: for the current session; a JWT cannot mint another', async () => {
    const user = await t.createUser({});
    const session = await createSession(user.$id);
    const res = await t.request('POST', '/v1/account/jwts', {
      key: null,
      headers: { 'x-appwrite-session': session.secret },
      body: { duration: 120 },
    });
    expect(res.status).toBe(201);
    const claims = payloadOf(res.body.jwt);
    expect(claims).toMatchObject({ userId: user.$id, sessionId: session.id });
    expect(claims.exp - claims.iat).toBe(120);
    expect((await account(res.body.jwt)).body.$id).toBe(user.$id);

    const again = await t.request('POST', '/v1/account/jwts', {
      key: null,
      headers: { 'x-appwrite-jwt': res.body.jwt },
      body: {},
    });
    expectAppwriteError(again, 404, 'user_session_not_found');
    const guest = await t.request('POST', '/v1/account/jwts', { key: null, body: {} });
    expectAppwriteError(guest, 401, 'general_unauthorized_scope');
  });

  it('is refused once its session is deleted', async () => {
    const user = await t.createUser({});
    const session = await createSession(user.$id);
    const jwt = (await userJwt(user.$id, { sessionId: session.id })).body.jwt;
    expect((await account(jwt)).status).toBe(200);
    const deleted = await t.request('DELETE', `/v1/users/${user.$id}/sessions/${session.id}`);
    expect(deleted.status).toBe(204);
    expectAppwriteError(await account(jwt), 401, 'general_unauthorized_scope');
  });

  it('is refused once its session has expired', async () => {
    const user = await t.createUser({});
    const session = await createSession(user.$id);
    const jwt = (await userJwt(user.$id, { sessionId: session.id })).body.jwt;
    expect((await account(jwt)).status).toBe(200);
    await t.db.execute('UPDATE sessions SET expire = ? WHERE id = ?', [
      new Date(Date.now() - 1000),
      session.id,
    ]);
    expectAppwriteError(await account(jwt), 401, 'general_unauthorized_scope');
  });

  it('is refused once the user is blocked (and again when unblocked, like its session), or deleted', async () => {
    const user = await t.createUser({});
    const session = await createSession(user.$id);
    const bound = (await userJwt(user.$id, { sessionId: session.id })).body.jwt;
    const unbound = (await userJwt(user.$id)).body.jwt;
    const block = await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    expect(block.status).toBe(200);
    expectAppwriteError(await account(bound), 403, 'user_blocked');
    expectAppwriteError(await account(unbound), 403, 'user_blocked');
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } });
    expectAppwriteError(await account(bound), 401, 'general_unauthorized_scope');
    expectAppwriteError(await account(unbound), 401, 'general_unauthorized_scope');

    const other = await t.createUser({});
    const otherJwt = (await userJwt(other.$id)).body.jwt;
    expect((await account(otherJwt)).status).toBe(200);
    expect((await t.request('DELETE', `/v1/users/${other.$id}`)).status).toBe(204);
    expectAppwriteError(await account(otherJwt), 401, 'general_unauthorized_scope');
    // A user re-created with the same id is another user: the old JWT does not open it.
    await t.createUser({ userId: other.$id });
    expectAppwriteError(await account(otherJwt), 401, 'general_unauthorized_scope');
  });

  it('is refused once the user has a new password, like its sessions', async () => {
    const user = await t.createUser({ password: 'first password' });
    const session = await createSession(user.$id);
    const bound = (await userJwt(user.$id, { sessionId: session.id })).body.jwt;
    const unbound = (await userJwt(user.$id)).body.jwt;
    const changed = await t.request('PATCH', `/v1/users/${user.$id}/password`, {
      body: { password: 'second password' },
    });
    expect(changed.status).toBe(200);
    expectAppwriteError(await account(bound), 401, 'general_unauthorized_scope');
    expectAppwriteError(await account(unbound), 401, 'general_unauthorized_scope');
    // A JWT made after the change works.
    expect((await account((await userJwt(user.$id)).body.jwt)).status).toBe(200);
  });

  it('is refused once expired, with user_jwt_invalid', async () => {
    const user = await t.createUser({});
    const expired = (await userJwt(user.$id, { duration: 0 })).body.jwt;
    expectAppwriteError(await account(expired), 401, 'user_jwt_invalid', /^Failed to verify JWT\. /);
    const soon = (await userJwt(user.$id, { duration: 1 })).body.jwt;
    const { exp } = payloadOf(soon);
    await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 50));
    expectAppwriteError(await account(soon), 401, 'user_jwt_invalid');
  });

  it('refuses a wrong signature, a malformed token and an unsigned one', async () => {
    const user = await t.createUser({});
    const jwt: string = (await userJwt(user.$id)).body.jwt;
    const [header, payload, signature] = jwt.split('.');
    const flipped = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expectAppwriteError(await account(flipped), 401, 'user_jwt_invalid');
    const forged = Buffer.from(JSON.stringify({ ...payloadOf(jwt), userId: 'someone' })).toString(
      'base64url',
    );
    expectAppwriteError(await account(`${header}.${forged}.${signature}`), 401, 'user_jwt_invalid');
    expectAppwriteError(await account('not-a-jwt'), 401, 'user_jwt_invalid');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expectAppwriteError(await account(`${none}.${payload}.`), 401, 'user_jwt_invalid');
  });

  it('refuses a JWT sent with a valid session (Appwrite: user_jwt_and_cookie_set)', async () => {
    const user = await t.createUser({});
    const session = await createSession(user.$id);
    const jwt = (await userJwt(user.$id)).body.jwt;
    const both = await account(jwt, { 'x-appwrite-session': session.secret });
    expectAppwriteError(both, 403, 'user_jwt_and_cookie_set');
    // An invalid session next to it is ignored, as in Appwrite.
    expect((await account(jwt, { 'x-appwrite-session': 'nonsense' })).status).toBe(200);
  });

  it('publishes its keys at /.well-known/jwks.json: an offline verifier needs nothing else', async () => {
    const res = await t.request('GET', '/.well-known/jwks.json', { key: null, project: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.body.keys).toHaveLength(1);
    expect(res.body.keys[0]).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      kid: expect.any(String),
      alg: 'EdDSA',
      use: 'sig',
    });
    const user = await t.createUser({});
    const jwt = (await userJwt(user.$id)).body.jwt;
    const jwks = createRemoteJWKSet(new URL(`${t.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(jwt, jwks, { algorithms: ['EdDSA'] });
    expect(payload.userId).toBe(user.$id);
    expect(protectedHeader.kid).toBe(res.body.keys[0].kid);
  });
});
