import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Argon2Hasher } from '@libs/passwords';
import { UserAlreadyExistsError } from '../../domain/user.errors';
import { hashForStorage, PASSWORD_HASHER } from '../../infrastructure/password-hashing';
import { UserRepository } from '../../infrastructure/user.repository';

export class CreateUserCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly email: string | null,
    readonly phone: string | null,
    /** Plain text; hashed here and never stored, logged or put in an event. */
    readonly password: string,
    readonly name: string,
  ) {
    super();
  }
}

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: Argon2Hasher,
  ) {}

  async execute(command: CreateUserCommand): Promise<void> {
    const password = await hashForStorage(this.hasher, command.password);
    await this.users.update(
      command.userId,
      (user) =>
        user.create({
          userId: command.userId,
          name: command.name,
          email: command.email,
          phone: command.phone,
          ...password,
        }),
      () => new UserAlreadyExistsError(),
    );
  }
}
