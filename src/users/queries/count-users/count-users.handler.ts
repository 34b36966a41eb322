import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, parseQueries, SqlFragment } from '@libs/appwrite-queries';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../../database';
import { searchTerms } from '../../infrastructure/user-search-tokens';
import {
  countEveryMatchBySearch,
  searchAllFields,
  USERS_QUERY_SCHEMA,
} from '../../infrastructure/users-query.schema';

/** Extension: how many users match the list's filters and search, exactly (no 5000 cap). */
export class CountUsersQuery extends Query<number> {
  constructor(
    readonly queries: string[],
    readonly search: string | undefined,
  ) {
    super();
  }
}

/**
 * The list's WHERE (the same compiled queries and search) under one `COUNT(*)`. Pagination and order queries
 * are validated and then ignored, as the list's `total` ignores them.
 */
export function countUsersSql(queries: string[], search: string | undefined): SqlFragment {
  const compiled = compileQueries(parseQueries(queries), USERS_QUERY_SCHEMA);
  const filters: SqlFragment[] = compiled.where.sql ? [compiled.where] : [];
  const terms = search === undefined ? [] : searchTerms(search);
  // Driven from the token index, as the list's count is, but without its cap.
  if (search !== undefined && terms.length > 0) return countEveryMatchBySearch(search, filters);
  if (search !== undefined) filters.push(searchAllFields(search));
  if (filters.length === 0) return { sql: 'SELECT COUNT(*) AS total FROM users u', params: [] };
  return {
    sql: `SELECT COUNT(*) AS total FROM users u WHERE ${filters.map((f) => `(${f.sql})`).join(' AND ')}`,
    params: filters.flatMap((f) => f.params),
  };
}

@QueryHandler(CountUsersQuery)
export class CountUsersHandler implements IQueryHandler<CountUsersQuery, number> {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  async execute({ queries, search }: CountUsersQuery): Promise<number> {
    const count = countUsersSql(queries, search);
    const [rows] = await this.pool.query<Array<{ total: number } & RowDataPacket>>(count.sql, count.params);
    return Number(rows[0]?.total ?? 0);
  }
}
