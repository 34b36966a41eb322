import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, parseQueries, SqlFragment } from '@libs/appwrite-queries';
import type { Pool } from 'mysql2/promise';
import { ListTable, listPage, Page, TOTAL_CAP } from '../../../common/list/list-page';
import { MYSQL_POOL } from '../../../database/database.tokens';
import { searchTerms } from '../../infrastructure/user-search-tokens';
import { USER_COLUMNS, UserRow } from '../../infrastructure/user.row';
import {
  countBySearch,
  cursorValues,
  searchAllFields,
  USERS_QUERY_SCHEMA,
} from '../../infrastructure/users-query.schema';

export type UserPage = Page<UserRow>;

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
    const filters: SqlFragment[] = [];
    if (compiled.where.sql) filters.push(compiled.where);
    if (search !== undefined) filters.push(searchAllFields(search));
    const terms = search === undefined ? [] : searchTerms(search);
    const count =
      terms.length > 0
        ? countBySearch(terms, compiled.where.sql ? [compiled.where] : [], TOTAL_CAP)
        : undefined;
    return listPage(this.pool, USERS, compiled, filters, { withTotal, count });
  }
}
