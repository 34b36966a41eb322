import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, Caller, CallerView, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { UserExportModel } from '../../dtos/user-export.response.dto';
import { ExportUserQuery } from './export-user.handler';

@ApiTags('users')
@Controller('v1/users')
export class ExportUserController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/export')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.exportUser',
    summary: 'Extension: export everything held about a user',
    description:
      'Extension (GDPR Art. 15 access and Art. 20 portability). One JSON document, sent as an attachment: the ' +
      'User model, prefs, live sessions, identities, personal access tokens, memberships, the activity log and ' +
      'the decoded history of the user, its sessions, identities and access tokens. It holds no credential: no password hash ' +
      "(whatever the key's scopes), no session secret or its hash, no provider token, no access token secret. " +
      'A deleted user is still exported (its history ' +
      'remains, `user` and `prefs` are `null`); 404 only for an id that never existed.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({
    type: UserExportModel,
    description: 'The export, with `Content-Disposition: attachment; filename="user-<userId>.json"`',
  })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError)
  async export(
    @Param('userId', UserIdPipe) userId: string,
    @Caller() caller: CallerView,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const document = await this.queryBus.execute(new ExportUserQuery(userId, caller.responseFormat));
    void reply
      .header('content-disposition', `attachment; filename="user-${userId}.json"`)
      .header('cache-control', 'no-store');
    return document;
  }
}
