import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserPointInTime, UserReplay } from '../../infrastructure/user-replay';
import type { UserView } from '../user.view';

/** The user as it was at `point` (an extension of `GET /v1/users/{userId}`). */
export class GetUserAsOfQuery extends Query<UserView> {
  constructor(
    readonly userId: string,
    readonly point: UserPointInTime,
  ) {
    super();
  }
}

@QueryHandler(GetUserAsOfQuery)
export class GetUserAsOfHandler implements IQueryHandler<GetUserAsOfQuery, UserView> {
  constructor(private readonly replay: UserReplay) {}

  async execute({ userId, point }: GetUserAsOfQuery): Promise<UserView> {
    const user = await this.replay.asOf(userId, point);
    if (!user) throw new UserNotFoundError();
    return user;
  }
}
