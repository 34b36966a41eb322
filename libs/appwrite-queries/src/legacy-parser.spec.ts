import { expectQueryInvalid } from '../test/users-schema';
import { parseQueries } from './parser';

const parse = (text: string) => parseQueries([text])[0];

describe('legacy string queries', () => {
  it.each([
    ['equal("name", ["x", "y"])', { method: 'equal', attribute: 'name', values: ['x', 'y'] }],
    ["equal('name', 'x')", { method: 'equal', attribute: 'name', values: ['x'] }],
    ['equal("status", true)', { method: 'equal', attribute: 'status', values: [true] }],
    ['notEqual("phone", null)', { method: 'notEqual', attribute: 'phone', values: [null] }],
    ['greaterThan("logins", -1.5e2)', { method: 'greaterThan', attribute: 'logins', values: [-150] }],
    [
      'between("registration", "2024-01-01", "2025-01-01")',
      { method: 'between', attribute: 'registration', values: ['2024-01-01', '2025-01-01'] },
    ],
    ['isNull("email")', { method: 'isNull', attribute: 'email', values: [] }],
    ['orderAsc("name")', { method: 'orderAsc', attribute: 'name', values: [] }],
    ['orderDesc()', { method: 'orderDesc', values: [] }],
    ['limit(25)', { method: 'limit', values: [25] }],
    ['  offset( 5 )  ', { method: 'offset', values: [5] }],
    ['cursorAfter("abc")', { method: 'cursorAfter', values: ['abc'] }],
    ['select(["name", "email"])', { method: 'select', values: ['name', 'email'] }],
    ['orderRandom()', { method: 'orderRandom', values: [] }],
    ['contains("labels", [["a"]])', { method: 'contains', attribute: 'labels', values: [['a']] }],
  ])('parses %s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it('unescapes backslashes and keeps the other quote character', () => {
    expect(parse(String.raw`equal("name", ["a\"b", 'c\'d', "e\\f", "g'h", 'i"j', "(),[]"])`).values).toEqual([
      'a"b',
      "c'd",
      'e\\f',
      "g'h",
      'i"j',
      '(),[]',
    ]);
  });

  it.each([
    ['name.equal("x")', /dotted syntax/],
    ['equal', 'Invalid query: Expected method(parameters)'],
    ['frobnicate("name")', 'Invalid query: Invalid query method: frobnicate'],
    ['equal("name", ["x"]', /^Invalid query: Expected "," or "\)" at position/],
    ['equal("name", ["x")', /^Invalid query: Expected "," or "]" at position/],
    ['equal("name", "x) ', /^Invalid query: Unterminated string/],
    ['equal("name", "x\\', /^Invalid query: Unterminated string/],
    [
      'equal("name", x)',
      /^Invalid query: Expected a quoted string, array, number, true, false or null at position 14$/,
    ],
    ['equal("name", )', /^Invalid query: Expected a value/],
    ['equal("name", "x") garbage', /^Invalid query: Unexpected characters after the closing "\)"/],
    ['equal(5, "x")', 'Invalid query: The first parameter must be the attribute name, in quotes'],
    ['limit(1 2)', /^Invalid query: Expected "," or "\)"/],
    ['limit([[[[1]]]])', /^Invalid query: Arrays are nested too deeply/],
    ['and(["x"])', 'Invalid query: and queries are only supported in the JSON syntax'],
  ])('refuses %s with general_query_invalid', (text, message) => {
    expectQueryInvalid(() => parse(text), message);
  });
});
