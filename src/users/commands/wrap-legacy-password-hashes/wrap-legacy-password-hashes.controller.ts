import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { range } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams } from '../../../common';
import { WrapLegacyPasswordHashesCommand } from './wrap-legacy-password-hashes.handler';

class WrapLegacyPasswordHashesModel {
  @ApiProperty({ example: 100, description: 'Users whose hash this call wrapped' }) wrapped!: number;
  @ApiProperty({ example: 1400, description: 'Users with a fast legacy hash still to wrap' })
  remaining!: number;
}

const WrapRequest = defineParams<{ limit: number }>('WrapLegacyPasswordHashesRequest', {
  limit: {
    validator: range(1, 1000),
    default: 100,
    description:
      'Users to wrap in this call (each costs one argon2id hash); call again until `remaining` is 0',
  },
});

/** Extension: wraps fast imported hashes in argon2id now instead of at each user's next login. */
@ApiTags('users')
@Controller('v1/users')
export class WrapLegacyPasswordHashesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('hashes/wrap')
  @HttpCode(200)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.wrapLegacyPasswordHashes',
    summary: 'Wrap fast imported hashes (MD5, SHA, PHPass) in argon2id (extension)',
    description:
      'Not in Appwrite. Each such hash becomes argon2id over the old hash (`hash: "argon2"`, ' +
      '`hashOptions.wrapped` names the old algorithm), as a `user.password.rehashed` event: no session is ' +
      'revoked and `passwordUpdate` is kept. A failed login for these users then costs the same argon2 work ' +
      'as any other, and the next successful login stores a plain argon2id hash. Appwrite cannot verify a ' +
      'wrapped hash: export such users only after that login. `npm run passwords:wrap-legacy` does every batch.',
  })
  @ApiBody({ type: WrapRequest.dto, required: false })
  @ApiOkResponse({
    type: WrapLegacyPasswordHashesModel,
    description: 'How many hashes this call wrapped, and how many fast legacy hashes are left',
  })
  @ApiAppwriteErrors(...WrapRequest.errors)
  wrap(@Body() body: unknown) {
    const { limit } = WrapRequest.parse(body);
    return this.commandBus.execute(new WrapLegacyPasswordHashesCommand(limit));
  }
}
