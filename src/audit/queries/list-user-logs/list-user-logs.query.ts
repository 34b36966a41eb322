import { Query } from '@nestjs/cqrs';
import type { ActivityLogRow } from '../../infrastructure/activity-log.columns';

export interface UserLogPage {
  total: number;
  rows: ActivityLogRow[];
}

/** A page of one user's activity logs, newest first. `queries` may hold only `limit` and `offset`. */
export class ListUserLogsQuery extends Query<UserLogPage> {
  constructor(
    readonly userId: string,
    readonly queries: string[],
    readonly withTotal: boolean,
  ) {
    super();
  }
}
