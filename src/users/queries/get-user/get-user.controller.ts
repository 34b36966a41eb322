import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, Caller, CallerView, UserIdPipe } from '../../../common';
import { PreferencesModel, UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { UserNotFoundError } from '../../domain/user.errors';
import { GetUserQuery } from './get-user.handler';

@ApiTags('users')
@Controller('v1/users')
export class GetUserController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId')
  @RequireScopes('users.read')
  @ApiOperation({ operationId: 'users.get', summary: 'Get a user by its id' })
  @ApiOkResponse({ type: UserModel, description: 'The user' })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError)
  async get(@Param('userId', UserIdPipe) userId: string, @Caller() caller: CallerView) {
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }

  @Get(':userId/prefs')
  @RequireScopes('users.read')
  @ApiOperation({ operationId: 'users.getPrefs', summary: "Get a user's preferences" })
  @ApiOkResponse({ type: PreferencesModel, description: 'The preferences object itself (`{}` when empty)' })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError)
  async getPrefs(@Param('userId', UserIdPipe) userId: string) {
    return (await this.queryBus.execute(new GetUserQuery(userId))).prefs;
  }
}
