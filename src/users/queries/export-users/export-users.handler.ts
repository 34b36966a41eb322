import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, FILTER_METHODS, parseQueries, SqlFragment } from '@libs/appwrite-queries';
import { AppwriteError } from '@libs/http';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../../config';
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

/** 429: this process already runs as many exports as it lets hold a connection of its pool. */
export class ExportsBusyError extends AppwriteError {
  constructor(limit: number) {
    super(
      429,
      'general_rate_limit_exceeded',
      `This server already streams ${limit} user exports at once; try again when one has finished.`,
    );
  }
}

/** An export holds a pooled connection for its whole run: at most a quarter of the pool, so requests still get one. */
export const concurrentExports = (poolSize: number) => Math.max(1, Math.floor(poolSize / 4));

@QueryHandler(ExportUsersQuery)
export class ExportUsersHandler implements IQueryHandler<ExportUsersQuery, UsersExportCursor> {
  private running = 0;
  private readonly limit: number;

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limit = concurrentExports(config.DATABASE_POOL_SIZE);
  }

  async execute({ queries, search }: ExportUsersQuery): Promise<UsersExportCursor> {
    const filters = exportFilters(queries);
    if (this.running >= this.limit) throw new ExportsBusyError(this.limit);
    this.running += 1;
    return UsersExportCursor.open(
      this.pool,
      (connection) => searchPlan(connection, filters, search),
      () => (this.running -= 1),
    );
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
