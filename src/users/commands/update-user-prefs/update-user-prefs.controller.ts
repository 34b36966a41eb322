import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { prefs } from '@libs/http/params';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { PreferencesModel } from '../../dtos/user.response.dto';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserPrefsCommand } from './update-user-prefs.handler';

export const UpdateUserPrefsRequest = defineParams<{ prefs: Record<string, unknown> }>(
  'UpdateUserPrefsRequest',
  {
    prefs: {
      validator: prefs,
      required: true,
      example: { theme: 'dark' },
      description: 'A JSON object of at most 65535 characters; replaces the whole preferences object',
    },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserPrefsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/prefs')
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.updatePrefs', summary: "Replace a user's preferences" })
  @ApiBody({ type: UpdateUserPrefsRequest.dto })
  @ApiOkResponse({ type: PreferencesModel, description: 'The new preferences object itself' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserPrefsRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(@Param('userId', UserIdPipe) userId: string, @Body() body: unknown) {
    const params = UpdateUserPrefsRequest.parse(body);
    await this.commandBus.execute(new UpdateUserPrefsCommand(userId, params.prefs));
    return (await this.queryBus.execute(new GetUserQuery(userId))).prefs;
  }
}
