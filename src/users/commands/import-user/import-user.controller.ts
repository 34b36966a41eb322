import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { generateUniqueId } from '@libs/http/params';
import { StoredPassword } from '@libs/passwords';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, thrownBy, when, Caller, CallerView } from '../../../common';
import { UserAlreadyExistsError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { ImportUserCommand } from './import-user.handler';
import {
  describeImported,
  IMPORT_HASHERS as HASHERS,
  IMPORT_PARSERS,
  ImportAlgorithm,
  ImportArgon2Request as ARGON2,
  ImportBcryptRequest as BCRYPT,
  ImportMd5Request as MD5,
  ImportPhpassRequest as PHPASS,
  ImportScryptModifiedRequest,
  ImportScryptRequest,
  ImportShaRequest,
} from './import-user.params';

const ERRORS = [
  when(UserAlreadyExistsError, 'The id or email is taken'),
  when(ConflictError, 'Concurrent writes to this user kept conflicting'),
];
const NOT_THE_HASH = 'A password that is not a hash of this algorithm';

/** The answer to a sample the hasher refuses, for the route's documented errors. */
const refusal = (describe: () => StoredPassword, circumstance: string) =>
  thrownBy(() => describeImported(describe), circumstance);

/** `POST /v1/users/{argon2,bcrypt,md5,phpass,scrypt,scrypt-modified,sha}`: users with a hash from another system. */
@ApiTags('users')
@Controller('v1/users')
export class ImportUserController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  private async import(algorithm: ImportAlgorithm, body: unknown, caller: CallerView) {
    const { params: p, stored } = IMPORT_PARSERS[algorithm](body);
    const userId = p.userId === 'unique()' ? generateUniqueId() : p.userId;
    const password = { password: stored.hash, hash: stored.algorithm, hashOptions: stored.options };
    await this.commandBus.execute(new ImportUserCommand(userId, p.email, p.name, password));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }

  @Post('argon2')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createArgon2User',
    summary: 'Import a user with an argon2 (i or id) hash',
  })
  @ApiBody({ type: ARGON2.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(
    ...ARGON2.errors,
    ...refusal(() => HASHERS.argon2.describe('x'), NOT_THE_HASH),
    ...ERRORS,
  )
  async argon2(@Body() body: unknown, @Caller() caller: CallerView) {
    return this.import('argon2', body, caller);
  }

  @Post('bcrypt')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createBcryptUser',
    summary: 'Import a user with a bcrypt hash ($2a$, $2b$, $2y$)',
  })
  @ApiBody({ type: BCRYPT.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(
    ...BCRYPT.errors,
    ...refusal(() => HASHERS.bcrypt.describe('x'), NOT_THE_HASH),
    ...ERRORS,
  )
  async bcrypt(@Body() body: unknown, @Caller() caller: CallerView) {
    return this.import('bcrypt', body, caller);
  }

  @Post('md5')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.createMD5User', summary: 'Import a user with an MD5 hash (hex)' })
  @ApiBody({ type: MD5.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(...MD5.errors, ...refusal(() => HASHERS.md5.describe('x'), NOT_THE_HASH), ...ERRORS)
  async md5(@Body() body: unknown, @Caller() caller: CallerView) {
    return this.import('md5', body, caller);
  }

  @Post('phpass')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createPHPassUser',
    summary: 'Import a user with a PHPass hash (WordPress, phpBB)',
  })
  @ApiBody({ type: PHPASS.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(
    ...PHPASS.errors,
    ...refusal(() => HASHERS.phpass.describe('x'), NOT_THE_HASH),
    ...ERRORS,
  )
  async phpass(@Body() body: unknown, @Caller() caller: CallerView) {
    return this.import('phpass', body, caller);
  }

  @Post('scrypt')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.createScryptUser', summary: 'Import a user with a scrypt hash (hex)' })
  @ApiBody({ type: ImportScryptRequest.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(
    ...ImportScryptRequest.errors,
    ...refusal(
      () =>
        HASHERS.scrypt.describe('x', { salt: 's', costCpu: 3, costMemory: 8, costParallel: 1, length: 64 }),
      'A scrypt parameter no hash can have',
    ),
    ...ERRORS,
  )
  async scrypt(@Body() body: unknown, @Caller() caller: CallerView) {
    return this.import('scrypt', body, caller);
  }

  @Post('scrypt-modified')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createScryptModifiedUser',
    summary: "Import a user with Firebase's modified scrypt hash (base64)",
  })
  @ApiBody({ type: ImportScryptModifiedRequest.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(
    ...ImportScryptModifiedRequest.errors,
    ...refusal(
      () => HASHERS.scryptMod.describe('x', { salt: '0', saltSeparator: 'Bw==', signerKey: 'AA==' }),
      'A salt or signer key of "0"',
    ),
    ...ERRORS,
  )
  async scryptModified(@Body() body: unknown, @Caller() caller: CallerView) {
    return this.import('scryptModified', body, caller);
  }

  @Post('sha')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createSHAUser',
    summary: 'Import a user with a SHA-1, SHA-2 or SHA-3 hash (hex)',
  })
  @ApiBody({ type: ImportShaRequest.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(
    ...ImportShaRequest.errors,
    ...refusal(() => HASHERS.sha.describe('x', { version: 'sha256' }), NOT_THE_HASH),
    ...ERRORS,
  )
  async sha(@Body() body: unknown, @Caller() caller: CallerView) {
    return this.import('sha', body, caller);
  }
}
