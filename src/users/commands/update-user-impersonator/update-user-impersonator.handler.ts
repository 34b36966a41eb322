import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserImpersonatorCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly impersonator: boolean,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserImpersonatorCommand)
export class UpdateUserImpersonatorHandler implements ICommandHandler<UpdateUserImpersonatorCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, impersonator }: UpdateUserImpersonatorCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.changeImpersonator(impersonator),
      (error) => error,
    );
  }
}
