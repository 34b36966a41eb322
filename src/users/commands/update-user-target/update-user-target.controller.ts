import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { text } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe, defineParams } from '../../../common';
import {
  InvalidEmailError,
  InvalidPhoneError,
  ProviderNotFoundError,
  UserNotFoundError,
  UserTargetAlreadyExistsError,
  UserTargetNotFoundError,
} from '../../domain/user.errors';
import { TargetModel } from '../../dtos/user.response.dto';
import { toTargetModel } from '../../infrastructure/target.mapper';
import { GetUserTargetQuery } from '../../queries/get-user-target/get-user-target.handler';
import { assertNoProvider, PROVIDER_ID_DESCRIPTION, TargetIdPipe } from '../target-params';
import { UpdateUserTargetCommand } from './update-user-target.handler';

export const UpdateUserTargetRequest = defineParams<{ identifier: string; providerId: string; name: string }>(
  'UpdateUserTargetRequest',
  {
    identifier: {
      validator: text(255, 0),
      default: '',
      example: 'ada@example.org',
      description: 'New identifier, checked against the target\'s type; `""` or omitted keeps it',
    },
    providerId: { validator: text(36, 0), default: '', description: PROVIDER_ID_DESCRIPTION },
    name: { validator: text(128, 0), default: '', description: 'New name; `""` or omitted keeps it' },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserTargetController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/targets/:targetId')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updateTarget',
    summary: 'Update a messaging target of a user',
    description:
      "Changing the identifier of the email or sms target does not change the user's email or phone.",
  })
  @ApiBody({ type: UpdateUserTargetRequest.dto })
  @ApiOkResponse({ type: TargetModel, description: 'The target as updated' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...TargetIdPipe.errors,
    ...UpdateUserTargetRequest.errors,
    when(InvalidEmailError, "An `email` target's new identifier is not an email"),
    when(InvalidPhoneError, "An `sms` target's new identifier is not an E.164 number"),
    when(ProviderNotFoundError, 'A `providerId` (this service has no providers)'),
    UserNotFoundError,
    UserTargetNotFoundError,
    when(UserTargetAlreadyExistsError, "The new identifier is another target's (or a user's email or phone)"),
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Param('targetId', TargetIdPipe) targetId: string,
    @Body() body: unknown,
  ) {
    const params = UpdateUserTargetRequest.parse(body);
    assertNoProvider(params.providerId);
    await this.commandBus.execute(
      new UpdateUserTargetCommand(userId, targetId, {
        ...(params.identifier !== '' ? { identifier: params.identifier } : {}),
        ...(params.name !== '' ? { name: params.name } : {}),
      }),
    );
    return toTargetModel(await this.queryBus.execute(new GetUserTargetQuery(userId, targetId)));
  }
}
