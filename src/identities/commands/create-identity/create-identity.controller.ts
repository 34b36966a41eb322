import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { generateUniqueId, UNIQUE_ID_PLACEHOLDER } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe } from '../../../common';
import { ConflictError } from '@libs/http';
import { UserNotFoundError } from '../../../users';
import { IdentityAlreadyExistsError, IdentityNotFoundError } from '../../domain/identity.errors';
import { IdentityModel } from '../../dtos/identity.response.dto';
import { IdentitiesReader } from '../../infrastructure/identities.reader';
import { toIdentityModel } from '../../infrastructure/identity.mapper';
import { CreateIdentityCommand } from './create-identity.handler';
import { CreateIdentityRequest } from './create-identity.request.dto';

@ApiTags('users')
@Controller('v1/users')
export class CreateIdentityController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: IdentitiesReader,
  ) {}

  @Post(':userId/identities')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createIdentity',
    summary: 'Link an external identity to a user (extension)',
    description:
      'Extension: Appwrite has no such route (its identities come only from OAuth2 logins) and its SDKs ' +
      'have no method for it. Use it to import identities; one (provider, providerUid) pair belongs to ' +
      'one identity at a time.',
  })
  @ApiBody({ type: CreateIdentityRequest.dto })
  @ApiCreatedResponse({ type: IdentityModel, description: 'The identity as stored' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...CreateIdentityRequest.errors,
    UserNotFoundError,
    when(IdentityNotFoundError, 'The identity was deleted again before it could be read back'),
    when(IdentityAlreadyExistsError, 'The identity id, or the provider and provider UID, are taken'),
    when(ConflictError, 'Concurrent writes kept conflicting'),
  )
  async create(@Param('userId', UserIdPipe) userId: string, @Body() body: unknown) {
    const { identityId, ...params } = CreateIdentityRequest.parse(body);
    const id = identityId === UNIQUE_ID_PLACEHOLDER ? generateUniqueId() : identityId;
    await this.commandBus.execute(new CreateIdentityCommand({ identityId: id, userId, ...params }));
    const row = await this.reader.findById(id);
    // Only a delete racing in between the commit and this read leaves no row.
    if (!row) throw new IdentityNotFoundError();
    return toIdentityModel(row);
  }
}
