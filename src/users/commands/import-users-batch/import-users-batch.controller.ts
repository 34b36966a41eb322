import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { fail, ok, ParamValidator, strictBoolean } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams } from '../../../common';
import { BATCH_ALGORITHMS } from './import-users-batch.items';
import { BatchResult, ImportUsersBatchCommand } from './import-users-batch.handler';
import { BatchResultModel } from './import-users-batch.response.dto';

export const MAX_BATCH_USERS = 1000;

const batchItems: ParamValidator<unknown[]> = {
  description: `Value must be an array of 1 to ${MAX_BATCH_USERS} items`,
  schema: { type: 'array', items: { type: 'object' }, minItems: 1, maxItems: MAX_BATCH_USERS },
  parse: (value) =>
    Array.isArray(value) && value.length >= 1 && value.length <= MAX_BATCH_USERS ? ok(value) : fail(),
};

export const ImportUsersBatchRequest = defineParams<{ users: unknown[]; dryRun: boolean }>(
  'ImportUsersBatchRequest',
  {
    users: {
      validator: batchItems,
      required: true,
      example: [
        { userId: 'ada', email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' },
        {
          algorithm: 'md5',
          userId: 'bob',
          email: 'bob@example.com',
          password: '5f4dcc3b5aa765d61d8327deb882cf99',
        },
      ],
      description:
        `1 to ${MAX_BATCH_USERS} users. Each is either the body of a single route with \`algorithm\` naming ` +
        `it (${BATCH_ALGORITHMS.map((a) => `\`${a}\``).join(', ')}; \`plain\` or none is \`POST /v1/users\`, ` +
        'the others `POST /v1/users/{algorithm}` with their `password*` fields), plus optional `phone`, ' +
        '`labels`, `prefs`, `emailVerification`, `phoneVerification`, `status` and `createdAt` (ISO 8601, not ' +
        'in the future: the creation time in the source system, kept as `$createdAt` and `registration`); or a ' +
        'User model as `GET /v1/users/{userId}` shows it to a key with `users.hashes.read` (a line of ' +
        '`GET /v1/users/export`), recognised by its `$id`, whose `password`, `hash` and `hashOptions` are ' +
        'stored as they are and whose `$createdAt` is kept',
    },
    dryRun: {
      validator: strictBoolean,
      default: false,
      description: 'Validate every item, uniqueness against the stored users included, and write nothing',
    },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class ImportUsersBatchController {
  constructor(private readonly commandBus: CommandBus) {}

  // A static segment: find-my-way matches it before `:userId`, whatever the registration order.
  @Post('batch')
  @HttpCode(200)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createBatch',
    summary: 'Create or import up to 1000 users (extension)',
    description:
      'Not in Appwrite. Each item is validated and created on its own, exactly as its single route would ' +
      'do it, in one append with its labels, prefs, verification and status: a refused item never blocks ' +
      'the others, and the answer has one result per item, in input order. A later item with an id, email ' +
      'or phone an earlier one has is refused with 409, as is one that an existing user has, so sending the ' +
      'same batch again is safe. **Plain passwords are slow**: each is hashed with argon2id (a few at a ' +
      'time), where hashes from another system are stored as given; a batch of 1000 plain items takes ' +
      'minutes, prefer hashes.',
  })
  @ApiBody({ type: ImportUsersBatchRequest.dto })
  @ApiOkResponse({ type: BatchResultModel, description: 'One result per item, in input order' })
  @ApiAppwriteErrors(...ImportUsersBatchRequest.errors)
  async create(@Body() body: unknown): Promise<BatchResult> {
    const { users, dryRun } = ImportUsersBatchRequest.parse(body);
    return this.commandBus.execute(new ImportUsersBatchCommand(users, dryRun));
  }
}
