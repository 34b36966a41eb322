import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { generateUniqueId } from '@libs/http/params';
import { APP_CONFIG, AppConfig } from '../../../config';
import { GetUserQuery } from '../../../users';
import { AccessTokenLimitExceededError } from '../../domain/access-token.errors';
import { generateAccessTokenSecret, hashAccessTokenSecret } from '../../infrastructure/access-token-secret';
import { AccessTokenRepository } from '../../infrastructure/access-token.repository';
import { AccessTokensReader } from '../../infrastructure/access-tokens.reader';

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
    private readonly reader: AccessTokensReader,
    private readonly queryBus: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ userId, description, expire }: CreateAccessTokenCommand) {
    // 404 user_not_found before anything is appended.
    const user = await this.queryBus.execute(new GetUserQuery(userId));
    // Read before the append, so creations racing each other may pass the limit by a few: it bounds a runaway
    // script, it is not a quota to the token (a per-user lock would serialise every creation for that).
    const limit = this.config.ACCESS_TOKENS_PER_USER;
    if ((await this.reader.countOfUser(user)) >= limit) throw new AccessTokenLimitExceededError(limit);
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
