import { Module } from '@nestjs/common';
import { CreateAccessTokenController } from './commands/create-access-token/create-access-token.controller';
import { CreateAccessTokenHandler } from './commands/create-access-token/create-access-token.handler';
import { DeleteAccessTokenController } from './commands/delete-access-token/delete-access-token.controller';
import { DeleteAccessTokenHandler } from './commands/delete-access-token/delete-access-token.handler';
import { UpdateAccessTokenController } from './commands/update-access-token/update-access-token.controller';
import { UpdateAccessTokenHandler } from './commands/update-access-token/update-access-token.handler';
import { AccessTokenAuthentication } from './infrastructure/access-token-authentication';
import { AccessTokenUseRecorder } from './infrastructure/access-token-use.recorder';
import { AccessTokenProjection } from './infrastructure/access-token.projection';
import { AccessTokenRepository } from './infrastructure/access-token.repository';
import { AccessTokensReader } from './infrastructure/access-tokens.reader';
import { UserAccessTokens } from './infrastructure/user-access-tokens';
import { GetAccessTokenController } from './queries/get-access-token/get-access-token.controller';
import { ListAccessTokensController } from './queries/list-access-tokens/list-access-tokens.controller';
import { ListUserAccessTokensHandler } from './queries/list-access-tokens/list-access-tokens.handler';

const controllers = [
  ListAccessTokensController,
  GetAccessTokenController,
  CreateAccessTokenController,
  UpdateAccessTokenController,
  DeleteAccessTokenController,
];
const commandHandlers = [CreateAccessTokenHandler, UpdateAccessTokenHandler, DeleteAccessTokenHandler];

/** Personal access tokens: the Users API routes that manage them, and their validation for account routes. */
@Module({
  controllers,
  providers: [
    ...commandHandlers,
    ListUserAccessTokensHandler,
    AccessTokenRepository,
    AccessTokenProjection,
    AccessTokensReader,
    UserAccessTokens,
    AccessTokenUseRecorder,
    AccessTokenAuthentication,
  ],
  // Sessions' account authenticator validates bearer tokens through it.
  exports: [AccessTokenAuthentication],
})
export class AccessTokensModule {}
