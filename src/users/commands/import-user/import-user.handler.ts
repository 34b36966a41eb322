import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { withConcurrencyRetry } from '../../../common/concurrency';
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
    await withConcurrencyRetry(async () => {
      const user = await this.users.load(command.userId);
      user.create({
        userId: command.userId,
        name: command.name,
        email: command.email,
        phone: null,
        ...command.password,
      });
      await this.users.save(user, () => new UserAlreadyExistsError());
    });
  }
}
