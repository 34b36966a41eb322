import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Argon2Hasher } from '@libs/passwords';
import { PASSWORD_HASHER } from '../../infrastructure/password-hashing';
import { UserRepository } from '../../infrastructure/user.repository';

export class RehashUserPasswordCommand extends Command<void> {
  constructor(
    readonly userId: string,
    /** The password that was just verified against the old hash; hashed here, never stored or logged. */
    readonly password: string,
    /** The stored hash the password was verified against: the upgrade is dropped if it changed since. */
    readonly replaces: string,
  ) {
    super();
  }
}

/** After a login with an imported or older hash: the same password, stored as argon2id at the current parameters. */
@CommandHandler(RehashUserPasswordCommand)
export class RehashUserPasswordHandler implements ICommandHandler<RehashUserPasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly argon2: Argon2Hasher,
  ) {}

  async execute({ userId, password, replaces }: RehashUserPasswordCommand): Promise<void> {
    const stored = await this.argon2.hash(password);
    await this.users.update(userId, (user) =>
      user.rehashPassword(
        { password: stored.hash, hash: stored.algorithm, hashOptions: stored.options },
        replaces,
      ),
    );
  }
}
