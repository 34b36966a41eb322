import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { labels } from '@libs/http/params';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserLabelsCommand } from './update-user-labels.handler';

export const UpdateUserLabelsRequest = defineParams<{ labels: string[] }>('UpdateUserLabelsRequest', {
  labels: {
    validator: labels,
    required: true,
    example: ['vip'],
    description: 'Up to 1000 labels of 1-36 letters or digits; duplicates are dropped',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserLabelsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Put(':userId/labels')
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.updateLabels', summary: "Replace a user's labels" })
  @ApiBody({ type: UpdateUserLabelsRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new labels' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserLabelsRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { labels } = UpdateUserLabelsRequest.parse(body);
    await this.commandBus.execute(new UpdateUserLabelsCommand(userId, labels));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
