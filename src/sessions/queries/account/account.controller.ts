import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiAppwriteErrors, Caller, CallerView, SessionIdPipe, when } from '../../../common';
import { AccountModel, GetUserQuery, PreferencesModel, toAccountModel } from '../../../users';
import { SessionNotFoundError } from '../../domain/session.errors';
import { SessionModel } from '../../dtos/session.response.dto';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { isCurrent, OwnSessions } from '../../infrastructure/own-sessions';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { toSessionModel } from '../../infrastructure/session.mapper';

/** The account API: what a logged-in user sees about itself, validated on every request. */
@ApiTags('account')
@Controller('v1/account')
export class AccountController {
  constructor(
    private readonly own: OwnSessions,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequireSession()
  @ApiOperation({ operationId: 'account.get', summary: 'The user of the current session' })
  @ApiOkResponse({ type: AccountModel, description: "Appwrite's Account model (no password fields)" })
  async get(@CurrentSession() current: AccountSession, @Caller() caller: CallerView) {
    // The session's user row has no targets (validation stays one light statement): read the user with them.
    const user = await this.queryBus.execute(new GetUserQuery(current.user.id));
    return toAccountModel(user, caller.responseFormat, current.impersonator?.id);
  }

  @Get('prefs')
  @RequireSession()
  @ApiOperation({ operationId: 'account.getPrefs', summary: "The current user's preferences" })
  @ApiOkResponse({ type: PreferencesModel, description: 'The preferences object itself (`{}` when empty)' })
  prefs(@CurrentSession() current: AccountSession) {
    return current.user.prefs;
  }

  @Get('sessions/:sessionId')
  @RequireSession()
  @ApiOperation({
    operationId: 'account.getSession',
    summary: 'One of the current user’s sessions',
    description: 'Use `current` as the id for the session of the request.',
  })
  @ApiParam({ name: 'sessionId', description: 'A session id, or `current`' })
  @ApiOkResponse({ type: SessionModel, description: 'The session (its secret is never shown again)' })
  @ApiAppwriteErrors(
    ...SessionIdPipe.errors,
    when(SessionNotFoundError, "An unknown, revoked or expired session, or another user's"),
  )
  async session(
    @CurrentSession() current: AccountSession,
    @Param('sessionId', SessionIdPipe) sessionId: string,
  ) {
    const row = await this.own.find(current, sessionId);
    return toSessionModel(row, { current: isCurrent(current, row) });
  }
}
