import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionListModel } from '../../dtos/session.response.dto';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { isCurrent, OwnSessions } from '../../infrastructure/own-sessions';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { toSessionModel } from '../../infrastructure/session.mapper';

@ApiTags('account')
@Controller('v1/account/sessions')
export class ListAccountSessionsController {
  constructor(private readonly own: OwnSessions) {}

  @Get()
  @RequireSession()
  @ApiOperation({
    operationId: 'account.listSessions',
    summary: "List the current user's sessions",
    description:
      'Oldest first; `current` marks the session of the request. Sessions a block or a password change ended ' +
      'are gone at once. `secret` is always `""`.',
  })
  @ApiOkResponse({ type: SessionListModel, description: 'The sessions and their number' })
  async list(@CurrentSession() current: AccountSession) {
    const rows = await this.own.list(current);
    return {
      total: rows.length,
      sessions: rows.map((row) => toSessionModel(row, { current: isCurrent(current, row) })),
    };
  }
}
