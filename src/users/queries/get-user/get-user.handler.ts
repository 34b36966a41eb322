import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { UserNotFoundError } from '../../domain/user.errors';
import type { UserView } from '../user.view';
import { UsersReader } from '../../infrastructure/users.reader';

export class GetUserQuery extends Query<UserView> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery, UserView> {
  constructor(private readonly reader: UsersReader) {}

  async execute({ userId }: GetUserQuery): Promise<UserView> {
    const user = await this.reader.findById(userId);
    if (!user) throw new UserNotFoundError();
    return user;
  }
}
