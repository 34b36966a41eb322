import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UnbanUserCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}

@CommandHandler(UnbanUserCommand)
export class UnbanUserHandler implements ICommandHandler<UnbanUserCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId }: UnbanUserCommand): Promise<void> {
    await this.users.update(userId, (user) => user.unban());
  }
}
