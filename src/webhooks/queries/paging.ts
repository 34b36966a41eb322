import { compileQueries, parseQueries, QuerySchema } from '@libs/appwrite-queries';
import { arrayQueryParam } from '../../common';

const PAGING: QuerySchema = {
  attributes: {},
  sequenceColumn: 'position',
  allowedMethods: ['limit', 'offset'],
};

/** `limit` and `offset` queries only (like the logs route). */
export function paging(query: Record<string, unknown>): { limit: number; offset: number } {
  const { limit, offset } = compileQueries(parseQueries(arrayQueryParam(query, 'queries') ?? []), PAGING);
  return { limit, offset };
}
