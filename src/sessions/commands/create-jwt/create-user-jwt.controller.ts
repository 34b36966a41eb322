import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { orEmpty, uid } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams, UserIdPipe } from '../../../common';
import { JwtTokens } from '../../../jwt';
import { UserNotFoundError, UsersReader } from '../../../users';
import { JwtModel } from '../../dtos/jwt.response.dto';
import type { SessionRow } from '../../infrastructure/session.row';
import { SessionsReader } from '../../infrastructure/sessions.reader';
import { DURATION_PARAM } from './jwt-params';

const CreateUserJwtRequest = defineParams<{ sessionId: string; duration: number }>('CreateUserJwtRequest', {
  sessionId: {
    // `""` is the default spelled out: no session.
    validator: orEmpty(uid, { type: 'string', maxLength: 36 }),
    default: '',
    description:
      "Session ID. Use the string 'recent' to use the most recent session. Without it, or with the ID of no " +
      'live session of the user, the JWT is bound to no session (as Appwrite 1.9.5 does).',
    example: 'recent',
  },
  duration: DURATION_PARAM,
});

const isLive = (row: SessionRow) => row.revoked_at === null && row.expire.getTime() > Date.now();

@ApiTags('users')
@Controller('v1/users')
export class CreateUserJwtController {
  constructor(
    private readonly users: UsersReader,
    private readonly sessions: SessionsReader,
    private readonly jwts: JwtTokens,
  ) {}

  @Post(':userId/jwts')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createJWT',
    summary: 'Create a JWT for a user',
    description:
      'Send it as `X-Appwrite-JWT` to act as the user on the account routes until it expires, its session ends, ' +
      'or the user is blocked, deleted or given a new password. Signed with EdDSA (Ed25519); the public keys ' +
      'are at `GET /.well-known/jwks.json`. No event and no audit, as in Appwrite.',
  })
  @ApiBody({ type: CreateUserJwtRequest.dto })
  @ApiCreatedResponse({ type: JwtModel, description: 'The JWT' })
  @ApiAppwriteErrors(...UserIdPipe.errors, ...CreateUserJwtRequest.errors, UserNotFoundError)
  async create(@Param('userId', UserIdPipe) userId: string, @Body() body: unknown): Promise<JwtModel> {
    const params = CreateUserJwtRequest.parse(body);
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFoundError();
    let session: SessionRow | undefined;
    if (params.sessionId === 'recent') {
      session = (await this.sessions.listLive(userId)).at(-1);
    } else if (params.sessionId) {
      const row = await this.sessions.findById(params.sessionId);
      if (row && row.user_id === userId && isLive(row)) session = row;
    }
    const jwt = await this.jwts.sign(
      {
        userId,
        sessionId: session?.id ?? '',
        userIncarnation: user.incarnation,
        userEpoch: user.sessionEpoch,
      },
      params.duration,
    );
    return { jwt };
  }
}
