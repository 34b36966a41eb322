import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  compileQueries,
  cursorCondition,
  orderByClause,
  parseQueries,
  SqlFragment,
} from '@libs/appwrite-queries';
import { CursorNotFoundError } from '@libs/http';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../../database/database.tokens';
import { USER_COLUMNS, UserRow } from '../../infrastructure/user.row';
import { searchTerms } from '../../infrastructure/user-search-tokens';
import {
  countBySearch,
  cursorValues,
  searchAllFields,
  USERS_QUERY_SCHEMA,
} from '../../infrastructure/users-query.schema';

/** Appwrite counts at most this many matches (APP_LIMIT_COUNT), which also bounds the cost of `total`. */
export const TOTAL_CAP = 5000;

export interface UserPage {
  total: number;
  rows: UserRow[];
}

export class ListUsersQuery extends Query<UserPage> {
  constructor(
    readonly queries: string[],
    readonly search: string | undefined,
    readonly withTotal: boolean,
  ) {
    super();
  }
}

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery, UserPage> {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  async execute({ queries, search, withTotal }: ListUsersQuery): Promise<UserPage> {
    const compiled = compileQueries(parseQueries(queries), USERS_QUERY_SCHEMA);
    const filters: SqlFragment[] = [];
    if (compiled.where.sql) filters.push(compiled.where);
    if (search !== undefined) filters.push(searchAllFields(search));

    const pageFilters = [...filters];
    if (compiled.cursor) {
      const [found] = await this.pool.execute<UserRow[]>(
        `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`,
        [compiled.cursor.id],
      );
      if (!found[0]) throw new CursorNotFoundError(compiled.cursor.id);
      pageFilters.push(cursorCondition(compiled, cursorValues(found[0]), USERS_QUERY_SCHEMA));
    }
    const before = compiled.cursor?.direction === 'before';
    const page = where(pageFilters);
    const [rows] = await this.pool.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u ${page.sql} ORDER BY ${orderByClause(compiled, USERS_QUERY_SCHEMA, before)} LIMIT ? OFFSET ?`,
      [...page.params, compiled.limit, compiled.offset],
    );
    if (before) rows.reverse();
    if (!withTotal) return { total: 0, rows };
    const terms = search === undefined ? [] : searchTerms(search);
    const count =
      terms.length > 0
        ? countBySearch(terms, compiled.where.sql ? [compiled.where] : [], TOTAL_CAP)
        : {
            sql: `SELECT COUNT(*) AS total FROM (SELECT 1 FROM users u ${where(filters).sql} LIMIT ${TOTAL_CAP}) m`,
            params: where(filters).params,
          };
    const [counted] = await this.pool.query<Array<{ total: number } & RowDataPacket>>(
      count.sql,
      count.params,
    );
    return { total: Number(counted[0]?.total ?? 0), rows };
  }
}

function where(filters: SqlFragment[]): SqlFragment {
  if (filters.length === 0) return { sql: '', params: [] };
  return {
    sql: `WHERE ${filters.map((f) => `(${f.sql})`).join(' AND ')}`,
    params: filters.flatMap((f) => f.params),
  };
}
