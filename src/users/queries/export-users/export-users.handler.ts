import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, FILTER_METHODS, parseQueries, SqlFragment } from '@libs/appwrite-queries';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../../database';
import { searchTerms } from '../../infrastructure/user-search-tokens';
import { UsersExportCursor } from '../../infrastructure/users-export.cursor';
import {
  countBySearch,
  searchAllFields,
  searchAllFieldsByScan,
  USERS_QUERY_SCHEMA,
} from '../../infrastructure/users-query.schema';

/**
 * An export is every matching user in one fixed order, so paging and order queries (`limit`, `offset`,
 * cursors, `orderAsc`/`orderDesc`) are refused (400) rather than silently ignored: a caller who sends
 * `limit(10)` expects ten lines, not the whole table.
 */
export const EXPORT_QUERY_SCHEMA = { ...USERS_QUERY_SCHEMA, allowedMethods: FILTER_METHODS };

/** From this many matches on, walking users in order finds a page sooner than collecting every match (as the list). */
const COMMON_SEARCH = 1000;

/** Extension: every user matching the list's filters and search, as a cursor over one snapshot. */
export class ExportUsersQuery extends Query<UsersExportCursor> {
  constructor(
    readonly queries: string[],
    readonly search: string | undefined,
  ) {
    super();
  }
}

/** Validates the queries (throwing the list's 400s) before any connection is taken. */
export function exportFilters(queries: string[]): SqlFragment[] {
  const compiled = compileQueries(parseQueries(queries), EXPORT_QUERY_SCHEMA);
  return compiled.where.sql ? [compiled.where] : [];
}

@QueryHandler(ExportUsersQuery)
export class ExportUsersHandler implements IQueryHandler<ExportUsersQuery, UsersExportCursor> {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  async execute({ queries, search }: ExportUsersQuery): Promise<UsersExportCursor> {
    const filters = exportFilters(queries);
    return UsersExportCursor.open(this.pool, (connection) => searchPlan(connection, filters, search));
  }
}

/** The list's two search plans: token index for a rare word, a per-row probe while walking for a common one. */
async function searchPlan(
  connection: PoolConnection,
  filters: SqlFragment[],
  search: string | undefined,
): Promise<SqlFragment[]> {
  if (search === undefined) return filters;
  if (searchTerms(search).length === 0) return [...filters, searchAllFields(search)];
  const count = countBySearch(search, filters, COMMON_SEARCH);
  const [rows] = await connection.query<Array<{ total: number } & RowDataPacket>>(count.sql, count.params);
  const common = Number(rows[0]?.total ?? 0) >= COMMON_SEARCH;
  return [...filters, common ? searchAllFieldsByScan(search) : searchAllFields(search)];
}
