import { randomUUID } from 'node:crypto';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';

describe('authentication and scopes', () => {
  let t: TestApp;
  let userId: string;

  async function insertKey(scopes: string[], expire: Date | null = null): Promise<string> {
    const secret = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [randomUUID(), 'test', hashApiKeySecret(secret), JSON.stringify(scopes), expire, new Date()],
    );
    return secret;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    userId = (await t.createUser({ email: 'auth@example.com', password: 'password123' })).$id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers 404 project_not_found for a wrong or missing project header', async () => {
    expectAppwriteError(
      await t.request('GET', `/v1/users/${userId}`, { project: 'other' }),
      404,
      'project_not_found',
    );
    expectAppwriteError(
      await t.request('GET', `/v1/users/${userId}`, { project: null }),
      404,
      'project_not_found',
    );
  });

  it('accepts the project as a query parameter too', async () => {
    expect(
      (await t.request('GET', `/v1/users/${userId}?project=test-project`, { project: null })).status,
    ).toBe(200);
  });

  it('answers 401 general_unauthorized_scope without a key', async () => {
    const res = await t.request('GET', `/v1/users/${userId}`, { key: null });
    expectAppwriteError(
      res,
      401,
      'general_unauthorized_scope',
      'User (role: guests) missing scopes (["users.read"])',
    );
  });

  it('answers 401 user_unauthorized for an unknown key', async () => {
    expectAppwriteError(
      await t.request('GET', `/v1/users/${userId}`, { key: 'standard_nope' }),
      401,
      'user_unauthorized',
    );
  });

  it('answers 401 project_key_expired for an expired key', async () => {
    const key = await insertKey(['users.read'], new Date(Date.now() - 1000));
    expectAppwriteError(await t.request('GET', `/v1/users/${userId}`, { key }), 401, 'project_key_expired');
  });

  it('lets a users.read key read but not write, and hides hashes without users.hashes.read', async () => {
    const key = await insertKey(['users.read']);
    const res = await t.request('GET', `/v1/users/${userId}`, { key });
    expect(res.status).toBe(200);
    expect(res.body.password).toBeNull();
    expect(res.body.hashOptions).toBeNull();
    expect(res.body.hash).toBe('argon2');
    const list = await t.request('GET', '/v1/users', { key });
    expect(list.body.users.every((u: { password: unknown }) => u.password === null)).toBe(true);
    const write = await t.request('PATCH', `/v1/users/${userId}/name`, { key, body: { name: 'x' } });
    expectAppwriteError(write, 401, 'general_unauthorized_scope', /missing scopes \(\["users.write"\]\)/);
  });

  it('shows the stored hash to a key holding users.hashes.read', async () => {
    const key = await insertKey(['users.read', 'users.hashes.read']);
    const res = await t.request('GET', `/v1/users/${userId}`, { key });
    expect(res.body.password).toMatch(/^\$argon2id\$/);
    expect(res.body.hashOptions).toEqual({ type: 'argon2', memory_cost: 19456, time_cost: 2, threads: 1 });
  });
});
