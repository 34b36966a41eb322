import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PasswordHash } from '../../domain/user.aggregate';
import { UserAlreadyExistsError } from '../../domain/user.errors';
import { UserRepository } from '../../infrastructure/user.repository';

/** A user moved in from another system with the hash that system made; the hash is stored verbatim. */
export class ImportUserCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly email: string,
    readonly name: string,
    readonly password: PasswordHash & { password: string },
  ) {
    super();
  }
}

@CommandHandler(ImportUserCommand)
export class ImportUserHandler implements ICommandHandler<ImportUserCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute(command: ImportUserCommand): Promise<void> {
    await this.users.update(
      command.userId,
      (user) =>
        user.create({
          userId: command.userId,
          name: command.name,
          email: command.email,
          phone: null,
          ...command.password,
        }),
      () => new UserAlreadyExistsError(),
    );
  }
}
