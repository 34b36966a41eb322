import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { UserNotFoundError } from '../../domain/user.errors';
import type { UserRow } from '../../infrastructure/user.row';
import { UsersReader } from '../../infrastructure/users.reader';

export class GetUserQuery extends Query<UserRow> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery, UserRow> {
  constructor(private readonly reader: UsersReader) {}

  async execute({ userId }: GetUserQuery): Promise<UserRow> {
    const row = await this.reader.findById(userId);
    if (!row) throw new UserNotFoundError();
    return row;
  }
}
