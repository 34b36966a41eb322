import { randomBytes, randomUUID } from 'node:crypto';
import { MysqlDataKeys } from '@libs/event-store';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { DATA_KEYS } from '../../src/database/database.tokens';
import { ALL_EVENTS } from '../../src/events/all-events';
import {
  decodeAll,
  isAbout,
  PersonalHistory,
  secretsInClear,
  seedPersonalHistory,
  storedEventText,
} from '../support/personal-history';
import { TestApp } from '../support/test-app';

/**
 * Issue 9's "done when" for the log: personal data and password hashes are never in `events` in clear, the API
 * still shows what it showed, every event decodes to the clear values, and destroying a user's data key erases
 * those fields while every event stays decodable (crypto-shredding, which erasure builds on).
 */
describe('sealed event history', () => {
  let t: TestApp;
  let ada: PersonalHistory;
  let bob: PersonalHistory;

  beforeAll(async () => {
    t = await TestApp.start();
    ada = await seedPersonalHistory(t, 'ada-sealed', '0100001');
    bob = await seedPersonalHistory(t, 'bob-sealed', '0100002', { changes: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function keyWith(scopes: string[]): Promise<string> {
    const secret = `standard_${randomBytes(32).toString('hex')}`;
    await t.db.query(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
      [randomUUID(), 'sealed-history', hashApiKeySecret(secret), JSON.stringify(scopes), new Date()],
    );
    return secret;
  }

  it('keeps no email, name, phone, password hash or identity secret in clear in any row (data or metadata)', async () => {
    expect(ada.hashes).toHaveLength(3);
    expect(new Set(ada.hashes).size).toBe(3);
    // The check can fail: the secrets are there, in the rows' text, once the fields are opened.
    expect((await storedEventText(t)).join('\n')).toContain('"$sealed":"v1.');
    expect(await secretsInClear(t, [...ada.secrets, ...bob.secrets])).toEqual([]);
    for (const hash of [...ada.hashes, ...bob.hashes]) {
      // The hash's last part alone (the digest) must not be there either.
      expect(await secretsInClear(t, [hash.split('$').pop()!])).toEqual([]);
    }
    expect((await storedEventText(t)).filter((row) => row.includes('"hashOptions"'))).toEqual([]);
  });

  it('still shows the current hash to a key with users.hashes.read, and only to it', async () => {
    const withHashes = await t.request('GET', `/v1/users/${ada.userId}`, {
      key: await keyWith(['users.read', 'users.hashes.read']),
    });
    expect(withHashes.status).toBe(200);
    expect(withHashes.body).toMatchObject({
      email: ada.email,
      name: ada.name,
      phone: ada.phone,
      password: ada.hashes[2],
      hash: 'argon2',
      hashOptions: expect.objectContaining({ type: 'argon2' }),
    });
    const without = await t.request('GET', `/v1/users/${ada.userId}`, { key: await keyWith(['users.read']) });
    expect(without.body).toMatchObject({ email: ada.email, password: null, hashOptions: null });
  });

  it('decodes every event through the one decode path to the clear values', async () => {
    const { stored, decoded } = await decodeAll(t);
    expect(decoded).toHaveLength(stored.length);
    expect(decoded.every((d) => d.erased.length === 0)).toBe(true);
    const adas = decoded.filter((d) => isAbout(ada.userId, d));
    const data = (type: string) =>
      adas.filter((d) => d.event.type === type).map((d) => d.event.data as Record<string, unknown>);
    expect(data('user.created')).toEqual([
      expect.objectContaining({
        email: ada.email,
        name: ada.name,
        phone: ada.phone,
        password: ada.hashes[0],
      }),
    ]);
    expect(data('user.password.changed').map((d) => d.password)).toEqual(ada.hashes.slice(1));
    expect(data('session.created')).toEqual([
      expect.objectContaining({ provider: 'email', providerUid: ada.email, ip: '127.0.0.1' }),
    ]);
    expect(data('identity.created')).toEqual([
      expect.objectContaining({
        providerUid: 'gh-uid-ada-sealed',
        providerEmail: 'ada-sealed@github.example',
        providerAccessToken: 'access-token-ada-sealed',
        providerRefreshToken: 'refresh-token-ada-sealed',
      }),
    ]);
  });

  it("after the user's data key is destroyed, every event still decodes, its sealed fields null and listed as erased", async () => {
    const dataKeys = t.app.get<MysqlDataKeys>(DATA_KEYS);
    expect(await dataKeys.destroy(ada.userId)).toBe(1);

    const { decoded } = await decodeAll(t);
    const adas = decoded.filter((d) => isAbout(ada.userId, d));
    expect(adas.length).toBeGreaterThanOrEqual(5);
    for (const recorded of adas) {
      const sealed = ALL_EVENTS.sealedFields(recorded.event.type);
      const data = recorded.event.data as Record<string, unknown>;
      expect({ type: recorded.event.type, erased: recorded.erased }).toEqual({
        type: recorded.event.type,
        erased: sealed,
      });
      for (const field of sealed) expect(data[field]).toBeNull();
    }
    const erasedCreate = adas.find((d) => d.event.type === 'user.created')!.event.data;
    expect(erasedCreate).toMatchObject({ userId: ada.userId, hash: 'argon2', email: null, password: null });

    // Bob's history is untouched.
    const bobs = decoded.filter((d) => isAbout(bob.userId, d));
    expect(bobs.every((d) => d.erased.length === 0)).toBe(true);
    expect(bobs.find((d) => d.event.type === 'user.email.changed')?.event.data).toMatchObject({
      email: bob.email,
    });
  });
});
