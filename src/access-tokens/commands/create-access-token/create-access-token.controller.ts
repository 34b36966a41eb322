import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArgumentInvalidError, ConflictError } from '@libs/http';
import { isoDateTime, text } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams, UserIdPipe, when } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { AccessTokenLimitExceededError, AccessTokenNotFoundError } from '../../domain/access-token.errors';
import { AccessTokenModel } from '../../dtos/access-token.response.dto';
import { toAccessTokenModel } from '../../infrastructure/access-token.mapper';
import { UserAccessTokens } from '../../infrastructure/user-access-tokens';
import { CreateAccessTokenCommand } from './create-access-token.handler';

export const CreateAccessTokenRequest = defineParams<{ description: string; expire?: Date }>(
  'CreateAccessTokenRequest',
  {
    description: {
      validator: text(256),
      required: true,
      example: 'CI deploys',
      description: 'What the token is for, 1-256 characters',
    },
    expire: {
      validator: isoDateTime,
      example: '2030-01-01T00:00:00.000+00:00',
      description:
        'When the token stops working (ISO 8601, in the future); without it the token does not expire',
    },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class CreateAccessTokenController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly own: UserAccessTokens,
  ) {}

  @Post(':userId/access-tokens')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createAccessToken',
    summary: 'Create a personal access token for a user (extension)',
    description:
      "Extension (not in Appwrite; Mattermost's user access tokens). The answer holds the secret, once: it is " +
      'stored only as its SHA-256. `Authorization: Bearer <secret>` then acts as the user on the ' +
      '`/v1/account` routes until the token expires, is disabled or deleted, or the user is blocked, banned or ' +
      'deleted.',
  })
  @ApiBody({ type: CreateAccessTokenRequest.dto })
  @ApiCreatedResponse({ type: AccessTokenModel, description: 'The token, with its secret (shown only here)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...CreateAccessTokenRequest.errors,
    when(
      ArgumentInvalidError.invalid('expire', 'Value must be a date in the future.'),
      '`expire` is not in the future',
    ),
    UserNotFoundError,
    when(new AccessTokenLimitExceededError(100), 'The user holds ACCESS_TOKENS_PER_USER tokens already'),
    when(AccessTokenNotFoundError, 'The token was deleted again before it could be read back'),
    when(ConflictError, 'Concurrent writes kept conflicting'),
  )
  async create(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
  ): Promise<AccessTokenModel> {
    const { description, expire } = CreateAccessTokenRequest.parse(body ?? {});
    const { tokenId, secret } = await this.commandBus.execute(
      new CreateAccessTokenCommand(userId, description, expire ?? null),
    );
    // Only a delete (of the token or the user) racing in between finds no row.
    return toAccessTokenModel(await this.own.find(userId, tokenId), secret);
  }
}
