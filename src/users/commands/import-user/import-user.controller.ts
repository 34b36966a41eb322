import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { generateUniqueId } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, thrownBy, when, Caller, CallerView } from '../../../common';
import { UserAlreadyExistsError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { ImportUserCommand } from './import-user.handler';
import {
  assertHashFormat,
  assertScrypt,
  assertScryptModified,
  assertShaHash,
  ImportCommon,
  ImportPlainRequest,
  ImportScryptModifiedRequest,
  ImportScryptRequest,
  ImportShaRequest,
} from './import-user.params';

const ARGON2 = ImportPlainRequest('CreateArgon2UserRequest');
const BCRYPT = ImportPlainRequest('CreateBcryptUserRequest');
const MD5 = ImportPlainRequest('CreateMD5UserRequest');
const PHPASS = ImportPlainRequest('CreatePHPassUserRequest');
const ERRORS = [
  when(UserAlreadyExistsError, 'The id or email is taken'),
  when(ConflictError, 'Concurrent writes to this user kept conflicting'),
];
const NOT_THE_HASH = 'A password that is not a hash of this algorithm';

/** Hash parameters from an argon2 PHC string; Appwrite stores its defaults instead, we store what the hash says. */
function argon2Options(hash: string): Record<string, unknown> {
  const params = Object.fromEntries(
    hash
      .split('$')[3]
      .split(',')
      .map((kv) => kv.split('=')),
  );
  return {
    type: 'argon2',
    memory_cost: Number(params.m),
    time_cost: Number(params.t),
    threads: Number(params.p),
  };
}

/** `POST /v1/users/{argon2,bcrypt,md5,phpass,scrypt,scrypt-modified,sha}`: users with a hash from another system. */
@ApiTags('users')
@Controller('v1/users')
export class ImportUserController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  private async import(
    p: ImportCommon,
    hash: string,
    hashOptions: Record<string, unknown>,
    caller: CallerView,
  ) {
    const userId = p.userId === 'unique()' ? generateUniqueId() : p.userId;
    await this.commandBus.execute(
      new ImportUserCommand(userId, p.email, p.name, { password: p.password, hash, hashOptions }),
    );
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
    ...thrownBy(() => assertHashFormat('argon2', 'x'), NOT_THE_HASH),
    ...ERRORS,
  )
  async argon2(@Body() body: unknown, @Caller() caller: CallerView) {
    const p = ARGON2.parse(body);
    assertHashFormat('argon2', p.password);
    return this.import(p, 'argon2', argon2Options(p.password), caller);
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
    ...thrownBy(() => assertHashFormat('bcrypt', 'x'), NOT_THE_HASH),
    ...ERRORS,
  )
  async bcrypt(@Body() body: unknown, @Caller() caller: CallerView) {
    const p = BCRYPT.parse(body);
    assertHashFormat('bcrypt', p.password);
    return this.import(p, 'bcrypt', { type: 'bcrypt', cost: Number(p.password.slice(4, 6)) }, caller);
  }

  @Post('md5')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.createMD5User', summary: 'Import a user with an MD5 hash (hex)' })
  @ApiBody({ type: MD5.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(...MD5.errors, ...thrownBy(() => assertHashFormat('md5', 'x'), NOT_THE_HASH), ...ERRORS)
  async md5(@Body() body: unknown, @Caller() caller: CallerView) {
    const p = MD5.parse(body);
    assertHashFormat('md5', p.password);
    return this.import({ ...p, password: p.password.toLowerCase() }, 'md5', { type: 'md5' }, caller);
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
    ...thrownBy(() => assertHashFormat('phpass', 'x'), NOT_THE_HASH),
    ...ERRORS,
  )
  async phpass(@Body() body: unknown, @Caller() caller: CallerView) {
    const p = PHPASS.parse(body);
    assertHashFormat('phpass', p.password);
    const options = { type: 'phpass', iteration_count_log2: 8, portable_hashes: false };
    return this.import(p, 'phpass', options, caller);
  }

  @Post('scrypt')
  @HttpCode(201)
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.createScryptUser', summary: 'Import a user with a scrypt hash (hex)' })
  @ApiBody({ type: ImportScryptRequest.dto })
  @ApiCreatedResponse({ type: UserModel, description: 'The imported user' })
  @ApiAppwriteErrors(
    ...ImportScryptRequest.errors,
    ...thrownBy(
      () => assertScrypt({ salt: 's', costCpu: 3, costMemory: 8, costParallel: 1, length: 64 }, 'x'),
      'A scrypt parameter no hash can have',
    ),
    ...ERRORS,
  )
  async scrypt(@Body() body: unknown, @Caller() caller: CallerView) {
    const p = ImportScryptRequest.parse(body);
    const options = {
      salt: p.passwordSalt,
      costCpu: p.passwordCpu,
      costMemory: p.passwordMemory,
      costParallel: p.passwordParallel,
      length: p.passwordLength,
    };
    assertScrypt(options, p.password);
    return this.import(
      { ...p, password: p.password.toLowerCase() },
      'scrypt',
      { type: 'scrypt', ...options },
      caller,
    );
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
    ...thrownBy(
      () => assertScryptModified({ salt: '0', saltSeparator: 'Bw==', signerKey: 'AA==' }),
      'A salt or signer key of "0"',
    ),
    ...ERRORS,
  )
  async scryptModified(@Body() body: unknown, @Caller() caller: CallerView) {
    const p = ImportScryptModifiedRequest.parse(body);
    const options = {
      salt: p.passwordSalt,
      saltSeparator: p.passwordSaltSeparator,
      signerKey: p.passwordSignerKey,
    };
    assertScryptModified(options);
    assertHashFormat('scryptMod', p.password);
    return this.import(p, 'scryptMod', { type: 'scryptMod', ...options }, caller);
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
    ...thrownBy(() => assertShaHash('sha256', 'x'), NOT_THE_HASH),
    ...ERRORS,
  )
  async sha(@Body() body: unknown, @Caller() caller: CallerView) {
    const p = ImportShaRequest.parse(body);
    const version = assertShaHash(p.passwordVersion, p.password);
    return this.import({ ...p, password: p.password.toLowerCase() }, 'sha', { version }, caller);
  }
}
