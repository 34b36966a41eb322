import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { MfaFactorsModel } from '../../dtos/mfa.response.dto';
import { toMfaFactorsModel } from '../../infrastructure/mfa.mapper';
import { GetUserQuery } from '../get-user/get-user.handler';

@ApiTags('users')
@Controller('v1/users')
export class ListMfaFactorsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/mfa/factors')
  @RequireScopes('users.read')
  @ApiOperation({ operationId: 'users.listMFAFactors', summary: 'List the factors a user can use for MFA' })
  @ApiOkResponse({ type: MfaFactorsModel, description: "The user's factors" })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError)
  async list(@Param('userId', UserIdPipe) userId: string): Promise<MfaFactorsModel> {
    return toMfaFactorsModel(await this.queryBus.execute(new GetUserQuery(userId)));
  }
}
