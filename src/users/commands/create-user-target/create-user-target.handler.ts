import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { TargetProviderType } from '../../domain/events';
import { UserTargetAlreadyExistsError } from '../../domain/user.errors';
import { UserRepository } from '../../infrastructure/user.repository';
import { UsersReader } from '../../infrastructure/users.reader';

export class CreateUserTargetCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly target: { targetId: string; providerType: TargetProviderType; identifier: string; name: string },
  ) {
    super();
  }
}

@CommandHandler(CreateUserTargetCommand)
export class CreateUserTargetHandler implements ICommandHandler<CreateUserTargetCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly reader: UsersReader,
  ) {}

  async execute({ userId, target }: CreateUserTargetCommand): Promise<void> {
    // The email/phone targets' ids hold no claim (they derive from the user id): another user's is seen here.
    if (await this.reader.findTarget(target.targetId)) throw new UserTargetAlreadyExistsError();
    await this.users.update(
      userId,
      (user) => user.createTarget(target),
      () => new UserTargetAlreadyExistsError(),
    );
  }
}
