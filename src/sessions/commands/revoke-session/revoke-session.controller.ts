import { Controller, Delete, HttpCode, Inject, Param, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireProject, RequireScopes } from '../../../auth/require-scopes.decorator';
import { ApiAppwriteErrors } from '../../../common/http/api-errors.decorator';
import { PathIdPipe, UserIdPipe } from '../../../common/http/path-id.pipe';
import { GetUserQuery } from '../../../users/queries/get-user/get-user.handler';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { AccountSession, CurrentSession, sessionCookieName } from '../../infrastructure/account-session';
import { AccountSessionGuard } from '../../infrastructure/account-session.guard';
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
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiAppwriteErrors({
    404: '`user_not_found`; `user_session_not_found` (unknown, revoked, or of another user)',
  })
  async revokeOne(
    @Param('userId', UserIdPipe) userId: string,
    @Param('sessionId', new PathIdPipe('sessionId')) sessionId: string,
  ): Promise<void> {
    await this.queryBus.execute(new GetUserQuery(userId));
    await this.commandBus.execute(new RevokeSessionCommand(sessionId, 'admin', userId));
  }

  @Delete(':userId/sessions')
  @HttpCode(204)
  @RequireScopes('users.write', 'sessions.write')
  @ApiOperation({ operationId: 'users.deleteSessions', summary: "Revoke all of a user's sessions" })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiAppwriteErrors({ 404: '`user_not_found`' })
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
  @RequireProject()
  @UseGuards(AccountSessionGuard)
  @ApiOperation({ operationId: 'account.deleteSession', summary: 'Log out: revoke the current session' })
  @ApiNoContentResponse({ description: 'Revoked; the session cookie is cleared' })
  @ApiAppwriteErrors({ 401: '`general_unauthorized_scope` (no valid session), `user_blocked`' })
  async logout(@CurrentSession() current: AccountSession, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.commandBus.execute(new RevokeSessionCommand(current.session.id, 'logout'));
    void reply.header(
      'set-cookie',
      `${sessionCookieName(this.config.PROJECT_ID)}=; Path=/; HttpOnly; Max-Age=0`,
    );
  }
}
