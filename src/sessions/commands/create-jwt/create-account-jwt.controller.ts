import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAppwriteErrors, defineParams, when } from '../../../common';
import { JwtTokens } from '../../../jwt';
import { SessionNotFoundError } from '../../domain/session.errors';
import { JwtModel } from '../../dtos/jwt.response.dto';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { DURATION_PARAM } from './jwt-params';

const CreateAccountJwtRequest = defineParams<{ duration: number }>('CreateAccountJwtRequest', {
  duration: DURATION_PARAM,
});

@ApiTags('account')
@Controller('v1/account')
export class CreateAccountJwtController {
  constructor(private readonly jwts: JwtTokens) {}

  @Post('jwts')
  @HttpCode(201)
  @RequireSession()
  @ApiOperation({
    operationId: 'account.createJWT',
    summary: 'Create a JWT for the current session',
    description:
      'The JWT is bound to the session the request authenticates with (a session secret: a JWT cannot mint ' +
      'another, as in Appwrite) and ends with it. Public keys: `GET /.well-known/jwks.json`.',
  })
  @ApiBody({ type: CreateAccountJwtRequest.dto })
  @ApiCreatedResponse({ type: JwtModel, description: 'The JWT' })
  @ApiAppwriteErrors(
    ...CreateAccountJwtRequest.errors,
    when(SessionNotFoundError, 'The request is not authenticated with a session secret'),
  )
  async create(@CurrentSession() current: AccountSession, @Body() body: unknown): Promise<JwtModel> {
    const params = CreateAccountJwtRequest.parse(body);
    if (current.via !== 'session' || !current.session) throw new SessionNotFoundError();
    const jwt = await this.jwts.sign(
      {
        userId: current.user.id,
        sessionId: current.session.id,
        userIncarnation: current.user.incarnation,
        userEpoch: current.user.sessionEpoch,
      },
      params.duration,
    );
    return { jwt };
  }
}
