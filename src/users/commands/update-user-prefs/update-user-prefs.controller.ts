import { Body, Controller, Headers, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { prefsOrJsonString } from '@libs/http/params';
import { ArgumentInvalidError, ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, ApiRequestContent, when, UserIdPipe, defineParams } from '../../../common';
import { MERGE_PATCH_MEDIA_TYPE } from '../../domain/prefs-merge-patch';
import { UserNotFoundError } from '../../domain/user.errors';
import { PreferencesModel } from '../../dtos/user.response.dto';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { MergeUserPrefsCommand } from '../merge-user-prefs/merge-user-prefs.handler';
import { UpdateUserPrefsCommand } from './update-user-prefs.handler';

export const UpdateUserPrefsRequest = defineParams<{ prefs: Record<string, unknown> }>(
  'UpdateUserPrefsRequest',
  {
    prefs: {
      validator: prefsOrJsonString,
      required: true,
      example: { theme: 'dark' },
      description:
        'A JSON object of at most 65535 characters; replaces the whole preferences object. A JSON string of ' +
        'such an object (Appwrite 0.x clients) is accepted too',
    },
  },
);

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserPrefsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/prefs')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updatePrefs',
    summary: "Replace a user's preferences (or merge them: extension)",
    description:
      'With `Content-Type: application/json` the body is `{"prefs": {...}}` and replaces the preferences, as in ' +
      'Appwrite. Extension: with `Content-Type: application/merge-patch+json` the body is an RFC 7396 JSON ' +
      'Merge Patch applied to the current preferences (nested objects merge, `null` deletes a key, arrays and ' +
      'other values replace); it must be an object, and the result must fit in 65535 characters. Concurrent ' +
      'merges never lose each other’s keys.',
  })
  @ApiBody({ type: UpdateUserPrefsRequest.dto })
  @ApiRequestContent(MERGE_PATCH_MEDIA_TYPE, {
    type: 'object',
    additionalProperties: true,
    example: { theme: 'dark', notifications: { email: null } },
    description: 'Extension: an RFC 7396 merge patch of the preferences (not wrapped in `prefs`)',
  })
  @ApiOkResponse({ type: PreferencesModel, description: 'The new preferences object itself' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserPrefsRequest.errors,
    when(
      new ArgumentInvalidError('Invalid merge patch: the body must be a JSON object.'),
      'A merge patch that is not an object, or whose result is not valid prefs',
    ),
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ) {
    if (mediaTypeOf(contentType) === MERGE_PATCH_MEDIA_TYPE) {
      return this.commandBus.execute(new MergeUserPrefsCommand(userId, body));
    }
    const params = UpdateUserPrefsRequest.parse(body);
    await this.commandBus.execute(new UpdateUserPrefsCommand(userId, params.prefs));
    return (await this.queryBus.execute(new GetUserQuery(userId))).prefs;
  }
}
