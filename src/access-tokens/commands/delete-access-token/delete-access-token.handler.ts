import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessTokenRepository } from '../../infrastructure/access-token.repository';
import { UserAccessTokens } from '../../infrastructure/user-access-tokens';

export class DeleteAccessTokenCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly tokenId: string,
  ) {
    super();
  }
}

@CommandHandler(DeleteAccessTokenCommand)
export class DeleteAccessTokenHandler implements ICommandHandler<DeleteAccessTokenCommand> {
  constructor(
    private readonly tokens: AccessTokenRepository,
    private readonly own: UserAccessTokens,
  ) {}

  async execute({ userId, tokenId }: DeleteAccessTokenCommand): Promise<void> {
    await this.own.find(userId, tokenId);
    await this.tokens.update(tokenId, (token) => token.delete('admin'));
  }
}
