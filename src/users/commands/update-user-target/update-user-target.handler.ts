import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserTargetAlreadyExistsError } from '../../domain/user.errors';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserTargetCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly targetId: string,
    readonly changes: { identifier?: string; name?: string },
  ) {
    super();
  }
}

@CommandHandler(UpdateUserTargetCommand)
export class UpdateUserTargetHandler implements ICommandHandler<UpdateUserTargetCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, targetId, changes }: UpdateUserTargetCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.updateTarget(targetId, changes),
      () => new UserTargetAlreadyExistsError(),
    );
  }
}
