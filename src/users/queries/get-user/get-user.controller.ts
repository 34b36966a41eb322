import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ArgumentInvalidError } from '@libs/http';
import { isoDateTime, range } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, Caller, CallerView, defineParams, UserIdPipe, when } from '../../../common';
import { PreferencesModel, UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { UserNotFoundError } from '../../domain/user.errors';
import { GetUserAsOfQuery } from '../get-user-as-of/get-user-as-of.handler';
import { GetUserQuery } from './get-user.handler';

/** Extension: the user as it was after a version of its stream, or at a time. */
const GetUserAsOfRequest = defineParams<{ version?: number; at?: Date }>('GetUserAsOfRequest', {
  version: { validator: range(1, 2 ** 31 - 1) },
  at: { validator: isoDateTime },
});
const BOTH_POINTS = new ArgumentInvalidError('Give either `version` or `at`, not both.');

@ApiTags('users')
@Controller('v1/users')
export class GetUserController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.get',
    summary: 'Get a user by its id',
    description:
      'Extension: with `version` or `at`, the user as it was then, replayed from its event stream by the read ' +
      "model's own projection (404 `user_not_found` when it did not exist then: before its creation, after " +
      'its deletion, or a version its stream has not reached).',
  })
  @ApiQuery({
    name: 'version',
    required: false,
    type: Number,
    description:
      'Extension: the user after this event of its stream (1 = its creation); see `GET /v1/users/{userId}/events`',
  })
  @ApiQuery({
    name: 'at',
    required: false,
    type: String,
    description: 'Extension: the user at this time (ISO 8601, e.g. `2026-01-01T00:00:00.000+00:00`)',
  })
  @ApiOkResponse({ type: UserModel, description: 'The user' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...GetUserAsOfRequest.errors,
    when(ArgumentInvalidError.invalid('at', isoDateTime.description), '`at` is invalid'),
    when(BOTH_POINTS, 'both `version` and `at`'),
    UserNotFoundError,
  )
  async get(
    @Param('userId', UserIdPipe) userId: string,
    @Caller() caller: CallerView,
    @QueryString() query: Record<string, unknown>,
  ) {
    const { version, at } = GetUserAsOfRequest.parse(query);
    if (version !== undefined && at !== undefined) throw BOTH_POINTS;
    const point = version !== undefined ? { version } : at !== undefined ? { at } : undefined;
    const user = await this.queryBus.execute(
      point ? new GetUserAsOfQuery(userId, point) : new GetUserQuery(userId),
    );
    return toUserModel(user, caller);
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
