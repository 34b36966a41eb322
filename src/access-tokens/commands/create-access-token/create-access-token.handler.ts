import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { generateUniqueId } from '@libs/http/params';
import { GetUserQuery } from '../../../users';
import { generateAccessTokenSecret, hashAccessTokenSecret } from '../../infrastructure/access-token-secret';
import { AccessTokenRepository } from '../../infrastructure/access-token.repository';

export class CreateAccessTokenCommand extends Command<{ tokenId: string; secret: string }> {
  constructor(
    readonly userId: string,
    readonly description: string,
    readonly expire: Date | null,
  ) {
    super();
  }
}

/** Issues a token to the user as it is now (its incarnation); the secret leaves only in the answer. */
@CommandHandler(CreateAccessTokenCommand)
export class CreateAccessTokenHandler implements ICommandHandler<CreateAccessTokenCommand> {
  constructor(
    private readonly tokens: AccessTokenRepository,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ userId, description, expire }: CreateAccessTokenCommand) {
    // 404 user_not_found before anything is appended.
    const user = await this.queryBus.execute(new GetUserQuery(userId));
    const tokenId = generateUniqueId();
    const secret = generateAccessTokenSecret();
    await this.tokens.update(tokenId, (token) =>
      token.create(
        {
          tokenId,
          userId,
          userIncarnation: user.incarnation,
          description,
          secretHash: hashAccessTokenSecret(secret),
          expire: expire ? expire.toISOString() : null,
        },
        new Date(),
      ),
    );
    return { tokenId, secret };
  }
}
