import { QueryInvalidError } from '@libs/http';
import { invalidQuery } from './errors';
import { assertUsable, isFilterMethod } from './methods';
import { normaliseQuery } from './parser';
import { AttributeSpec, Query, QuerySchema, SqlFragment } from './types';
import { coerceValue, escapeLike, lookupAttribute } from './values';

/** What filter compilation needs besides the query itself. */
export interface FilterContext {
  schema: QuerySchema;
  allowed: ReadonlySet<string>;
}

const COMPARISONS: Record<string, string> = {
  equal: '=',
  notEqual: '!=',
  lessThan: '<',
  lessThanEqual: '<=',
  greaterThan: '>',
  greaterThanEqual: '>=',
};
const LIKES: Partial<Record<string, { not: boolean; pattern: (escaped: string) => string }>> = {
  startsWith: { not: false, pattern: (e) => `${e}%` },
  notStartsWith: { not: true, pattern: (e) => `${e}%` },
  endsWith: { not: false, pattern: (e) => `%${e}` },
  notEndsWith: { not: true, pattern: (e) => `%${e}` },
};
const CONTAINS_MODES: Record<string, 'any' | 'all' | 'none'> = {
  contains: 'any',
  containsAny: 'any',
  containsAll: 'all',
  notContains: 'none',
};
// How many values each filter takes, following Appwrite's Filter validator.
const ARITY: Record<string, 'none' | 'one' | 'two' | 'many'> = {
  equal: 'many',
  contains: 'many',
  containsAny: 'many',
  containsAll: 'many',
  notContains: 'many',
  between: 'two',
  notBetween: 'two',
  isNull: 'none',
  isNotNull: 'none',
};
// In SQL text '\\' is one backslash (MySQL/MariaDB with the default sql_mode, i.e. without
// NO_BACKSLASH_ESCAPES), which is also the default LIKE escape character.
const LIKE = "LIKE ? ESCAPE '\\\\'";

/**
 * Compiles one filter query (possibly `and`/`or`) into a self-contained boolean expression: it can be
 * joined with AND/OR without extra parentheses. Values only ever go into `params`.
 */
export function compileFilter(query: Query, context: FilterContext, depth: number): SqlFragment {
  assertUsable(query.method, context.allowed);
  if (query.method === 'and' || query.method === 'or') return compileLogical(query, context, depth);
  checkArity(query);
  const attribute = query.attribute ?? '';
  const spec = lookupAttribute(context.schema, attribute);
  const { method } = query;
  const column = spec.column;
  if (method === 'isNull') return { sql: `${column} IS NULL`, params: [] };
  if (method === 'isNotNull') return { sql: `${column} IS NOT NULL`, params: [] };
  if (method === 'search' || method === 'notSearch') return compileSearch(query, spec, attribute);
  if (Object.hasOwn(CONTAINS_MODES, method)) return compileContains(query, spec, attribute);
  if (spec.type === 'string[]') {
    throw invalidQuery(`Cannot query ${method} on attribute "${attribute}" because it is an array.`);
  }
  const like = Object.hasOwn(LIKES, method) ? LIKES[method] : undefined;
  if (like && spec.type !== 'string') {
    throw invalidQuery(`Cannot query ${method} on attribute "${attribute}" because it is not a string.`);
  }
  const params = query.values.map((value) => coerceValue(spec, attribute, value));
  if (Object.hasOwn(COMPARISONS, method)) {
    if (params.length > 1) return { sql: `${column} IN (${params.map(() => '?').join(', ')})`, params };
    return { sql: `${column} ${COMPARISONS[method]} ?`, params };
  }
  if (method === 'between' || method === 'notBetween') {
    return { sql: `${column} ${method === 'between' ? '' : 'NOT '}BETWEEN ? AND ?`, params };
  }
  // Unreachable while every supported filter method is handled above.
  if (!like) throw invalidQuery(`Query method "${method}" is not supported`);
  return {
    sql: `${column} ${like.not ? 'NOT ' : ''}${LIKE}`,
    params: [like.pattern(escapeLike(params[0] as string))],
  };
}

function compileLogical(query: Query, context: FilterContext, depth: number): SqlFragment {
  const label = capitalise(query.method);
  const children = query.values.map((value) => normaliseQuery(value, depth + 1));
  if (!children.every((child) => isFilterMethod(child.method))) {
    throw invalidQuery(`${label} queries can only contain filter queries`);
  }
  if (children.length < 2) throw invalidQuery(`${label} queries require at least two queries`);
  const parts = children.map((child) => compileFilter(child, context, depth + 1));
  return joinFragments(parts, query.method === 'and' ? ' AND ' : ' OR ', true);
}

function compileSearch(query: Query, spec: AttributeSpec, attribute: string): SqlFragment {
  if (!spec.search) {
    // Appwrite fails this in the database layer, hence general_query_invalid and its wording.
    throw new QueryInvalidError(`Searching by attribute "${attribute}" requires a fulltext index.`);
  }
  const text = coerceValue({ ...spec, type: 'string' }, attribute, query.values[0]) as string;
  const fragment = spec.search(text);
  const negate = query.method === 'notSearch' ? 'NOT ' : '';
  return { sql: `${negate}(${fragment.sql})`, params: [...fragment.params] };
}

function compileContains(query: Query, spec: AttributeSpec, attribute: string): SqlFragment {
  const mode = CONTAINS_MODES[query.method];
  if (spec.type === 'string[]') {
    const values = query.values.map((value) => coerceValue(spec, attribute, value) as string);
    if (spec.contains) {
      const fragment = spec.contains(values, mode);
      return { sql: `(${fragment.sql})`, params: [...fragment.params] };
    }
    // Default storage: a JSON array in the column (JSON_OVERLAPS needs MySQL 8.0.17+ / MariaDB 10.9+).
    const sql = mode === 'all' ? 'JSON_CONTAINS' : `${mode === 'none' ? 'NOT ' : ''}JSON_OVERLAPS`;
    return { sql: `${sql}(${spec.column}, ?)`, params: [JSON.stringify(values)] };
  }
  if (spec.type !== 'string') {
    throw invalidQuery(
      `Cannot query ${query.method} on attribute "${attribute}" because it is not an array or string.`,
    );
  }
  // On a plain string, contains means substring.
  const parts = query.values.map((value) => ({
    sql: `${spec.column} ${mode === 'none' ? 'NOT ' : ''}${LIKE}`,
    params: [`%${escapeLike(coerceValue(spec, attribute, value) as string)}%`],
  }));
  return joinFragments(parts, mode === 'any' ? ' OR ' : ' AND ', parts.length > 1);
}

function checkArity(query: Query): void {
  const { values, method } = query;
  const arity = ARITY[method] ?? 'one';
  const label = capitalise(method);
  if (arity === 'many' && (values.length === 0 || (Array.isArray(values[0]) && values[0].length === 0))) {
    throw invalidQuery(`${label} queries require at least one value.`);
  }
  if (arity === 'one' && values.length !== 1)
    throw invalidQuery(`${label} queries require exactly one value.`);
  if (arity === 'two' && values.length !== 2)
    throw invalidQuery(`${label} queries require exactly two values.`);
}

/** Joins fragments with `separator`, optionally parenthesised; `''` for none. */
export function joinFragments(parts: SqlFragment[], separator: string, parenthesise: boolean): SqlFragment {
  if (parts.length === 0) return { sql: '', params: [] };
  const sql = parts.map((part) => part.sql).join(separator);
  return { sql: parenthesise ? `(${sql})` : sql, params: parts.flatMap((part) => part.params) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
