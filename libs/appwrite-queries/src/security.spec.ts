import { ArgumentInvalidError, QueryInvalidError } from '@libs/http';
import { expectSafeCompiled, onlyQueryErrors } from '../test/sql-guard';
import { thrown, usersSchema } from '../test/users-schema';
import { compileQueries } from './compiler';
import { parseQueries } from './parser';
import { Query } from './types';

const run = (raw: unknown) => compileQueries(parseQueries(raw), usersSchema);
const json = (method: string, attribute: unknown, values: unknown) =>
  JSON.stringify({ method, attribute, values });

describe('hostile attribute names never reach the SQL', () => {
  it.each([
    'name; DROP TABLE users',
    'name`)',
    "name' OR '1'='1",
    'u.name',
    'name\u0000',
    'name ',
    'NAME',
    '$id)--',
    'toString',
    'hasOwnProperty',
    'x'.repeat(4000),
  ])('refuses %j as an unknown attribute', (attribute) => {
    for (const query of [json('equal', attribute, ['x']), json('orderAsc', attribute, [])]) {
      const error = thrown(() => run([query]));
      expect(error).toBeInstanceOf(ArgumentInvalidError);
      expect((error as Error).message).toContain('Attribute not found in schema');
    }
  });
});

describe('hostile values only ever become parameters', () => {
  const values = [
    "x' OR 1=1 --",
    'x"); DROP TABLE users; --',
    'back\\slash\\',
    '100%_sure',
    'nul\u0000byte',
    '\u202e\ud800lone surrogate',
    '?',
    "'\\\\'",
    'y'.repeat(4000),
  ];

  it.each(values)('keeps %j out of the SQL text', (value) => {
    for (const method of ['equal', 'notEqual', 'search', 'notSearch']) {
      const compiled = run([json(method, 'name', [value])]);
      expectSafeCompiled(compiled, usersSchema);
      expect(compiled.where.params).toEqual([value]);
    }
    for (const method of ['startsWith', 'notEndsWith', 'contains', 'notContains']) {
      const compiled = run([json(method, 'name', [value])]);
      expectSafeCompiled(compiled, usersSchema);
      expect(compiled.where.params).toHaveLength(1);
    }
    const labels = run([json('containsAll', 'labels', [value, 'b'])]);
    expectSafeCompiled(labels, usersSchema);
    expect(labels.where.params).toContain(value);
    expectSafeCompiled(run([json('contains', 'roles', [value])]), usersSchema);
  });

  it('works the same through the legacy syntax', () => {
    const compiled = run([String.raw`equal("name", ["x' OR 1=1 --", 'a\'b\\c'])`]);
    expect(compiled.where).toEqual({ sql: 'u.name IN (?, ?)', params: ["x' OR 1=1 --", "a'b\\c"] });
  });
});

describe('malformed shapes are refused with the two query errors only', () => {
  const leaf = { method: 'equal', attribute: 'name', values: ['x'] };
  const deep = (levels: number): object =>
    levels === 0 ? leaf : { method: 'and', values: [deep(levels - 1), leaf] };

  it.each<[string, unknown, typeof ArgumentInvalidError | typeof QueryInvalidError]>([
    ['deep and/or nesting', [JSON.stringify(deep(50))], ArgumentInvalidError],
    ['10,000 values in a string', [json('equal', 'name', Array(10_000).fill('x'))], ArgumentInvalidError],
    ['10,000 queries', Array(10_000).fill('limit(1)'), ArgumentInvalidError],
    ['an object as method', ['{"method":{"toString":"equal"}}'], QueryInvalidError],
    ['an object as attribute', [json('equal', { name: 1 }, ['x'])], QueryInvalidError],
    ['an object as values', [json('equal', 'name', { 0: 'x' })], QueryInvalidError],
    ['an object as value', [json('equal', 'name', [{ toString: 'x' }])], ArgumentInvalidError],
    ['an array as value', [json('equal', 'name', [['x']])], ArgumentInvalidError],
    ['an object as limit', [json('limit', undefined, [{}])], ArgumentInvalidError],
    ['an object as cursor', [json('cursorAfter', undefined, [{ $id: 'a' }])], ArgumentInvalidError],
    ['a number string for a string attribute', [json('equal', 'status', ['1'])], ArgumentInvalidError],
    ['a number for a string attribute', [json('equal', 'name', [1])], ArgumentInvalidError],
    [
      'a __proto__ attribute',
      ['{"method":"equal","attribute":"__proto__","values":["x"]}'],
      ArgumentInvalidError,
    ],
    [
      'a nested constructor method',
      ['{"method":"or","values":[{"method":"constructor"}]}'],
      QueryInvalidError,
    ],
  ])('%s', (_label, raw, errorClass) => {
    expect(thrown(() => run(raw))).toBeInstanceOf(errorClass);
  });

  it('does not let __proto__ keys pollute prototypes', () => {
    const raw =
      '{"method":"and","values":[{"__proto__":{"admin":true},"method":"isNull","attribute":"email"},' +
      '{"method":"isNull","attribute":"name","__proto__":null}]}';
    expect(run([raw]).where.sql).toBe('(u.email IS NULL AND u.name IS NULL)');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('treats hand-built objects with hostile toString/valueOf as plain data', () => {
    const sneaky = { toString: () => "') OR 1=1 --", valueOf: () => 1 };
    const queries = [{ method: 'equal', attribute: 'name', values: [sneaky] }] as Query[];
    expect(thrown(() => compileQueries(queries, usersSchema))).toBeInstanceOf(ArgumentInvalidError);
    const cyclic: Query = { method: 'and', values: [] };
    cyclic.values.push(cyclic, cyclic);
    expect(thrown(() => compileQueries([cyclic], usersSchema))).toBeInstanceOf(ArgumentInvalidError);
  });

  it('accepts numbers given as strings where Appwrite does', () => {
    const compiled = run([json('equal', '$sequence', ['12', 13]), json('limit', undefined, ['5'])]);
    expect(compiled).toMatchObject({ where: { sql: 'u.sequence IN (?, ?)', params: [12, 13] }, limit: 5 });
  });

  it('never throws anything else for odd top-level inputs', () => {
    const inputs: unknown[] = [
      0,
      true,
      Symbol('q'),
      () => 1,
      [[]],
      [null],
      { '0': 1 },
      { length: 1, 0: 'x' },
    ];
    for (const raw of inputs) expect(onlyQueryErrors(() => run(raw))).toBe('refused');
  });
});
