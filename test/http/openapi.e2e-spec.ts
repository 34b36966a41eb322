import { APPWRITE_COMPAT_VERSION } from '@libs/http';
import { TestApp } from '../support/test-app';

/** Error types of Appwrite's catalogue that this service answers. */
const APPWRITE_TYPES = new Set([
  'general_argument_invalid',
  'general_query_invalid',
  'general_cursor_not_found',
  'general_unauthorized_scope',
  'general_rate_limit_exceeded',
  'general_route_not_found',
  'general_unknown',
  'project_not_found',
  'project_key_expired',
  'user_unauthorized',
  'user_not_found',
  'user_already_exists',
  'user_email_already_exists',
  'user_phone_already_exists',
  'user_target_already_exists',
  'user_invalid_credentials',
  'user_blocked',
  'user_session_not_found',
  'user_identity_not_found',
  'database_query_order_null',
  'document_update_conflict',
  'user_jwt_invalid',
  'user_jwt_and_cookie_set',
  'user_invalid_token',
  'webhook_not_found',
  'user_target_not_found',
  'general_invalid_email',
  'general_invalid_phone',
  'provider_not_found',
  'user_more_factors_required',
  'user_challenge_required',
  'user_authenticator_not_found',
  'user_authenticator_already_verified',
  'user_recovery_codes_already_exists',
  'user_recovery_codes_not_found',
  'general_smtp_disabled',
  'general_phone_disabled',
]);
/** DELETE routes that start a job. */
const ACCEPTED = new Set(['DELETE /v1/users/sessions']);
/** Types of our own, for extensions Appwrite has no type for. */
const EXTENSION_TYPES = new Set([
  'user_identity_already_exists',
  'session_sweep_not_found',
  'user_locked',
  'webhook_already_exists',
  'webhook_delivery_not_found',
  'user_access_token_not_found',
  'user_access_token_limit_exceeded',
]);

/** terminus writes the health routes' 503, with the health report as its body (not an Appwrite error). */
const NOT_APPWRITE_ERRORS = new Set(['GET /health/live 503', 'GET /health/ready 503']);

interface Operation {
  name: string;
  method: string;
  path: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, any>;
}

function operationsOf(doc: any): Operation[] {
  return Object.entries<Record<string, any>>(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      security: op.security,
      responses: op.responses,
    })),
  );
}

/** Documented example types per status: `{ '404': ['user_not_found', 'project_not_found'] }`. */
function documentedTypes(op: Operation): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    const examples = response.content?.['application/json']?.examples ?? {};
    out[status] = Object.values<any>(examples).map((example) => example.value.type);
  }
  return out;
}

interface Attempt {
  label: string;
  key?: null;
  project?: null;
  /** Put in every path parameter. */
  id?: string;
  body?: unknown;
  /** The error type the answer must have, when the attempt is meant to fail in a known way. */
  expect?: string;
}

/** The request body made of the examples of its schema's properties, so it passes validation where it can. */
function exampleBody(doc: any, op: Operation): Record<string, unknown> | undefined {
  const ref: string | undefined =
    doc.paths[op.path][op.method.toLowerCase()].requestBody?.content?.['application/json']?.schema?.$ref;
  if (!ref) return undefined;
  const properties = doc.components.schemas[ref.split('/').pop()!].properties ?? {};
  return Object.fromEntries(
    Object.entries<any>(properties)
      .filter(([, property]) => property.example !== undefined)
      .map(([name, property]) => [name, property.example]),
  );
}

describe('OpenAPI document (/docs-json)', () => {
  let t: TestApp;
  let doc: any;
  let operations: Operation[];

  beforeAll(async () => {
    t = await TestApp.start();
    const result = await t.request('GET', '/docs-json', { key: null, project: null });
    expect(result.status).toBe(200);
    doc = result.body;
    operations = operationsOf(doc);
  });
  afterAll(async () => {
    await t.stop();
  });

  it('documents every route (sanity check of what the other tests walk)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(38);
    expect(operations.map((op) => op.name)).toEqual(
      expect.arrayContaining([
        'POST /v1/users',
        'POST /v1/account/sessions/email',
        'GET /v1/account',
        'GET /health/ready',
        'GET /metrics',
      ]),
    );
  });

  it('gives every error response real Appwrite bodies as named examples, with code = the status', () => {
    const problems: string[] = [];
    for (const op of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || NOT_APPWRITE_ERRORS.has(`${op.name} ${status}`)) continue;
        const where = `${op.name} ${status}`;
        const content = response.content?.['application/json'];
        if (content?.schema?.$ref !== '#/components/schemas/ErrorModel')
          problems.push(`${where}: not ErrorModel`);
        const examples = Object.values<any>(content?.examples ?? {});
        if (examples.length === 0) problems.push(`${where}: no examples`);
        if (content?.example !== undefined) problems.push(`${where}: a single unnamed example`);
        for (const { value, summary } of examples) {
          if (Object.keys(value).join() !== 'message,code,type,version')
            problems.push(`${where}: keys of ${summary}`);
          if (value.code !== Number(status)) problems.push(`${where}: ${value.type} has code ${value.code}`);
          if (!APPWRITE_TYPES.has(value.type) && !EXTENSION_TYPES.has(value.type)) {
            problems.push(`${where}: unknown type ${value.type}`);
          }
          if (value.version !== APPWRITE_COMPAT_VERSION) problems.push(`${where}: version ${value.version}`);
          if (typeof value.message !== 'string' || value.message === '')
            problems.push(`${where}: no message`);
        }
        if (!response.description) problems.push(`${where}: no description`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents every route-independent failure: the project, the key or session, and 500', () => {
    for (const op of operations) {
      const types = documentedTypes(op);
      if (op.security?.length) {
        expect({ op: op.name, 404: types['404'] }).toEqual({
          op: op.name,
          404: expect.arrayContaining(['project_not_found']),
        });
        expect({ op: op.name, 401: types['401'] }).toEqual({
          op: op.name,
          401: expect.arrayContaining(['user_unauthorized', 'project_key_expired']),
        });
      }
      if (!op.path.startsWith('/health') && op.path !== '/metrics') {
        expect({ op: op.name, 500: types['500'] }).toEqual({ op: op.name, 500: ['general_unknown'] });
      }
    }
  });

  it('declares security as requirements of schemes needed together, never the key as an alternative', () => {
    const schemes = Object.keys(doc.components.securitySchemes);
    expect(schemes.sort()).toEqual(['AccessToken', 'JWT', 'Key', 'Project', 'Session', 'SessionCookie']);
    expect(doc.components.securitySchemes.SessionCookie).toMatchObject({
      in: 'cookie',
      name: 'a_session_test-project',
    });
    const kinds: Record<string, string[]> = {};
    for (const op of operations) {
      expect({ op: op.name, security: Array.isArray(op.security) }).toEqual({ op: op.name, security: true });
      const security = op.security!;
      for (const requirement of security) {
        for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
        // The guard checks the project on every route it guards: no way in without it.
        expect({ op: op.name, requirement }).toEqual({
          op: op.name,
          requirement: expect.objectContaining({ Project: [] }),
        });
      }
      const kind = JSON.stringify(security);
      (kinds[kind] ??= []).push(op.name);
    }
    expect(Object.keys(kinds).sort()).toEqual(
      [
        '[]',
        '[{"Project":[],"Key":[]}]',
        '[{"Project":[]}]',
        '[{"Project":[],"Session":[]},{"Project":[],"SessionCookie":[]},{"Project":[],"JWT":[]},{"Project":[],"AccessToken":[]}]',
      ].sort(),
    );
    expect(kinds['[]'].sort()).toEqual([
      'GET /.well-known/jwks.json',
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
    ]);
    expect(kinds['[{"Project":[]}]'].sort()).toEqual([
      'POST /v1/account/sessions/email',
      'POST /v1/account/sessions/token',
    ]);
    expect(
      kinds[
        '[{"Project":[],"Session":[]},{"Project":[],"SessionCookie":[]},{"Project":[],"JWT":[]},{"Project":[],"AccessToken":[]}]'
      ].sort(),
    ).toEqual([
      'DELETE /v1/account/mfa/authenticators/{type}',
      'DELETE /v1/account/sessions',
      'DELETE /v1/account/sessions/{sessionId}',
      'GET /v1/account',
      'GET /v1/account/logs',
      'GET /v1/account/mfa/factors',
      'GET /v1/account/mfa/recovery-codes',
      'GET /v1/account/prefs',
      'GET /v1/account/sessions',
      'GET /v1/account/sessions/{sessionId}',
      'PATCH /v1/account/mfa',
      'PATCH /v1/account/mfa/recovery-codes',
      'PATCH /v1/account/name',
      'PATCH /v1/account/password',
      'PATCH /v1/account/prefs',
      'PATCH /v1/account/sessions/{sessionId}',
      'POST /v1/account/jwts',
      'POST /v1/account/mfa/authenticators/{type}',
      'POST /v1/account/mfa/challenges',
      'POST /v1/account/mfa/recovery-codes',
      'PUT /v1/account/mfa/authenticators/{type}',
      'PUT /v1/account/mfa/challenges',
    ]);
  });

  it('describes exactly one success response per route, with what comes back', () => {
    for (const op of operations) {
      const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
      expect({ op: op.name, count: success.length }).toEqual({ op: op.name, count: 1 });
      const [status, response] = success[0];
      expect({ op: op.name, status, description: response.description?.length > 0 }).toEqual({
        op: op.name,
        status,
        description: true,
      });
      const hasBody = Object.keys(response.content ?? {}).length > 0;
      expect({ op: op.name, status, hasBody }).toEqual({ op: op.name, status, hasBody: status !== '204' });
      // A DELETE answers 204, or 202 when it starts a job whose state it returns.
      if (op.method === 'DELETE')
        expect({ op: op.name, status }).toEqual({
          op: op.name,
          status: ACCEPTED.has(op.name) ? '202' : '204',
        });
    }
  });

  it('serves Swagger UI with this document, the Authorize schemes included', async () => {
    const ui = await t.request('GET', '/docs', { key: null, project: null });
    expect(ui.status).toBe(200);
    const script = /src="\.\/([^"]*swagger-ui-init\.js)"/.exec(ui.text)?.[1];
    const init = await t.request('GET', `/docs/${script}`, { key: null, project: null });
    expect(init.status).toBe(200);
    expect(init.text).toContain('"SessionCookie"');
    expect(init.text).toContain('"general_unauthorized_scope"');
  });

  /**
   * The documentation against the enforcement: every route is called without credentials, with the project
   * only, and with a key and ids that exist nowhere (with an empty body, then with the body of the schema's
   * examples) or malformed ids. Whatever it answers must be documented at that status.
   */
  it('documents what each route really answers without credentials, without a key, for unknown and malformed ids', async () => {
    const problems: string[] = [];
    for (const op of operations) {
      const types = documentedTypes(op);
      const security = JSON.stringify(op.security);
      const needsCredential = security.includes('Key') || security.includes('Session');
      const attempts: Attempt[] = [
        {
          label: 'no credentials',
          key: null,
          project: null,
          expect: security === '[]' ? undefined : 'project_not_found',
        },
        {
          label: 'project only',
          key: null,
          expect: needsCredential ? 'general_unauthorized_scope' : undefined,
        },
        { label: 'key, unknown ids, empty body' },
      ];
      const example = exampleBody(doc, op);
      if (example) attempts.push({ label: 'key, unknown ids, example body', body: example });
      // Account routes check the session first (these attempts carry none): their 400 for a malformed id is
      // tested with a session in test/account.
      if (op.path.includes('{'))
        attempts.push({
          label: 'malformed ids',
          id: '_bad',
          expect: security.includes('Session') ? 'general_unauthorized_scope' : 'general_argument_invalid',
        });
      for (const {
        label,
        id = 'nothing_here',
        body = {},
        expect: expectedType,
        ...credentials
      } of attempts) {
        const path = op.path.replace(/\{[^}]+\}/g, id);
        const result = await t.request(op.method, path, {
          ...credentials,
          body: op.method === 'GET' ? undefined : body,
        });
        const where = `${op.name} (${label}): ${result.status} ${result.body?.type ?? ''}`;
        if (expectedType !== undefined && result.body?.type !== expectedType)
          problems.push(`${where}, expected ${expectedType}`);
        if (!(String(result.status) in op.responses)) problems.push(`${where}: status not documented`);
        else if (result.status >= 400 && !NOT_APPWRITE_ERRORS.has(`${op.name} ${result.status}`)) {
          if (!types[result.status].includes(result.body?.type))
            problems.push(`${where}: type not documented`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
