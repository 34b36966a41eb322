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
import {
  cursorValues,
  IDENTITIES_QUERY_SCHEMA,
  searchAllFields,
} from '../../infrastructure/identities-query.schema';
import { IDENTITY_COLUMNS, IdentityRow } from '../../infrastructure/identity.row';

/** Appwrite counts at most this many matches (APP_LIMIT_COUNT), which also bounds the cost of `total`. */
export const TOTAL_CAP = 5000;

export interface IdentityPage {
  total: number;
  rows: IdentityRow[];
}

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

    const pageFilters = [...filters];
    if (compiled.cursor) {
      const [found] = await this.pool.execute<IdentityRow[]>(
        `SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE i.id = ?`,
        [compiled.cursor.id],
      );
      // Appwrite words this "User '<id>' …" on the identities route too.
      if (!found[0]) throw new CursorNotFoundError(compiled.cursor.id);
      pageFilters.push(cursorCondition(compiled, cursorValues(found[0]), IDENTITIES_QUERY_SCHEMA));
    }
    const before = compiled.cursor?.direction === 'before';
    const page = where(pageFilters);
    const [rows] = await this.pool.query<IdentityRow[]>(
      `SELECT ${IDENTITY_COLUMNS} FROM identities i ${page.sql} ` +
        `ORDER BY ${orderByClause(compiled, IDENTITIES_QUERY_SCHEMA, before)} LIMIT ? OFFSET ?`,
      [...page.params, compiled.limit, compiled.offset],
    );
    if (before) rows.reverse();
    if (!withTotal) return { total: 0, rows };
    const all = where(filters);
    const [counted] = await this.pool.query<Array<{ total: number } & RowDataPacket>>(
      `SELECT COUNT(*) AS total FROM (SELECT 1 FROM identities i ${all.sql} LIMIT ${TOTAL_CAP}) m`,
      all.params,
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
