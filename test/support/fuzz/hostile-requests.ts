import { FieldSchema, hostileBody, SHARED_IDS } from './hostile-bodies';
import { Credentials, Header, hostileHeaders, malformedRequest } from './hostile-http';
import { hostileQuery, hostileSearch } from './hostile-queries';
import { hostileString, urlEncode } from './hostile-values';
import { Prng } from './prng';

export interface Route {
  method: string;
  /** OpenAPI template, e.g. `/v1/users/{userId}`. */
  path: string;
  queryParams: string[];
  bodyFields?: Record<string, FieldSchema>;
}

export interface Fixtures {
  credentials: Credentials;
  /** Existing ids by path parameter name (`userId`, `sessionId`, `identityId`). */
  ids: Record<string, string[]>;
}

export interface FuzzRequest {
  index: number;
  /** Route template and the generators used, to tell what a failure was about. */
  route: string;
  label: string;
  method: string;
  bytes: Buffer;
}

/** Every operation of the app's OpenAPI document, with its body fields resolved. */
export function routesFromOpenApi(doc: any): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries<any>(doc.paths)) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      const parameters: any[] = operation.parameters ?? [];
      let schema = operation.requestBody?.content?.['application/json']?.schema;
      if (schema?.$ref) schema = doc.components.schemas[schema.$ref.split('/').pop()];
      routes.push({
        method: method.toUpperCase(),
        path,
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: schema ? (schema.properties ?? {}) : undefined,
      });
    }
  }
  return routes;
}

const OTHER_METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'SEARCH',
];
const RAW_SEGMENTS = [
  '%ff',
  '%',
  '%E0%A4%A',
  '%00',
  '%2e%2e',
  '..',
  '%2F',
  'a%20b',
  '%C0%AF',
  '%ED%A0%80',
  '',
  ';x',
];

function pathSegment(prng: Prng, name: string, fixtures: Fixtures, route: Route): string {
  // The fixture user is never deleted, so that the requests after stay able to reach its handlers.
  const existing =
    route.method === 'DELETE' && route.path === '/v1/users/{userId}' ? SHARED_IDS : fixtures.ids[name];
  return prng.oneOf([
    () => prng.pick(existing ?? SHARED_IDS),
    () => prng.pick(existing ?? SHARED_IDS),
    () => prng.pick(existing ?? SHARED_IDS),
    () => prng.pick(SHARED_IDS),
    () => urlEncode(hostileString(prng).slice(0, prng.pick([40, 2_000]))),
    () => prng.pick(RAW_SEGMENTS),
    () => 'i'.repeat(prng.pick([37, 101, 1_000, 5_000])),
  ]);
}

function encodeValue(prng: Prng, value: string): string {
  // Mostly encoded as a client would; sometimes with raw bad escapes the parser must survive.
  return prng.chance(0.9) ? urlEncode(value) : value.replace(/[\s#&]/g, '') + prng.pick(RAW_SEGMENTS);
}

function queryString(prng: Prng, route: Route): string {
  const parts: string[] = [];
  const lists = route.queryParams.includes('queries') || prng.chance(0.1);
  if (lists && prng.chance(0.8)) {
    const count = prng.pick([1, 1, 2, 5, 101]);
    for (let i = 0; i < count; i++) {
      const key = prng.pick([
        'queries[]',
        `queries[${i}]`,
        'queries',
        'queries[99999999]',
        'queries[a]',
        'queries[][]',
      ]);
      // Past 100 queries the count is the point, not the content.
      const query = count > 100 ? '{"method":"equal","attribute":"name","values":["x"]}' : hostileQuery(prng);
      parts.push(`${key}=${encodeValue(prng, query)}`);
    }
  }
  if ((route.queryParams.includes('search') || prng.chance(0.05)) && prng.chance(0.5)) {
    parts.push(`search=${encodeValue(prng, hostileSearch(prng))}`);
  }
  if (route.queryParams.includes('total') && prng.chance(0.3)) {
    parts.push(
      `total=${encodeValue(prng, prng.pick(['true', 'false', '0', '1', 'yes', '', hostileString(prng)]))}`,
    );
  }
  if (prng.chance(0.15)) {
    parts.push(
      prng.pick([
        `${urlEncode(hostileString(prng).slice(0, 100))}=${encodeValue(prng, hostileString(prng).slice(0, 100))}`,
        '&&&',
        '=',
        '%ZZ=1',
        'a=%ff',
        '__proto__[polluted]=1',
        'constructor[prototype][polluted]=1',
        `a${'['.repeat(1_000)}=1`,
        'queries=a&queries[]=b&queries[0]=c',
      ]),
    );
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function serialize(
  method: string,
  target: string,
  headers: Header[],
  body?: { contentType?: string; bytes: Buffer },
) {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: fuzz.local'];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  if (body) {
    if (body.contentType !== undefined) lines.push(`Content-Type: ${body.contentType}`);
    lines.push(`Content-Length: ${body.bytes.length}`);
  }
  lines.push('Connection: close', '', '');
  // Header values go out as UTF-8: non-ASCII text arrives as raw octets, as from a careless client.
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'utf8'), body?.bytes ?? Buffer.alloc(0)]);
}

/** One hostile request against a route of the app (or a raw malformed one aimed at it). */
export function hostileRequest(prng: Prng, routes: Route[], fixtures: Fixtures, index: number): FuzzRequest {
  const route = prng.pick(routes);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    pathSegment(prng, name, fixtures, route),
  );
  const name = `${route.method} ${route.path}`;
  const { project, key } = fixtures.credentials;
  if (prng.chance(0.08)) {
    const auth = `X-Appwrite-Project: ${project}\r\nX-Appwrite-Key: ${key}\r\n`;
    return {
      index,
      route: name,
      label: 'malformed-http',
      method: 'RAW',
      bytes: malformedRequest(prng, path, auth),
    };
  }
  const method = prng.chance(0.85) ? route.method : prng.pick(OTHER_METHODS);
  const labels = [method === route.method ? 'method' : `method:${method}`];
  const target = path + queryString(prng, route);
  const headers = hostileHeaders(prng, fixtures.credentials);
  const wantsBody = route.bodyFields !== undefined ? prng.chance(0.95) : prng.chance(0.1);
  const body = wantsBody ? hostileBody(prng, route.bodyFields ?? {}) : undefined;
  if (body) labels.push(`body:${body.label}`);
  return {
    index,
    route: name,
    label: labels.join(' '),
    method,
    bytes: serialize(method, target, headers, body),
  };
}
