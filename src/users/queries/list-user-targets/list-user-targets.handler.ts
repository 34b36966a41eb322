import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, parseQueries, SqlFragment } from '@libs/appwrite-queries';
import type { Pool } from 'mysql2/promise';
import { ListTable, listPage, Page } from '../../../common';
import { MYSQL_POOL } from '../../../database';
import { UserNotFoundError } from '../../domain/user.errors';
import { TARGET_COLUMNS, TargetRow } from '../../infrastructure/target.row';
import { targetCursorValues, TARGETS_QUERY_SCHEMA } from '../../infrastructure/targets-query.schema';
import { UsersReader } from '../../infrastructure/users.reader';

export type TargetPage = Page<TargetRow>;

const TARGETS: ListTable<TargetRow> = {
  from: 'user_targets t',
  columns: TARGET_COLUMNS,
  idColumn: 't.id',
  schema: TARGETS_QUERY_SCHEMA,
  cursorValues: targetCursorValues,
};

export class ListUserTargetsQuery extends Query<TargetPage> {
  constructor(
    readonly userId: string,
    readonly queries: string[],
    readonly withTotal: boolean,
  ) {
    super();
  }
}

@QueryHandler(ListUserTargetsQuery)
export class ListUserTargetsHandler implements IQueryHandler<ListUserTargetsQuery, TargetPage> {
  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    private readonly reader: UsersReader,
  ) {}

  async execute({ userId, queries, withTotal }: ListUserTargetsQuery): Promise<TargetPage> {
    if (!(await this.reader.findById(userId))) throw new UserNotFoundError();
    const compiled = compileQueries(parseQueries(queries), TARGETS_QUERY_SCHEMA);
    const filters: SqlFragment[] = [{ sql: 't.user_id = ?', params: [userId] }];
    if (compiled.where.sql) filters.push(compiled.where);
    return listPage(this.pool, TARGETS, compiled, filters, { withTotal });
  }
}
