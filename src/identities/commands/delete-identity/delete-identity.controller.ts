import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, IdentityIdPipe } from '../../../common';
import { ConflictError } from '@libs/http';
import { IdentityNotFoundError } from '../../domain/identity.errors';
import { DeleteIdentityCommand } from './delete-identity.handler';

@ApiTags('users')
@Controller('v1/users')
export class DeleteIdentityController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete('identities/:identityId')
  @HttpCode(204)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.deleteIdentity',
    summary: 'Delete an identity',
    description:
      'Only the identity goes: the user and its sessions stay. The provider UID becomes free again.',
  })
  @ApiNoContentResponse({ description: 'Deleted (no body, no content type)' })
  @ApiAppwriteErrors(...IdentityIdPipe.errors, IdentityNotFoundError, ConflictError)
  async delete(@Param('identityId', IdentityIdPipe) identityId: string): Promise<void> {
    await this.commandBus.execute(new DeleteIdentityCommand(identityId));
  }
}
