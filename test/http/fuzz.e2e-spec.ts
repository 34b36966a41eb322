import { rawRequest, RawResponse } from '../support/raw-http';
import { describeFailure, problemWith } from '../support/fuzz/check-response';
import {
  Fixtures,
  FuzzRequest,
  hostileRequest,
  Route,
  routesFromOpenApi,
} from '../support/fuzz/hostile-requests';
import { Prng } from '../support/fuzz/prng';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

// A fixed seed keeps the suite deterministic; FUZZ_SEED explores others, FUZZ_ONLY replays one request.
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2_400);
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
const CONCURRENCY = 8;

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: limit }, async () => {
    while (next < items.length) await run(items[next++]);
  });
  await Promise.all(lanes);
}

describe(`fuzz: ${COUNT} hostile requests against every route (seed ${SEED})`, () => {
  let t: TestApp;
  let routes: Route[];
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await TestApp.start({
      // Cheap hashes and loose login limits: the fuzz is about parsing and validation, not about cost.
      ARGON2_MEMORY_COST: '1024',
      ARGON2_TIME_COST: '1',
      LOGIN_RATE_LIMIT_IP: '1000000',
      LOGIN_RATE_LIMIT_EMAIL: '1000',
    });
    routes = routesFromOpenApi((await t.request('GET', '/docs-json', { key: null, project: null })).body);
    const user = await t.createUser({
      userId: 'fuzz-user',
      email: 'fuzz@example.com',
      password: 'password123',
    });
    const session = await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} });
    const identity = await t.request('POST', `/v1/users/${user.$id}/identities`, {
      body: { provider: 'github', providerUid: 'fuzz-uid', providerEmail: 'fuzz@example.com' },
    });
    expect([session.status, identity.status]).toEqual([201, 201]);
    fixtures = {
      credentials: { project: PROJECT, key: BOOTSTRAP_KEY, sessionSecret: session.body.secret },
      ids: { userId: [user.$id], sessionId: [session.body.$id], identityId: [identity.body.$id] },
    };
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers without a 5xx, only in Appwrite error bodies, and keeps serving', async () => {
    expect(routes.length).toBeGreaterThan(30);
    const prng = new Prng(SEED);
    const all = Array.from({ length: COUNT }, (_, i) => hostileRequest(prng, routes, fixtures, i));
    const requests = ONLY === undefined ? all : [all[ONLY]];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const routesHit = new Set<string>();

    await inParallel(requests, CONCURRENCY, async (request: FuzzRequest) => {
      let response: RawResponse | undefined;
      try {
        response = await rawRequest(t.url, request.bytes, {
          timeoutMs: 15_000,
          head: request.method === 'HEAD',
        });
      } catch (error) {
        failures.push(describeFailure(SEED, request, (error as Error).message.slice(0, 300)));
        return;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      routesHit.add(request.route);
      const problem = problemWith(request, response);
      if (problem) failures.push(describeFailure(SEED, request, problem, response));
    });

    expect(failures.sort()).toEqual([]);
    if (ONLY === undefined) {
      // The fuzz reached every route and got past validation sometimes, so it tested handlers, not only guards.
      expect([...routesHit].sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
      const count = (from: number, to: number) =>
        [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
      expect(count(200, 300)).toBeGreaterThan(COUNT / 50);
      expect(count(400, 500)).toBeGreaterThan(COUNT / 2);
    }
    const live = await t.request('GET', '/health/ready', { key: null, project: null });
    expect(live.status).toBe(200);
    expect((await t.request('GET', '/v1/users')).status).toBe(200);
  }, 120_000);
});
