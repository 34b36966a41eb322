import type { Request } from 'autocannon';
import { fakeUser, prng, SEARCH_TERMS } from './fake-users';
import { Scenario } from './load';
import { SEED_PASSWORD } from './seed';

export const PAGE_SIZE = 25;
const JSON_HEADERS = { 'content-type': 'application/json' };
const LIMIT = JSON.stringify({ method: 'limit', values: [PAGE_SIZE] });
const enc = encodeURIComponent;

/** `GET /v1/users?search=<term>&queries[0]=limit(25)`: the Appwrite way, what the issue asks for. */
export function listPath(term: string): string {
  return `/v1/users?search=${enc(term)}&queries%5B0%5D=${enc(LIMIT)}`;
}

/** The same token search through the service's `search` query method on one attribute (an extension). */
export function searchMethodPath(term: string, attribute: string): string {
  const search = JSON.stringify({ method: 'search', attribute, values: [term] });
  return `/v1/users?queries%5B0%5D=${enc(search)}&queries%5B1%5D=${enc(LIMIT)}`;
}

/** A request whose path/body `next()` recomputes before every send. */
function dynamic(
  method: Request['method'],
  next: () => { path: string; body?: string },
  json = false,
): Request {
  return {
    method,
    ...(json ? { headers: JSON_HEADERS } : {}),
    setupRequest: (request: Request) => ({ ...request, ...next() }),
  };
}

export function baselineScenario(name: string, connections: number): Scenario {
  return { name, connections, requests: [{ method: 'GET', path: '/health/live' }] };
}

export const NAMES = {
  get: 'GET /v1/users/{id}',
  list: `GET /v1/users?search=…, limit ${PAGE_SIZE}`,
  searchMethod: `GET /v1/users, search() query, limit ${PAGE_SIZE}`,
  create: 'POST /v1/users',
  rename: 'PATCH /v1/users/{id}/name',
};

/** The API scenarios, in the order they run. `tag` keeps POST emails unique across runs and warm-ups. */
export function apiScenarios(ids: string[], read: number, write: number, tag: string): Scenario[] {
  const random = prng(0xbe0c4);
  const anyId = () => ids[Math.floor(random() * ids.length)];
  let term = 0;
  let method = 0;
  let created = 0;
  let renamed = 0;
  const nextTerm = (n: number) => SEARCH_TERMS[n % SEARCH_TERMS.length];
  const createBody = () => {
    const n = created++;
    const email = `load.${tag}.${n}@bench.example.com`;
    return JSON.stringify({ userId: 'unique()', email, password: SEED_PASSWORD, name: fakeUser(n).name });
  };
  const renameBody = () => JSON.stringify({ name: `Renamed User ${renamed++}` });
  return [
    {
      name: NAMES.get,
      connections: read,
      requests: [dynamic('GET', () => ({ path: `/v1/users/${anyId()}` }))],
    },
    {
      name: NAMES.list,
      connections: read,
      requests: [dynamic('GET', () => ({ path: listPath(nextTerm(term++).term) }))],
    },
    {
      name: NAMES.searchMethod,
      connections: read,
      requests: [
        dynamic('GET', () => {
          const { term: text, attribute } = nextTerm(method++);
          return { path: searchMethodPath(text, attribute) };
        }),
      ],
    },
    {
      name: NAMES.create,
      connections: write,
      requests: [dynamic('POST', () => ({ path: '/v1/users', body: createBody() }), true)],
    },
    {
      name: NAMES.rename,
      connections: write,
      requests: [dynamic('PATCH', () => ({ path: `/v1/users/${anyId()}/name`, body: renameBody() }), true)],
    },
  ];
}

async function call(
  url: string,
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: object,
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body ? { ...headers, ...JSON_HEADERS } : headers,
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`preflight ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export interface Preflight {
  /** `total` per term through `search=` (Appwrite caps it at 5,000). */
  searchTotals: Record<string, number>;
  /** False when a `search=` page held users that do not contain the term: the service ignored it. */
  searchHonoured: boolean;
  /** `total` per term through the `search` query method. */
  searchMethodTotals: Record<string, number>;
}

type UserPage = { total: number; users: Array<Record<string, unknown>> };

/** Whether every user of the page has the term in its id, name, email or phone. */
function allMatch(page: UserPage, term: string): boolean {
  return page.users.every((u) =>
    JSON.stringify([u.$id, u.name, u.email, u.phone]).toLowerCase().includes(term),
  );
}

/**
 * One request of each kind before any load, so a broken route or key fails loudly instead of showing up
 * as a fast table of 4xx; also checks that the searches really filter and how many users they match.
 */
export async function preflight(url: string, headers: Record<string, string>, ids: string[], tag: string) {
  const user = await call(url, headers, 'GET', `/v1/users/${ids[0]}`);
  if (user.$id !== ids[0])
    throw new Error(`preflight: GET /v1/users/${ids[0]} returned $id ${String(user.$id)}`);
  const out: Preflight = { searchTotals: {}, searchHonoured: true, searchMethodTotals: {} };
  for (const { term, attribute } of SEARCH_TERMS) {
    const page = (await call(url, headers, 'GET', listPath(term))) as UserPage;
    if (page.users.length > PAGE_SIZE)
      throw new Error(`preflight: search "${term}" returned ${page.users.length}`);
    out.searchTotals[term] = page.total;
    if (!allMatch(page, term)) out.searchHonoured = false;
    const viaMethod = (await call(url, headers, 'GET', searchMethodPath(term, attribute))) as UserPage;
    if (viaMethod.users.length === 0 || !allMatch(viaMethod, term)) {
      throw new Error(`preflight: the search("${attribute}", "${term}") query did not filter as expected`);
    }
    out.searchMethodTotals[term] = viaMethod.total;
  }
  const email = `preflight.${tag}@bench.example.com`;
  await call(url, headers, 'POST', '/v1/users', {
    userId: 'unique()',
    email,
    password: SEED_PASSWORD,
    name: 'Pre Flight',
  });
  await call(url, headers, 'PATCH', `/v1/users/${ids[ids.length - 1]}/name`, { name: 'Preflight Rename' });
  return out;
}
