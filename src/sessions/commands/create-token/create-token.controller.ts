import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatDateTime } from '@libs/http';
import { range } from '@libs/http/params';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { TokenModel } from '../../dtos/token.response.dto';
import { CreateTokenCommand } from './create-token.handler';

/** Appwrite's TOKEN_EXPIRATION_LOGIN_LONG: the longest a token may be asked to live (one year). */
const MAX_TOKEN_EXPIRE = 31536000;

const CreateTokenRequest = defineParams<{ length: number; expire: number }>('CreateUserTokenRequest', {
  length: {
    validator: range(4, 128),
    default: 6,
    description: 'Token length in characters. The default length is 6 characters',
  },
  expire: {
    validator: range(60, MAX_TOKEN_EXPIRE),
    default: 900,
    description: 'Token expiration period in seconds. The default expiration is 15 minutes.',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class CreateTokenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':userId/tokens')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createToken',
    summary: 'Create a one-time token for a user',
    description:
      'The answer carries the secret (lower-case hex), once; only its SHA-256 is kept. Exchange it for a session ' +
      'with `POST /v1/account/sessions/token` (`account.createSession`) before it expires; it works once.',
  })
  @ApiBody({ type: CreateTokenRequest.dto })
  @ApiCreatedResponse({ type: TokenModel, description: 'The token, with its secret' })
  @ApiAppwriteErrors(...UserIdPipe.errors, ...CreateTokenRequest.errors, UserNotFoundError)
  async create(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<TokenModel> {
    const params = CreateTokenRequest.parse(body);
    const created = await this.commandBus.execute(
      new CreateTokenCommand(
        userId,
        params.length,
        params.expire,
        request.ip,
        request.headers['user-agent'] ?? 'UNKNOWN',
      ),
    );
    return {
      $id: created.tokenId,
      $createdAt: formatDateTime(created.createdAt),
      userId: created.userId,
      secret: created.secret,
      expire: formatDateTime(created.expire),
      phrase: '',
    };
  }
}
