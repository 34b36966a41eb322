import { freshDatabaseUrl } from '../support/database';
import { answers200, freePort, pollUntil, PrivateRedis, Spawned, spawnService } from '../support/processes';
import { TcpProxy } from '../support/tcp-proxy';

const KEY = 'dependency-logs-key-0123456789';
const INTERVAL_MS = 2000;

interface LogLine {
  level: number;
  time: number;
  context?: string;
  msg: string;
}

/** Every line the service wrote must be one JSON object: a raw driver error or a stack trace is not. */
function parse(service: Spawned): LogLine[] {
  return service
    .output()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

/** The outage lines: the first at once, each next one at least the interval after the previous. */
function expectRateLimited(lines: LogLine[], first: RegExp) {
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines[0].msg).toMatch(first);
  for (let i = 1; i < lines.length; i++) {
    expect(lines[i].msg).toMatch(/ is still down after \d+ s \(/);
    expect(lines[i].time - lines[i - 1].time).toBeGreaterThanOrEqual(INTERVAL_MS);
  }
}

describe('logs while MySQL or Redis is down (one line per outage, rate-limited, and one when it is back)', () => {
  let service: Spawned | undefined;

  afterEach(async () => {
    service?.child.kill('SIGKILL');
    if (service) await service.exited;
    service = undefined;
  });

  async function run(env: Record<string, string>): Promise<number> {
    const port = await freePort();
    service = spawnService({
      ROLE: 'api',
      PORT: String(port),
      API_KEY: KEY,
      LOG_LEVEL: 'warn',
      OUTAGE_LOG_INTERVAL_MS: String(INTERVAL_MS),
      ...env,
    });
    await pollUntil('the API answers', () => answers200(`http://127.0.0.1:${port}/health/live`), 60_000);
    return port;
  }

  it('Redis down from the start, then back', async () => {
    const redis = await PrivateRedis.start();
    try {
      await redis.stop();
      await run({ DATABASE_URL: freshDatabaseUrl(), REDIS_URL: redis.url });
      const where = `Redis at 127.0.0.1:${redis.port}`;
      const outage = () => parse(service!).filter((l) => l.msg.startsWith(`${where} is`));
      // ioredis retries every 2 s or less: about three attempts fail while this waits.
      await pollUntil('three outage lines', async () => outage().length >= 3, 30_000);

      await redis.resume();
      await pollUntil(
        'the line saying Redis is back',
        async () => outage().some((l) => l.msg.startsWith(`${where} is back`)),
        15_000,
      );

      const lines = parse(service!);
      const down = lines.filter(
        (l) => l.msg.startsWith(`${where} is down`) || l.msg.startsWith(`${where} is still`),
      );
      expectRateLimited(
        down,
        new RegExp(
          `^${where} is down \\(connection refused\\): the API goes on; .*/health/ready answers 503`,
        ),
      );
      const back = lines.filter((l) => l.msg.startsWith(`${where} is back after`));
      expect(back).toHaveLength(1);
      expect(back[0].time).toBeGreaterThan(down[down.length - 1].time);
      // Nothing else: no raw ioredis error, no per-connection or per-attempt line.
      expect(lines.filter((l) => !l.msg.startsWith(where))).toEqual([]);
    } finally {
      await redis.stop();
    }
  }, 120_000);

  it('MySQL gone while serving: failing requests add no line of their own; back when it answers', async () => {
    const server = new URL(freshDatabaseUrl());
    const proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 3306) });
    try {
      server.host = `127.0.0.1:${proxy.port}`;
      const port = await run({ DATABASE_URL: server.toString() });
      await pollUntil('ready', () => answers200(`http://127.0.0.1:${port}/health/ready`), 30_000);
      const where = `MySQL at 127.0.0.1:${proxy.port}`;
      const outage = () => parse(service!).filter((l) => l.msg.startsWith(`${where} is`));

      await proxy.cut();
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/v1/users`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-appwrite-project': 'default',
            'x-appwrite-key': KEY,
          },
          body: JSON.stringify({ userId: 'unique()', name: `during-${i}` }),
        });
        expect(res.status).toBeGreaterThanOrEqual(500);
      }
      // The watch probes every 5 s: a second line comes once the interval has passed.
      await pollUntil('two outage lines', async () => outage().length >= 2, 30_000);

      await proxy.restore();
      await pollUntil(
        'the line saying MySQL is back',
        async () => outage().some((l) => l.msg.startsWith(`${where} is back`)),
        20_000,
      );

      const lines = parse(service!);
      const down = lines.filter((l) => /is (still )?down/.test(l.msg));
      expectRateLimited(down, new RegExp(`^${where} is down \\(connection [a-z]+\\): API requests`));
      expect(lines.filter((l) => /is back after/.test(l.msg))).toHaveLength(1);
      expect(lines.filter((l) => !l.msg.startsWith(where))).toEqual([]);
    } finally {
      await proxy.cut();
    }
  }, 120_000);
});
