import { parseQueries } from '@libs/appwrite-queries';
import { range, uid, validateParams, whiteList } from '@libs/http/params';

const INT32_MAX = 2 ** 31 - 1;

/** The paging params of Appwrite 0.x lists, which 1.x replaced with `queries`. */
const PARAMS = [
  { name: 'limit', validator: range(1, 5000) },
  { name: 'offset', validator: range(0, INT32_MAX) },
  { name: 'cursor', validator: uid },
  { name: 'cursorDirection', validator: whiteList(['after', 'before']) },
  { name: 'orderType', validator: whiteList(['ASC', 'DESC'], false) },
] as const;

/** The 0.x paging params a request carries; absent ones are `undefined`. */
export interface LegacyPaging {
  limit?: number;
  offset?: number;
  cursor?: { id: string; direction: 'after' | 'before' };
  orderType?: 'ASC' | 'DESC';
}

/**
 * Reads `limit`, `offset`, `cursor` + `cursorDirection` and `orderType` as Appwrite 0.x validated them: an
 * invalid value is 400 `general_argument_invalid`; an empty one (`?cursor=`) counts as absent.
 */
export function legacyPaging(query: Record<string, unknown>): LegacyPaging {
  const present = Object.fromEntries(
    PARAMS.map(({ name }) => [name, query[name]]).filter(([, value]) => value !== undefined && value !== ''),
  );
  if (Object.keys(present).length === 0) return {};
  const params = validateParams(present, PARAMS);
  const direction = String(params.cursorDirection ?? 'after').toLowerCase() as 'after' | 'before';
  return {
    limit: params.limit as number | undefined,
    offset: params.offset as number | undefined,
    cursor: params.cursor === undefined ? undefined : { id: params.cursor as string, direction },
    orderType: params.orderType as 'ASC' | 'DESC' | undefined,
  };
}

export interface LegacyPagingOptions {
  /** The attribute `orderType` orders by (creation order); without one, `orderType` is ignored. */
  orderAttribute?: string;
  /** Whether `cursor`/`cursorDirection` apply (routes that take cursor queries). */
  cursor?: boolean;
}

/**
 * `queries` with the 0.x paging params added as the queries they stand for, each only where no query of its
 * kind is given: a 1.x query always wins. Without any of those params `queries` is returned as is, so 1.x
 * clients see no change.
 */
export function withLegacyPaging(
  queries: string[],
  query: Record<string, unknown>,
  options: LegacyPagingOptions = {},
): string[] {
  const paging = legacyPaging(query);
  if (Object.values(paging).every((value) => value === undefined)) return queries;
  const given = new Set(parseQueries(queries).map((q) => q.method));
  const extra: object[] = [];
  if (paging.limit !== undefined && !given.has('limit'))
    extra.push({ method: 'limit', values: [paging.limit] });
  if (paging.offset !== undefined && !given.has('offset')) {
    extra.push({ method: 'offset', values: [paging.offset] });
  }
  if (options.cursor && paging.cursor && !given.has('cursorAfter') && !given.has('cursorBefore')) {
    const method = paging.cursor.direction === 'after' ? 'cursorAfter' : 'cursorBefore';
    extra.push({ method, values: [paging.cursor.id] });
  }
  const ordered = given.has('orderAsc') || given.has('orderDesc') || given.has('orderRandom');
  if (options.orderAttribute && paging.orderType && !ordered) {
    const method = paging.orderType === 'DESC' ? 'orderDesc' : 'orderAsc';
    extra.push({ method, attribute: options.orderAttribute });
  }
  return [...queries, ...extra.map((q) => JSON.stringify(q))];
}
