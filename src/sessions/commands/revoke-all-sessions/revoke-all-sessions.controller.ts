import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, SweepIdPipe } from '../../../common';
import { SessionSweepNotFoundError } from '../../domain/session.errors';
import { SessionSweepModel } from '../../dtos/session-sweep.response.dto';
import { toSessionSweepModel } from '../../infrastructure/session-sweep.mapper';
import { SessionSweepsReader } from '../../infrastructure/session-sweeps.reader';
import { RevokeAllSessionsCommand } from './revoke-all-sessions.handler';

@ApiTags('users')
@Controller('v1/users/sessions')
export class RevokeAllSessionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: SessionSweepsReader,
  ) {}

  @Delete()
  @HttpCode(202)
  @RequireScopes('users.write', 'sessions.write')
  @ApiOperation({
    operationId: 'users.deleteAllSessions',
    summary: 'Extension: revoke every session of every user',
    description:
      'Every session that exists when this is accepted is refused from that moment on; a worker then ' +
      'revokes each one (one `session.revoked` event each, in every user’s activity log). Asking again while ' +
      'a sweep runs answers that sweep. Follow its progress with `GET /v1/users/sessions/sweeps/{sweepId}`.',
  })
  @ApiAcceptedResponse({ type: SessionSweepModel, description: 'The sweep, accepted and running' })
  @ApiAppwriteErrors(ConflictError)
  async revokeAll(): Promise<SessionSweepModel> {
    const sweepId = await this.commandBus.execute(new RevokeAllSessionsCommand());
    const sweep = await this.reader.find(sweepId);
    if (!sweep) throw new SessionSweepNotFoundError();
    return toSessionSweepModel(sweep);
  }

  @Get('sweeps/:sweepId')
  @RequireScopes('users.read', 'sessions.read')
  @ApiOperation({
    operationId: 'users.getSessionSweep',
    summary: 'Extension: the state and progress of a "revoke every session" sweep',
  })
  @ApiOkResponse({ type: SessionSweepModel, description: 'The sweep' })
  @ApiAppwriteErrors(...SweepIdPipe.errors, SessionSweepNotFoundError)
  async get(@Param('sweepId', SweepIdPipe) sweepId: string): Promise<SessionSweepModel> {
    const sweep = await this.reader.find(sweepId);
    if (!sweep) throw new SessionSweepNotFoundError();
    return toSessionSweepModel(sweep);
  }
}
