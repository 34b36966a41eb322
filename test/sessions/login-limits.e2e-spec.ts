import { request as httpRequest } from 'node:http';
import { PROJECT, TestApp } from '../support/test-app';

interface Answer {
  status: number;
  retryAfter?: string;
  body: { type?: string; message?: string };
}

/**
 * Starts a login over a connection of its own. `sent` resolves once the whole request is written to the socket,
 * so a later request is known to reach the server after this one.
 */
function startLogin(
  app: TestApp,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): { sent: Promise<void>; answer: Promise<Answer> } {
  const body = JSON.stringify({ email, password });
  let sent!: () => void;
  const written = new Promise<void>((resolve) => (sent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      `${app.url}/v1/account/sessions/email`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-appwrite-project': PROJECT,
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: JSON.parse(text) as Answer['body'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.on('finish', () => sent());
    req.end(body);
  });
  return { sent: written, answer };
}

const statuses = (answers: Answer[]) =>
  answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});

/** Runs `jobs` with at most `width` in flight. */
async function inParallel<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

describe('login limits (defect 3: parallel guesses; proxies; Retry-After)', () => {
  it('29 wrong passwords and the right one at once, over two API processes: at most 10 verified, the right one refused with 429 and Retry-After', async () => {
    // This is about the count Redis shares. On a loaded machine a command can take longer than the default
    // 500 ms, and each process then counts in memory (by design, tested with a frozen Redis elsewhere): give
    // Redis time to answer so that fallback does not blur what is measured here.
    const first = await TestApp.start({ LOGIN_RATE_LIMIT_EMAIL: '10', REDIS_COMMAND_TIMEOUT_MS: '10000' });
    // A second API process on the same database and Redis: the count is shared, not per process.
    const second = await TestApp.start({
      LOGIN_RATE_LIMIT_EMAIL: '10',
      REDIS_COMMAND_TIMEOUT_MS: '10000',
      DATABASE_URL: first.config.DATABASE_URL,
      QUEUE_PREFIX: first.config.QUEUE_PREFIX,
    });
    try {
      await first.createUser({ email: 'parallel@example.com', password: 'the right password' });
      const wrong = Array.from({ length: 29 }, (_, i) =>
        startLogin(i % 2 ? second : first, 'parallel@example.com', `wrong password ${i}`),
      );
      // All 29 are on the wire before the right one leaves; none has been answered yet (each verification
      // takes an argon2 run), which is exactly when the old check-then-record limit let the right one in.
      await Promise.all(wrong.map((w) => w.sent));
      const right = await startLogin(second, 'parallel@example.com', 'the right password').answer;
      const answers = await Promise.all(wrong.map((w) => w.answer));

      expect(statuses(answers)).toEqual({ 401: 10, 429: 19 });
      expect(right.status).toBe(429);
      expect(right.body.type).toBe('general_rate_limit_exceeded');
      for (const refused of [right, ...answers.filter((a) => a.status === 429)]) {
        expect(refused.retryAfter).toMatch(/^[1-9]\d*$/);
        expect(Number(refused.retryAfter)).toBeLessThanOrEqual(900);
        expect(refused.body.message).toContain(`${refused.retryAfter} seconds`);
      }
      const [rows] = await first.db.query("SELECT COUNT(*) AS n FROM events WHERE type = 'session.created'");
      expect((rows as Array<{ n: number }>)[0].n).toBe(0);
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  it('many users behind one proxy IP: an attacker failing on many emails locks none of the others out', async () => {
    const t = await TestApp.start();
    try {
      await t.createUser({ email: 'behind-proxy@example.com', password: 'the right password' });
      // 120 failures from one IP: more than the old per-IP limit (100), spread as 3 tries on 40 accounts.
      const jobs = Array.from(
        { length: 120 },
        (_, i) => () => startLogin(t, `stuffed-${i % 40}@example.com`, 'guess number one').answer,
      );
      const answers = await inParallel(jobs, 8);
      expect(statuses(answers)).toEqual({ 401: 120 });
      const victim = await startLogin(t, 'behind-proxy@example.com', 'the right password').answer;
      expect(victim.status).toBe(201);
    } finally {
      await t.stop();
    }
  });

  it('an attacker at one IP exhausting one account does not lock its owner out from another IP', async () => {
    const t = await TestApp.start({ TRUST_PROXY: 'true', LOGIN_RATE_LIMIT_EMAIL: '5' });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    try {
      await t.createUser({ email: 'owner@example.com', password: 'the right password' });
      for (let i = 0; i < 5; i++) {
        const res = await startLogin(t, 'owner@example.com', 'a wrong guess', from('203.0.113.7')).answer;
        expect(res.status).toBe(401);
      }
      const attacker = await startLogin(t, 'owner@example.com', 'the right password', from('203.0.113.7'))
        .answer;
      expect(attacker.status).toBe(429);
      const owner = await startLogin(t, 'owner@example.com', 'the right password', from('198.51.100.20'))
        .answer;
      expect(owner.status).toBe(201);
      // Spread over IPs the guesses still meet the per-email total (5 × 5 by default): 20 more, 5 per IP.
      for (let i = 0; i < 20; i++) {
        const ip = `192.0.2.${Math.floor(i / 5)}`;
        expect((await startLogin(t, 'owner@example.com', 'a wrong guess', from(ip)).answer).status).toBe(401);
      }
      const spread = await startLogin(t, 'owner@example.com', 'the right password', from('192.0.2.99'))
        .answer;
      expect(spread.status).toBe(429);
    } finally {
      await t.stop();
    }
  });
});
