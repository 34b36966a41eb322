import { expectAppwriteError, TestApp } from '../support/test-app';

describe('HTTP errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ BODY_LIMIT: '100000' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers an unknown route with 404 general_route_not_found', async () => {
    expectAppwriteError(await t.request('GET', '/v1/nothing-here'), 404, 'general_route_not_found');
    expectAppwriteError(
      await t.request('POST', '/v1/users/x/y/z', { body: {} }),
      404,
      'general_route_not_found',
    );
  });

  it('answers malformed JSON with 400 and changes nothing', async () => {
    const res = await t.request('POST', '/v1/users', { raw: '{"userId": "broken",' });
    expectAppwriteError(res, 400, 'general_argument_invalid', 'Request body is not valid JSON.');
    expect((await t.request('GET', '/v1/users/broken')).status).toBe(404);
  });

  it('answers a body that is not JSON or a form with 415', async () => {
    const res = await t.request('POST', '/v1/users', { raw: 'userId=x', contentType: 'text/plain' });
    expectAppwriteError(res, 415, 'general_argument_invalid');
  });

  it('accepts a form-encoded body like Appwrite does', async () => {
    const res = await t.request('POST', '/v1/users', {
      raw: 'userId=formuser&name=Form+User',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Form User');
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.request('POST', '/v1/users', { body: { userId: 'big', name: 'x'.repeat(200000) } });
    expectAppwriteError(res, 413, 'general_argument_invalid');
  });

  it('drops prototype-poisoning keys instead of failing or applying them', async () => {
    const user = await t.createUser({});
    const res = await t.request('PATCH', `/v1/users/${user.$id}/prefs`, {
      raw: '{"prefs": {"a": 1, "__proto__": {"polluted": true}}}',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a JSON array or scalar body as missing params, not a 500', async () => {
    expectAppwriteError(
      await t.request('POST', '/v1/users', { raw: '[1,2]' }),
      400,
      'general_argument_invalid',
      'Param "userId" is not optional.',
    );
    expectAppwriteError(
      await t.request('POST', '/v1/users', { raw: '"x"' }),
      400,
      'general_argument_invalid',
    );
    expectAppwriteError(
      await t.request('POST', '/v1/users', { raw: 'null' }),
      400,
      'general_argument_invalid',
    );
  });

  it('echoes a request id', async () => {
    const res = await t.request('GET', '/v1/users/none', { headers: { 'x-request-id': 'req-123' } });
    expect(res.headers.get('x-request-id')).toBe('req-123');
    expect((await t.request('GET', '/health/live')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health and docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('reports liveness and readiness with MySQL and Redis checked', async () => {
    expect((await t.request('GET', '/health/live', { key: null, project: null })).status).toBe(200);
    const ready = await t.request('GET', '/health/ready', { key: null, project: null });
    expect(ready.status).toBe(200);
    expect(ready.body.details).toEqual({ mysql: { status: 'up' }, redis: { status: 'up' } });
  });

  it('reports not ready (503) when Redis cannot be reached', async () => {
    const broken = await TestApp.start({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const ready = await broken.request('GET', '/health/ready', { key: null, project: null });
      expect(ready.status).toBe(503);
      expect(ready.body.details.redis.status).toBe('down');
      expect(ready.body.details.mysql.status).toBe('up');
      // Writes only need MySQL: they keep working while Redis is down.
      expect((await broken.request('POST', '/v1/users', { body: { userId: 'no-redis' } })).status).toBe(201);
    } finally {
      await broken.stop();
    }
  });

  it('serves Swagger UI and an OpenAPI document with every route, schemas, errors and both security headers', async () => {
    const ui = await t.request('GET', '/docs', { key: null, project: null });
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
    const doc = await t.request('GET', '/docs-json', { key: null, project: null });
    expect(doc.status).toBe(200);
    expect(doc.body.components.securitySchemes).toMatchObject({
      Project: { type: 'apiKey', in: 'header', name: 'X-Appwrite-Project' },
      Key: { type: 'apiKey', in: 'header', name: 'X-Appwrite-Key' },
    });
    const expected: Array<[string, string]> = [
      ['/v1/users', 'post'],
      ['/v1/users', 'get'],
      ['/v1/users/{userId}', 'get'],
      ['/v1/users/{userId}', 'delete'],
      ['/v1/users/{userId}/prefs', 'get'],
      ['/v1/users/{userId}/prefs', 'patch'],
      ['/v1/users/{userId}/name', 'patch'],
      ['/v1/users/{userId}/email', 'patch'],
      ['/v1/users/{userId}/phone', 'patch'],
      ['/v1/users/{userId}/password', 'patch'],
      ['/v1/users/{userId}/status', 'patch'],
      ['/v1/users/{userId}/verification', 'patch'],
      ['/v1/users/{userId}/verification/phone', 'patch'],
      ['/v1/users/{userId}/labels', 'put'],
    ];
    for (const [path, method] of expected) {
      const op = doc.body.paths[path]?.[method];
      expect({ path, method, found: Boolean(op) }).toEqual({ path, method, found: true });
      expect(op.security).toEqual([{ Project: [], Key: [] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '401', '500']));
    }
    expect(doc.body.components.schemas.UserModel.properties).toHaveProperty('hashOptions');
    // `userId` may be left out (Appwrite 0.x clients): a generated id, as with `unique()`.
    expect(doc.body.components.schemas.CreateUserRequest.required ?? []).toEqual([]);
    expect(
      doc.body.paths['/v1/users/{userId}/phone'].patch.requestBody.content['application/json'].schema.$ref,
    ).toMatch(/UpdateUserPhoneRequest/);
  });
});
