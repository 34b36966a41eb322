import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe } from '../../../common';
import { TargetIdPipe } from '../../commands/target-params';
import { UserNotFoundError, UserTargetNotFoundError } from '../../domain/user.errors';
import { TargetModel } from '../../dtos/user.response.dto';
import { toTargetModel } from '../../infrastructure/target.mapper';
import { GetUserTargetQuery } from './get-user-target.handler';

@ApiTags('users')
@Controller('v1/users')
export class GetUserTargetController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/targets/:targetId')
  @RequireScopes('users.read')
  @ApiOperation({ operationId: 'users.getTarget', summary: 'Get a messaging target of a user' })
  @ApiOkResponse({ type: TargetModel, description: 'The target' })
  @ApiAppwriteErrors(...UserIdPipe.errors, ...TargetIdPipe.errors, UserNotFoundError, UserTargetNotFoundError)
  async get(@Param('userId', UserIdPipe) userId: string, @Param('targetId', TargetIdPipe) targetId: string) {
    return toTargetModel(await this.queryBus.execute(new GetUserTargetQuery(userId, targetId)));
  }
}
