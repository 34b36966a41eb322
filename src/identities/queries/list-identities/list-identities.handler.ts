import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, parseQueries, SqlFragment } from '@libs/appwrite-queries';
import type { Pool } from 'mysql2/promise';
import { ListTable, listPage, Page } from '../../../common';
import { MYSQL_POOL } from '../../../database';
import {
  cursorValues,
  IDENTITIES_QUERY_SCHEMA,
  searchAllFields,
} from '../../infrastructure/identities-query.schema';
import { IDENTITY_COLUMNS, IdentityRow } from '../../infrastructure/identity.row';

export type IdentityPage = Page<IdentityRow>;

/** A missing cursor is worded "User '<id>' …" on this route too, as Appwrite does. */
const IDENTITIES: ListTable<IdentityRow> = {
  from: 'identities i',
  columns: IDENTITY_COLUMNS,
  idColumn: 'i.id',
  schema: IDENTITIES_QUERY_SCHEMA,
  cursorValues,
};

export class ListIdentitiesQuery extends Query<IdentityPage> {
  constructor(
    readonly queries: string[],
    readonly search: string | undefined,
    readonly withTotal: boolean,
  ) {
    super();
  }
}

@QueryHandler(ListIdentitiesQuery)
export class ListIdentitiesHandler implements IQueryHandler<ListIdentitiesQuery, IdentityPage> {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  async execute({ queries, search, withTotal }: ListIdentitiesQuery): Promise<IdentityPage> {
    const compiled = compileQueries(parseQueries(queries), IDENTITIES_QUERY_SCHEMA);
    const filters: SqlFragment[] = [];
    if (compiled.where.sql) filters.push(compiled.where);
    if (search !== undefined) filters.push(searchAllFields(search));
    return listPage(this.pool, IDENTITIES, compiled, filters, { withTotal });
  }
}
