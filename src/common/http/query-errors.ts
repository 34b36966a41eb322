import { compileQueries, parseQueries } from '@libs/appwrite-queries';
import { ErrorCase, thrownBy } from './api-errors.decorator';

/**
 * The 400s of a list route's `queries` param, worded by the query library itself: a query that cannot be
 * parsed, and one that parses but is refused (a negative limit, refused by every list route).
 */
export const QUERY_ERRORS: ErrorCase[] = [
  ...thrownBy(() => parseQueries(['limit(25']), 'A query that cannot be parsed'),
  ...thrownBy(
    () =>
      compileQueries(parseQueries(['{"method":"limit","values":[-1]}']), {
        attributes: {},
        sequenceColumn: 'id',
      }),
    'A query the route refuses',
  ),
];
