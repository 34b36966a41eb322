import { ArgumentInvalidError } from '@libs/http';
import { invalidQuery, typeName, unparsableQuery } from './errors';
import { parseLegacyQuery } from './legacy-parser';
import { KNOWN_METHODS, NESTING_METHODS } from './methods';
import { Query, QUERY_LIMITS } from './types';

/**
 * Parses the `queries` request parameter into `Query` objects.
 *
 * Accepts `undefined`/`''` (no queries), one string, an array of strings, or an object with numeric keys
 * (what a query-string parser makes of `queries[0]=…&queries[1]=…`), ordered by key. Each string is
 * either Appwrite's JSON form `{"method":…,"attribute":…,"values":[…]}` or the pre-1.5 string form
 * `equal("name", ["x"])`. Only syntax and input size are checked here; `compileQueries` validates
 * methods, attributes and values against a route's schema.
 *
 * @throws QueryInvalidError (`general_query_invalid`) when a query cannot be parsed or names an unknown method.
 * @throws ArgumentInvalidError (`general_argument_invalid`) when the input exceeds `QUERY_LIMITS`.
 */
export function parseQueries(raw: unknown): Query[] {
  const items = toList(raw);
  return items.map((item) => {
    if (typeof item !== 'string') throw unparsableQuery(`Query must be a string, got ${typeName(item)}`);
    return parseQueryString(item, 0);
  });
}

function toList(raw: unknown): unknown[] {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw === 'string') return [raw];
  let items: unknown[];
  if (Array.isArray(raw)) {
    items = raw;
  } else if (typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    const keys = Object.keys(record);
    if (!keys.every((key) => /^\d+$/.test(key))) throw unparsableQuery('Queries must be an array');
    items = keys.sort((a, b) => Number(a) - Number(b)).map((key) => record[key]);
  } else {
    throw unparsableQuery('Queries must be an array');
  }
  if (items.length > QUERY_LIMITS.maxQueries) {
    throw ArgumentInvalidError.invalid(
      'queries',
      `Maximum of ${QUERY_LIMITS.maxQueries} queries are allowed, each ${QUERY_LIMITS.maxQueryLength} characters long.`,
    );
  }
  return items;
}

/** Parses one query string (JSON or legacy form); `depth` is how many logical queries enclose it. */
export function parseQueryString(text: string, depth: number): Query {
  if (text.length > QUERY_LIMITS.maxQueryLength) {
    throw invalidQuery(`A query may be at most ${QUERY_LIMITS.maxQueryLength} characters long`);
  }
  // Legacy queries start with the method name; anything else must be JSON.
  if (/^\s*[A-Za-z]/.test(text)) return normaliseObject(parseLegacyQuery(text), depth);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unparsableQuery('Syntax error');
  }
  return normaliseObject(parsed, depth);
}

/**
 * Validates the shape of one query (a JSON string or an object) and returns a fresh `Query`,
 * recursing into the nested queries of `and`/`or`. Used for request input and for `Query` objects
 * handed to `compileQueries`, which are equally untrusted.
 */
export function normaliseQuery(input: unknown, depth: number): Query {
  return typeof input === 'string' ? parseQueryString(input, depth) : normaliseObject(input, depth);
}

function normaliseObject(input: unknown, depth: number): Query {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw unparsableQuery(`Query must be an object, got ${typeName(input)}`);
  }
  // Own properties only: a JSON `__proto__` key or inherited members must not be read as fields.
  const own = (key: string): unknown =>
    Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
  const method = own('method') ?? '';
  const attribute = own('attribute') ?? undefined;
  const values = own('values') ?? [];
  if (typeof method !== 'string') {
    throw unparsableQuery(`Invalid query method. Must be a string, got ${typeName(method)}`);
  }
  if (!KNOWN_METHODS.has(method)) throw unparsableQuery(`Invalid query method: ${method}`);
  if (attribute !== undefined && typeof attribute !== 'string') {
    throw unparsableQuery(`Invalid query attribute. Must be a string, got ${typeName(attribute)}`);
  }
  if (!Array.isArray(values)) {
    throw unparsableQuery(`Invalid query values. Must be an array, got ${typeName(values)}`);
  }
  if (values.length > QUERY_LIMITS.maxValues) {
    throw invalidQuery(
      `Query on attribute has greater than ${QUERY_LIMITS.maxValues} values: ${attribute ?? method}`,
    );
  }
  let copy: unknown[] = [...values];
  if (NESTING_METHODS.has(method)) {
    if (depth >= QUERY_LIMITS.maxDepth) {
      throw invalidQuery(`Logical queries may be nested at most ${QUERY_LIMITS.maxDepth} levels deep`);
    }
    copy = copy.map((value) => normaliseQuery(value, depth + 1));
  }
  return attribute === undefined ? { method, values: copy } : { method, attribute, values: copy };
}
