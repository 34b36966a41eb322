import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArgumentInvalidError, ConflictError } from '@libs/http';
import { customId, email, generateUniqueId, nullable, password, phone, text } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, defineParams } from '../../../common';
import { UserAlreadyExistsError, UserIdReservedError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { CreateUserCommand } from './create-user.handler';

export const CreateUserRequest = defineParams<{
  userId: string;
  email: string | null;
  phone: string | null;
  password: string;
  name: string;
}>('CreateUserRequest', {
  userId: {
    validator: customId,
    // Appwrite 0.x clients send no userId: they get a generated one, as with `unique()`.
    default: 'unique()',
    description:
      'Custom id, or `unique()` (or no userId, as Appwrite 0.x clients send) for a generated one. ' +
      '`count`, `hashes`, `export`, `batch`, `sessions` and `identities` are reserved',
    example: 'unique()',
  },
  email: { validator: nullable(email), default: null, example: 'ada@example.com' },
  phone: { validator: nullable(phone), default: null, example: '+14155550100' },
  password: {
    validator: password(8),
    default: '',
    description: 'Plain text, 8-256 bytes; hashed with argon2id',
  },
  name: { validator: text(128), default: '', example: 'Ada Lovelace' },
});

@ApiTags('users')
@Controller('v1/users')
export class CreateUserController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.create', summary: 'Create a user' })
  @ApiBody({ type: CreateUserRequest.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The new user' })
  @ApiAppwriteErrors(
    ...CreateUserRequest.errors,
    when(UserAlreadyExistsError, 'The id, email or phone is taken'),
    when(new UserIdReservedError('count'), 'The id names a route under /v1/users (extension)'),
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async create(@Body() body: unknown, @Caller() caller: CallerView) {
    // Only an object is a 0.x request without `userId`; an array or scalar body creates nobody.
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw ArgumentInvalidError.missing('userId');
    const params = CreateUserRequest.parse(body);
    const userId = params.userId === 'unique()' ? generateUniqueId() : params.userId;
    await this.commandBus.execute(
      new CreateUserCommand(userId, params.email, params.phone, params.password, params.name),
    );
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
