import { invalidQuery } from './errors';

/** Filter methods this library compiles to SQL (including the logical `and`/`or`). */
export const FILTER_METHODS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanEqual',
  'greaterThan',
  'greaterThanEqual',
  'isNull',
  'isNotNull',
  'between',
  'notBetween',
  'startsWith',
  'notStartsWith',
  'endsWith',
  'notEndsWith',
  'contains',
  'containsAny',
  'containsAll',
  'notContains',
  'search',
  'notSearch',
  'and',
  'or',
] as const;

/** Paging and ordering methods this library supports. */
export const PAGINATION_METHODS = [
  'limit',
  'offset',
  'cursorAfter',
  'cursorBefore',
  'orderAsc',
  'orderDesc',
] as const;

/** Every method `compileQueries` accepts; the default for `QuerySchema.allowedMethods`. */
export const SUPPORTED_METHODS: readonly string[] = [...FILTER_METHODS, ...PAGINATION_METHODS];

// Appwrite knows these, so they parse; they are refused when compiled (400 general_argument_invalid)
// instead of being reported as unknown (general_query_invalid), as Appwrite does.
const REFUSED_METHODS = [
  'select',
  'orderRandom',
  'regex',
  'exists',
  'notExists',
  'elemMatch',
  'crosses',
  'notCrosses',
  'distanceEqual',
  'distanceNotEqual',
  'distanceGreaterThan',
  'distanceLessThan',
  'intersects',
  'notIntersects',
  'overlaps',
  'notOverlaps',
  'touches',
  'notTouches',
  'vectorDot',
  'vectorCosine',
  'vectorEuclidean',
];

/** Every method name Appwrite's parser recognises. */
export const KNOWN_METHODS: ReadonlySet<string> = new Set([...SUPPORTED_METHODS, ...REFUSED_METHODS]);

/** Methods whose values are nested queries (Appwrite's LOGICAL_TYPES). */
export const NESTING_METHODS: ReadonlySet<string> = new Set(['and', 'or', 'elemMatch']);

const NON_FILTER_METHODS: ReadonlySet<string> = new Set([...PAGINATION_METHODS, 'select', 'orderRandom']);

/** Whether `method` belongs to the filter family (and so may appear inside `and`/`or`). */
export function isFilterMethod(method: string): boolean {
  return !NON_FILTER_METHODS.has(method);
}

/** Throws unless `method` is both supported by this library and allowed on the route. */
export function assertUsable(method: string, allowed: ReadonlySet<string>): void {
  if (method === 'select') throw invalidQuery('Select queries are not allowed here');
  if (method === 'orderRandom') {
    throw invalidQuery('Random ordering is not supported; use orderAsc or orderDesc');
  }
  if (!SUPPORTED_METHODS.includes(method)) throw invalidQuery(`Query method "${method}" is not supported`);
  if (!allowed.has(method)) throw invalidQuery(`Query method "${method}" is not allowed here`);
}
