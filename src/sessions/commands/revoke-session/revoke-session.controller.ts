import { Controller, Delete, HttpCode, Inject, Param, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, SessionIdPipe, UserIdPipe } from '../../../common';
import { UserNotFoundError, GetUserQuery } from '../../../users';
import { APP_CONFIG, AppConfig } from '../../../config';
import { AccountSession, CurrentSession, sessionCookieName } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { SessionsReader } from '../../infrastructure/sessions.reader';
import { NoSessionError, SessionNotFoundError } from '../../domain/session.errors';
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

@ApiTags('account')
@Controller('v1/account/sessions')
export class LogoutController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Delete('current')
  @HttpCode(204)
  @RequireSession()
  @ApiOperation({ operationId: 'account.deleteSession', summary: 'Log out: revoke the current session' })
  @ApiNoContentResponse({ description: 'Revoked (no body); the session cookie is cleared' })
  @ApiAppwriteErrors(when(SessionNotFoundError, 'The session was revoked meanwhile'), ConflictError)
  async logout(@CurrentSession() current: AccountSession, @Res({ passthrough: true }) reply: FastifyReply) {
    // A credential that belongs to no session (a personal access token) has nothing to log out of.
    if (!current.session) throw new NoSessionError();
    await this.commandBus.execute(new RevokeSessionCommand(current.session.id, 'logout'));
    void reply.header(
      'set-cookie',
      `${sessionCookieName(this.config.PROJECT_ID)}=; Path=/; HttpOnly; Max-Age=0`,
    );
  }
}
