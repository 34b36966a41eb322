import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, parseQueries } from '@libs/appwrite-queries';
import { UserNotFoundError } from '../../../users';
import { HISTORY_QUERY_SCHEMA } from '../../infrastructure/history-query.schema';
import { HistoryPage, HistoryReader } from '../../infrastructure/history.reader';

/** A page of a user's history (its own stream, plus `streamTypes`), oldest first. */
export class ListUserEventsQuery extends Query<HistoryPage> {
  constructor(
    readonly userId: string,
    readonly streamTypes: readonly string[],
    readonly queries: string[],
    readonly withTotal: boolean,
  ) {
    super();
  }
}

@QueryHandler(ListUserEventsQuery)
export class ListUserEventsHandler implements IQueryHandler<ListUserEventsQuery, HistoryPage> {
  constructor(private readonly reader: HistoryReader) {}

  async execute({ userId, streamTypes, queries, withTotal }: ListUserEventsQuery): Promise<HistoryPage> {
    const compiled = compileQueries(parseQueries(queries), HISTORY_QUERY_SCHEMA);
    // A deleted user still has its history; only an id that never had a stream is unknown.
    if (!(await this.reader.exists(userId))) throw new UserNotFoundError();
    return this.reader.page({ userId, streamTypes }, compiled, withTotal);
  }
}
