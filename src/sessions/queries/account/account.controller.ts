import { SessionNotFoundError } from '../../domain/session.errors';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserModel, toUserModel } from '../../../users';
import { SessionModel } from '../../dtos/session.response.dto';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { toSessionModel } from '../../infrastructure/session.mapper';

/** The account API: what a logged-in user sees about itself, validated on every request. */
@ApiTags('account')
@Controller('v1/account')
export class AccountController {
  @Get()
  @RequireSession()
  @ApiOperation({ operationId: 'account.get', summary: 'The user of the current session' })
  @ApiOkResponse({ type: UserModel, description: 'The user (without password hash)' })
  get(@CurrentSession() current: AccountSession) {
    return toUserModel(current.user, { showHashes: false });
  }

  @Get('sessions/current')
  @RequireSession()
  @ApiOperation({ operationId: 'account.getSession', summary: 'The current session' })
  @ApiOkResponse({ type: SessionModel, description: 'The session (its secret is never shown again)' })
  current(@CurrentSession() current: AccountSession) {
    // A credential that belongs to no session (a personal access token) has no current session to show.
    if (!current.session) throw new SessionNotFoundError();
    return toSessionModel(current.session, { current: true });
  }
}
