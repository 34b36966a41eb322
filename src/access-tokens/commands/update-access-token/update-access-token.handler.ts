import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessTokenRepository } from '../../infrastructure/access-token.repository';
import { UserAccessTokens } from '../../infrastructure/user-access-tokens';

export class UpdateAccessTokenCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly tokenId: string,
    readonly isActive: boolean,
  ) {
    super();
  }
}

@CommandHandler(UpdateAccessTokenCommand)
export class UpdateAccessTokenHandler implements ICommandHandler<UpdateAccessTokenCommand> {
  constructor(
    private readonly tokens: AccessTokenRepository,
    private readonly own: UserAccessTokens,
  ) {}

  async execute({ userId, tokenId, isActive }: UpdateAccessTokenCommand): Promise<void> {
    await this.own.find(userId, tokenId);
    await this.tokens.update(tokenId, (token) => token.setActive(isActive));
  }
}
