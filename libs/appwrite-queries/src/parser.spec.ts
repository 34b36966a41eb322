import { expectArgumentInvalid, expectQueryInvalid } from '../test/users-schema';
import { parseQueries } from './parser';

const equalName = '{"method":"equal","attribute":"name","values":["x"]}';

describe('parseQueries: input shapes', () => {
  it.each([undefined, null, ''])('treats %p as no queries', (raw) => {
    expect(parseQueries(raw)).toEqual([]);
  });

  it('accepts a single string', () => {
    expect(parseQueries(equalName)).toEqual([{ method: 'equal', attribute: 'name', values: ['x'] }]);
  });

  it('accepts an array of strings, keeping their order', () => {
    expect(parseQueries([equalName, '{"method":"limit","values":[2]}'])).toEqual([
      { method: 'equal', attribute: 'name', values: ['x'] },
      { method: 'limit', values: [2] },
    ]);
  });

  it('accepts an object with numeric keys, ordered numerically', () => {
    const raw = { '10': 'offset(3)', '2': 'limit(2)', '01': 'orderAsc("name")' };
    expect(parseQueries(raw).map((q) => q.method)).toEqual(['orderAsc', 'limit', 'offset']);
  });

  it('refuses objects with other keys and non-string elements', () => {
    expectQueryInvalid(
      () => parseQueries({ '0': equalName, x: equalName }),
      'Invalid query: Queries must be an array',
    );
    expectQueryInvalid(
      () => parseQueries([equalName, 5]),
      'Invalid query: Query must be a string, got integer',
    );
    expectQueryInvalid(
      () => parseQueries([{ method: 'limit' }]),
      'Invalid query: Query must be a string, got object',
    );
    expectQueryInvalid(() => parseQueries(42), 'Invalid query: Queries must be an array');
  });
});

describe('parseQueries: JSON syntax', () => {
  it('defaults missing attribute and values, as the SDK omits them', () => {
    expect(
      parseQueries([
        '{"method":"orderDesc","attribute":"$createdAt"}',
        '{"method":"cursorAfter","values":["a"]}',
      ]),
    ).toEqual([
      { method: 'orderDesc', attribute: '$createdAt', values: [] },
      { method: 'cursorAfter', values: ['a'] },
    ]);
  });

  it('treats null attribute and values as absent', () => {
    expect(parseQueries('{"method":"isNull","attribute":null,"values":null}')).toEqual([
      { method: 'isNull', values: [] },
    ]);
  });

  it('parses nested queries of and/or, given as objects or JSON strings', () => {
    const raw = JSON.stringify({
      method: 'or',
      values: [{ method: 'equal', attribute: 'name', values: ['a'] }, equalName],
    });
    expect(parseQueries(raw)).toEqual([
      {
        method: 'or',
        values: [
          { method: 'equal', attribute: 'name', values: ['a'] },
          { method: 'equal', attribute: 'name', values: ['x'] },
        ],
      },
    ]);
  });

  it.each([
    ['{"method":"equal"', 'Invalid query: Syntax error'],
    ['', 'Invalid query: Syntax error'],
    ['[1,2]', 'Invalid query: Query must be an object, got array'],
    ['"equal"', 'Invalid query: Query must be an object, got string'],
    ['5', 'Invalid query: Query must be an object, got integer'],
    ['{"method":["equal"]}', 'Invalid query: Invalid query method. Must be a string, got array'],
    ['{"method":"frobnicate"}', 'Invalid query: Invalid query method: frobnicate'],
    ['{}', 'Invalid query: Invalid query method: '],
    [
      '{"method":"equal","attribute":5}',
      'Invalid query: Invalid query attribute. Must be a string, got integer',
    ],
    [
      '{"method":"equal","attribute":"name","values":"x"}',
      'Invalid query: Invalid query values. Must be an array, got string',
    ],
    ['{"method":"and","values":[1, 2]}', 'Invalid query: Query must be an object, got integer'],
    ['{"method":"or","values":["limit("]}', /^Invalid query: Expected a value at position 6$/],
  ])('refuses %s with general_query_invalid', (raw, message) => {
    expectQueryInvalid(() => parseQueries([raw]), message);
  });

  it('ignores __proto__ and inherited members', () => {
    const [query] = parseQueries('{"__proto__":{"method":"equal"},"method":"limit","values":[1]}');
    expect(query).toEqual({ method: 'limit', values: [1] });
    expect(({} as Record<string, unknown>).method).toBeUndefined();
    expectQueryInvalid(
      () => parseQueries('{"__proto__":{"method":"limit"}}'),
      'Invalid query: Invalid query method: ',
    );
  });
});

describe('parseQueries: limits', () => {
  it('allows 100 queries and refuses 101', () => {
    expect(parseQueries(Array(100).fill('limit(1)'))).toHaveLength(100);
    expectArgumentInvalid(
      () => parseQueries(Array(101).fill('limit(1)')),
      'Maximum of 100 queries are allowed, each 4096 characters long.',
    );
    const asObject = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [String(i), 'limit(1)']));
    expectArgumentInvalid(() => parseQueries(asObject), /Maximum of 100 queries/);
  });

  it('refuses a query longer than 4096 characters', () => {
    const wrap = (text: string) => `{"method":"equal","attribute":"name","values":["${text}"]}`;
    const fits = wrap('a'.repeat(4096 - wrap('').length));
    expect(fits).toHaveLength(4096);
    expect(parseQueries([fits])).toHaveLength(1);
    expectArgumentInvalid(
      () => parseQueries([fits.replace('"a', '"aa')]),
      'Invalid query: A query may be at most 4096 characters long',
    );
  });

  it('refuses more than 500 values in one query', () => {
    const values = (n: number) =>
      JSON.stringify({ method: 'equal', attribute: 'name', values: Array(n).fill(1) });
    expect(parseQueries(values(500))[0].values).toHaveLength(500);
    expectArgumentInvalid(
      () => parseQueries(values(501)),
      'Invalid query: Query on attribute has greater than 500 values: name',
    );
  });

  it('allows three levels of and/or and refuses four', () => {
    const leaf = { method: 'equal', attribute: 'name', values: ['x'] };
    const nest = (levels: number): object =>
      levels === 0 ? leaf : { method: levels % 2 ? 'and' : 'or', values: [nest(levels - 1), leaf] };
    expect(parseQueries(JSON.stringify(nest(3)))).toHaveLength(1);
    expectArgumentInvalid(
      () => parseQueries(JSON.stringify(nest(4))),
      'Invalid query: Logical queries may be nested at most 3 levels deep',
    );
  });
});
