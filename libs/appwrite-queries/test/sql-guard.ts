import { ArgumentInvalidError, QueryInvalidError } from '@libs/http';
import { CompiledQueries, QuerySchema } from '../src';

const KEYWORDS = [
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS',
  'NULL',
  'LIKE',
  'ESCAPE',
  'BETWEEN',
  'JSON_OVERLAPS',
  'JSON_CONTAINS',
];
// Tokens of the fixture's own custom search/contains SQL.
const FIXTURE = ['MATCH', 'u.search', 'AGAINST', 'BOOLEAN', 'MODE', 'SELECT', 'COUNT', 'DISTINCT', 'l.label'];
const FIXTURE_MORE = ['FROM', 'user_labels', 'l', 'WHERE', 'l.user_id', '0'];
const PUNCTUATION = ['(', ')', ',', '?', '=', '!=', '<', '<=', '>', '>=', "'\\\\'"];
const TOKEN = /'\\\\'|[A-Za-z_][A-Za-z0-9_.]*|\d+|!=|<=|>=|\S/g;

/**
 * Asserts that `sql` is built only from schema columns, fixed keywords and placeholders, so no request
 * text can have reached it, and that it has one parameter per placeholder.
 */
export function expectSafeSql(sql: string, params: unknown[], schema: QuerySchema): void {
  const allowed = new Set([
    ...KEYWORDS,
    ...FIXTURE,
    ...FIXTURE_MORE,
    ...PUNCTUATION,
    ...Object.values(schema.attributes).map((spec) => spec.column),
  ]);
  const unexpected = (sql.match(TOKEN) ?? []).filter((token) => !allowed.has(token));
  if (unexpected.length > 0) throw new Error(`unexpected SQL tokens ${JSON.stringify(unexpected)} in ${sql}`);
  expect((sql.match(/\?/g) ?? []).length).toBe(params.length);
  for (const param of params) expect(['string', 'number']).toContain(typeof param);
}

/** Checks every SQL piece of a compile result with `expectSafeSql`. */
export function expectSafeCompiled(compiled: CompiledQueries, schema: QuerySchema): void {
  expectSafeSql(compiled.where.sql, compiled.where.params, schema);
  const columns = new Set(Object.values(schema.attributes).map((spec) => spec.column));
  for (const order of compiled.orderBy) expect(columns.has(order.column)).toBe(true);
  expect(Number.isSafeInteger(compiled.limit) && compiled.limit >= 1).toBe(true);
  expect(Number.isSafeInteger(compiled.offset) && compiled.offset >= 0).toBe(true);
}

/** Runs `fn`; rethrows anything that is not one of the two query error classes. */
export function onlyQueryErrors(fn: () => void): 'ok' | 'refused' {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (error instanceof ArgumentInvalidError || error instanceof QueryInvalidError) return 'refused';
    throw error;
  }
}
