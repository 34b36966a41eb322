import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class DeleteUserCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}

@CommandHandler(DeleteUserCommand)
export class DeleteUserHandler implements ICommandHandler<DeleteUserCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId }: DeleteUserCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.delete(),
      (error) => error,
    );
  }
}
