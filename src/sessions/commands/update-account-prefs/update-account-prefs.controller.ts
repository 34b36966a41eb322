import { Body, Controller, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { prefs } from '@libs/http/params';
import { ApiAppwriteErrors, Caller, CallerView, defineParams, when } from '../../../common';
import { AccountModel, GetUserQuery, toAccountModel, UpdateUserPrefsCommand } from '../../../users';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';

const UpdateAccountPrefsRequest = defineParams<{ prefs: Record<string, unknown> }>(
  'UpdateAccountPrefsRequest',
  {
    prefs: {
      validator: prefs,
      required: true,
      example: { language: 'en', timezone: 'UTC', darkTheme: true },
      description: 'A JSON object of at most 65535 characters; replaces the whole preferences object',
    },
  },
);

@ApiTags('account')
@Controller('v1/account')
export class UpdateAccountPrefsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch('prefs')
  @RequireSession()
  @ApiOperation({ operationId: 'account.updatePrefs', summary: "Replace the current user's preferences" })
  @ApiBody({ type: UpdateAccountPrefsRequest.dto })
  @ApiOkResponse({
    type: AccountModel,
    description: 'The account with its new preferences (as Appwrite answers)',
  })
  @ApiAppwriteErrors(
    ...UpdateAccountPrefsRequest.errors,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @CurrentSession() current: AccountSession,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const params = UpdateAccountPrefsRequest.parse(body);
    await this.commandBus.execute(new UpdateUserPrefsCommand(current.user.id, params.prefs));
    const user = await this.queryBus.execute(new GetUserQuery(current.user.id));
    return toAccountModel(user, caller.responseFormat, current.impersonator?.id);
  }
}
