import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { EraseUserCommand } from './erase-user.handler';

@ApiTags('users')
@Controller('v1/users')
export class EraseUserController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':userId/erasure')
  @HttpCode(204)
  @RequireScopes('users.erase')
  @ApiOperation({
    operationId: 'users.erase',
    summary: 'Erase a user (GDPR Art. 17). Extension',
    description:
      'Extension (not in Appwrite), scope `users.erase`. Deletes the user if it exists, destroys its data key ' +
      '(every personal field of its history becomes `null`), purges its sessions, tokens and identities, ' +
      'blanks the email, name, IP and device of its activity logs and the IP and user agent of its events. ' +
      'Irreversible. Erasing an erased user again changes nothing (204); an id that never existed is 404. The ' +
      'id can be used again by a new user, whose data is sealed with a new key.',
  })
  @ApiNoContentResponse({ description: 'Erased (no body, no content type)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async erase(@Param('userId', UserIdPipe) userId: string): Promise<void> {
    await this.commandBus.execute(new EraseUserCommand(userId));
  }
}
