import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { TestApp } from '../support/test-app';

const ROUNDS = 25;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Defect 4: a failed login for an MD5 or SHA-256 user answered in 6 ms, for an unknown email in 40 ms, which told
 * which imported accounts exist. Medians of interleaved logins are compared as ratios, never absolute times, so
 * a loaded machine slows every kind alike.
 */
describe('failed login timing (defect 4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_RATE_LIMIT_EMAIL: '100000', LOGIN_RATE_LIMIT_IP: '10000000' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('costs about the same for an unknown email and MD5, SHA-256, argon2id and wrapped MD5 users', async () => {
    const plain = 'the right password';
    const hex = (algorithm: string) => createHash(algorithm).update(plain).digest('hex');
    const imported = async (route: string, email: string, password: string) => {
      const res = await t.request('POST', `/v1/users/${route}`, {
        body: { userId: 'unique()', email, password },
      });
      expect(res.status).toBe(201);
    };
    // Wrapped first, so that the MD5 user imported next stays a plain MD5 hash.
    await imported('md5', 'wrapped-user@example.com', hex('md5'));
    expect((await t.request('POST', '/v1/users/hashes/wrap', { body: {} })).body.wrapped).toBe(1);
    await imported('md5', 'md5-user@example.com', hex('md5'));
    await imported('sha', 'sha-user@example.com', hex('sha256'));
    await t.createUser({ email: 'argon-user@example.com', password: plain });

    const kinds: Record<string, string> = {
      unknown: 'nobody-at-all@example.com',
      md5: 'md5-user@example.com',
      sha256: 'sha-user@example.com',
      argon2id: 'argon-user@example.com',
      wrappedMd5: 'wrapped-user@example.com',
    };
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    for (let round = -2; round < ROUNDS; round++) {
      // Interleaved, in a different order each round, so background load falls on every kind alike.
      const order = Object.keys(kinds).sort(() => Math.random() - 0.5);
      for (const kind of order) {
        const started = performance.now();
        const res = await t.request('POST', '/v1/account/sessions/email', {
          key: null,
          body: { email: kinds[kind], password: 'a wrong password' },
        });
        const ms = performance.now() - started;
        expect(res.status).toBe(401);
        if (round >= 0) times[kind].push(ms);
      }
    }
    const medians = Object.fromEntries(Object.entries(times).map(([kind, ms]) => [kind, median(ms)]));
    for (const kind of ['md5', 'sha256', 'argon2id', 'wrappedMd5']) {
      const ratio = medians[kind] / medians.unknown;
      expect({ kind, ratio, medians, inRange: ratio >= 0.5 && ratio <= 2 }).toMatchObject({ inRange: true });
    }
  });
});
