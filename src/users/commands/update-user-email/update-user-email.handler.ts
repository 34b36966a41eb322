import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserTargetAlreadyExistsError } from '../../domain/user.errors';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserEmailCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly email: string | null,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserEmailCommand)
export class UpdateUserEmailHandler implements ICommandHandler<UpdateUserEmailCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, email }: UpdateUserEmailCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.changeEmail(email),
      () => new UserTargetAlreadyExistsError(),
    );
  }
}
