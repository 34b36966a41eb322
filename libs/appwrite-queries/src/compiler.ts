import { formatCount, invalidQuery } from './errors';
import { compileFilter, FilterContext, joinFragments } from './filters';
import { assertUsable, SUPPORTED_METHODS } from './methods';
import { normaliseQuery } from './parser';
import { CompiledQueries, DEFAULT_LIMIT, DEFAULT_MAX_LIMIT, Query, QuerySchema, SqlFragment } from './types';
import { isUid, lookupAttribute, toSafeInteger } from './values';

/**
 * Validates `queries` against a route's schema and compiles them to SQL pieces.
 *
 * Filters are AND-ed into `where`; orders are kept in the order given; `limit`/`offset`/cursor take
 * the first query of their kind, though every one of them must be valid (Appwrite validates all
 * queries before it groups them). Column names come only from `schema`; every request value is a
 * parameter. The `Query` objects are re-validated, so hand-built or unparsed input is safe too.
 *
 * @throws ArgumentInvalidError (`general_argument_invalid`) for anything the route does not accept.
 * @throws QueryInvalidError (`general_query_invalid`) for malformed nested queries and for `search` on
 *   an attribute without a search implementation (Appwrite's "requires a fulltext index").
 */
export function compileQueries(queries: readonly Query[], schema: QuerySchema): CompiledQueries {
  const context: FilterContext = { schema, allowed: new Set(schema.allowedMethods ?? SUPPORTED_METHODS) };
  const filters: SqlFragment[] = [];
  const orderBy: CompiledQueries['orderBy'] = [];
  let limit: number | undefined;
  let offset: number | undefined;
  let cursor: CompiledQueries['cursor'];
  for (const input of queries) {
    const query = normaliseQuery(input, 0);
    assertUsable(query.method, context.allowed);
    switch (query.method) {
      case 'limit': {
        const value = readLimit(query, schema.maxLimit ?? DEFAULT_MAX_LIMIT);
        limit ??= value;
        break;
      }
      case 'offset': {
        const value = readOffset(query);
        offset ??= value;
        break;
      }
      case 'cursorAfter':
      case 'cursorBefore': {
        const id = readCursor(query);
        cursor ??= { direction: query.method === 'cursorAfter' ? 'after' : 'before', id };
        break;
      }
      case 'orderAsc':
      case 'orderDesc':
        orderBy.push(readOrder(query, schema));
        break;
      default:
        filters.push(compileFilter(query, context, 0));
    }
  }
  return {
    where: joinFragments(filters, ' AND ', false),
    orderBy,
    limit: limit ?? schema.defaultLimit ?? DEFAULT_LIMIT,
    offset: offset ?? 0,
    ...(cursor ? { cursor } : {}),
  };
}

function readLimit(query: Query, maxLimit: number): number {
  const value = readInteger(query.values[0]);
  if (value === undefined) throw invalidQuery('Invalid limit: Value must be a valid integer');
  if (value < 1 || value > maxLimit) {
    throw invalidQuery(
      `Invalid limit: Value must be a valid range between 1 and ${formatCount(maxLimit)} ` +
        '(the largest page this server returns)',
    );
  }
  return value;
}

function readOffset(query: Query): number {
  const value = readInteger(query.values[0]);
  if (value === undefined) throw invalidQuery('Invalid offset: Value must be a valid integer');
  if (value < 0 || !Number.isSafeInteger(value)) {
    throw invalidQuery(
      `Invalid offset: Value must be a valid range between 0 and ${formatCount(Number.MAX_SAFE_INTEGER)}`,
    );
  }
  return value;
}

// Any integral number, so that out-of-range values get the range message rather than "not an integer".
function readInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return toSafeInteger(value) ?? Number(value);
  return undefined;
}

function readCursor(query: Query): string {
  const [id] = query.values;
  if (!isUid(id)) {
    throw invalidQuery(
      'Invalid cursor: Value must be a document ID: at most 36 chars. Valid chars are a-z, A-Z, 0-9, ' +
        "period, hyphen, and underscore. Can't start with a special char",
    );
  }
  return id;
}

function readOrder(query: Query, schema: QuerySchema): CompiledQueries['orderBy'][number] {
  const attribute = query.attribute ?? '';
  const spec = lookupAttribute(schema, attribute);
  if (spec.type === 'string[]') {
    throw invalidQuery(`Cannot order by attribute "${attribute}" because it is an array.`);
  }
  return { attribute, column: spec.column, direction: query.method === 'orderAsc' ? 'ASC' : 'DESC' };
}
