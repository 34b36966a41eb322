import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserNameCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly name: string,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserNameCommand)
export class UpdateUserNameHandler implements ICommandHandler<UpdateUserNameCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, name }: UpdateUserNameCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.changeName(name),
      (error) => error,
    );
  }
}
