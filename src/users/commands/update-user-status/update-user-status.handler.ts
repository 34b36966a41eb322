import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserStatusCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly status: boolean,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserStatusCommand)
export class UpdateUserStatusHandler implements ICommandHandler<UpdateUserStatusCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, status }: UpdateUserStatusCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.changeStatus(status),
      (error) => error,
    );
  }
}
