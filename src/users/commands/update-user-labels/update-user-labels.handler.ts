import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserLabelsCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly labels: string[],
  ) {
    super();
  }
}

@CommandHandler(UpdateUserLabelsCommand)
export class UpdateUserLabelsHandler implements ICommandHandler<UpdateUserLabelsCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, labels }: UpdateUserLabelsCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.changeLabels(labels),
      (error) => error,
    );
  }
}
