import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireProject } from '../../../auth/require-scopes.decorator';
import { ApiAppwriteErrors } from '../../../common/http/api-errors.decorator';
import { UserModel } from '../../../users/dtos/user.response.dto';
import { toUserModel } from '../../../users/infrastructure/user.mapper';
import { SessionModel } from '../../dtos/session.response.dto';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { AccountSessionGuard } from '../../infrastructure/account-session.guard';
import { toSessionModel } from '../../infrastructure/session.mapper';

const SESSION_HEADER = {
  name: 'X-Appwrite-Session',
  required: false,
  description: 'The session secret (or the `a_session_<project>` cookie)',
};

/** The account API: what a logged-in user sees about itself, validated on every request. */
@ApiTags('account')
@Controller('v1/account')
@UseGuards(AccountSessionGuard)
export class AccountController {
  @Get()
  @RequireProject()
  @ApiHeader(SESSION_HEADER)
  @ApiOperation({ operationId: 'account.get', summary: 'The user of the current session' })
  @ApiOkResponse({ type: UserModel })
  @ApiAppwriteErrors({ 401: '`general_unauthorized_scope` (no valid session), `user_blocked`' })
  get(@CurrentSession() current: AccountSession) {
    return toUserModel(current.user, { showHashes: false });
  }

  @Get('sessions/current')
  @RequireProject()
  @ApiHeader(SESSION_HEADER)
  @ApiOperation({ operationId: 'account.getSession', summary: 'The current session' })
  @ApiOkResponse({ type: SessionModel })
  @ApiAppwriteErrors({ 401: '`general_unauthorized_scope` (no valid session), `user_blocked`' })
  current(@CurrentSession() current: AccountSession) {
    return toSessionModel(current.session, { current: true });
  }
}
