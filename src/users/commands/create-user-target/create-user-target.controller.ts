import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { customId, generateUniqueId, text, whiteList } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe, defineParams } from '../../../common';
import type { TargetProviderType } from '../../domain/events';
import {
  InvalidEmailError,
  InvalidPhoneError,
  ProviderNotFoundError,
  UserNotFoundError,
  UserTargetAlreadyExistsError,
} from '../../domain/user.errors';
import { TargetModel } from '../../dtos/user.response.dto';
import { toTargetModel } from '../../infrastructure/target.mapper';
import { GetUserTargetQuery } from '../../queries/get-user-target/get-user-target.handler';
import { assertNoProvider, PROVIDER_ID_DESCRIPTION } from '../target-params';
import { CreateUserTargetCommand } from './create-user-target.handler';

const PROVIDER_TYPES = ['email', 'sms', 'push'] as const;

export const CreateUserTargetRequest = defineParams<{
  targetId: string;
  providerType: TargetProviderType;
  identifier: string;
  providerId: string;
  name: string;
}>('CreateUserTargetRequest', {
  targetId: {
    validator: customId,
    required: true,
    example: 'unique()',
    description: "Custom id, or `unique()` for a generated one; unique among all users' targets",
  },
  providerType: { validator: whiteList(PROVIDER_TYPES, false), required: true, example: 'push' },
  identifier: {
    validator: text(255),
    required: true,
    example: 'ada@example.com',
    description:
      'An email (`email`), an E.164 number (`sms`) or a device token (`push`); unique among targets',
  },
  providerId: { validator: text(36, 0), default: '', description: PROVIDER_ID_DESCRIPTION },
  name: { validator: text(128, 0), default: '', example: "Ada's phone" },
});

@ApiTags('users')
@Controller('v1/users')
export class CreateUserTargetController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':userId/targets')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.createTarget', summary: 'Create a messaging target of a user' })
  @ApiBody({ type: CreateUserTargetRequest.dto })
  @ApiCreatedResponse({ type: TargetModel, description: 'The new target' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...CreateUserTargetRequest.errors,
    when(InvalidEmailError, 'An `email` target whose identifier is not an email'),
    when(InvalidPhoneError, 'An `sms` target whose identifier is not an E.164 number'),
    when(ProviderNotFoundError, 'A `providerId` (this service has no providers)'),
    UserNotFoundError,
    when(
      UserTargetAlreadyExistsError,
      "The target id or identifier is taken (or is a user's email or phone)",
    ),
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async create(@Param('userId', UserIdPipe) userId: string, @Body() body: unknown) {
    const params = CreateUserTargetRequest.parse(body);
    assertNoProvider(params.providerId);
    const targetId = params.targetId === 'unique()' ? generateUniqueId() : params.targetId;
    await this.commandBus.execute(
      new CreateUserTargetCommand(userId, {
        targetId,
        providerType: params.providerType,
        identifier: params.identifier,
        name: params.name,
      }),
    );
    return toTargetModel(await this.queryBus.execute(new GetUserTargetQuery(userId, targetId)));
  }
}
