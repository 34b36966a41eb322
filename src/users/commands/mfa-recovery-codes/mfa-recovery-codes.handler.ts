import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newRecoveryCodes } from '../../domain/totp';
import { UserRepository } from '../../infrastructure/user.repository';

/**
 * Appwrite's create (`replace` false: 409 `user_recovery_codes_already_exists` when codes exist) and
 * regenerate (`replace` true: 404 `user_recovery_codes_not_found` without). Answers the codes, once.
 */
export class GenerateMfaRecoveryCodesCommand extends Command<string[]> {
  constructor(
    readonly userId: string,
    readonly replace: boolean,
  ) {
    super();
  }
}

@CommandHandler(GenerateMfaRecoveryCodesCommand)
export class GenerateMfaRecoveryCodesHandler implements ICommandHandler<
  GenerateMfaRecoveryCodesCommand,
  string[]
> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, replace }: GenerateMfaRecoveryCodesCommand): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.users.update(userId, (user) => user.generateRecoveryCodes(codes, replace));
    return codes;
  }
}
