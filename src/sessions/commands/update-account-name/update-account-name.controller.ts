import { Body, Controller, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { text } from '@libs/http/params';
import { ApiAppwriteErrors, Caller, CallerView, defineParams, when } from '../../../common';
import { AccountModel, GetUserQuery, toAccountModel, UpdateUserNameCommand } from '../../../users';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';

const UpdateAccountNameRequest = defineParams<{ name: string }>('UpdateAccountNameRequest', {
  name: { validator: text(128), required: true, example: 'Ada Lovelace', description: '1-128 characters' },
});

@ApiTags('account')
@Controller('v1/account')
export class UpdateAccountNameController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch('name')
  @RequireSession()
  @ApiOperation({ operationId: 'account.updateName', summary: "Update the current user's name" })
  @ApiBody({ type: UpdateAccountNameRequest.dto })
  @ApiOkResponse({ type: AccountModel, description: 'The account with its new name' })
  @ApiAppwriteErrors(
    ...UpdateAccountNameRequest.errors,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @CurrentSession() current: AccountSession,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { name } = UpdateAccountNameRequest.parse(body);
    await this.commandBus.execute(new UpdateUserNameCommand(current.user.id, name));
    const user = await this.queryBus.execute(new GetUserQuery(current.user.id));
    return toAccountModel(user, caller.responseFormat, current.impersonator?.id);
  }
}
