import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { formatDateTime } from '@libs/http';
import { lockedOut } from '../../domain/user-access.policy';
import { UserNotFoundError } from '../../domain/user.errors';
import type { LockoutModel } from '../../dtos/lockout.response.dto';
import { AuthenticationFailures } from '../../infrastructure/authentication-failures';
import { UsersReader } from '../../infrastructure/users.reader';

export class GetUserLockoutQuery extends Query<LockoutModel> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(GetUserLockoutQuery)
export class GetUserLockoutHandler implements IQueryHandler<GetUserLockoutQuery, LockoutModel> {
  constructor(
    private readonly users: UsersReader,
    private readonly failures: AuthenticationFailures,
  ) {}

  async execute({ userId }: GetUserLockoutQuery): Promise<LockoutModel> {
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFoundError();
    const lock = lockedOut(user, new Date());
    return {
      locked: lock.locked,
      failedAttempts: await this.failures.failedAttempts(userId),
      lockedUntil: lock.until ? formatDateTime(lock.until) : null,
    };
  }
}
