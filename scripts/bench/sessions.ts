import type { Request } from 'autocannon';
import { Scenario } from './load';
import { SEED_PASSWORD } from './seed';

export const SESSION_NAMES = {
  account: 'GET /v1/account (X-Appwrite-Session)',
  login: 'POST /v1/account/sessions/email',
};
const JSON_HEADERS = { 'content-type': 'application/json' };
const PARALLEL = 8;

async function send(url: string, path: string, init: RequestInit): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, text: await response.text() };
}

/**
 * `count(i)` server sessions for each user (`POST /v1/users/{id}/sessions` with the API key), 8 requests in
 * flight. Returns each user's secrets, in `userIds` order.
 */
export async function createSessions(
  url: string,
  keyHeaders: Record<string, string>,
  userIds: string[],
  count: (index: number) => number,
): Promise<string[][]> {
  const out: string[][] = userIds.map(() => []);
  const jobs = userIds.flatMap((_, user) => Array.from({ length: count(user) }, () => user));
  let next = 0;
  const lane = async () => {
    for (let job = next++; job < jobs.length; job = next++) {
      const user = jobs[job];
      const path = `/v1/users/${userIds[user]}/sessions`;
      const { status, text } = await send(url, path, { method: 'POST', headers: keyHeaders });
      if (status !== 201) throw new Error(`POST ${path} answered ${status}: ${text.slice(0, 300)}`);
      const secret = (JSON.parse(text) as { secret?: string }).secret;
      if (!secret) throw new Error(`POST ${path} returned no secret`);
      out[user].push(secret);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  return out;
}

/** `GET /v1/account` as the session's user; throws unless it answers 200 with that user. */
async function account(url: string, projectHeaders: Record<string, string>, secret: string, userId: string) {
  const headers = { ...projectHeaders, 'x-appwrite-session': secret };
  const { status, text } = await send(url, '/v1/account', { headers });
  const id = status === 200 ? (JSON.parse(text) as { $id?: string }).$id : undefined;
  if (id !== userId) throw new Error(`preflight GET /v1/account answered ${status}: ${text.slice(0, 300)}`);
}

/**
 * Before any load: a server session validates, and a seeded user logs in with SEED_PASSWORD (the plain text
 * behind the shared seeded hash) and its cookie's secret validates too. No API key on these routes.
 */
export async function sessionPreflight(
  url: string,
  projectHeaders: Record<string, string>,
  server: { secret: string; userId: string },
  login: { email: string; userId: string },
  projectId: string,
): Promise<void> {
  await account(url, projectHeaders, server.secret, server.userId);
  const response = await fetch(`${url}/v1/account/sessions/email`, {
    method: 'POST',
    headers: { ...projectHeaders, ...JSON_HEADERS },
    body: JSON.stringify({ email: login.email, password: SEED_PASSWORD }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 201) {
    throw new Error(`preflight login of ${login.email} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  const cookie = response.headers.get('set-cookie') ?? '';
  const secret = new RegExp(`a_session_${projectId.toLowerCase()}=([^;]+)`).exec(cookie)?.[1];
  if (!secret) throw new Error(`preflight login set no session cookie (${cookie.slice(0, 100)})`);
  await account(url, projectHeaders, decodeURIComponent(secret), login.userId);
}

/** Session validation: `GET /v1/account`, the `X-Appwrite-Session` secret cycling over `secrets`. */
export function accountScenario(
  secrets: string[],
  connections: number,
  projectHeaders: Record<string, string>,
): Scenario {
  let n = 0;
  return {
    name: SESSION_NAMES.account,
    connections,
    headers: projectHeaders,
    requests: [
      {
        method: 'GET',
        path: '/v1/account',
        setupRequest: (request: Request) => ({
          ...request,
          headers: { ...request.headers, 'x-appwrite-session': secrets[n++ % secrets.length] },
        }),
      },
    ],
  };
}

/** Login with email and password (one argon2 verify each), cycling over the users' emails. */
export function loginScenario(
  emails: string[],
  connections: number,
  projectHeaders: Record<string, string>,
): Scenario {
  let n = 0;
  return {
    name: SESSION_NAMES.login,
    connections,
    headers: projectHeaders,
    requests: [
      {
        method: 'POST',
        path: '/v1/account/sessions/email',
        headers: JSON_HEADERS,
        setupRequest: (request: Request) => ({
          ...request,
          body: JSON.stringify({ email: emails[n++ % emails.length], password: SEED_PASSWORD }),
        }),
      },
    ],
  };
}
