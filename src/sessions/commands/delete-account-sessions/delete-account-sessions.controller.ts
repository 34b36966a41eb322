import { Controller, Delete, HttpCode, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError } from '@libs/http';
import { ApiAppwriteErrors, SessionIdPipe, when } from '../../../common';
import { APP_CONFIG, AppConfig } from '../../../config';
import { SessionNotFoundError } from '../../domain/session.errors';
import { AccountSession, CurrentSession, sessionCookieName } from '../../infrastructure/account-session';
import { isCurrent, OwnSessions } from '../../infrastructure/own-sessions';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { SessionsReader } from '../../infrastructure/sessions.reader';
import { RevokeSessionCommand } from '../revoke-session/revoke-session.handler';

@ApiTags('account')
@Controller('v1/account/sessions')
export class DeleteAccountSessionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly own: OwnSessions,
    private readonly reader: SessionsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Delete(':sessionId')
  @HttpCode(204)
  @RequireSession({ allowIncompleteMfa: true })
  @ApiOperation({
    operationId: 'account.deleteSession',
    summary: 'Log out of one session (`current`: of this one)',
    description: 'Deleting the session of the request also expires its cookie.',
  })
  @ApiParam({ name: 'sessionId', description: 'A session id, or `current`' })
  @ApiNoContentResponse({ description: 'Revoked (no body)' })
  @ApiAppwriteErrors(
    ...SessionIdPipe.errors,
    when(SessionNotFoundError, "An unknown, revoked or expired session, or another user's"),
    ConflictError,
  )
  async deleteOne(
    @CurrentSession() current: AccountSession,
    @Param('sessionId', SessionIdPipe) sessionId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const row = await this.own.find(current, sessionId);
    await this.commandBus.execute(new RevokeSessionCommand(row.id, 'logout', current.user.id));
    if (isCurrent(current, row)) this.clearCookie(request, reply);
  }

  @Delete()
  @HttpCode(204)
  @RequireSession({ allowIncompleteMfa: true })
  @ApiOperation({
    operationId: 'account.deleteSessions',
    summary: 'Log out everywhere: revoke every session of the current user, this one included',
  })
  @ApiNoContentResponse({ description: 'All revoked (no body); the session cookie is expired' })
  @ApiAppwriteErrors(ConflictError)
  async deleteAll(
    @CurrentSession() current: AccountSession,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    for (const sessionId of await this.reader.listLiveIds(current.user.id)) {
      // Revoked meanwhile (another logout, the worker) is fine; any other failure must reach the caller.
      await this.commandBus
        .execute(new RevokeSessionCommand(sessionId, 'logout', current.user.id))
        .catch((error: unknown) => {
          if (!(error instanceof SessionNotFoundError)) throw error;
        });
    }
    if (current.session) this.clearCookie(request, reply);
  }

  private clearCookie(request: FastifyRequest, reply: FastifyReply): void {
    const attributes = ['Path=/', 'HttpOnly', 'Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT'];
    if (request.protocol === 'https') attributes.push('Secure');
    void reply.header(
      'set-cookie',
      [`${sessionCookieName(this.config.PROJECT_ID)}=`, ...attributes].join('; '),
    );
  }
}
