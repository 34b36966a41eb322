import { Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { ApiAppwriteErrors, SessionIdPipe, when } from '../../../common';
import { SessionNotFoundError } from '../../domain/session.errors';
import { SessionModel } from '../../dtos/session.response.dto';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { isCurrent, OwnSessions } from '../../infrastructure/own-sessions';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { toSessionModel } from '../../infrastructure/session.mapper';
import { ExtendSessionCommand } from './update-account-session.handler';

@ApiTags('account')
@Controller('v1/account/sessions')
export class UpdateAccountSessionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly own: OwnSessions,
  ) {}

  @Patch(':sessionId')
  @RequireSession()
  @ApiOperation({
    operationId: 'account.updateSession',
    summary: 'Extend one of the current user’s sessions (`current`: this one)',
    description:
      'The session expires `SESSION_DURATION` seconds from now, as Appwrite extends it by the project’s ' +
      'session length. Sessions have no OAuth tokens to refresh here.',
  })
  @ApiParam({ name: 'sessionId', description: 'A session id, or `current`' })
  @ApiOkResponse({ type: SessionModel, description: 'The session with its new `expire`' })
  @ApiAppwriteErrors(
    ...SessionIdPipe.errors,
    when(SessionNotFoundError, "An unknown, revoked or expired session, or another user's"),
    ConflictError,
  )
  async update(
    @CurrentSession() current: AccountSession,
    @Param('sessionId', SessionIdPipe) sessionId: string,
  ) {
    const row = await this.own.find(current, sessionId);
    await this.commandBus.execute(new ExtendSessionCommand(row.id, current.user.id));
    return toSessionModel(await this.own.find(current, row.id), { current: isCurrent(current, row) });
  }
}
