import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserTargetAlreadyExistsError } from '../../domain/user.errors';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserPhoneCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly number: string | null,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserPhoneCommand)
export class UpdateUserPhoneHandler implements ICommandHandler<UpdateUserPhoneCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, number }: UpdateUserPhoneCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.changePhone(number),
      () => new UserTargetAlreadyExistsError(),
    );
  }
}
