import { expectAppwriteError, HttpResult, TestApp } from '../support/test-app';

// 30 users, created in this order: [id, name, email, phone, labels (space-separated), blocked]; '' = none.
const ROWS: Array<[string, string, string, string, string, boolean?]> = [
  ['ada', 'Ada Lovelace', 'ada.lovelace@example.com', '+14155550100', 'vip admin'],
  ['adam', 'Adam Smith', 'adam@economics.org', '', 'vip'],
  ['alan', 'Alan Turing', 'alan.turing@bletchley.co.uk', '+447700900001', 'staff'],
  ['cr7', 'Cristiano Ronaldo', 'cristiano.ronaldo@manchester-united.co.uk', '+351912345678', ''],
  ['grace', 'Grace Hopper', 'commodore.g@navy.mil', '', 'admin', true],
  ['linus', 'Linus Torvalds', 'linus@kernel.org', '', 'dev'],
  ['ken', 'Ken Thompson', 'ken@bell-labs.com', '', 'dev vip'],
  ['dennis', 'Dennis Ritchie', 'dennis@bell-labs.com', '+15555550107', 'dev', true],
  ['sam-1', 'Sam', 'sam1@sams.test', '', ''],
  ['sam-2', 'Sam', '', '', ''],
  ['sam-3', 'Sam', '', '+16175550110', ''],
  ['anon-1', '', '', '', ''],
  ['anon-2', '', '', '', ''],
  ...Array.from({ length: 17 }, (_, k): [string, string, string, string, string, boolean] => {
    const i = k + 13;
    const phone = i % 2 ? `+1202555${String(i).padStart(4, '0')}` : '';
    return [`user-${i}`, `Filler ${i}`, `filler${i}@fill.test`, phone, i % 4 ? '' : 'bulk', i % 5 === 0];
  }),
];
const SEED = ROWS.map(([id, name, email, phone, labels, blocked]) => {
  return { id, name, email, phone, labels: labels ? labels.split(' ') : [], blocked: !!blocked };
});
type Seed = (typeof SEED)[number];
const ALL = SEED.map((s) => s.id);
const pick = (pred: (s: Seed) => boolean) => SEED.filter(pred).map((s) => s.id);
const hasLabel = (label: string) => (s: Seed) => s.labels.includes(label);

/** A query as the SDK's `Query` builds it: `values` always an array, absent keys left out. */
type Q = { method: string; attribute?: string; values?: unknown[] };
const Q = (method: string, attribute?: string, ...values: unknown[]): Q => {
  return { method, attribute, ...(values.length ? { values } : {}) };
};
const limit = (n: unknown) => Q('limit', undefined, n);
const offset = (n: unknown) => Q('offset', undefined, n);
const after = (id: unknown) => Q('cursorAfter', undefined, id);
const before = (id: unknown) => Q('cursorBefore', undefined, id);
const and = (...queries: Q[]) => Q('and', undefined, ...queries);
const or = (...queries: Q[]) => Q('or', undefined, ...queries);

/** `queries[0]=…&queries[1]=…` plus other params, encoded with URLSearchParams as the SDK does. */
function path(queries: Array<Q | string> = [], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  queries.forEach((x, i) => params.append(`queries[${i}]`, typeof x === 'string' ? x : JSON.stringify(x)));
  for (const [key, value] of Object.entries(extra)) params.append(key, value);
  return `/v1/users?${params}`;
}

/** Seed ids by name (utf8mb4_general_ci = lower-case order for these ASCII names), ties by creation. */
function byName(direction: 1 | -1): string[] {
  const rows = SEED.map((s, i) => ({ id: s.id, name: s.name.toLowerCase(), i }));
  rows.sort((a, b) => (a.name === b.name ? a.i - b.i : (a.name < b.name ? -1 : 1) * direction));
  return rows.map((x) => x.id);
}

describe('GET /v1/users', () => {
  let t: TestApp;
  const created: string[] = [];

  const list = (queries: Array<Q | string> = [], extra: Record<string, string> = {}) =>
    t.request('GET', path(queries, extra));
  const idsOf = (res: HttpResult) => (res.body.users as Array<{ $id: string }>).map((u) => u.$id);
  async function ok(queries: Array<Q | string> = [], extra: Record<string, string> = {}) {
    const res = await list(queries, extra);
    expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({
      status: 200,
      text: '',
    });
    return { total: res.body.total as number, ids: idsOf(res) };
  }

  beforeAll(async () => {
    t = await TestApp.start();
    for (const s of SEED) {
      await new Promise((resolve) => setTimeout(resolve, 3)); // distinct $createdAt milliseconds
      const password = s.id === 'ada' ? 'correct horse battery' : undefined;
      const body = { userId: s.id, name: s.name || undefined, email: s.email || undefined, password };
      created.push((await t.createUser({ ...body, phone: s.phone || undefined })).$createdAt);
      const patch = (m: string, p: string, b: object) => t.request(m, `/v1/users/${s.id}/${p}`, { body: b });
      if (s.blocked) expect((await patch('PATCH', 'status', { status: false })).status).toBe(200);
      if (s.labels.length) expect((await patch('PUT', 'labels', { labels: s.labels })).status).toBe(200);
    }
    if (new Set(created).size !== SEED.length) throw new Error('seed users need distinct $createdAt values');
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers the first 25 users in creation order with the total of all users', async () => {
    const res = await t.request('GET', '/v1/users');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(['total', 'users']);
    expect({ total: res.body.total, ids: idsOf(res) }).toEqual({ total: 30, ids: ALL.slice(0, 25) });
  });

  it('lists full User models, identical to GET /v1/users/{id}, with hashes for the bootstrap key', async () => {
    const [res, one] = await Promise.all([
      list([Q('equal', '$id', 'ada')]),
      t.request('GET', '/v1/users/ada'),
    ]);
    expect(res.body.total).toBe(1);
    expect(Object.keys(res.body.users[0])).toEqual(Object.keys(one.body));
    expect(res.body.users[0]).toEqual(one.body);
    expect(res.body.users[0]).toMatchObject({ labels: ['vip', 'admin'], hashOptions: { type: 'argon2' } });
    expect(res.body.users[0].password).toMatch(/^\$argon2id\$/);
    expect(res.body.users[0].targets).toHaveLength(2);
  });

  it.each([
    ['limit 5', [limit(5)], ALL.slice(0, 5)],
    ['limit 7 offset 10', [limit(7), offset(10)], ALL.slice(10, 17)],
    ['offset 28', [offset(28)], ALL.slice(28)],
    ['offset past the end', [offset(30)], []],
    ['limit 5000', [limit(5000)], ALL],
    ['first limit wins', [limit(3), limit(10)], ALL.slice(0, 3)],
    ['first offset wins', [offset(27), offset(1)], ALL.slice(27)],
    ['numeric-string limit', [limit('2')], ALL.slice(0, 2)],
  ])('pages: %s', async (_label, queries, expected) => {
    expect(await ok(queries)).toEqual({ total: 30, ids: expected });
  });

  it('answers total 0 without counting when total=false', async () => {
    expect(await ok([limit(2)], { total: 'false' })).toEqual({ total: 0, ids: ALL.slice(0, 2) });
    expect(await ok([limit(2)], { total: 'true' })).toEqual({ total: 30, ids: ALL.slice(0, 2) });
  });

  it('takes the queries[]= form and the plain queries= form', async () => {
    const brackets = new URLSearchParams([
      ['queries[]', JSON.stringify(limit(2))],
      ['queries[]', JSON.stringify(offset(1))],
    ]);
    const res = await t.request('GET', `/v1/users?${brackets}`);
    expect({ total: res.body.total, ids: idsOf(res) }).toEqual({ total: 30, ids: ALL.slice(1, 3) });
    const plain = new URLSearchParams({ queries: JSON.stringify(limit(1)) });
    expect(idsOf(await t.request('GET', `/v1/users?${plain}`))).toEqual(['ada']);
  });

  it('takes legacy string queries from an SDK asking for format 1.4.0 (without targets and mfa)', async () => {
    const queries = ['equal("name", ["Grace Hopper", "Ken Thompson"])', 'orderDesc("name")', 'limit(1)'];
    const res = await t.request('GET', path(queries), { headers: { 'x-appwrite-response-format': '1.4.0' } });
    const page = { status: res.status, total: res.body.total, ids: idsOf(res) };
    expect(page).toEqual({ status: 200, total: 2, ids: ['ken'] });
    expect(res.body.users[0]).not.toHaveProperty('targets');
    expect(res.body.users[0]).not.toHaveProperty('mfa');
  });

  const at = (i: number) => created[i];
  const START = (prefix: string) => Q('startsWith', 'name', prefix);
  const NOT_SAM = [...ALL.slice(0, 8), 'anon-1'];
  it.each<[string, () => Q[], string[]]>([
    ['equal name', () => [Q('equal', 'name', 'Grace Hopper')], ['grace']],
    ['equal, 3 values', () => [Q('equal', 'name', 'Ken Thompson', 'Grace Hopper', 'X')], ['grace', 'ken']],
    ['equal email', () => [Q('equal', 'email', 'ada.lovelace@example.com')], ['ada']],
    ['equal $id', () => [Q('equal', '$id', 'sam-2', 'user-29')], ['sam-2', 'user-29']],
    ['equal status false', () => [Q('equal', 'status', false)], pick((s) => s.blocked)],
    ['notEqual status true', () => [Q('notEqual', 'status', true)], pick((s) => s.blocked)],
    ['notEqual name', () => [Q('notEqual', 'name', 'Sam'), Q('lessThan', '$createdAt', at(12))], NOT_SAM],
    ['lessThan $createdAt', () => [Q('lessThan', '$createdAt', at(3))], ALL.slice(0, 3)],
    [
      'lessThanEqual, Z',
      () => [Q('lessThanEqual', '$createdAt', new Date(at(3)).toISOString())],
      ALL.slice(0, 4),
    ],
    ['greaterThan registration', () => [Q('greaterThan', 'registration', at(26))], ALL.slice(27)],
    ['greaterThanEqual registration', () => [Q('greaterThanEqual', 'registration', at(26))], ALL.slice(26)],
    ['between $createdAt', () => [Q('between', '$createdAt', at(5), at(8))], ALL.slice(5, 9)],
    ['notBetween $createdAt', () => [Q('notBetween', '$createdAt', at(1), at(28))], ['ada', 'user-29']],
    ['startsWith name', () => [START('Ad')], ['ada', 'adam']],
    ['startsWith takes % literally', () => [START('%')], []],
    ['endsWith email', () => [Q('endsWith', 'email', '@bell-labs.com')], ['ken', 'dennis']],
    ['isNull phone', () => [Q('isNull', 'phone')], pick((s) => !s.phone)],
    ['isNotNull phone', () => [Q('isNotNull', 'phone')], pick((s) => !!s.phone)],
    ['isNull email', () => [Q('isNull', 'email')], ['sam-2', 'sam-3', 'anon-1', 'anon-2']],
    ['contains labels', () => [Q('contains', 'labels', 'vip')], pick(hasLabel('vip'))],
    [
      'contains, any of',
      () => [Q('contains', 'labels', 'staff', 'bulk')],
      ['alan', ...pick(hasLabel('bulk'))],
    ],
    ['contains is case-sensitive', () => [Q('contains', 'labels', 'VIP')], []],
    ['containsAll labels', () => [Q('containsAll', 'labels', 'dev', 'vip')], ['ken']],
    ['notContains labels', () => [Q('notContains', 'labels', 'vip')], pick((s) => !hasLabel('vip')(s))],
    [
      'or',
      () => [or(Q('equal', 'name', 'Grace Hopper'), Q('contains', 'labels', 'staff'))],
      ['alan', 'grace'],
    ],
    [
      'and',
      () => [and(Q('equal', 'status', false), Q('isNotNull', 'phone'))],
      ['dennis', 'user-15', 'user-25'],
    ],
    [
      'and(or, contains)',
      () => [and(or(START('Ad'), START('Al')), Q('contains', 'labels', 'vip'))],
      ['ada', 'adam'],
    ],
    [
      'filters are ANDed',
      () => [Q('contains', 'labels', 'dev'), Q('equal', 'status', true)],
      ['linus', 'ken'],
    ],
  ])('filters: %s', async (_label, queries, expected) => {
    expect(expected.length).toBeLessThan(30);
    expect(await ok([...queries(), limit(100)])).toEqual({ total: expected.length, ids: expected });
  });

  it.each([
    ['orderAsc name', Q('orderAsc', 'name'), byName(1), ['sam-1', 'sam-2', 'sam-3']],
    ['orderDesc name', Q('orderDesc', 'name'), byName(-1), ['sam-1', 'sam-2', 'sam-3']],
    ['orderDesc $createdAt', Q('orderDesc', '$createdAt'), [...ALL].reverse(), ['sam-3', 'sam-2', 'sam-1']],
  ])('orders: %s, ties by creation order', async (_label, order, expected, sams) => {
    expect(await ok([order, limit(100)])).toEqual({ total: 30, ids: expected });
    expect(expected.filter((id) => id.startsWith('sam-'))).toEqual(sams);
  });

  it.each([
    ['creation order', []],
    ['orderDesc name', [Q('orderDesc', 'name')]],
    ['orderAsc status, orderDesc name', [Q('orderAsc', 'status'), Q('orderDesc', 'name')]],
  ])('walks %s by 7 with cursorAfter and cursorBefore exactly as with offsets', async (_label, order) => {
    const expected: string[] = [];
    for (let skip = 0; skip < 35; skip += 7) {
      expected.push(...(await ok([...order, limit(7), offset(skip)])).ids);
    }
    expect(new Set(expected).size).toBe(30);
    const forward: string[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await ok([...order, limit(7), ...(cursor ? [after(cursor)] : [])]);
      expect({ total: page.total, short: page.ids.length <= 7 }).toEqual({ total: 30, short: true });
      if (page.ids.length === 0) break;
      forward.push(...page.ids);
      cursor = page.ids[page.ids.length - 1];
    }
    expect(forward).toEqual(expected);
    const backward = [expected[29]];
    for (;;) {
      const page = await ok([...order, limit(7), before(backward[0])]);
      if (page.ids.length === 0) break;
      backward.unshift(...page.ids);
    }
    expect(backward).toEqual(expected);
    expect((await ok([...order, before(expected[10]), limit(7)])).ids).toEqual(expected.slice(3, 10));
  });

  const IQ = 'Invalid `queries` param: Invalid query: ';
  const [ARG, QRY, CNF] = ['general_argument_invalid', 'general_query_invalid', 'general_cursor_not_found'];
  const NUL = 'database_query_order_null';
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  it.each<[string, Array<Q | string>, string, string | RegExp]>([
    ['unknown attribute', [Q('equal', 'nope', 'x')], ARG, `${IQ}Attribute not found in schema: nope`],
    ['select', [Q('select', undefined, 'name')], ARG, /^Invalid `queries` param: Invalid query: /],
    [
      'equal on labels',
      [Q('equal', 'labels', 'vip')],
      ARG,
      `${IQ}Cannot query equal on attribute "labels" because it is an array.`,
    ],
    ['order on labels', [Q('orderAsc', 'labels')], ARG, /because it is an array/],
    ['non-JSON garbage', ['{"method":'], QRY, /^Invalid query: /],
    ['unknown method', [Q('fly', 'name', 'x')], QRY, /fly/],
    ['limit 0', [limit(0)], ARG, /Invalid limit/],
    ['limit 5001', [limit(5001)], ARG, /Invalid limit/],
    ['offset -1', [offset(-1)], ARG, /Invalid offset/],
    ['a boolean as string', [Q('equal', 'status', 'false')], ARG, /status/],
    ['a bad date', [Q('lessThan', '$createdAt', 'yesterday')], ARG, /\$createdAt/],
    ['between with one value', [Q('between', '$createdAt', '2020-01-01')], ARG, /exactly two/],
    ['search on status', [Q('search', 'status', 'x')], QRY, /fulltext index/],
    ['an invalid cursor id', [after('_x')], ARG, /Invalid cursor/],
    ['an unknown cursorAfter', [after('ghost')], CNF, "User 'ghost' for the 'cursor' value not found."],
    ['an unknown cursorBefore', [before('gone')], CNF, "User 'gone' for the 'cursor' value not found."],
    ['a cursor with null email', [Q('orderAsc', 'email'), after('anon-1')], NUL, /^Order attribute 'email'/],
  ])('refuses %s with 400', async (_label, queries, type, message) => {
    const expected = typeof message === 'string' ? exactly(message) : message;
    expectAppwriteError(await list(queries), 400, type, expected);
  });

  it.each([
    ['empty search', { search: '' }, /^Invalid `search` param/],
    ['257-char search', { search: 'a'.repeat(257) }, /^Invalid `search` param/],
    ['total=maybe', { total: 'maybe' }, /^Invalid `total` param/],
  ])('refuses %s with 400 general_argument_invalid', async (_label, params, message) => {
    expectAppwriteError(await list([], params), 400, 'general_argument_invalid', message);
  });

  it.each([
    ['id', 'cr7', ['cr7']],
    ['a name word', 'hopper', ['grace']],
    ['a name prefix', 'Ad', ['ada', 'adam']],
    ['a full email', 'cristiano.ronaldo@manchester-united.co.uk', ['cr7']],
    ['an email local-part piece', 'commodore', ['grace']],
    ['the start of an email', 'cristiano.ronaldo', ['cr7']],
    ['an email domain word', 'bell', ['ken', 'dennis']],
    ['the email domain', 'united.co.uk', ['cr7']],
    ['phone with +', '+14155550100', ['ada']],
    ['phone without +', '14155550100', ['ada']],
    ['a phone prefix', '+4477', ['alan']],
    ['label', 'label:vip', pick(hasLabel('vip'))],
    ['label, upper case', 'LABEL:VIP', pick(hasLabel('vip'))],
    ['two words, both must match', 'ada lovelace', ['ada']],
    ['two words from two fields', 'bell dennis', ['dennis']],
    ['two words never together', 'lovelace smith', []],
    ['upper case', 'GRACE', ['grace']],
    ['a term matching nothing', 'zzzqqq', []],
    ['">"', '>', []],
    ['"%" (literal)', '%', []],
    ['"a_a" (literal _)', 'a_a', []],
  ])('search by %s', async (_label, search, expected) => {
    expect(await ok([limit(100)], { search })).toEqual({ total: expected.length, ids: expected });
  });

  it('combines search with queries', async () => {
    const blocked = await ok([Q('equal', 'status', false)], { search: 'label:dev' });
    expect(blocked).toEqual({ total: 1, ids: ['dennis'] });
    expect(await ok([limit(1), offset(1)], { search: 'sam' })).toEqual({ total: 3, ids: ['sam-2'] });
  });

  // The same token search through the `search` query method (a service extension), which does work.
  it.each([
    ['name prefix', Q('search', 'name', 'lov'), ['ada']],
    ['email word', Q('search', 'email', 'bell'), ['ken', 'dennis']],
    ['phone without +', Q('search', 'phone', '4477'), ['alan']],
    ['email domain', Q('search', 'email', 'united.co.uk'), ['cr7']],
  ])('search query method: %s', async (_label, query, expected) => {
    expect(await ok([query])).toEqual({ total: expected.length, ids: expected });
  });

  describe('hostile input', () => {
    const NASTY = [
      ...`' " \\ % _ ) ( \` * @ + label: \\%\\_ 😀👩‍💻 \u0000 a\u0000b \n\t`.split(' '),
      ...["' OR 1=1 --", '"; DROP TABLE users; --', '%'.repeat(256), 'a'.repeat(300)],
    ];
    const nested = (depth: number): Q =>
      depth ? and(nested(depth - 1), Q('equal', 'name', 'x')) : Q('isNull', 'name');
    const manyValues = Q('equal', 'name', ...Array.from({ length: 600 }, (_, i) => `n${i}`));
    const raw = (query: string) => `/v1/users?${query}`;
    const cases: Array<[string, string]> = NASTY.flatMap((s, i): Array<[string, string]> => [
      ...(s.length <= 256 ? [[`search #${i}`, path([], { search: s })] as [string, string]] : []),
      [`equal name #${i}`, path([Q('equal', 'name', s)])],
      [`startsWith email #${i}`, path([Q('startsWith', 'email', s)])],
      [`contains labels #${i}`, path([Q('contains', 'labels', s)])],
      [`search query #${i}`, path([Q('search', 'name', s)])],
      [`attribute #${i}`, path([Q('equal', s, 'x')])],
      [`raw query #${i}`, path([s])],
      [`legacy query #${i}`, path([`equal("name", "${s}")`])],
      [`cursor #${i}`, path([after(s)])],
    ]);
    cases.push(
      ['__proto__ attribute', path([Q('equal', '__proto__', 'x')])],
      ['constructor attribute', path([Q('equal', 'constructor', 'x')])],
      ['__proto__ key', path(['{"__proto__":{"method":"equal","attribute":"name","values":["x"]}}'])],
      ['__proto__ method', path(['{"method":"__proto__"}'])],
      ['and nested 50 levels', path([nested(50)])],
      ['or nested 50 levels', path([JSON.stringify(nested(50)).replace(/"and"/g, '"or"')])],
      ['600 values in equal', path([manyValues])],
      ['101 queries', path(Array.from({ length: 101 }, () => limit(1)))],
      ['values not an array', path(['{"method":"equal","attribute":"name","values":"x"}'])],
      ['object value', path([Q('equal', 'name', { a: 1 })])],
      ['null value', path([Q('equal', 'name', null)])],
      ['huge limit', path([limit(1e308)])],
      ['unsafe offset', path([offset('9007199254740993')])],
      ['cursor object', path([after({})])],
      ['date out of range', path([Q('lessThan', '$createdAt', '99999-01-01')])],
      ['queries[__proto__]', raw('queries[__proto__]=x')],
      ['queries[0][a]', raw('queries[0][a]=x')],
      ['queries[999999]', raw(`queries[999999]=${encodeURIComponent(JSON.stringify(limit(1)))}`)],
      ['search[]', raw('search[]=a&search[]=b')],
      ['total[]', raw('total[]=true')],
      ['bad percent-encoding', raw('search=%E0%A4%A')],
    );

    const countRows = async () => {
      const [rows] = await t.db.query('SELECT COUNT(*) AS n FROM users');
      return Number((rows as Array<{ n: number }>)[0].n);
    };

    it.each(cases)('never answers 500: %s', async (_label, target) => {
      const res = await t.request('GET', target);
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expectAppwriteError(res, res.status, res.body?.type);
      else expect(Object.keys(res.body)).toEqual(['total', 'users']);
    });

    it('refuses more than 500 values in one query with 400 general_argument_invalid', async () => {
      expectAppwriteError(
        await list([manyValues]),
        400,
        'general_argument_invalid',
        /^Invalid `queries` param: /,
      );
    });

    it('left the users table as it was', async () => {
      expect(await countRows()).toBe(30);
      expect(await ok([Q('equal', 'status', true)])).toMatchObject({ total: 25 });
    });
  });
});
