import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserPrefsCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly prefs: Record<string, unknown>,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserPrefsCommand)
export class UpdateUserPrefsHandler implements ICommandHandler<UpdateUserPrefsCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, prefs }: UpdateUserPrefsCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.updatePrefs(prefs),
      (error) => error,
    );
  }
}
