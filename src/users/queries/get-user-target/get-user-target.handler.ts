import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { UserNotFoundError, UserTargetNotFoundError } from '../../domain/user.errors';
import { UsersReader } from '../../infrastructure/users.reader';
import type { TargetView } from '../target.view';

export class GetUserTargetQuery extends Query<TargetView> {
  constructor(
    readonly userId: string,
    readonly targetId: string,
  ) {
    super();
  }
}

@QueryHandler(GetUserTargetQuery)
export class GetUserTargetHandler implements IQueryHandler<GetUserTargetQuery, TargetView> {
  constructor(private readonly reader: UsersReader) {}

  /** Another user's target is not found here either (Appwrite looks among the user's targets). */
  async execute({ userId, targetId }: GetUserTargetQuery): Promise<TargetView> {
    const [user, target] = await Promise.all([
      this.reader.findById(userId),
      this.reader.findTarget(targetId),
    ]);
    if (!user) throw new UserNotFoundError();
    if (!target || target.userId !== userId) throw new UserTargetNotFoundError();
    return target;
  }
}
