import { expectArgumentInvalid, expectQueryInvalid, usersSchema } from '../test/users-schema';
import { compileQueries } from './compiler';
import { parseQueries } from './parser';
import { QuerySchema } from './types';

const compile = (queries: string[], schema: QuerySchema = usersSchema) =>
  compileQueries(parseQueries(queries), schema);

describe('compileQueries: paging and ordering', () => {
  it('defaults to limit 25 (or the schema default), offset 0, no cursor, no order', () => {
    expect(compile([])).toEqual({ where: { sql: '', params: [] }, orderBy: [], limit: 25, offset: 0 });
    expect(compile([], { ...usersSchema, defaultLimit: 10 }).limit).toBe(10);
  });

  it('takes the first limit, offset and cursor; all of them must still be valid', () => {
    const result = compile([
      'limit(5)',
      'offset(2)',
      'cursorBefore("b")',
      'limit(7)',
      'offset(9)',
      'cursorAfter("a")',
    ]);
    expect(result).toMatchObject({ limit: 5, offset: 2, cursor: { direction: 'before', id: 'b' } });
    expectArgumentInvalid(() => compile(['limit(5)', 'limit(0)']), /Invalid limit/);
  });

  it('accepts numeric strings for limit and offset', () => {
    expect(
      compile(['{"method":"limit","values":["3"]}', '{"method":"offset","values":["0"]}']),
    ).toMatchObject({
      limit: 3,
      offset: 0,
    });
  });

  it('keeps every explicit order in the given order', () => {
    expect(compile(['orderDesc("$createdAt")', 'orderAsc("name")']).orderBy).toEqual([
      { attribute: '$createdAt', column: 'u.created_at', direction: 'DESC' },
      { attribute: 'name', column: 'u.name', direction: 'ASC' },
    ]);
  });

  it.each([
    [
      'limit(0)',
      'Invalid query: Invalid limit: Value must be a valid range between 1 and 5,000 (the largest page this server returns)',
    ],
    ['limit(5001)', /between 1 and 5,000/],
    ['limit(1e300)', /between 1 and 5,000/],
    ['limit(2.5)', 'Invalid query: Invalid limit: Value must be a valid integer'],
    ['limit("ten")', 'Invalid query: Invalid limit: Value must be a valid integer'],
    ['limit()', 'Invalid query: Invalid limit: Value must be a valid integer'],
    [
      'offset(-1)',
      /Invalid query: Invalid offset: Value must be a valid range between 0 and 9,007,199,254,740,991$/,
    ],
    ['offset(true)', 'Invalid query: Invalid offset: Value must be a valid integer'],
    ['{"method":"offset","values":["99999999999999999999"]}', /Invalid offset: Value must be a valid range/],
    ['cursorAfter("")', /Invalid query: Invalid cursor: Value must be a document ID/],
    ['cursorAfter("_abc")', /Invalid cursor/],
    ['cursorBefore("a/b")', /Invalid cursor/],
    [`cursorAfter("${'a'.repeat(37)}")`, /Invalid cursor/],
    ['cursorAfter(5)', /Invalid cursor/],
    ['cursorAfter()', /Invalid cursor/],
    ['orderAsc("foo")', 'Invalid query: Attribute not found in schema: foo'],
    ['orderDesc()', 'Invalid query: Attribute not found in schema: '],
    ['orderAsc("labels")', 'Invalid query: Cannot order by attribute "labels" because it is an array.'],
  ])('refuses %s', (text, message) => {
    expectArgumentInvalid(() => compile([text]), message);
  });

  it('caps limit at the schema maximum', () => {
    expect(compile(['limit(100)'], { ...usersSchema, maxLimit: 100 }).limit).toBe(100);
    expectArgumentInvalid(
      () => compile(['limit(101)'], { ...usersSchema, maxLimit: 100 }),
      /between 1 and 100 /,
    );
  });

  it('accepts the longest and shortest valid cursor ids', () => {
    expect(compile([`cursorAfter("${'a'.repeat(36)}")`]).cursor?.id).toHaveLength(36);
    expect(compile(['cursorAfter("A.b-c_9")']).cursor).toEqual({ direction: 'after', id: 'A.b-c_9' });
  });
});

describe('compileQueries: refusals', () => {
  it.each([
    ['select(["name"])', 'Invalid query: Select queries are not allowed here'],
    ['orderRandom()', 'Invalid query: Random ordering is not supported; use orderAsc or orderDesc'],
    ['regex("name", "a.*")', 'Invalid query: Query method "regex" is not supported'],
    ['exists("name")', 'Invalid query: Query method "exists" is not supported'],
    ['notExists("name")', 'Invalid query: Query method "notExists" is not supported'],
    [
      '{"method":"elemMatch","attribute":"roles","values":[]}',
      'Invalid query: Query method "elemMatch" is not supported',
    ],
    ['intersects("name", [1, 2])', 'Invalid query: Query method "intersects" is not supported'],
    ['equal("foo", "x")', 'Invalid query: Attribute not found in schema: foo'],
    ['equal("constructor", "x")', 'Invalid query: Attribute not found in schema: constructor'],
    ['equal("__proto__", "x")', 'Invalid query: Attribute not found in schema: __proto__'],
    [
      'equal("labels", ["a"])',
      'Invalid query: Cannot query equal on attribute "labels" because it is an array.',
    ],
    [
      'greaterThan("roles", "a")',
      'Invalid query: Cannot query greaterThan on attribute "roles" because it is an array.',
    ],
    [
      'startsWith("labels", "a")',
      'Invalid query: Cannot query startsWith on attribute "labels" because it is an array.',
    ],
    [
      'startsWith("status", "a")',
      'Invalid query: Cannot query startsWith on attribute "status" because it is not a string.',
    ],
    [
      'contains("logins", [1])',
      'Invalid query: Cannot query contains on attribute "logins" because it is not an array or string.',
    ],
    [
      'equal("status", "true")',
      'Invalid query: Query value is invalid for attribute "status": expected true or false',
    ],
    [
      'equal("status", 1)',
      'Invalid query: Query value is invalid for attribute "status": expected true or false',
    ],
    [
      'equal("registration", "yesterday")',
      'Invalid query: Query value is invalid for attribute "registration": expected an ISO 8601 date',
    ],
    ['equal("registration", "2025-02-30")', /expected an ISO 8601 date/],
    [
      'equal("logins", 1.5)',
      'Invalid query: Query value is invalid for attribute "logins": expected an integer',
    ],
    ['equal("logins", "1e3")', /expected an integer/],
    ['equal("name", 5)', 'Invalid query: Query value is invalid for attribute "name": expected a string'],
    ['equal("name", null)', /expected a string/],
    ['contains("labels", [5])', /expected a string/],
    ['equal("name", [])', 'Invalid query: Equal queries require at least one value.'],
    ['equal("name", [[]])', 'Invalid query: Equal queries require at least one value.'],
    ['contains("labels", [])', 'Invalid query: Contains queries require at least one value.'],
    ['notEqual("name", ["a", "b"])', 'Invalid query: NotEqual queries require exactly one value.'],
    ['lessThan("logins")', 'Invalid query: LessThan queries require exactly one value.'],
    ['between("logins", 1)', 'Invalid query: Between queries require exactly two values.'],
    ['notBetween("logins", 1, 2, 3)', 'Invalid query: NotBetween queries require exactly two values.'],
    ['search("name")', 'Invalid query: Search queries require exactly one value.'],
    ['search("name", 5)', /expected a string/],
    [
      '{"method":"and","values":[{"method":"equal","attribute":"name","values":["a"]}]}',
      'Invalid query: And queries require at least two queries',
    ],
    [
      '{"method":"or","values":[{"method":"limit","values":[1]},{"method":"isNull","attribute":"email"}]}',
      'Invalid query: Or queries can only contain filter queries',
    ],
    [
      '{"method":"or","values":[{"method":"regex","attribute":"name"},{"method":"isNull","attribute":"email"}]}',
      /"regex" is not supported/,
    ],
  ])('refuses %s with general_argument_invalid', (text, message) => {
    expectArgumentInvalid(() => compile([text]), message);
  });

  it('refuses search on an attribute without a search implementation with general_query_invalid', () => {
    expectQueryInvalid(
      () => compile(['search("email", "x")']),
      'Searching by attribute "email" requires a fulltext index.',
    );
    expectQueryInvalid(() => compile(['notSearch("email", "x")']), /requires a fulltext index/);
  });

  it('applies allowedMethods, also inside and/or', () => {
    const logs: QuerySchema = { ...usersSchema, allowedMethods: ['limit', 'offset'] };
    expect(compile(['limit(3)', 'offset(1)'], logs)).toMatchObject({ limit: 3, offset: 1 });
    expectArgumentInvalid(
      () => compile(['equal("name", "x")'], logs),
      'Invalid query: Query method "equal" is not allowed here',
    );
    expectArgumentInvalid(() => compile(['cursorAfter("a")'], logs), /"cursorAfter" is not allowed here/);
    expectArgumentInvalid(
      () => compile(['select(["name"])'], logs),
      'Invalid query: Select queries are not allowed here',
    );
    const noEqual: QuerySchema = { ...usersSchema, allowedMethods: ['or', 'isNull'] };
    const or =
      '{"method":"or","values":[{"method":"equal","attribute":"name","values":["a"]},{"method":"isNull","attribute":"email"}]}';
    expectArgumentInvalid(() => compile([or], noEqual), /"equal" is not allowed here/);
  });

  it('re-validates hand-built queries', () => {
    expectQueryInvalid(
      () => compileQueries([{ method: 'nope', values: [] }], usersSchema),
      'Invalid query: Invalid query method: nope',
    );
    const many = { method: 'equal', attribute: 'name', values: Array(10_000).fill('x') };
    expectArgumentInvalid(() => compileQueries([many], usersSchema), /greater than 500 values: name/);
  });
});
