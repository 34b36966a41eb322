import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, SessionIdPipe, UserIdPipe } from '../../../common';
import { UserNotFoundError, GetUserQuery } from '../../../users';
import { SessionsReader } from '../../infrastructure/sessions.reader';
import { SessionNotFoundError } from '../../domain/session.errors';
import { RevokeSessionCommand } from './revoke-session.handler';

@ApiTags('users')
@Controller('v1/users')
export class RevokeUserSessionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly reader: SessionsReader,
  ) {}

  @Delete(':userId/sessions/:sessionId')
  @HttpCode(204)
  @RequireScopes('users.write', 'sessions.write')
  @ApiOperation({ operationId: 'users.deleteSession', summary: "Revoke one of a user's sessions" })
  @ApiNoContentResponse({ description: 'Revoked (no body)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...SessionIdPipe.errors,
    UserNotFoundError,
    when(SessionNotFoundError, 'An unknown or revoked session, or one of another user'),
    ConflictError,
  )
  async revokeOne(
    @Param('userId', UserIdPipe) userId: string,
    @Param('sessionId', SessionIdPipe) sessionId: string,
  ): Promise<void> {
    await this.queryBus.execute(new GetUserQuery(userId));
    await this.commandBus.execute(new RevokeSessionCommand(sessionId, 'admin', userId));
  }

  @Delete(':userId/sessions')
  @HttpCode(204)
  @RequireScopes('users.write', 'sessions.write')
  @ApiOperation({ operationId: 'users.deleteSessions', summary: "Revoke all of a user's sessions" })
  @ApiNoContentResponse({ description: 'All revoked (no body)' })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError, ConflictError)
  async revokeAll(@Param('userId', UserIdPipe) userId: string): Promise<void> {
    await this.queryBus.execute(new GetUserQuery(userId));
    for (const sessionId of await this.reader.listLiveIds(userId)) {
      // Revoked meanwhile (a logout, the worker) is fine; any other failure must reach the caller.
      await this.commandBus
        .execute(new RevokeSessionCommand(sessionId, 'admin', userId))
        .catch((error: unknown) => {
          if (!(error instanceof SessionNotFoundError)) throw error;
        });
    }
  }
}
