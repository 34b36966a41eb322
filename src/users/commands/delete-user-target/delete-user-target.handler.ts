import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class DeleteUserTargetCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly targetId: string,
  ) {
    super();
  }
}

@CommandHandler(DeleteUserTargetCommand)
export class DeleteUserTargetHandler implements ICommandHandler<DeleteUserTargetCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, targetId }: DeleteUserTargetCommand): Promise<void> {
    // Deleting only releases claims: no unique value can be violated.
    await this.users.update(userId, (user) => user.deleteTarget(targetId));
  }
}
