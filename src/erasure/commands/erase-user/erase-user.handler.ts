import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { purgeUserAccessTokens } from '../../../access-tokens';
import { anonymizeUserLogs } from '../../../audit';
import { purgeUserIdentities } from '../../../identities';
import { purgeUserSessions } from '../../../sessions';
import { ErasureStep, UserErasure } from '../../../users';

export class EraseUserCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}

/** Every module's read rows about the user, purged or anonymised in the erasure's transaction. */
const STEPS: readonly ErasureStep[] = [
  purgeUserSessions,
  purgeUserIdentities,
  purgeUserAccessTokens,
  anonymizeUserLogs,
];

@CommandHandler(EraseUserCommand)
export class EraseUserHandler implements ICommandHandler<EraseUserCommand> {
  constructor(private readonly erasure: UserErasure) {}

  async execute({ userId }: EraseUserCommand): Promise<void> {
    await this.erasure.erase(userId, STEPS);
  }
}
