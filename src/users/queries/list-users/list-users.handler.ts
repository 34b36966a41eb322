import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, parseQueries, SqlFragment } from '@libs/appwrite-queries';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { ListTable, listPage, Page, TOTAL_CAP } from '../../../common';
import { MYSQL_POOL } from '../../../database';
import { searchTerms } from '../../infrastructure/user-search-tokens';
import { USER_COLUMNS, UserRow } from '../../infrastructure/user.row';
import {
  countBySearch,
  cursorValues,
  searchAllFields,
  searchAllFieldsByScan,
  USERS_QUERY_SCHEMA,
} from '../../infrastructure/users-query.schema';

export type UserPage = Page<UserRow>;

/** From this many matches on, walking users in order finds a page sooner than collecting every match. */
const COMMON_SEARCH = 1000;

const USERS: ListTable<UserRow> = {
  from: 'users u',
  columns: USER_COLUMNS,
  idColumn: 'u.id',
  schema: USERS_QUERY_SCHEMA,
  cursorValues,
};

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
    const filters: SqlFragment[] = compiled.where.sql ? [compiled.where] : [];
    const terms = search === undefined ? [] : searchTerms(search);
    if (search === undefined || terms.length === 0) {
      if (search !== undefined) filters.push(searchAllFields(search));
      return listPage(this.pool, USERS, compiled, filters, { withTotal });
    }
    // The capped count (read from the token index) also tells which plan finds the page sooner.
    const count = countBySearch(search, [...filters], TOTAL_CAP);
    const [counted] = await this.pool.query<Array<{ total: number } & RowDataPacket>>(
      count.sql,
      count.params,
    );
    const total = Number(counted[0]?.total ?? 0);
    filters.push(total >= COMMON_SEARCH ? searchAllFieldsByScan(search) : searchAllFields(search));
    return listPage(this.pool, USERS, compiled, filters, { withTotal, count: total });
  }
}
