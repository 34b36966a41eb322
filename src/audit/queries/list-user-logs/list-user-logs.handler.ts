import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, parseQueries, QuerySchema } from '@libs/appwrite-queries';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../../database';
import { GetUserQuery } from '../../../users';
import { ActivityLogRow, LOG_FIELDS } from '../../infrastructure/activity-log.columns';
import { ListUserLogsQuery, UserLogPage } from './list-user-logs.query';

/** Appwrite accepts only paging on this route (API.md §5.2). */
const LOGS_QUERY_SCHEMA: QuerySchema = {
  attributes: {},
  sequenceColumn: 'l.position',
  allowedMethods: ['limit', 'offset'],
};

const COLUMNS = LOG_FIELDS.map(([, column]) => `l.${column}`).join(', ');

@QueryHandler(ListUserLogsQuery)
export class ListUserLogsHandler implements IQueryHandler<ListUserLogsQuery, UserLogPage> {
  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ userId, queries, withTotal }: ListUserLogsQuery): Promise<UserLogPage> {
    const { limit, offset } = compileQueries(parseQueries(queries), LOGS_QUERY_SCHEMA);
    await this.queryBus.execute(new GetUserQuery(userId));
    // Served by the (user_id, time, position) index read backwards.
    const [rows] = await this.pool.query<ActivityLogRow[]>(
      `SELECT ${COLUMNS} FROM activity_logs l WHERE l.user_id = ?
       ORDER BY l.time DESC, l.position DESC LIMIT ? OFFSET ?`,
      [userId, limit, offset],
    );
    return { total: withTotal ? await this.count(userId) : 0, rows };
  }

  /** Appwrite's logs total is uncapped: every log of the user, whatever the page. */
  private async count(userId: string): Promise<number> {
    const [rows] = await this.pool.execute<Array<{ total: number } & RowDataPacket>>(
      'SELECT COUNT(*) AS total FROM activity_logs WHERE user_id = ?',
      [userId],
    );
    return Number(rows[0]?.total ?? 0);
  }
}
